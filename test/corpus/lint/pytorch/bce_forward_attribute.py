import torch
from torch import nn


class Discriminator(nn.Module):
    def __init__(self, channels=64):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(3, channels, 4, 2, 1),
            nn.LeakyReLU(0.2, inplace=True),
            nn.Flatten(),
            nn.Linear(channels * 16 * 16, 1),
        )
        self.sigmoid = nn.Sigmoid()

    def forward(self, img):
        h = self.body(img)
        return self.sigmoid(h)


disc = Discriminator()
adversarial = nn.BCELoss(reduction="sum")


def d_step(real, fake, ones, zeros):
    out_real = disc(real)
    out_fake = disc(fake.detach())
    return adversarial(out_real, ones) + adversarial(out_fake, zeros)
