"""Entity mentions from spaCy, cleaned of small-model misfires, and the roles people hold."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storyline.nlp.lexicon import GENERIC_NAMES, LEADER_NOUNS, NOT_PERSON_WORDS, ROLE_NOUNS, SEAT_NAMES
from storyline.nlp.spacy_model import doc_text
from storyline.records import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
_LEAD = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s?$")
_TITLE = re.compile(
    r"^(?:(?:President|Prime Minister|Minister|Chancellor|Spokesman|Spokeswoman"
    r"|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)+"
)
_ROLE_POS = frozenset({"PROPN", "NOUN", "ADJ"})
_PLACE_PREPS = frozenset({"in", "to", "from", "into", "at", "near", "across", "outside", "inside"})
_LEAD_NON_NAME = frozenset({"VERB", "ADP", "ADV", "AUX", "SCONJ", "CCONJ", "PRON", "DET"})

# country-like words that name the same affiliation, for matching roles ("Kremlin" ~ "Russian")
_AFFILIATION = {
    "russia": "russia", "russian": "russia", "kremlin": "russia", "moscow": "russia",
    "france": "france", "french": "france", "elysée": "france", "elysee": "france", "paris": "france",
    "ukraine": "ukraine", "ukrainian": "ukraine", "kyiv": "ukraine", "kiev": "ukraine",
    "germany": "germany", "german": "germany", "berlin": "germany",
    "us": "us", "u.s.": "us", "american": "us", "washington": "us", "america": "us",
    "britain": "uk", "british": "uk", "uk": "uk", "london": "uk",
    "china": "china", "chinese": "china", "beijing": "china",
}  # fmt: skip
_AFFILIATIONS = frozenset(_AFFILIATION.values())


def mentions(doc: Doc) -> list[EntityMention]:
    """Named-entity mentions with determiners, possessives and titles trimmed, misfires retyped."""
    out: list[EntityMention] = []
    for ent in doc.ents:
        mention = _clean(doc, ent)
        if mention is not None:
            out.append(mention)
    return _harmonize(doc, out)


def _harmonize(doc: Doc, found: list[EntityMention]) -> list[EntityMention]:
    """One type per name in an article: a surname of a named person is PERSON ("Zelenskyy" tagged
    GPE); a one-word "person" that is a place elsewhere or the object of "in/to/from" is GPE ("Kyiv")."""
    surnames = {surname(m.text) for m in found if m.type == "PERSON" and len(m.text.split()) > 1}
    places = {m.text for m in found if m.type in ("GPE", "LOC")}
    places |= {m.text for m in found if m.type == "PERSON" and _locative(doc, m)}
    out: list[EntityMention] = []
    for m in found:
        single = len(m.text.split()) == 1
        label = m.type
        if single and m.type in ("GPE", "ORG", "NORP", "LOC") and m.text.casefold() in surnames:
            label = "PERSON"
        elif single and m.type == "PERSON" and m.text.casefold() not in surnames and m.text in places:
            label = "GPE"
        out.append(m if label == m.type else EntityMention(m.start, m.end, m.text, label))
    return out


def _locative(doc: Doc, m: EntityMention) -> bool:
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS


def _clean(doc: Doc, ent: Span) -> EntityMention | None:
    label = ent.label_
    if label not in ENTITY_TYPES:
        return None
    start, end = ent.start_char, ent.end_char
    if label == "PERSON":
        i = ent.start
        while i < ent.end - 1 and (doc[i].pos_ in _LEAD_NON_NAME or doc[i].tag_ == "VBG"):
            i += 1
        start = doc[i].idx
    text = doc_text(doc)[start:end]
    m = _LEAD.match(text) or (_TITLE.match(text) if label == "PERSON" else None)
    if m:
        start += m.end()
    tail = _POSSESSIVE.search(doc_text(doc)[start:end])
    if (
        tail
        and tail.start() > 0
        and doc_text(doc)[start:end][tail.start() - 1].isalpha()
        and len(tail.group()) == 2
    ):
        end -= 2
    text = doc_text(doc)[start:end].strip()
    if not any(ch.isupper() for ch in text) or text.casefold() in GENERIC_NAMES:
        return None  # "n’t" tagged as a place; "State" in "The Head of State"
    if label == "PERSON":
        fixed = _person_label(text)
        if fixed is None:
            return None
        label = fixed
    return EntityMention(start, start + len(text), text, label)


def _person_label(text: str) -> str | None:
    """PERSON, or the right type for a misfire ("Kremlin" -> ORG), or None to drop it."""
    low = text.casefold()
    if low in SEAT_NAMES or low.removeprefix("the ") in SEAT_NAMES:
        return "ORG"
    words = low.split()
    if any(w in NOT_PERSON_WORDS for w in words) or not text[0].isupper():
        return None
    if "\n" in text or len(words) > 5:
        return None
    return "PERSON"


def person_roles(doc: Doc, people: list[EntityMention]) -> list[tuple[int, str, str]]:
    """(position, role phrase, person text) for roles written next to a person's name.

    "Kremlin spokesman Dmitry Peskov", "Ukraine’s president Volodymyr Zelenskyy",
    "Dmitry Peskov, the Kremlin spokesman," and "the spokesman of the Kremlin, Dmitry Peskov".
    """
    out: list[tuple[int, str, str]] = []
    for m in people:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        role = _premodifier_role(doc, span) or _appositive_role(span)
        if role:
            out.append((m.start, role, m.text))
    return out


def _premodifier_role(doc: Doc, span: Span) -> str | None:
    i = span.start - 1
    toks: list[Token] = []
    while i >= 0 and len(toks) < 5:
        tok = doc[i]
        if tok.pos_ in _ROLE_POS or tok.tag_ == "POS":
            toks.insert(0, tok)
            i -= 1
        else:
            break
    while toks and toks[0].tag_ == "POS":
        toks.pop(0)
    if not any(t.lower_ in ROLE_NOUNS for t in toks):
        return None
    return doc_text(doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]


def _appositive_role(span: Span) -> str | None:
    root = span.root
    candidates = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        candidates.append(root.head)
    for head in candidates:
        if head.lower_ in ROLE_NOUNS:
            toks = [
                t for t in head.subtree if t.dep_ not in ("det", "punct", "appos") and not (root.i <= t.i)
            ]
            toks = [t for t in toks if t.i <= head.i or t.head.i < root.i] or [head]
            return " ".join(
                t.text for t in sorted(toks, key=lambda t: t.i) if t.i < span.start or t.i >= span.end
            )
    return None


def role_key(role: str) -> tuple[str, frozenset[str]] | None:
    """(head class, affiliations and other modifiers) of a role phrase, for matching."""
    words = [w.strip(".,’'").casefold() for w in re.split(r"\s+|’s|'s", role) if w.strip(".,’'")]
    words = [w for w in words if w not in ("the", "a", "an", "of", "his", "her", "its", "their")]
    heads = [w for w in words if w in ROLE_NOUNS]
    if not heads:
        return None
    head = heads[-1]
    head_class = "leader" if head in LEADER_NOUNS else head
    mods = frozenset(_AFFILIATION.get(w, w) for w in words if w != head)
    return head_class, mods


def role_matches(query: str, role: str, *, relaxed: bool = False) -> bool:
    """Does the role noun phrase ``query`` ("the Russian leader") fit ``role`` ("Russian President")?

    ``relaxed`` lets a query with a country fit a role written without one ("the head of Russian
    diplomacy" ~ "head of diplomacy"); callers use it only when exactly one person fits.
    """
    q, r = role_key(query), role_key(role)
    if q is None or r is None or q[0] != r[0]:
        return False
    if q[1] <= r[1]:
        return True
    if not relaxed:
        return False
    q_aff, r_aff = q[1] & _AFFILIATIONS, r[1] & _AFFILIATIONS
    return q[1] - q_aff == r[1] - r_aff and (not r_aff or bool(q_aff & r_aff))


def affiliation_words(role: str) -> list[str]:
    """The words of a role phrase that name a country or its seat ("kremlin" in "master of the Kremlin")."""
    return [w for w in re.findall(r"[\w.]+", role.casefold()) if w in _AFFILIATION]


def surname(name: str) -> str:
    return name.rsplit(maxsplit=1)[-1].casefold() if name.split() else ""
