"""A read-only, picklable mapping (``types.FrozenDict`` cannot be pickled to worker processes)."""

from __future__ import annotations

from typing import Any, NoReturn


class FrozenDict(dict):
    """A dict that refuses changes after construction; hashable if its values are."""

    __slots__ = ()

    def _readonly(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("this mapping is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _readonly

    def __reduce__(self):
        return (FrozenDict, (dict(self),))

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items(), key=repr)))

    def __repr__(self) -> str:
        return f"FrozenDict({dict.__repr__(self)})"
