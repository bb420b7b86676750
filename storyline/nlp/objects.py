"""Content of cues whose object is what is attributed: "criticized the plan", "urged Congress to
act", "referred to the deal", "endorsed Lindqvist"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.nlp.cues import SUBJ_DEPS, is_cue
from storyline.nlp.lexicon import (
    CUE_PREPOSITIONS,
    GROUP_NOUNS,
    NAME_OBJECT_VERBS,
    OBJECT_CUE_VERBS,
    PERSON_PRONOUNS,
    ROLE_NOUNS,
)
from storyline.nlp.spans import MIN_CONTENT_TOKENS, NAME_ENTS, trim_end

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NOT_COMPLEMENTS = frozenset({"punct", "cc", "conj", "parataxis"})
# prepositions and subordinators of a time or circumstance adjunct ("at a rally", "after the vote")
_ADJUNCT_PREPS = frozenset(
    {
        "at",
        "during",
        "after",
        "before",
        "since",
        "until",
        "amid",
        "despite",
        "while",
        "when",
        "although",
        "though",
    }
)
_TIME_ENTS = frozenset({"DATE", "TIME"})
# verbs whose person object is the one addressed ("called the President", "thanked Smith")
_PERSON_OBJECT_VERBS = frozenset({"call", "thank", "ask", "urge", "warn"})


def object_span(cue: Token, in_quote: list[int]) -> Span | None:
    """The object content of ``cue``, or None when it has none worth reporting (``in_quote``: the
    quote index of each token, -1 outside quotation marks)."""
    obj = _object_child(cue)
    if obj is None:
        return None
    span = cue.doc[obj.left_edge.i : object_end(cue, obj, in_quote).i + 1]
    if obj.ent_type_ in _TIME_ENTS:
        return None  # "spoke on Monday"
    name = (
        span[-1].pos_ == "PROPN"
        and span[-1].ent_type_ in NAME_ENTS
        and cue.lemma_.lower() in NAME_OBJECT_VERBS
    )
    return span if len(span) >= MIN_CONTENT_TOKENS or name else None


def object_end(cue: Token, obj: Token, in_quote: list[int]) -> Token:
    """The last token of the content: the object and the cue's further complements ("criticized
    Nabisco for the move", "described the outburst as the emotions of a worried spouse"), short of a
    time adjunct or a complement holding a quote (attributed on its own)."""
    anchor = obj if obj.head is cue else obj.head
    last = obj.right_edge
    for child in cue.rights:
        if child.i <= anchor.i or child.dep_ in _NOT_COMPLEMENTS or is_cue(child):
            continue
        if _is_time(child):
            continue  # "criticized the plan on Monday"
        if any(in_quote[t.i] >= 0 for t in child.subtree):
            break
        if not _complement(child):
            continue
        if child.right_edge.i > last.i:
            last = child.right_edge
    return trim_end(last)


def _complement(tok: Token) -> bool:
    """A further complement of an object cue, not a time or circumstance adjunct ("at the rally",
    "after polls closed")."""
    if tok.dep_ == "prep":
        return tok.lower_ not in _ADJUNCT_PREPS
    if tok.dep_ == "advcl":
        return not any(c.dep_ == "mark" and c.lower_ in _ADJUNCT_PREPS for c in tok.children)
    return True


def _is_time(tok: Token) -> bool:
    """ "on Monday", "last week": a time adjunct (a preposition whose object is a date or time)."""
    if tok.dep_ == "prep":
        tok = next((c for c in tok.children if c.dep_ == "pobj"), tok)
    return tok.ent_type_ in _TIME_ENTS


def _object_child(cue: Token) -> Token | None:
    """A to-infinitive, object or prepositional object as content ("urged Congress to act", "criticized
    the plan", "referred to the deal")."""
    lemma = cue.lemma_.lower()
    if lemma == "refer" and _thing_subject(cue):
        return None  # "the term refers to ...": a definition
    if lemma in OBJECT_CUE_VERBS or lemma in CUE_PREPOSITIONS:
        preps = CUE_PREPOSITIONS.get(lemma, frozenset()) | {"for", "about", "on"}
        for child in cue.rights:
            if child.dep_ == "dobj" and lemma in _PERSON_OBJECT_VERBS and _is_person(child):
                continue  # "called the President", "urged Smith to act": whom, not what
            if child.dep_ == "dobj" and any(c.dep_ == "xcomp" and c.i > child.i for c in cue.children):
                continue  # "urging Norland to reopen the quay": the infinitive is what is urged
            if child.dep_ in ("xcomp", "dobj"):
                return child
            if child.dep_ == "prep" and child.lower_ in preps:  # "voted for the bill": the bill
                return next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), child)
    return None


def _thing_subject(cue: Token) -> bool:
    subj = next((c for c in cue.children if c.dep_ in SUBJ_DEPS), None)
    return subj is not None and (
        subj.lower_ in ("it", "this", "that", "which")
        or (subj.pos_ == "NOUN" and not subj.ent_type_ and subj.lower_ not in GROUP_NOUNS | ROLE_NOUNS)
    )


def _is_person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or tok.lower_ in PERSON_PRONOUNS or tok.lower_ in ("them", "us", "me")
