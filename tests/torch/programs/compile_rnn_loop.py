"""A hand-written RNN cell stepped over the time dimension in Python."""

import torch

from _common import compile_reset


class Cell(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.ih = torch.nn.Linear(4, 8)
        self.hh = torch.nn.Linear(8, 8)

    def forward(self, x):
        h = x.new_zeros(x.shape[0], 8)
        for t in range(x.shape[1]):
            h = torch.tanh(self.ih(x[:, t]) + self.hh(h))
        return h


def main():
    compile_reset()
    f = torch.compile(Cell(), dynamic=True, backend="eager")
    f(torch.randn(3, 4, 4))
    f(torch.randn(5, 4, 4))
