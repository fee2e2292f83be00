"""Strided, padded and dilated convolutions: output sizes as FloorDiv formulas."""

import torch

from _common import compile_reset


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = torch.nn.Conv2d(3, 8, 3, stride=2, padding=1)
        self.c2 = torch.nn.Conv2d(8, 8, 5, stride=3, padding=2, dilation=2)
        self.c3 = torch.nn.Conv2d(8, 4, (1, 3), stride=(1, 2))

    def forward(self, x):
        return self.c3(torch.relu(self.c2(torch.relu(self.c1(x)))))


def main():
    compile_reset()
    f = torch.compile(Net(), dynamic=True, backend="eager")
    f(torch.randn(2, 3, 40, 48))
    f(torch.randn(3, 3, 41, 57))
