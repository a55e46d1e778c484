import torch.nn as nn
import torch.nn.functional as F

criterion = nn.CrossEntropyLoss(ignore_index=-100)


def cls_loss(model, images, labels):
    out = model(images)
    log_probs = F.log_softmax(out, dim=1)
    return criterion(log_probs, labels)
