"""An LSTM and a GRU over sequences of varying length, batch first."""

import torch

from _common import compile_reset


class Seq(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = torch.nn.LSTM(8, 16, batch_first=True)
        self.gru = torch.nn.GRU(16, 8, batch_first=True)

    def forward(self, x):
        y, _ = self.lstm(x)
        z, h = self.gru(y)
        return z[:, -1] + h[0]


def main():
    compile_reset()
    f = torch.compile(Seq(), dynamic=True, backend="eager")
    f(torch.randn(2, 5, 8))
    f(torch.randn(3, 9, 8))
