"""Attributions of stance and act cues learned from annotated news (``CUE_FRAMES``): "blasted the
plan", "issued an order", "is critical of the deal", "decided to run". PolNeAR-style annotation
counts them; the quote listing does not (``statement=False``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.nlp.cues import Attribution, Cue, make_cue, speaker_span
from storyline.nlp.lexicon import CUE_FRAMES, GROUP_NOUNS, ROLE_NOUNS, SPEECH_VERBS
from storyline.nlp.objects import object_end
from storyline.nlp.spacy_model import doc_text
from storyline.nlp.spans import snap, span_chars, trim_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_ORDER = ("ccomp", "xcomp", "dobj", "prep")
# any adjective of a person or group with a clause ("is confident that", "are aware that"): 50 % of
# them are annotated cues on PolNeAR train
_ADJ_CLAUSE = frozenset({"ccomp"})
_PASSIVE_CUES = SPEECH_VERBS - {"call", "see", "find", "know", "show", "continue", "expect", "ask", "tell"}
_POLLS = frozenset({"poll", "survey"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "you"})


def frame_cues(doc: Doc, in_quote: list[int], taken: set[int]) -> list[Attribution]:
    """Attributions of the cue frames of ``doc`` outside quotation marks whose cue (character offset)
    is not in ``taken``."""
    out: list[Attribution] = []
    text = doc_text(doc)
    for tok in doc:
        if in_quote[tok.i] >= 0 or tok.idx in taken or tok.pos_ not in ("VERB", "ADJ"):
            continue
        key = tok.lemma_.lower() + ("/ADJ" if tok.pos_ == "ADJ" else "")
        frames = CUE_FRAMES.get(key)
        if tok.pos_ == "ADJ" and _someone_is(tok):
            frames = (frames or frozenset()) | _ADJ_CLAUSE  # "the union is confident that ..."
        if frames is None or (tok.pos_ == "ADJ" and tok.dep_ != "acomp"):
            continue
        if key == "expect" and any(c.dep_ == "nsubjpass" for c in tok.children):
            continue  # "is expected to": the whole clause, from ``appearances``
        found = _first_complement(tok)
        if found is None or found[0] not in frames:
            continue
        frame, comp = found
        first = comp.left_edge if comp.left_edge.i > tok.i else tok.doc[tok.i + 1]
        last = trim_end(comp.right_edge) if frame == "ccomp" else object_end(tok, comp, in_quote)
        if last.i < first.i:
            continue
        start, end = snap(text, *span_chars(first, last))
        if comp.idx in taken:
            continue  # "repeated her claim that ...": the noun cue says more
        cue = _cue(tok)
        out.append(Attribution(start, end, "indirect", start, end, cue, statement=False))
    return out


def passive_cues(doc: Doc, in_quote: list[int], taken: set[int]) -> list[Attribution]:
    """ "The plan was criticized by the union": a passive cue with an agent reports its subject; the
    agent is the source."""
    out: list[Attribution] = []
    text = doc_text(doc)
    for tok in doc:
        if in_quote[tok.i] >= 0 or tok.idx in taken or tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        if lemma not in _PASSIVE_CUES and lemma not in CUE_FRAMES:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        deps = {c.dep_ for c in tok.children}
        if subj is None or "agent" not in deps or deps & {"ccomp", "xcomp", "oprd"}:
            continue  # without "by ...", a passive is mostly an event ("was released")
        first, last = subj.left_edge, trim_end(subj.right_edge)
        if last.i >= tok.i or any(in_quote[t.i] >= 0 for t in doc[first.i : last.i + 1]):
            continue
        agent = next(
            (g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None
        )
        start, end = snap(text, *span_chars(first, last))
        cue = Cue(
            tok.idx, tok.idx + len(tok.text), tok.text, speaker_span(agent) if agent is not None else None
        )
        out.append(Attribution(start, end, "indirect", start, end, cue, statement=False))
    return out


def poll_openers(doc: Doc, in_quote: list[int]) -> list[Attribution]:
    """ "In a new poll, 52 percent back the tax": a sentence opened by a poll or survey reports the rest
    (13 of 18 such openers are annotated cues on PolNeAR train)."""
    out: list[Attribution] = []
    text = doc_text(doc)
    for sent in doc.sents:
        words = [t for t in sent if not (t.is_space or t.is_punct)]
        if len(words) < 4 or words[0].lower_ != "in" or in_quote[words[0].i] >= 0:
            continue
        prep = words[0]
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in _POLLS:
            continue
        comma = next((t for t in sent if t.i > prep.right_edge.i - 1 and t.text == ","), None)
        if comma is None or comma.i > prep.right_edge.i + 1:
            continue
        last = trim_end(sent[-1])
        if last.i <= comma.i + 1 or any(in_quote[t.i] >= 0 for t in doc[comma.i + 1 : last.i + 1]):
            continue
        start, end = snap(text, *span_chars(doc[comma.i + 1], last))
        cue = Cue(prep.idx, prep.idx + len(prep.text), prep.text, speaker_span(pobj))
        out.append(Attribution(start, end, "indirect", start, end, cue, statement=False))
    return out


def _someone_is(adj: Token) -> bool:
    """The adjective describes a person or a group ("Voss is", "the union is", "they are")."""
    if adj.dep_ != "acomp":
        return False
    subj = next((c for c in adj.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and (
        subj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or subj.lower_ in _PERSONAL
        or subj.lower_ in GROUP_NOUNS
        or subj.lower_ in ROLE_NOUNS
    )


def _first_complement(tok: Token) -> tuple[str, Token] | None:
    rights = list(tok.rights)
    for frame in _ORDER[:3]:
        comp = next((c for c in rights if c.dep_ == frame), None)
        if comp is not None:
            return frame, comp
    prep = next((c for c in rights if c.dep_ == "prep"), None)
    if prep is not None:
        pobj = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
        if pobj is not None:
            return "prep", pobj
    return None


def _cue(tok: Token) -> Cue:
    """The cue; an adjective's source is the subject of its verb ("the senator is critical of")."""
    if tok.pos_ != "ADJ":
        return make_cue(tok)
    head = make_cue(tok.head)
    return Cue(tok.idx, tok.idx + len(tok.text), tok.text, head.source)
