"""Attributions without a speech verb: "X appears to ...", "is expected to ...", and noun cues
("her claim that ...", "the decision to ...", "support for X")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.nlp.cues import SUBJ_DEPS, Attribution, Cue, is_negated, speaker_span
from storyline.nlp.lexicon import APPEARANCE_VERBS, NOUN_CUES
from storyline.nlp.spacy_model import doc_text
from storyline.nlp.spans import MIN_CLAUSE_TOKENS, snap, span_chars, trim_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["MIN_CLAUSE_TOKENS", "appearances", "noun_cues"]


def appearances(doc: Doc, in_quote: list[int]) -> list[Attribution]:
    """ "Sanders seemed to reap the benefits", "the House is expected to pass the bill": an
    impression or expectation without a named holder; the content is the whole clause."""
    out: list[Attribution] = []
    text = doc_text(doc)
    for tok in doc:
        if in_quote[tok.i] >= 0 or tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if lemma in APPEARANCE_VERBS:
            if subj is None or not any(
                c.dep_ in ("xcomp", "acomp", "oprd", "ccomp", "attr")
                or (c.dep_ == "prep" and c.lower_ == "like")
                for c in tok.children
            ):
                continue
        elif lemma == "expect":
            if subj is None or subj.dep_ != "nsubjpass" or not any(c.dep_ == "xcomp" for c in tok.children):
                continue
        else:
            continue
        first, last = subj.left_edge, trim_end(tok.right_edge)
        if any(in_quote[t.i] >= 0 for t in doc[first.i : last.i + 1]) or last.i - first.i < MIN_CLAUSE_TOKENS:
            continue
        start, end = snap(text, *span_chars(first, last))
        out.append(
            Attribution(
                start,
                end,
                "indirect",
                start,
                end,
                Cue(tok.idx, tok.idx + len(tok.text), tok.text),
                statement=not is_negated(tok),
            )
        )
    return out


def noun_cues(doc: Doc, in_quote: list[int]) -> list[Attribution]:
    """ "his claim that the port was sold", "the council's decision to close the pier", "support for
    the harbour tax": a statement or stance noun with its clause or prepositional object."""
    out: list[Attribution] = []
    text = doc_text(doc)
    for tok in doc:
        if in_quote[tok.i] >= 0 or tok.pos_ != "NOUN" or tok.lemma_.lower() not in NOUN_CUES:
            continue
        preps = NOUN_CUES[tok.lemma_.lower()]
        content: Token | None = None
        for child in tok.rights:
            if child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
                marks = {c.lower_ for c in child.children if c.dep_ in ("mark", "aux")}
                if child.dep_ != "relcl" and marks & {"that", "to"}:
                    content = child
                    break
            if child.dep_ == "prep" and child.lower_ in preps:
                content = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
                break
        if content is None:
            continue
        first, last = content.left_edge, trim_end(content.right_edge)
        if first.i < tok.i or last.i == first.i:
            continue
        if any(in_quote[t.i] >= 0 for t in doc[first.i : last.i + 1]):
            continue
        start, end = snap(text, *span_chars(first, last))
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        holder = poss
        verb = tok.head if tok.dep_ == "dobj" else None  # "Lund made the claim that ...", "announced a plan to"
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            verb = tok.head.head  # "spoke in favor of"
        if holder is None and verb is not None:
            holder = next((c for c in verb.children if c.dep_ in SUBJ_DEPS), None)
        source = speaker_span(holder) if holder is not None else None
        out.append(
            Attribution(
                start, end, "indirect", start, end, Cue(tok.idx, tok.idx + len(tok.text), tok.text, source)
            )
        )
    return out
