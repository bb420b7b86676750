"""Dicts that read their values from a store on first use and remember what was written.

A stage's index keeps its state in plain dicts; when the state is persisted as rows, the index is
opened with :class:`LazyMap` values instead, so a run reads only the entries it touches. Keys that
were set or deleted are in :attr:`LazyMap.written`, so saving writes only those. The fetch function
returns the stored value or ``None`` when there is none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")
_NONE: Any = object()

__all__ = ["LazyCounter", "LazyMap", "TrackingSet"]


class LazyMap(dict[K, V]):
    """A dict whose missing keys are fetched once from a store.

    With ``keys`` (every stored key, read up front) membership, ``len`` and iteration need no
    fetch; without, a lookup of an absent key asks the store once. With ``keys``, ``values()`` and
    ``items()`` fetch every stored entry (meant for small maps or whole rebuilds); without, they
    give what is in memory; ``keys()`` never reads values.
    """

    def __init__(
        self,
        fetch: Callable[[K], V | None],
        keys: Iterable[K] | None = None,
        snapshot: Callable[[V], object] | None = None,
    ) -> None:
        super().__init__()
        self._fetch = fetch
        self._snapshot = snapshot
        self._as_read: dict[K, object] = {}
        self._unread: set[K] | None = set(keys) if keys is not None else None
        self._absent: set[K] = set()  # asked and not stored, or deleted in this run
        self.written: set[K] = set()
        self.fetched = 0

    def _has(self, key: K) -> bool:
        if dict.__contains__(self, key):
            return True
        if key in self._absent:
            return False
        if self._unread is not None:
            if key not in self._unread:
                return False
            self._unread.discard(key)
        value = self._fetch(key)
        self.fetched += 1
        if value is None:
            self._absent.add(key)
            return False
        if self._snapshot is not None:
            self._as_read[key] = self._snapshot(value)
        dict.__setitem__(self, key, value)
        return True

    def loaded(self) -> Iterator[K]:
        """Keys whose values are in memory (fetched or written)."""
        return iter(dict.keys(self))

    def changed(self) -> set[K]:
        """Keys written, plus (with ``snapshot``) keys whose value changed in place since read."""
        out = set(self.written)
        if self._snapshot is not None:
            snap = self._snapshot
            out.update(k for k, v in dict.items(self) if k not in out and snap(v) != self._as_read.get(k))
        return out

    def __contains__(self, key: object) -> bool:
        if dict.__contains__(self, key):
            return True
        if self._unread is not None:
            return key in self._unread  # a stored key: no need to read its value
        return self._has(key)  # type: ignore[arg-type]

    def __getitem__(self, key: K) -> V:
        if self._has(key):
            return dict.__getitem__(self, key)
        return self.__missing__(key)

    def __missing__(self, key: K) -> V:
        raise KeyError(key)

    def get(self, key: K, default: Any = None) -> Any:
        return dict.__getitem__(self, key) if self._has(key) else default

    def __setitem__(self, key: K, value: V) -> None:
        self._absent.discard(key)
        if self._unread is not None:
            self._unread.discard(key)
        self.written.add(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: K) -> None:
        if not self._has(key):
            raise KeyError(key)
        dict.__delitem__(self, key)
        self._absent.add(key)
        self.written.add(key)

    def pop(self, key: K, default: Any = _NONE) -> Any:
        if self._has(key):
            value = dict.pop(self, key)
            self._absent.add(key)
            self.written.add(key)
            return value
        if default is _NONE:
            raise KeyError(key)
        return default

    def setdefault(self, key: K, default: V) -> V:
        if not self._has(key):
            self[key] = default
        return dict.__getitem__(self, key)

    def __iter__(self) -> Iterator[K]:
        yield from list(dict.keys(self))
        if self._unread is not None:
            yield from list(self._unread)

    def __len__(self) -> int:
        return dict.__len__(self) + (len(self._unread) if self._unread is not None else 0)

    def __bool__(self) -> bool:
        return len(self) > 0

    def _read_all(self) -> None:
        if self._unread is None:
            return  # without stored keys, the map is what is in memory
        for key in list(self._unread):
            self._has(key)

    def keys(self) -> Any:
        return KeysView(self)  # membership and iteration without reading values

    def values(self) -> Any:
        self._read_all()
        return dict.values(self)

    def items(self) -> Any:
        self._read_all()
        return dict.items(self)

    def __reduce__(self) -> Any:
        raise TypeError("a lazy map is not picklable")


class LazyCounter(Counter[K]):
    """A Counter whose missing keys are fetched once from a store (0 when not stored)."""

    def __init__(
        self,
        fetch: Callable[[K], int | None],
        fetch_many: Callable[[list[K]], Mapping[K, int]] | None = None,
    ) -> None:
        super().__init__()
        self._fetch = fetch
        self._fetch_many = fetch_many
        self._absent: set[K] = set()
        self.written: set[K] = set()

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Count an iterable of keys (or add a mapping's counts), reading unknown keys in one go."""
        if len(args) == 1 and args[0] is not None and not kwargs and not isinstance(args[0], Mapping):
            keys = list(args[0])
            if self._fetch_many is not None:
                wanted = list({k for k in keys if not dict.__contains__(self, k) and k not in self._absent})
                if wanted:
                    found = self._fetch_many(wanted)
                    for k in wanted:
                        if k in found:
                            dict.__setitem__(self, k, found[k])
                        else:
                            self._absent.add(k)
            for k in keys:
                self[k] = self[k] + 1
            return
        super().update(*args, **kwargs)

    def _has(self, key: K) -> bool:
        if dict.__contains__(self, key):
            return True
        if key in self._absent:
            return False
        value = self._fetch(key)
        if value is None:
            self._absent.add(key)
            return False
        dict.__setitem__(self, key, value)
        return True

    def __contains__(self, key: object) -> bool:
        return self._has(key)  # type: ignore[arg-type]

    def __getitem__(self, key: K) -> int:
        return dict.__getitem__(self, key) if self._has(key) else 0

    def get(self, key: K, default: Any = None) -> Any:
        return dict.__getitem__(self, key) if self._has(key) else default

    def __setitem__(self, key: K, value: int) -> None:
        self._absent.discard(key)
        self.written.add(key)
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: object) -> None:
        raise TypeError("document frequencies are never removed")

    def __reduce__(self) -> Any:
        raise TypeError("a lazy counter is not picklable")


class TrackingSet(set[K]):
    """A set that also remembers every element ever added (``ever``), through ``clear()``."""

    def __init__(self, items: Iterable[K] = ()) -> None:
        super().__init__(items)
        self.ever: set[K] = set(self)

    def add(self, item: K) -> None:
        self.ever.add(item)
        super().add(item)

    def update(self, *others: Iterable[K]) -> None:
        for items in others:
            items = list(items)
            self.ever.update(items)
            super().update(items)
