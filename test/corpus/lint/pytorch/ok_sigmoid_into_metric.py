import torch
import torchmetrics
from sklearn.metrics import roc_auc_score

auroc = torchmetrics.classification.BinaryAUROC()


def evaluate(model, loader):
    scores, labels = [], []
    for x, y in loader:
        p = torch.sigmoid(model(x))
        auroc.update(p, y)
        scores.append(p)
        labels.append(y)
    f1 = torchmetrics.functional.f1_score(torch.sigmoid(model(x)), y, task="binary")
    return roc_auc_score(torch.cat(labels), torch.cat(scores)), auroc.compute(), f1
