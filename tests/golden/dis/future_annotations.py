from __future__ import annotations

import re
from typing import Optional

x: int = 1
y: dict[str, list[int]]

def f(a: re.Match, b: Optional[str] = None, *args: int, c: "quoted" = 2, **kw: float) -> tuple[int, ...]:
    z: list[int] = []
    return z

class C:
    attr: int | None = None
    other: Callable[[int, str], bool]

    def m(self, v: C) -> C:
        return self

def g(p: -1, q: a.b[c:d], r: not x, s: (a, b), t: x if y else z, u: f(1, *a, k=2, **kw)) -> a ** b ** c:
    pass
