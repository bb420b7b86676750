"""Speaker labels: a line that opens with a name and a colon ("Voss: The port stays shut",
"LINDQVIST: We agree", "Harbour chief Tomas Brekke: “It is over”"), as in headlines and transcripts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.nlp.lexicon import GROUP_NOUNS, NOT_PERSON_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_LABEL = re.compile(r"^([^\n:.!?\"“”]{2,60}?):[ \t\u00a0]+(?=\S)")
_MAX_LABEL_WORDS = 7
_SPEAKER_ENTS = frozenset({"PERSON", "ORG", "NORP"})
# a label names someone; a phrase with a preposition is a kicker ("Telephone between X and Y: ...")
_PHRASE_WORDS = frozenset(
    {"between", "with", "in", "on", "at", "after", "before", "for", "to", "from", "over", "about", "as", "by"}
)
# one-word labels of a source that is not a name ("Poll: ...", "Historians: ...", "Q: ..." in an interview)
_SOURCE_LABELS = GROUP_NOUNS | {
    "poll",
    "survey",
    "report",
    "study",
    "historians",
    "insiders",
    "newspaper",
    "q",
}
_TOPIC_WORDS = 4
_NOUN_PHRASE_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "NUM", "CCONJ"})
_NEGATIONS = frozenset({"no", "not", "never", "none", "nothing", "nobody"})
_DASHES = re.compile(r"\s[-–—]\s")
_NOT_LABELS = frozenset(
    {"update", "note", "photo", "video", "source", "editor's note", "correction", "watch", "read more"}
)


@dataclass(frozen=True, slots=True)
class Label:
    """``source`` said ``content`` (character offsets); ``colon`` is the cue's position."""

    source: tuple[int, int]
    colon: int
    content: tuple[int, int]
    named: bool = True  # False for a source that is not a name ("Poll:", "Q:"): not listed as a quote


def speaker_labels(doc: Doc, text: str) -> list[Label]:
    """Every line of ``text`` (the text of ``doc``) that starts with a speaker label."""
    out: list[Label] = []
    pos = 0
    for line in text.split("\n"):
        label = _label(doc, text, pos, line)
        if label is not None:
            out.append(label)
        pos += len(line) + 1
    return out


def _label(doc: Doc, text: str, pos: int, line: str) -> Label | None:
    m = _LABEL.match(line)
    if m is None:
        return None
    name = m.group(1)
    dash = list(_DASHES.finditer(name))
    start = dash[-1].end() if dash else 0  # "SECTION TITLE - Jeffrey Jones:"
    name = name[start:].strip()
    words = name.split()
    if not words or len(words) > _MAX_LABEL_WORDS or name.casefold() in _NOT_LABELS:
        return None
    if any(w in _PHRASE_WORDS for w in words):
        return None
    common = len(words) == 1 and words[0].casefold() in _SOURCE_LABELS
    if not (
        _is_caps_name(words)
        or _has_speaker_entity(doc, pos + start, pos + m.end(1))
        or _named_elsewhere(doc, words)
        or common
    ):
        return None
    src_start = pos + line.index(name, start)
    content_end = pos + len(line.rstrip())
    if content_end - (pos + m.end()) < 3:
        return None
    if not _is_caps_name(words) and _is_topic(doc, pos + m.end(), content_end):
        return None
    return Label((src_start, src_start + len(name)), pos + m.end(1), (pos + m.end(), content_end), not common)


def _is_topic(doc: Doc, start: int, end: int) -> bool:
    """ "Macron and Zelenskyy: Thursday's talks": a few words of a noun phrase (no verb, preposition,
    adverb or negation) name what a kicker is about, not what anyone said. A quote is words."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.text[:1] in "\"“‘«'":
        return False
    words = [t for t in span if not (t.is_punct or t.is_space or t.tag_ == "POS")]
    if not 0 < len(words) <= _TOPIC_WORDS or any(t.lower_ in _NEGATIONS for t in words):
        return False
    *body, head = words
    return all(t.pos_ in _NOUN_PHRASE_POS for t in body) and (
        head.pos_ in _NOUN_PHRASE_POS or _plural_head(head, span.start)
    )


def _plural_head(tok: Token, first: int) -> bool:
    """A plural noun ending a determined noun phrase that the small model tags as a verb ("Thursday's
    talks", "the harbour fees"), unlike "the port stays shut" (not last) or "prices rose" (no
    determiner, past tense)."""
    if tok.tag_ != "VBZ":
        return False
    for left in reversed(tok.doc[first : tok.i]):
        if left.tag_ in ("POS", "DT", "PRP$"):
            return True
        if left.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return False
    return False


def _is_caps_name(words: list[str]) -> bool:
    """A transcript label: "TAPPER", "SEN. WARD" (capitals, not a common word)."""
    return (
        len(words) <= 3
        and all(w.isupper() and len(w.strip(".")) >= 2 for w in words)
        and not any(w.casefold() in NOT_PERSON_WORDS for w in words)
    )


def _named_elsewhere(doc: Doc, words: list[str]) -> bool:
    """ "Trump: ..." in a headline the small model does not tag: the article names a person or an
    organisation ending with the label's words."""
    if len(words) > 3 or not all(w[:1].isupper() for w in words):
        return False
    tail = " ".join(words)
    return any(
        ent.label_ in _SPEAKER_ENTS and (ent.text == tail or ent.text.endswith(" " + tail))
        for ent in doc.ents
    )


def _has_speaker_entity(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not span.text[:1].isupper():
        return False
    return any(ent.label_ in _SPEAKER_ENTS for ent in span.ents)
