"""Who makes a claim: the quote's speaker when the NLP stage found one, else the sentence's source.

The fallback is lexical: the noun phrase before (or after) a reporting verb
("French officials said", "said Peskov", "the Kremlin on Tuesday downplayed"),
or the phrase after "according to".
"""

from __future__ import annotations

import re

from storyline.analysis._text import wordset
from storyline.records import Annotations, Entity

REPORTING = wordset(
    """said says say told tells added insisted insists insist denied denies deny dismissed dismisses
    rejected rejects confirmed confirms confirm claimed reported downplayed stated argued announced
    announces warned warns acknowledged noted suggested suggests maintained maintains wrote writes
    believe estimated estimates"""
)
ROLE_WORDS = wordset(
    """officials official spokesman spokeswoman spokesperson minister president office government
    authorities diplomats diplomat sources source ministry chancellor leader leaders researchers
    analysts police officers officer agency military army prosecutors prosecutor lawyers lawyer
    secretary governor mayor aides aide adviser advisers intelligence media outlets union unions
    company companies board council"""
)
_SKIP_BACK = wordset(
    """has have had did does do also again afterwards later then both all on in this last early late
    previously repeatedly publicly flatly firmly strongly quickly immediately had've"""
)
_PRONOUN = "\x00pronoun"
_PRONOUNS = wordset("he she they it we i you who this that")
_WEEKDAYS = wordset("monday tuesday wednesday thursday friday saturday sunday")
_TOKEN = re.compile(r"[A-Z](?:\.[A-Z])+\.?|[\w’'-]+|[^\w\s]")
_ACCORDING = re.compile(r"\b(?i:according) to ((?:the\s+)?(?:[A-Z][\w’'.-]*\s*|[a-z]+\s+(?=[A-Z])){1,5})")
_ACCORDING_ROLE = re.compile(
    r"\b(?i:according) to ((?:the\s+)?(?:[A-Z][\w’'-]*\s+)?(?:" + "|".join(ROLE_WORDS) + r"))\b"
)


def attribute(
    sentence: str,
    start: int,
    end: int,
    annotations: Annotations | None = None,
) -> str | None:
    """The source of the sentence at article offsets [start, end), or None when unknown."""
    speaker = _from_quotes(start, end, annotations)
    return speaker or source_of(sentence)


def source_of(sentence: str) -> str | None:
    """The lexical source of ``sentence``: "according to X", "X said", "said X"."""
    tokens = _TOKEN.findall(sentence)
    for i, tok in enumerate(tokens):
        if tok.lower() in REPORTING:
            found = _np_before(tokens, i)
            if found == _PRONOUN:
                return None
            found = found or _np_after(tokens, i)
            if found:
                return found
    m = _ACCORDING_ROLE.search(sentence) or _ACCORDING.search(sentence)
    return _clean(m.group(1)) if m else None


def _from_quotes(start: int, end: int, annotations: Annotations | None) -> str | None:
    if annotations is None:
        return None
    for q in annotations.quotes:
        if q.start < end and start < q.end:
            name = q.speaker or q.speaker_text
            if name and name.lower() not in _PRONOUNS:
                return name
    return None


def _np_before(tokens: list[str], i: int) -> str | None:
    j = i - 1
    while j >= 0 and (tokens[j].lower() in _SKIP_BACK or tokens[j].lower() in _WEEKDAYS):
        j -= 1
    if j >= 0 and tokens[j].lower() in _PRONOUNS:
        return _PRONOUN
    k = j
    while k >= 0 and _np_token(tokens, k):
        k -= 1
    return _phrase(tokens[k + 1 : j + 1])


def _np_after(tokens: list[str], i: int) -> str | None:
    """Inverted attribution only: '..., said Peskov.' (the phrase must end the clause)."""
    if i == 0 or tokens[i - 1] not in (",", "”", '"', "’"):
        return None
    k = i + 1
    while k < len(tokens) and _np_token(tokens, k) and tokens[k].lower() != "the":
        k += 1
    if k < len(tokens) and tokens[k] not in (".", ",", ";"):
        return None
    return _phrase(tokens[i + 1 : k])


def _np_token(tokens: list[str], k: int) -> bool:
    tok = tokens[k]
    low = tok.lower()
    if low in _WEEKDAYS or low in REPORTING:
        return False
    if tok[:1].isupper() or low in ROLE_WORDS or low in ("'s", "’s", "of"):
        return True
    return low in ("the", "and") and k + 1 < len(tokens) and _np_token(tokens, k + 1)


def _phrase(tokens: list[str]) -> str | None:
    while tokens and tokens[0].lower() in ("of", "and", "but", "'s", "’s"):
        tokens = tokens[1:]
    while tokens and tokens[-1].lower() in ("of", "and", "the"):
        tokens = tokens[:-1]
    if not tokens or not any(t[:1].isupper() or t.lower() in ROLE_WORDS for t in tokens):
        return None
    if len(tokens) == 1 and tokens[0].lower() in _PRONOUNS:
        return None
    return _clean(" ".join(tokens).replace(" 's", "'s").replace(" ’s", "’s"))


def _clean(text: str) -> str:
    text = text.strip(" ,.")
    if text.startswith(("But ", "And ")):
        text = text.split(" ", 1)[1]
    text = _drop_role(text)
    return "the " + text[4:] if text.startswith("The ") else text


def _drop_role(text: str) -> str:
    """ "Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov" (a name after the last role word)."""
    words = text.split()
    roles = [i for i, w in enumerate(words) if w.lower() in ROLE_WORDS]
    if not roles or roles[-1] == len(words) - 1:
        return text
    name = words[roles[-1] + 1 :]
    return " ".join(name) if all(w[:1].isupper() for w in name) else text


def canonical(name: str | None, entities: tuple[Entity, ...] | list[Entity]) -> str | None:
    """Map a source phrase onto the canonical entity it names, keeping the phrase's role words.

    "Spokesman Dmitry Peskov" stays as is; a bare alias ("Peskov") becomes "Dmitry Peskov".
    """
    if not name:
        return name
    for ent in entities:
        for alias in (ent.name, *ent.aliases):
            if alias and alias == name:
                return ent.name
    return name
