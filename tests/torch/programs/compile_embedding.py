"""Token and position embeddings over dynamic batch and sequence, and an EmbeddingBag."""

import torch

from _common import compile_reset


class Emb(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.tok = torch.nn.Embedding(100, 16)
        self.pos = torch.nn.Embedding(64, 16)
        self.bag = torch.nn.EmbeddingBag(100, 16, mode="mean")

    def forward(self, ids):
        pos = torch.arange(ids.shape[1])
        x = self.tok(ids) + self.pos(pos)[None]
        return x.mean(1) + self.bag(ids)


def main():
    compile_reset()
    f = torch.compile(Emb(), dynamic=True, backend="eager")
    f(torch.randint(0, 100, (2, 7)))
    f(torch.randint(0, 100, (3, 12)))
