"""Paragraph-level diff of a copy against the canonical article, and the kind of copy it is.

Paragraphs are matched fuzzily (rapidfuzz ``ratio`` on the normalised text, so a typo or a changed
dateline still matches); a paragraph that was split, merged or cut short is still counted as present
when most of its shingles occur in the other text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
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
TRIM_SHARE = 0.25  # a copy cut at its end by at most this share of the content words is still near
DATELINE_SLACK = 48  # characters a dateline (with a credit) may add in front of a paragraph
HEADLINE_SLACK = 24  # characters a headline line may add to a title (a "WATCH: " prefix, a kicker)


# "KYIV — ", "WASHINGTON (AP) — ", "MOSCOW, Feb 7 (Reuters) - ": compared without it
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .,'’]{2,40}(?:,\s*[A-Z][a-z]{2,9}\.? \d{1,2})?\s*(?:\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s+"
)


class Paragraph:
    """One paragraph; its fingerprint is computed only when fuzzy matching did not suffice."""

    def __init__(self, text: str, titles: Sequence[str] = ()) -> None:
        self.text = text
        self.norm = normalize_for_hash(_DATELINE.sub("", text, count=1))
        self.words = len(text.split())
        self.headline = any(_is_title(self.norm, t) for t in titles)

    @functools.cached_property
    def print(self) -> Fingerprint:
        return fingerprint(self.text, whole=True)

    @property
    def minor(self) -> bool:
        """A short line, a headline, a chrome/credit line rather than article content."""
        return self.headline or is_minor(self.text, self.words)


def _is_title(norm: str, title: str) -> bool:
    """Whether a normalised paragraph is the (normalised) title, perhaps cut short or prefixed."""
    if len(title) < 20 or not norm or not len(title) / 2 <= len(norm) <= len(title) + HEADLINE_SLACK:
        return False
    return fuzz.partial_ratio(norm, title) >= SAME_RATIO


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


def side_of(text: str, titles: Sequence[str] = ()) -> Side:
    """The paragraphs of ``text``; a paragraph repeating one of ``titles`` counts as a headline line."""
    normed = [n for n in {normalize_for_hash(t) for t in titles} if n]
    return Side(tuple(Paragraph(p, normed) for p in split_paragraphs(text)), fingerprint(text))


def _covered(paragraph: Paragraph, other: Fingerprint) -> bool:
    own = paragraph.print.shingles
    if own.size < 3 or other.empty:
        return False
    return float(np.isin(own, other.shingles, assume_unique=True).mean()) >= COVERED


def _inside(para: Paragraph, others: Sequence[Paragraph], slack: int | None = None) -> int | None:
    """The first of ``others`` that holds ``para`` (fuzzily) and is longer, by at most ``slack`` chars.

    Finds a paragraph cut short (``para`` is the beginning of a longer one), a paragraph that
    gained a dateline (the other is ``para`` behind a prefix) and paragraphs merged into one.
    """
    text = para.norm
    if len(text) < 30:
        return None
    for j, other in enumerate(others):
        longer = len(other.norm) - len(text)
        if (
            longer > 0
            and (slack is None or longer <= slack)
            and fuzz.partial_ratio(text, other.norm) >= SAME_RATIO
        ):
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
        cut = _inside(para, canonical.paragraphs)
        if cut is None:  # the member's paragraph may be a canonical one behind a new dateline
            cut = next((j for j, c in enumerate(canonical.paragraphs)
                        if j not in matched and _inside(c, [para], DATELINE_SLACK) == 0), None)  # fmt: skip
        if cut is not None:
            matched.add(cut)
        elif not _covered(para, canonical.print):
            adds.append(i)
    lacks = [
        j
        for j, para in enumerate(canonical.paragraphs)
        if j not in matched and not _covered(para, member.print) and _inside(para, member.paragraphs) is None
    ]
    present = tuple(j for j in range(len(canonical.paragraphs)) if j not in lacks)
    return ParagraphDiff(tuple(adds), tuple(lacks), present, round(rewritten))


def _content_words(side: Side, indices: tuple[int, ...]) -> int:
    return sum(side.paragraphs[i].words for i in indices if not side.paragraphs[i].minor)


def _content(side: Side, indices: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(i for i in indices if not side.paragraphs[i].minor)


def _only_tail_missing(side: Side, missing: tuple[int, ...]) -> bool:
    """Whether the content paragraphs of ``side`` that the other text lacks all come at its end.

    What the other text holds before them is its content paragraphs, or when it holds none (a
    fragment), any paragraph it shares.
    """
    gone = set(_content(side, missing))
    present = [i for i in range(len(side.paragraphs)) if i not in gone]
    kept = [i for i in present if not side.paragraphs[i].minor] or [i for i in present if i not in missing]
    return bool(gone) and bool(kept) and min(gone) > max(kept)


def _trimmed_share(canonical: Side, member: Side) -> float:
    """The share of the canonical's content words that the member is shorter by."""
    own = sum(p.words for p in canonical.paragraphs if not p.minor)
    kept = sum(p.words for p in member.paragraphs if not p.minor)
    return max(0.0, 1 - kept / own) if own else 0.0


def member_kind(canonical: Side, member: Side, d: ParagraphDiff, *, member_later: bool | None) -> CopyKind:
    """near, partial or version (exact copies are recognised before by their normalised text).

    ``member_later`` says whether the member was published after the canonical (None: unknown).
    A member with the canonical's content, at most lightly retouched, is near; so is one whose end
    was trimmed by at most ``TRIM_SHARE`` of the words (wire copy cut to fit). Cut shorter, it is
    partial. A member that is the canonical extended at its end is partial too when it was published
    earlier (the canonical, chosen for a credit, is then a truncated reprint); published later or
    undated, it is taken for an updated version. Anything else (paragraphs added, dropped inside,
    rewritten) is a version.
    """
    size = max(canonical.words, member.words, 1)
    added, lacking = _content_words(member, d.adds), _content_words(canonical, d.lacks)
    tail_only = lacking == 0 or _only_tail_missing(canonical, d.lacks)
    trimmed = _trimmed_share(canonical, member)
    if added == 0 and tail_only and trimmed <= TRIM_SHARE and d.rewritten_words <= NEAR_SHARE * size:
        return "near"
    if added == 0 and tail_only and (lacking or trimmed > TRIM_SHARE):
        return "partial"
    if lacking == 0 and member_later is False and _only_tail_missing(member, d.adds):
        return "partial"
    return "version"
