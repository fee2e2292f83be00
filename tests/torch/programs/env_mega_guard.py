"""produce_guards' order and omissions for two 1-D inputs tied by a == 2*b, with fake tensors
and with FakeTensorMeta placeholders (peer cases B13, A12)."""

import torch

from _common import FakeTensorMeta, LocalSource, fake, fake_mode, new_env

TRANSLATION_VALIDATION = True

WANT_ALL = [
    "L['a'].size()[0] == 2*L['b'].size()[0]",
    "L['a'].stride()[0] == 1",
    "L['a'].storage_offset() == 0",
    "L['b'].stride()[0] == 1",
    "L['b'].storage_offset() == 0",
    "2 <= L['b'].size()[0]",
]
WANT_DYNAMIC = ["L['a'].size()[0] == 2*L['b'].size()[0]", "2 <= L['b'].size()[0]"]


def main():
    env = new_env()
    mode = fake_mode(env)
    a = fake(env, mode, torch.randn(16), "a")
    b = fake(env, mode, torch.randn(8), "b")
    assert bool(a.size(0) == 2 * b.size(0))
    sources = [LocalSource("a"), LocalSource("b")]
    assert env.produce_guards([a, b], sources, ignore_static=False) == WANT_ALL
    assert env.produce_guards([a, b], sources) == WANT_DYNAMIC
    metas = [FakeTensorMeta.from_fake(t) for t in (a, b)]
    assert env.produce_guards(metas, sources, ignore_static=False) == WANT_ALL
    assert env.produce_guards(metas, sources) == WANT_DYNAMIC
