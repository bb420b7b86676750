"""Cues and their sources: the speech verb of an attribution, who is its subject (through relative
clauses, coordination and inversion: "said Voss"), and to whom it was said ("told reporters")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.nlp.lexicon import ADDRESSEE_VERBS, SPEECH_VERBS
from storyline.nlp.spacy_model import doc_text
from storyline.nlp.spans import span_chars
from storyline.records import QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp", "acl"})
_SPEAKER_DEPS = frozenset({"compound", "amod", "det", "poss", "nmod", "case", "flat", "cc", "conj", "nummod"})
_INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "nsubj", "appos", "oprd", "dative"})
_PERSONAL = frozenset({"he", "she", "i", "we", "they", "you"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech cue with its speaker and addressee token spans (character offsets)."""

    start: int
    end: int
    text: str
    source: tuple[int, int] | None = None
    addressee: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attributed passage.

    ``start``/``end`` is the mention (a quote's inner text, or the reported clause);
    ``content_start``/``content_end`` is the whole attributed content in PARC/PolNeAR style (quote
    marks included; the reported clause around a partial quote). ``statement`` is False for an
    attribution a reader would not list as a quote although PolNeAR-style annotation counts it: a
    negated cue ("did not say whether ..."), the writer's own voice ("I think ..."), an act rather
    than words ("approved a bill").
    """

    start: int
    end: int
    kind: QuoteKind
    content_start: int
    content_end: int
    cue: Cue | None = None
    statement: bool = True


def is_cue(tok: Token) -> bool:
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return True
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS


def make_cue(tok: Token) -> Cue:
    subj = cue_subject(tok)
    source = speaker_span(subj) if subj is not None else None
    addressee = _addressee(tok)
    text = tok.text if tok.lower_ != "according" else "according to"
    if addressee is not None and tok.lemma_.lower() in ADDRESSEE_VERBS:
        text = f"{tok.text} {addressee}"
    return Cue(tok.idx, tok.idx + len(tok.text), text, source, addressee)


def cue_subject(cue: Token) -> Token | None:
    if cue.lower_ == "according":
        return next(
            (g for c in cue.children for g in c.children if c.lower_ == "to" and g.dep_ == "pobj"), None
        )
    tok: Token | None = cue
    for _ in range(4):
        if tok is None:
            break
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is not None:
            if tok is not cue and _reported_by_outer(tok, subj):
                return cue_subject(tok.head)
            return _relcl_speaker(subj) or subj
        if tok.dep_ not in _INHERIT_DEPS or tok.head is tok:
            break
        tok = tok.head
    return _inverted_subject(cue) or adjacent_subject(cue)


def _reported_by_outer(clause: Token, subj: Token) -> bool:
    """A cue coordinated with a reported clause whose subject is not a person ("Peskov said the talks
    were useful but suggested ...", "X said countries were ignoring Y, saying ...") belongs to the
    speech verb that reports the clause (the small model attaches it to the clause)."""
    outer = clause.head
    if clause.dep_ != "ccomp" or outer.i > clause.i or not is_cue(outer) or outer.lower_ == "according":
        return False
    return subj.ent_type_ != "PERSON" and subj.pos_ != "PROPN" and subj.lower_ not in _PERSONAL


def _relcl_speaker(subj: Token) -> Token | None:
    """ "a sign they said suggests ...": the speaker is the subject of the speech verb inside."""
    if subj.pos_ not in ("NOUN",) or subj.ent_type_:
        return None
    for child in subj.children:
        if child.dep_ == "relcl" and is_cue(child):
            inner = next((c for c in child.children if c.dep_ in SUBJ_DEPS), None)
            if inner is not None:
                return inner
    return None


def adjacent_subject(cue: Token) -> Token | None:
    """A name right before a subject-less cue ("... and Germany announced that ..."): a parse slip."""
    j = cue.i - 1
    while j >= 0 and cue.doc[j].pos_ in ("ADV", "AUX", "PART"):
        j -= 1
    if j < 0:
        return None
    prev = cue.doc[j]
    if prev.pos_ == "PROPN" and prev.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return prev
    return None


def is_negated(cue: Token) -> bool:
    """ "did not say", "Neither X nor Y mentioned": the cue denies the speech."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    subj = next((c for c in cue.children if c.dep_ in SUBJ_DEPS), None)
    return subj is not None and any(
        t.lower_ in ("neither", "nobody", "none") or (t.lower_ == "no" and t.dep_ == "det")
        for t in subj.subtree
    )


def _inverted_subject(cue: Token) -> Token | None:
    """'..., said the Palace' / 'argued the master of the Kremlin': a noun right after the verb."""
    j = cue.i - 1
    while j >= 0 and cue.doc[j].pos_ in ("ADV", "AUX", "SPACE"):
        j -= 1
    if j < 0 or not (cue.doc[j].is_punct or cue.doc[j].is_quote):
        return None
    for child in cue.rights:
        if child.dep_ in _INVERTED_DEPS and child.pos_ in ("PROPN", "NOUN", "PRON") and child.i <= cue.i + 4:
            if cue.lemma_.lower() in ADDRESSEE_VERBS and child.dep_ in ("dobj", "dative"):
                continue
            return child
    return None


def speaker_span(head: Token) -> tuple[int, int]:
    appos = next((c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)
    if appos is not None:
        head = appos
    keep = _np_tokens(head)
    return span_chars(head.doc[min(keep)], head.doc[max(keep)])


def _np_tokens(head: Token) -> set[int]:
    keep = {head.i}
    for child in head.children:
        if child.dep_ in _SPEAKER_DEPS:
            keep.update(_np_tokens(child))
        elif child.dep_ == "prep" and child.lower_ in ("of", "from") and child.i == head.i + 1:
            keep.update(t.i for t in child.subtree)
    return keep


def _addressee(cue: Token) -> str | None:
    if cue.lower_ == "according":
        return None
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and cue.lemma_.lower() in ADDRESSEE_VERBS:
            return _np_text(child) if child.pos_ != "PRON" else None
        if (
            child.dep_ == "prep"
            and child.lower_ == "to"
            and cue.lemma_.lower() in ("say", "speak", "write", "explain")
        ):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return _np_text(pobj)
    return None


def _np_text(head: Token) -> str:
    keep = _np_tokens(head)
    return doc_text(head.doc)[slice(*span_chars(head.doc[min(keep)], head.doc[max(keep)]))]
