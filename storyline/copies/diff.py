"""Paragraph-level diff of a copy against the canonical article, and the kind of copy it is.

Paragraphs are matched fuzzily (rapidfuzz ``ratio`` on the normalised text, so a typo or a changed
dateline still matches); a paragraph that was split, merged or cut short is still counted as present
when most of its shingles occur in the other text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from storyline.copies.fingerprint import Fingerprint, fingerprint
from storyline.copies.lines import is_minor, split_paragraphs
from storyline.records import CopyKind
from storyline.text import normalize_for_hash

MATCH_RATIO = 85.0  # fuzzy ratio for two paragraphs to be the same paragraph
SAME_RATIO = 90.0  # a paragraph this close to the start of a longer one was cut short
COVERED = 0.6  # share of a paragraph's shingles found in the other text to count as present
NEAR_SHARE = 0.05  # at most this share of words may be rewritten in a near copy


class Paragraph:
    """One paragraph; its fingerprint is computed only when fuzzy matching did not suffice."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = normalize_for_hash(text)
        self.words = len(text.split())

    @functools.cached_property
    def print(self) -> Fingerprint:
        return fingerprint(self.text, whole=True)

    @property
    def minor(self) -> bool:
        """A short line, a headline-like line or a chrome/credit line rather than article content."""
        return is_minor(self.text, self.words)


@dataclass(frozen=True, slots=True)
class Side:
    """The paragraphs of one article and its whole-text fingerprint."""

    paragraphs: tuple[Paragraph, ...]
    print: Fingerprint

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class ParagraphDiff:
    adds: tuple[int, ...]  # indices of member paragraphs the canonical lacks
    lacks: tuple[int, ...]  # indices of canonical paragraphs the member lacks
    matched: tuple[int, ...]  # indices of canonical paragraphs present in the member
    rewritten_words: int  # words of matched paragraphs, weighted by how much they changed


def side_of(text: str) -> Side:
    return Side(tuple(Paragraph(p) for p in split_paragraphs(text)), fingerprint(text))


def _covered(paragraph: Paragraph, other: Fingerprint) -> bool:
    own = paragraph.print.shingles
    if own.size < 3 or other.empty:
        return False
    return float(np.isin(own, other.shingles, assume_unique=True).mean()) >= COVERED


def _cut_from(para: Paragraph, canonical: Side) -> int | None:
    """The canonical paragraph that ``para`` is the beginning of (a paragraph cut short), if any."""
    text = para.norm
    if len(text) < 40:
        return None
    for j, other in enumerate(canonical.paragraphs):
        if len(other.norm) > len(text) and fuzz.partial_ratio(text, other.norm) >= SAME_RATIO:
            return j
    return None


def diff(canonical: Side, member: Side) -> ParagraphDiff:
    """Which paragraphs the member adds to and lacks from the canonical."""
    choices = [p.norm for p in canonical.paragraphs]
    matched: set[int] = set()
    adds: list[int] = []
    rewritten = 0.0
    for i, para in enumerate(member.paragraphs):
        best = process.extractOne(para.norm, choices, scorer=fuzz.ratio, score_cutoff=MATCH_RATIO)
        if best is not None:
            matched.add(int(best[2]))
            rewritten += para.words * (1 - best[1] / 100)
            continue
        cut = _cut_from(para, canonical)
        if cut is not None:
            matched.add(cut)
        elif not _covered(para, canonical.print):
            adds.append(i)
    lacks = [
        j
        for j, para in enumerate(canonical.paragraphs)
        if j not in matched and not _covered(para, member.print)
    ]
    present = tuple(j for j in range(len(canonical.paragraphs)) if j not in lacks)
    return ParagraphDiff(tuple(adds), tuple(lacks), present, round(rewritten))


def _content_words(side: Side, indices: tuple[int, ...]) -> int:
    return sum(side.paragraphs[i].words for i in indices if not side.paragraphs[i].minor)


def _content(side: Side, indices: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(i for i in indices if not side.paragraphs[i].minor)


def _only_tail_missing(side: Side, missing: tuple[int, ...]) -> bool:
    """Whether the content paragraphs of ``side`` that the other text lacks all come at its end."""
    gone = set(_content(side, missing))
    kept = [i for i in range(len(side.paragraphs)) if i not in gone and not side.paragraphs[i].minor]
    return bool(gone) and bool(kept) and min(gone) > max(kept)


def member_kind(canonical: Side, member: Side, d: ParagraphDiff, *, member_later: bool | None) -> CopyKind:
    """near, partial or version (exact copies are recognised before by their normalised text).

    ``member_later`` says whether the member was published after the canonical (None: unknown).
    A member that is the canonical cut short is partial. A member that is the canonical extended
    at its end is partial too when it was published earlier (the canonical, chosen for a credit,
    is then a truncated reprint); published later or undated, it is taken for an updated version.
    """
    size = max(canonical.words, member.words, 1)
    added, lacking = _content_words(member, d.adds), _content_words(canonical, d.lacks)
    if added == 0 and lacking == 0 and d.rewritten_words <= NEAR_SHARE * size:
        return "near"
    if added == 0 and _only_tail_missing(canonical, d.lacks):
        return "partial"
    if lacking == 0 and member_later is False and _only_tail_missing(member, d.adds):
        return "partial"
    return "version"
