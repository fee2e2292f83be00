"""A convolution and batch norm in training, through AOTAutograd (backend aot_eager)."""

import torch

from _common import compile_reset


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3, stride=2, padding=1)
        self.bn = torch.nn.BatchNorm2d(4)

    def forward(self, x):
        return torch.relu(self.bn(self.conv(x))).mean()


def main():
    compile_reset()
    net = Net()
    f = torch.compile(net, dynamic=True, backend="aot_eager")
    for shape in ((2, 3, 16, 16), (3, 3, 20, 12)):
        f(torch.randn(*shape, requires_grad=True)).backward()
