"""An incremental copy index: MinHash LSH candidates, exact verification, union-find groups.

Adding ``m`` articles to an index of ``n`` costs ``O(m)`` fingerprints, one binary search per band
and article, a bounded number of exact verifications per new article, and linear memory moves in
the band arrays; nothing is recomputed for the untouched corpus. The index keeps per article only
its band keys and group bookkeeping; the texts needed to verify candidates and rebuild touched
groups are either kept in memory (default) or fetched from the caller's store through ``loader``.
"""

from __future__ import annotations

import pickle
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from storyline.copies.bands import BandLookup, BandTable
from storyline.copies.fingerprint import Fingerprint, MinHasher, fingerprint
from storyline.copies.groups import build_group
from storyline.copies.verify import MIN_CONTAINMENT, score_pair
from storyline.errors import NotFoundError, StoreError
from storyline.lazy import LazyMap
from storyline.records import Article, CopyGroup

ArticleLoader = Callable[[Sequence[str]], Mapping[str, Article]]
_FORMAT = "storyline.copies.index/2"
FORMAT = "storyline.copies.rows/1"  # the layout of the rows written from :meth:`CopyIndex.changes`


@dataclass(frozen=True, slots=True)
class IndexParams:
    """Tuning of the index. Defaults were tuned on the PolNeAR-train syndication split."""

    num_perm: int = 192  # whole-text MinHash permutations
    rows: int = 2  # rows per LSH band (96 bands: a pair with Jaccard 0.25 collides with p > 0.997)
    lead_perm: int = 32  # MinHash of the first tokens, so short truncated copies are candidates
    lead_rows: int = 2
    seed: int = 20220207
    bucket_cap: int = 64  # rows taken from an oversized LSH bucket (boilerplate, big wire groups)
    max_checks: int = 40  # exact verifications per new article, most-colliding candidates first
    min_containment: float = MIN_CONTAINMENT


@dataclass(frozen=True, slots=True)
class CopySource:
    """A persisted index as a store offers it: rows read up front, the rest fetched on demand."""

    params: IndexParams
    ids: list[str]  # article id of each row
    parents: list[int]  # union-find parent of each row
    roots: list[int]  # roots of the components of two or more articles
    members: Callable[[int], list[int] | None]
    group: Callable[[int], CopyGroup | None]
    anchor: Callable[[int], tuple[int, int] | None]
    bands: BandLookup


@dataclass(frozen=True, slots=True)
class CopyChanges:
    """What to write back: everything (``everything``) or only what a run changed."""

    params: IndexParams
    everything: bool
    rows: tuple[tuple[int, str, int], ...]  # (row, article id, parent), new or re-parented
    groups: tuple[tuple[int, list[int] | None, CopyGroup | None], ...]  # root, members, group; None: gone
    anchors: tuple[tuple[int, tuple[int, int] | None], ...]  # root -> (shingles, row); None: gone
    bands: tuple[tuple[int, Any, Any], ...]  # (band, keys as int64, rows) added
    changed_groups: tuple[CopyGroup, ...]  # copy groups new or changed in this run
    gone_groups: tuple[str, ...]  # ids of copy groups that no longer exist


