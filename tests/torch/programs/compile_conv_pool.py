"""Convolution, max and average pooling, adaptive pooling and a flatten into a classifier."""

import torch

from _common import compile_reset


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 6, 3, padding=1)
        self.pool = torch.nn.MaxPool2d(2)
        self.avg = torch.nn.AvgPool2d(3, stride=2, padding=1)
        self.head = torch.nn.Linear(6 * 4 * 4, 10)

    def forward(self, x):
        x = self.avg(self.pool(torch.relu(self.conv(x))))
        x = torch.nn.functional.adaptive_avg_pool2d(x, (4, 4))
        return self.head(x.flatten(1))


def main():
    compile_reset()
    f = torch.compile(Net(), dynamic=True, backend="eager")
    f(torch.randn(2, 3, 32, 32))
    f(torch.randn(4, 3, 48, 40))
