"""Turn a set of verified copies into a CopyGroup: canonical, kind, per-member diff and evidence."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.copies import canonical as canon
from storyline.copies.diff import Side, diff, member_kind, side_of
from storyline.copies.lines import is_minor
from storyline.copies.verify import score_pair
from storyline.records import Article, CopyGroup, CopyKind, CopyMember
from storyline.text import normalize_for_hash, short_id

_RANK: dict[CopyKind, int] = {"exact": 0, "near": 1, "partial": 2, "version": 3}


def group_id(canonical_id: str) -> str:
    """Content-derived and stable while the canonical stays the same (members may join)."""
    return "c" + short_id("copies", canonical_id)


def _later(member: Article, canonical: Article) -> bool | None:
    if not member.published or not canonical.published:
        return None
    return canon.published_key(member) > canon.published_key(canonical)


def _member(canonical: Article, base: Side, article: Article, side: Side) -> tuple[CopyMember, CopyKind]:
    score = score_pair(base.print, side.print)
    d = diff(base, side)
    kind: CopyKind
    if normalize_for_hash(article.text) == normalize_for_hash(canonical.text):
        kind = "exact"
    else:
        kind = member_kind(base, side, d, member_later=_later(article, canonical))
    member = CopyMember(
        article=article.id,
        similarity=round(score.jaccard, 4),
        containment=round(score.containment, 4),
        adds=tuple(side.paragraphs[i].text for i in d.adds),
        lacks=tuple(base.paragraphs[j].text for j in d.lacks),
    )
    return member, kind


def build_group(articles: Sequence[Article], sides: Mapping[str, Side] | None = None) -> CopyGroup:
    """The CopyGroup of ``articles`` (two or more articles already verified as copies)."""
    return classify(articles, sides)[0]


def classify(
    articles: Sequence[Article], sides: Mapping[str, Side] | None = None
) -> tuple[CopyGroup, dict[str, CopyKind]]:
    """The CopyGroup of ``articles`` and the kind of each non-canonical member."""
    by_id = {a.id: a for a in articles}
    titles = sorted({a.title for a in by_id.values() if a.title})
    views = {a.id: (sides or {}).get(a.id) or side_of(a.text, titles) for a in by_id.values()}
    words = {i: s.words for i, s in views.items()}
    first = canon.choose(list(by_id.values()), words)
    base = views[first.id]
    details = [CopyMember(first.id, 1.0, 1.0)]
    kinds: dict[str, CopyKind] = {}
    for other in sorted(by_id):
        if other != first.id:
            member, kind = _member(first, base, by_id[other], views[other])
            details.append(member)
            kinds[other] = kind
    distinct_adds = {normalize_for_hash(p) for m in details for p in m.adds if not is_minor(p)}
    own = sum(not p.minor for p in base.paragraphs)
    evidence = canon.evidence(first, list(by_id.values()), words, (own, own + len(distinct_adds)))
    group = CopyGroup(
        id=group_id(first.id),
        canonical=first.id,
        members=tuple(m.article for m in details),
        kind=max(kinds.values(), key=_RANK.__getitem__, default="exact"),
        similarity=min((m.similarity for m in details[1:]), default=1.0),
        evidence=evidence,
        details=tuple(details),
    )
    return group, kinds
