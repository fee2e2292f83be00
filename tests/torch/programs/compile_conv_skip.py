"""A small U-Net: downsampling twice and concatenating skip connections forces
divisibility guards on the spatial sizes."""

import torch

from _common import compile_reset


class UNet(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.d1 = torch.nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.d2 = torch.nn.Conv2d(8, 16, 3, stride=2, padding=1)
        self.u2 = torch.nn.ConvTranspose2d(16, 8, 2, stride=2)
        self.u1 = torch.nn.ConvTranspose2d(16, 3, 2, stride=2)

    def forward(self, x):
        a = torch.relu(self.d1(x))
        b = torch.relu(self.d2(a))
        c = torch.cat([self.u2(b), a], dim=1)
        return self.u1(c) + x


def main():
    compile_reset()
    f = torch.compile(UNet(), dynamic=True, backend="eager")
    f(torch.randn(1, 3, 32, 64))
    f(torch.randn(2, 3, 16, 24))