class CopyIndex:
    """Copy groups over a growing set of articles; persist with ``to_bytes``/``from_bytes``."""

    def __init__(self, *, params: IndexParams | None = None, loader: ArticleLoader | None = None) -> None:
        self.params = params or IndexParams()
        p = self.params
        self._full = MinHasher(p.num_perm, p.rows, p.seed)
        self._lead = MinHasher(p.lead_perm, p.lead_rows, p.seed + 1)
        self._tables = BandTable(self._full.bands + self._lead.bands)
        self._ids: list[str] = []
        self._row: dict[str, int] = {}
        self._parent: list[int] = []
        self._members: dict[int, list[int]] = LazyMap(_none)  # root -> rows, components of two or more
        self._groups: dict[int, CopyGroup] = LazyMap(_none)  # root -> group
        self._anchor: dict[int, tuple[int, int]] = LazyMap(_none)  # root -> (shingles, row), longest member
        self._stored = 0  # rows read from a store (restore); later rows are new
        self._restored = False
        self._reparented: set[int] = set()
        self._dropped: set[str] = set()  # ids of groups replaced or merged away in this run
        self._loader = loader
        self._articles: dict[str, Article] | None = None if loader else {}

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._row

    # ------------------------------------------------------------------ public API

    def add(self, articles: Iterable[Article]) -> tuple[CopyGroup, ...]:
        """Index new articles (known ids are ignored); return the groups they joined or formed."""
        fresh = self._fresh(articles)
        if not fresh:
            return ()
        first = len(self._ids)
        for a in fresh:
            self._row[a.id] = len(self._ids)
            self._ids.append(a.id)
            self._parent.append(len(self._parent))
            if self._articles is not None:
                self._articles[a.id] = a
        prints = {first + i: fingerprint(a.text) for i, a in enumerate(fresh)}
        self._link(prints)
        roots = {self._find(r) for r in prints}
        return self._rebuild(sorted(r for r in roots if r in self._members))

    def groups(self) -> tuple[CopyGroup, ...]:
        """Every copy group (two or more members), ordered by id."""
        return tuple(sorted(self._groups.values(), key=lambda g: g.id))

    def group_of(self, article_id: str) -> CopyGroup | None:
        """The group ``article_id`` belongs to, if any."""
        row = self._row.get(article_id)
        return None if row is None else self._groups.get(self._find(row))

    def changes(self) -> CopyChanges:
        """What a store must write to hold this index: everything for an index built here (or read
        with :meth:`from_bytes`); for a restored one, the rows, groups, anchors and band entries
        this run changed."""
        everything = not self._restored
        rows = (
            range(len(self._ids))
            if everything
            else sorted({*self._reparented, *range(self._stored, len(self._ids))})
        )
        if everything:
            roots: Iterable[int] = sorted({*self._members, *self._groups})
            anchored: Iterable[int] = sorted(self._anchor)
        else:
            roots = sorted(_written(self._members) | _written(self._groups))
            anchored = sorted(_written(self._anchor))
        groups = tuple((r, self._members.get(r), self._groups.get(r)) for r in roots)
        changed = tuple(sorted((g for _, _, g in groups if g is not None), key=lambda g: g.id))
        kept = {g.id for g in changed}
        tables = self._tables
        return CopyChanges(
            params=self.params,
            everything=everything,
            rows=tuple((r, self._ids[r], self._parent[r]) for r in rows),
            groups=groups,
            anchors=tuple((r, self._anchor.get(r)) for r in anchored),
            bands=tuple((j, tables.keys[j].view(np.int64), tables.rows[j]) for j in range(len(tables.keys))),
            changed_groups=changed,
            gone_groups=tuple(sorted(self._dropped - kept)),
        )

    @classmethod
    def restore(cls, source: CopySource, *, loader: ArticleLoader) -> CopyIndex:
        """Open an index persisted as rows: ids and parents now, groups, anchors and band
        buckets when a new article needs them."""
        index = cls(params=source.params, loader=loader)
        index._ids, index._parent = source.ids, source.parents
        index._row = {a: i for i, a in enumerate(source.ids)}
        index._members = LazyMap(source.members, keys=source.roots)
        index._groups = LazyMap(source.group, keys=source.roots)
        index._anchor = LazyMap(source.anchor)
        index._tables = BandTable(index._tables.bands, lookup=source.bands)
        index._stored = len(source.ids)
        index._restored = True
        return index

    def to_bytes(self) -> bytes:
        """Serialise the index (pickle: load only data you wrote yourself)."""
        if self._restored:
            raise StoreError("an index restored from rows is saved with changes()")
        state: dict[str, Any] = {
            "format": _FORMAT,
            "params": asdict(self.params),
            "ids": self._ids,
            "parent": self._parent,
            "members": dict(self._members),
            "groups": dict(self._groups),
            "anchor": dict(self._anchor),
            "keys": self._tables.keys,
            "rows": self._tables.rows,
            "articles": self._articles,
        }
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def from_bytes(cls, data: bytes, *, loader: ArticleLoader | None = None) -> CopyIndex:
        """Rebuild an index written by :meth:`to_bytes`; give ``loader`` if it was built with one."""
        try:
            state = pickle.loads(data)
            ok = isinstance(state, dict) and state.get("format") == _FORMAT
        except (pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:
            raise StoreError(f"copy index data is unreadable: {exc}", hint="rebuild the index") from exc
        if not ok:
            raise StoreError("copy index data has an unknown format", hint="rebuild the index")
        index = cls(params=IndexParams(**state["params"]), loader=loader)
        index._ids = state["ids"]
        index._row = {a: i for i, a in enumerate(index._ids)}
        index._parent, index._members, index._groups = state["parent"], state["members"], state["groups"]
        index._anchor = state["anchor"]
        index._tables.keys, index._tables.rows = state["keys"], state["rows"]
        if loader is None and state["articles"] is None:
            raise StoreError("this copy index keeps no texts", hint="pass loader= to from_bytes")
        index._articles = None if loader else state["articles"]
        return index

    # ------------------------------------------------------------------ candidates and verification

    def _fresh(self, articles: Iterable[Article]) -> list[Article]:
        seen: set[str] = set()
        fresh = []
        for a in articles:
            if a.id not in self._row and a.id not in seen:
                seen.add(a.id)
                fresh.append(a)
        return fresh

    def _keys(self, fp: Fingerprint) -> np.ndarray[Any, np.dtype[np.uint64]]:
        full = self._full.band_keys(self._full.signature(fp.shingles))
        lead = self._lead.band_keys(self._lead.signature(fp.lead))
        return np.concatenate([full, lead])

    def _link(self, prints: dict[int, Fingerprint]) -> None:
        rows = np.array([r for r, fp in prints.items() if not fp.empty], dtype=np.int64)
        if rows.size == 0:
            return
        keys = np.vstack([self._keys(prints[int(r)]) for r in rows])
        self._tables.add(keys, rows)
        found = self._tables.candidates(keys, rows, self.params.bucket_cap)
        old = sorted({c for counter in found for c in counter if c not in prints})
        cache = dict(prints)
        texts = self._load([self._ids[r] for r in old])
        for row, counter in zip(rows.tolist(), found, strict=True):
            self._verify(row, counter, cache, texts)

    def _verify(
        self, row: int, counter: Counter[int], cache: dict[int, Fingerprint], texts: Mapping[str, Article]
    ) -> None:
        ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[: self.params.max_checks]
        for other, _ in ranked:
            if self._find(other) == self._find(row):
                continue
            if other not in cache:
                cache[other] = fingerprint(texts[self._ids[other]].text)
            if not score_pair(cache[row], cache[other]).is_copy(self.params.min_containment):
                continue
            alone = self._find(row) == row and row not in self._members
            smaller = cache[row].shingles.size <= cache[other].shingles.size
            if (alone and smaller) or self._anchors_agree(row, other, cache):
                for r in (row, other):
                    self._anchor_row(self._find(r), r, cache)
                self._union(row, other)

    def _anchors_agree(self, a: int, b: int, cache: dict[int, Fingerprint]) -> bool:
        """Two components join only when their longest members are copies of each other too, so a
        follow-up that repeats one paragraph of a short truncated reprint does not chain into the
        reprint's whole family (single-link chaining). Not asked when a new single article is the
        smaller of the pair: it is then mostly contained in a member, which is what a copy is."""
        anchors = [self._anchor_row(self._find(r), r, cache) for r in (a, b)]
        if anchors == [a, b]:
            return True  # two single articles: the pair test above was the whole test
        for r in anchors:
            if r not in cache:
                cache[r] = fingerprint(self._load([self._ids[r]])[self._ids[r]].text)
        return score_pair(cache[anchors[0]], cache[anchors[1]]).is_copy(self.params.min_containment)

    def _anchor_row(self, root: int, row: int, cache: dict[int, Fingerprint]) -> int:
        if root in self._anchor:
            return self._anchor[root][1]
        if root not in self._members:  # a single article is its own anchor
            if row not in cache:
                cache[row] = fingerprint(self._load([self._ids[row]])[self._ids[row]].text)
            self._anchor[root] = (int(cache[row].shingles.size), row)
            return row
        raise AssertionError("a component of several articles always has an anchor")  # pragma: no cover

    # ------------------------------------------------------------------ union-find and groups

    def _find(self, row: int) -> int:
        parent = self._parent
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        ma, mb = self._members.pop(ra, [ra]), self._members.pop(rb, [rb])
        if len(ma) < len(mb):
            ra, rb, ma, mb = rb, ra, mb, ma
        self._parent[rb] = ra
        self._reparented.add(rb)
        self._members[ra] = ma + mb
        dropped = self._groups.pop(rb, None)
        if dropped is not None:
            self._dropped.add(dropped.id)
        anchors = [x for x in (self._anchor.pop(ra, None), self._anchor.pop(rb, None)) if x is not None]
        if anchors:
            self._anchor[ra] = max(anchors, key=lambda x: (x[0], -x[1]))

    def _rebuild(self, roots: Sequence[int]) -> tuple[CopyGroup, ...]:
        wanted = [self._ids[r] for root in roots for r in self._members[root]]
        texts = self._load(wanted)
        built = []
        for root in roots:
            group = build_group([texts[self._ids[r]] for r in self._members[root]])
            old = self._groups.get(root)
            if old is not None:
                self._dropped.add(old.id)
            self._groups[root] = group
            built.append(group)
        return tuple(sorted(built, key=lambda g: g.id))

    def _load(self, ids: Sequence[str]) -> Mapping[str, Article]:
        if not ids:
            return {}
        if self._articles is not None:
            return {i: self._articles[i] for i in ids}
        assert self._loader is not None
        texts = self._loader(ids)
        missing = [i for i in ids if i not in texts]
        if missing:
            raise NotFoundError(f"the article loader did not return {missing[0]!r}")
        return texts


def _none(key: object) -> None:
    """The fetch of an index that has no store behind it."""
    del key


def _written(mapping: Mapping[int, Any]) -> set[int]:
    return set(mapping.written) if isinstance(mapping, LazyMap) else set(mapping)


def find_copies(articles: Sequence[Article], *, params: IndexParams | None = None) -> tuple[CopyGroup, ...]:
    """Group exact copies, near copies, versions and partial copies; pick each group's original."""
    index = CopyIndex(params=params)
    index.add(articles)
    return index.groups()
