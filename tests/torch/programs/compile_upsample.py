"""Upsampling: nearest interpolation by a scale, a transposed convolution, and a resize to a
given size."""

import torch
import torch.nn.functional as F

from _common import compile_reset


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.up = torch.nn.ConvTranspose2d(4, 4, 2, stride=2)
        self.conv = torch.nn.Conv2d(4, 4, 3, padding=1)

    def forward(self, x):
        y = F.interpolate(x, scale_factor=2, mode="nearest")
        z = self.up(x)
        w = F.interpolate(self.conv(x), size=(y.shape[2], y.shape[3]), mode="bilinear",
                          align_corners=False)
        return y + z + w


def main():
    compile_reset()
    f = torch.compile(Net(), dynamic=True, backend="eager")
    f(torch.randn(2, 4, 8, 12))
    f(torch.randn(3, 4, 10, 6))
