"""Merge a trained tagger's spans (:mod:`storyline.nlp.tagger`) with the rules' attributions.

The tagger finds content spans the rules miss (verbs outside any lexicon, stances, cues inside the
content) and sets better boundaries; the rules know the cue's grammar, the speaker's mention and
whom it was said to. So:

- a tagged content span that matches a rule attribution (they overlap by at least half of the
  longer) keeps the rule's cue, speaker and kind, with the tagger's extent;
- a tagged content span that matches none becomes an attribution of its own; its cue is the tagged
  cue next to it and its source the nearest tagged source, in the same sentence when there is one;
- a rule attribution the tagger did not find stays (``keep_unmatched="all"``, the default: on
  PolNeAR dev that scores best, the two miss different things); ``"quoted"`` keeps only quotations,
  ``"none"`` none.

Tagged content shorter than ``MIN_CHARS`` is left out: on PolNeAR most of it is a fragment.

An attribution found by the tagger alone is never a statement (``statement=False``): it counts
for PolNeAR, like the rules' stances and acts, but is not listed as a quote. On the seeds, 17
tagger-only spans passed even a strict filter (a speech-verb cue, a source, five words, no rule
attribution nearby) and about four of them were quotes a reader would list ("the spokesman of the
Kremlin", "argued the master of the Kremlin" were not). So the pipeline does not run the tagger:
it changes nothing a user sees. It is used through this API and the PolNeAR benchmark.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from typing import TYPE_CHECKING

from storyline.nlp.cues import Attribution, Cue
from storyline.records import QuoteKind

if TYPE_CHECKING:
    from collections.abc import Sequence

    from storyline.nlp.tagger import Tagging

__all__ = ["merge_tagged"]

MIN_PROB = 0.0  # the decoding (tagger.HIGH) already asks for a confident piece
MIN_CHARS = 20
_SOURCE_REACH = 200  # characters between a content span and its source
_QUOTE_CHARS = frozenset('"“”«»„‹›')
_TRIM = " \t\n.,;:"

Extent = tuple[int, int]


def _overlap(a: Extent, b: Extent) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _matches(a: Extent, b: Extent) -> bool:
    return _overlap(a, b) >= 0.5 * max(a[1] - a[0], b[1] - b[0])


def merge_tagged(
    text: str,
    rules: Sequence[Attribution],
    tagging: Tagging,
    sentences: Sequence[Extent],
    *,
    min_prob: float = MIN_PROB,
    keep_unmatched: str = "all",
    rule_bounds: bool = False,
) -> list[Attribution]:
    """Rule attributions and tagged spans as one list (see the module docstring)."""
    tagged = [(s, e) for s, e, p in tagging.content if p >= min_prob and e - s >= MIN_CHARS]
    used: set[int] = set()
    out: list[Attribution] = []
    starts = [s for s, _ in sentences]
    for span in tagged:
        best, best_ov = None, 0.0
        for k, r in enumerate(rules):
            ext = (r.content_start, r.content_end)
            if k not in used and _matches(span, ext):
                ov = _overlap(span, ext) / max(span[1] - span[0], ext[1] - ext[0])
                if ov > best_ov:
                    best, best_ov = k, ov
        if best is not None:
            used.add(best)
            r = rules[best]
            out.append(
                r if rule_bounds else dataclasses.replace(r, content_start=span[0], content_end=span[1])
            )
            continue
        out.append(_from_tags(text, span, tagging, starts, sentences))
    for k, r in enumerate(rules):
        if k in used:
            continue
        if keep_unmatched == "all" or (keep_unmatched == "quoted" and r.kind != "indirect"):
            out.append(r)
    return sorted(out, key=lambda a: (a.start, a.end))


def _kind(piece: str) -> QuoteKind:
    marks = sum(ch in _QUOTE_CHARS for ch in piece) + piece.count("''")
    if not marks:
        return "indirect"
    stripped = piece.strip(_TRIM)
    if stripped[:1] in _QUOTE_CHARS and (stripped[-1:] in _QUOTE_CHARS or stripped.endswith("''")):
        return "direct"
    return "partial"


def _sentence(starts: list[int], sentences: Sequence[Extent], pos: int) -> Extent:
    k = bisect_right(starts, pos) - 1
    return sentences[k] if k >= 0 else (0, 0)


def _from_tags(
    text: str, span: Extent, tagging: Tagging, starts: list[int], sentences: Sequence[Extent]
) -> Attribution:
    s, e = span
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    kind = _kind(text[s:e])
    m_start, m_end = s, e
    if kind == "direct":
        m_start, m_end = s + 1, e - 1 - int(text[s:e].endswith("''"))
    first_sent = _sentence(starts, sentences, span[0])
    last_sent = _sentence(starts, sentences, max(span[0], span[1] - 1))
    source = _nearest(tagging.source, span, (first_sent[0], last_sent[1]))
    cue_ext = _nearest(tagging.cue, span, (first_sent[0], last_sent[1]), inside=True)
    cue = None
    if cue_ext is not None or source is not None:
        c0, c1 = cue_ext if cue_ext is not None else (source or (s, s))
        cue = Cue(c0, c1, text[c0:c1] if cue_ext is not None else "", source)
    return Attribution(m_start, m_end, kind, span[0], span[1], cue, statement=False)


def _nearest(
    cands: Sequence[tuple[int, int, float]], span: Extent, sent: Extent, *, inside: bool = False
) -> Extent | None:
    """The tagged span nearest ``span``: in its sentences first, else within reach."""
    best: tuple[int, int, Extent] | None = None
    for a, b, _ in cands:
        within = span[0] <= a and b <= span[1]
        if within and not inside:
            continue
        gap = a - span[1] if a >= span[1] else span[0] - b if b <= span[0] else 0
        if gap > _SOURCE_REACH:
            continue
        outside_sentence = int(not (sent[0] <= a and b <= sent[1]))
        key = (outside_sentence, max(gap, 0), (a, b))
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best is not None else None
