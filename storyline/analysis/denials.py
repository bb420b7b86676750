"""Denials and contested claims: one source asserts, another denies or calls the report wrong.

A denial is a sentence with a denial cue ("denied", "not true", "no deal",
"written incorrectly", "rejected the report"). Its target is the best-matching
assertion elsewhere in the story: a sentence from another source that shares the
denied proposition's content words (rare words weigh more) and its head, the first
content word after the denial verb, said outside a hedge ("denied it has any *plans*
to attack" needs a target that asserts plans: not "fear they could be used for an
attack", nor "is expected to push a peace plan"). Denials of the same
target, or that follow each other in one article, become one conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from storyline.analysis._text import (
    content_words,
    document_frequency,
    first_content_word,
    weighted_overlap,
)
from storyline.analysis.claims import Statement, same_source
from storyline.analysis.clauses import clause_around, tidy
from storyline.records import Claim, Conflict
from storyline.text import DATELINE

_CLAIM_NOUN = (
    r"(?:reports?|claims?|allegations?|accusations?|suggestions?|accounts?|stor(?:y|ies)|assertions?)"
)
_CUES = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|contradict(?:s|ed|ing)?)\b"
    r"|\b(?:reject|dismiss)(?:s|es|ed|ing)?\s+(?:\w+\s+){0,3}?" + _CLAIM_NOUN + r"\b"
    r"|\b(?:not true|untrue|incorrect(?:ly)?|inaccurate(?:ly)?|no deal|no agreement|not right|false(?! flag)"
    r"|fake news|baseless|groundless|nonsense|fabricat(?:ed|ion)|never (?:agreed|said|promised|committed))\b"
    r"|\b(?:made|gave|offered|was) no (?:such )?(?:promise|commitment|pledge|agreement|deal|guarantee)s?\b"
    r"|\b(?:did not|didn[’']t|had not|hadn[’']t) (?:agree|promise|commit|pledge)\w*\b",
    re.I,
)
_PROPOSITION = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|refut\w*|reject\w*|dismiss\w*|made no|gave no|did not|never)\s+"
    r"(?:(?:a|the|any|media|news|press|western|these|those|such)\s+)*(?:(?:[\w’'-]+\s+){0,2}?"
    + _CLAIM_NOUN
    + r"\s+)?"
    r"(?:that\s+)?(?P<prop>[^.;,\[…]+)",
    re.I,
)
_SUBJECT_DENIED = re.compile(r"(?:made|gave|offered|was) no|did not|didn|had not|hadn|never", re.I)
_ANAPHOR = re.compile(
    r"\b(?:the|these|those|such|this|that|some|its|their) (?:\w+ )?" + _CLAIM_NOUN + r"\b"
    r"|\bwhat (?:has|had|was|were) (?:been )?(?:described|reported|said|written)\b",
    re.I,
)
_META_NEGATION = re.compile(
    r"\b(?:not|never)\s+(?:said|say|claimed|reported)\b|\b(?:neither|nor|no one|nobody)\b", re.I
)
MIN_WEIGHT = 2.0  # shared proposition words, IDF-weighted
MIN_SHARE = 0.3  # ... as a share of the whole proposition's weight
MAX_TARGETS = 3
SHORT_SENTENCE = 22  # words: a denial this short is quoted whole in the summary line
RELATIVE_FLOOR = 0.6  # further targets must score at least this share of the best
MAX_ASSERTIONS = 6
NEAR = 2  # sentences: a cue this close after another denial in one article joins it


@dataclass(frozen=True, slots=True)
class Denial:
    statement: Statement
    cue: str
    cue_at: int
    proposition: frozenset[str]
    about: frozenset[str] = frozenset()  # "@entity" tokens the denied claim is about
    heads: frozenset[str] = frozenset()  # first content word of each denied proposition


Group = tuple[list[Statement], list[Denial]]  # asserted claims, denials


@lru_cache(maxsize=16384)
def is_denial(text: str) -> bool:
    """True when ``text`` carries a denial cue ("denied", "not true", "no deal", "incorrectly")."""
    return _CUES.search(text) is not None


def find_denials(items: Sequence[Statement]) -> list[Denial]:
    out = []
    for st in items:
        m = _CUES.search(st.sentence.text)
        if m:
            about = _entities_denied(st, m) - _source_tokens(st)
            text = st.sentence.text
            out.append(Denial(st, m.group(0), m.start(), _proposition(text), about, _heads(text)))
    return out


def _entities_denied(st: Statement, cue: re.Match[str]) -> frozenset[str]:
    """Entities inside the denied proposition; for "X made no promise" also X, the one who
    supposedly promised (read from the sentence before the cue)."""
    text = st.sentence.text
    spans = [m.group("prop") for m in _PROPOSITION.finditer(text)]
    if _SUBJECT_DENIED.match(cue.group(0)):
        spans.append(text[: cue.start()])
    low = [span.lower() for span in spans]
    return frozenset(tok for form, tok in st.forms if any(form in span for span in low))


def _source_tokens(st: Statement) -> frozenset[str]:
    """The denier's own entity token(s): those whose name shares a word with the source phrase."""
    if not st.source:
        return frozenset()
    src = {w.lower() for w in st.source.split()}
    return frozenset(t for t in st.entities if src & set(t[1:].split("_")))


def _proposition(text: str) -> frozenset[str]:
    """What is denied: the content words after every denial verb, else the whole sentence's
    (also when the verb only gives a verdict: "dismissed the reports as false, saying …")."""
    props = [
        content_words(m.group("prop"))
        for m in _PROPOSITION.finditer(text)
        if not _VERDICT.match(m.group("prop"))
    ]
    return frozenset().union(*props) if props else content_words(text)


def _heads(text: str) -> frozenset[str]:
    """The head of each denied proposition: "denied it has any plans to attack" → plan.
    "dismissed the reports as false" names no proposition, only a verdict: no head."""
    props = (m.group("prop") for m in _PROPOSITION.finditer(text))
    found = (first_content_word(p) for p in props if not _VERDICT.match(p))
    return frozenset(h for h in found if h)


_VERDICT = re.compile(r"\s*as\b", re.I)


_HEDGE = re.compile(
    r"\b(?:expected|likely|hopes?|hoped|hoping|fears?|feared|fearing|could|would|might|may|should)\b"
    r"[^,;.:—–]*"
)


@lru_cache(maxsize=16384)
def asserted_words(text: str) -> frozenset[str]:
    """Content words of ``text`` outside hedged stretches ("… could be used as cover for an attack")."""
    return content_words(_HEDGE.sub(" ", text))


def has_head(words: frozenset[str], heads: frozenset[str]) -> bool:
    """``words`` name one of the heads (loosely: "attacking" ≈ "attacked" share five letters)."""
    if not heads or heads & words:
        return True
    stems = {h[:5] for h in heads if len(h) >= 5}
    return any(w[:5] in stems for w in words if len(w) >= 5)


def find_targets(
    denial: Denial,
    items: Sequence[Statement],
    df: dict[str, int],
    holders: Mapping[str, Sequence[int]] | None = None,
) -> list[Statement]:
    """The assertions the denial contradicts, best first (empty when nothing matches well).
    ``holders`` (word -> indices of the items using it) limits the scan to the items that share a
    word with what is denied, which every target must; without it every item is looked at."""
    n = len(items)
    denied = denial.proposition | denial.about
    whole = weighted_overlap(denied, denied, df, n)
    scored: list[tuple[float, int, Statement]] = []
    if holders is None:
        candidates: Iterable[int] = range(n)
    else:
        candidates = sorted({i for w in denial.proposition for i in holders.get(w, ())})
    for i in candidates:
        st = items[i]
        if not _assertion(st, denial):
            continue
        weight = weighted_overlap(denied, st.words, df, n)
        if weight < MIN_WEIGHT or weight < MIN_SHARE * whole or not _enough_shared(st, denial):
            continue
        if not has_head(asserted_words(st.sentence.text), denial.heads):
            continue
        scored.append((weight + _bonus(st, denial, df, n), -i, st))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    floor = RELATIVE_FLOOR * scored[0][0] if scored else 0.0
    return [st for score, _, st in scored[:MAX_TARGETS] if score >= floor]


def _enough_shared(st: Statement, denial: Denial) -> bool:
    """Two shared proposition words, or one when the denial names the target's source ("French claims")."""
    shared = len((denial.proposition | denial.about) & st.words)
    if shared >= 2 or (shared == 1 and len(denial.proposition) == 1):
        return True
    return shared == 1 and _names_source(st, denial)


def _names_source(st: Statement, denial: Denial) -> bool:
    """The denial names the assertion's source ("rejected the Kestish account" → Kestish officials)."""
    if not st.source:
        return False
    own = content_words(denial.statement.source or "")
    return bool(content_words(st.source) & (denial.statement.words - own))


def _bonus(st: Statement, denial: Denial, df: dict[str, int], n: int) -> float:
    """Prefer attributed assertions, above all from the source the denial names ("the French claims")."""
    context = denial.statement.words - denial.proposition
    bonus = 0.5 * weighted_overlap(context, st.words, df, n)
    if st.source:
        bonus += 1.0 + (4.0 if _names_source(st, denial) else 0.0)
    return bonus


def _assertion(st: Statement, denial: Denial) -> bool:
    if st is denial.statement or not denial.proposition & st.words or _not_assertion(st.sentence.text):
        return False
    if same_source(st.source, denial.statement.source) or same_side(st, denial.statement.source):
        return False
    if _speaks_for_himself(st, denial):
        return False
    return bool(denial.proposition & st.words)


def _speaks_for_himself(st: Statement, denial: Denial) -> bool:
    """ "Venhold made no commitment" (his spokeswoman) does not deny what Venhold says himself
    ("he had promised only that …"): the one whose promise is denied is on the denier's side."""
    if not st.source or not _SUBJECT_DENIED.match(denial.cue):
        return False
    return bool(_source_tokens(st) & denial.about) or any(
        same_source(st.source, tok[1:].replace("_", " ")) for tok in denial.about
    )


@lru_cache(maxsize=16384)
def _not_assertion(text: str) -> bool:
    return is_denial(text) or _META_NEGATION.search(text) is not None


def same_side(st: Statement, denier: str | None) -> bool:
    """The statement's speaker is introduced as the denier's ("said Voltara spokeswoman Aina Sorel")."""
    if not st.source or not denier:
        return False
    text = st.sentence.text
    at = text.find(st.source)
    if at < 0:
        return False
    before = text[max(0, at - 40) : at].split()[-3:]
    names = {w.lower() for w in denier.split() if w[:1].isupper() and w.lower() != "the"}
    return bool(names & {w.lower().strip(",.’'s") for w in before})


def conflicts(story: str, items: Sequence[Statement]) -> list[Conflict]:
    """Denial conflicts of one story, each with the asserted claim(s) and the denial(s)."""
    df = document_frequency(st.words for st in items)
    holders: dict[str, list[int]] = {}
    for i, st in enumerate(items):
        for w in st.words:
            holders.setdefault(w, []).append(i)
    groups: list[Group] = []
    looked_up: dict[tuple[object, ...], list[Statement]] = {}
    orphans: list[Denial] = []
    last: Denial | None = None
    for den in find_denials(items):
        if last is not None and _follows(den, last):
            _group_of(groups, last)[1].append(den)
            continue
        # a reprinted denial (same sentence, source and reading) has the same targets: look once
        key = (
            den.statement.sentence.text,
            den.statement.source,
            den.cue,
            den.proposition,
            den.about,
            den.heads,
        )
        if key not in looked_up:
            looked_up[key] = find_targets(den, items, df, holders)
        targets = list(looked_up[key])
        if targets:
            _add(groups, targets, den)
            last = den
        else:
            orphans.append(den)
    for den in orphans:
        home = _home_for(den, groups)
        if home is not None:
            home[1].append(den)
    for group in groups:
        _extend_assertions(group, items)
    return [_conflict(story, targets, dens) for targets, dens in _same_parties(groups)]


def _same_parties(groups: list[Group]) -> list[Group]:
    """One dispute per pair of sides: groups whose asserters and deniers are the same sources
    ("three Estrenian officials" vs Katya Brenner, about the agreement and about the commitment)."""
    merged: list[Group] = []
    for targets, dens in groups:
        home = next((g for g in merged if _parties_meet(g, (targets, dens))), None)
        if home is None:
            merged.append((list(targets), list(dens)))
            continue
        home[0].extend(t for t in targets if t not in home[0])
        home[1].extend(d for d in dens if d not in home[1])
    return merged


def _parties_meet(a: Group, b: Group) -> bool:
    def meet(xs: Sequence[str | None], ys: Sequence[str | None]) -> bool:
        return any(same_source(x, y) for x in xs for y in ys)

    asserters_a = [t.source for t in a[0]]
    asserters_b = [t.source for t in b[0]]
    deniers_a = [d.statement.source for d in a[1]]
    deniers_b = [d.statement.source for d in b[1]]
    return meet(asserters_a, asserters_b) and meet(deniers_a, deniers_b)


def _home_for(den: Denial, groups: list[Group]) -> Group | None:
    """An untargeted denial ("the claim was simply inaccurate") joins the nearest earlier group
    with a claim or denial in its article, when it points back at a claim or shares its words,
    and what it explicitly denies (its head) is what the group is about."""
    best: tuple[int, Group] | None = None
    for group in groups:
        topic = frozenset().union(*(d.proposition for d in group[1]))
        if not (_ANAPHOR.search(den.statement.sentence.text) or len(den.proposition & topic) >= 2):
            continue
        claimed = frozenset().union(topic, *(asserted_words(t.sentence.text) for t in group[0]))
        if not has_head(claimed, den.heads):
            continue  # "denied it has any plans to attack" is not about the group's agreement
        for st in (*group[0], *(d.statement for d in group[1])):
            gap = den.statement.sentence.index - st.sentence.index
            if st.article == den.statement.article and gap > 0 and (best is None or gap < best[0]):
                best = (gap, group)
    return best[1] if best else None


def _extend_assertions(group: Group, items: Sequence[Statement]) -> None:
    """Add other sources that repeat the denied claim (two shared words with what is denied,
    and one of the denied heads: "agreed", not just "dam" and "Estrenian")."""
    targets, dens = group
    topic = frozenset().union(
        *(d.proposition for d in dens if not _ANAPHOR.search(d.statement.sentence.text))
    )
    heads = frozenset().union(*(d.heads for d in dens))
    sources = {t.source for t in targets}
    for st in items:
        if len(targets) >= MAX_ASSERTIONS:
            return
        if len(topic & st.words) < 2 or st in targets or st.source in sources:
            continue
        if _assertion_for_any(st, dens) and has_head(asserted_words(st.sentence.text), heads):
            targets.append(st)
            sources.add(st.source)


def _assertion_for_any(st: Statement, dens: Sequence[Denial]) -> bool:
    """An attributed, non-denying statement by none of the deniers."""
    if st.source is None or _not_assertion(st.sentence.text):
        return False
    return not any(
        same_source(st.source, d.statement.source)
        or same_side(st, d.statement.source)
        or _speaks_for_himself(st, d)
        for d in dens
    )


def _follows(den: Denial, prev: Denial) -> bool:
    """A denial right after another in the same article, by the same side or about the same thing."""
    a, b = den.statement, prev.statement
    gap = a.sentence.index - b.sentence.index
    if a.article != b.article or not 0 < gap <= NEAR:
        return False
    return (
        gap == 1
        or a.source is None
        or same_source(a.source, b.source)
        or bool(den.proposition & prev.proposition)
    )


def _group_of(groups: list[Group], den: Denial) -> Group:
    return next(g for g in groups if den in g[1])


def _add(groups: list[Group], found: list[Statement], den: Denial) -> None:
    for targets, dens in groups:
        if set(found) & set(targets) or any(_same_denial(den, d) for d in dens):
            targets.extend(t for t in found if t not in targets)
            dens.append(den)
            return
    groups.append((list(found), [den]))


def _same_denial(a: Denial, b: Denial) -> bool:
    shared = a.proposition & b.proposition
    return (
        a.statement.article != b.statement.article
        and len(shared) >= 2
        and (same_source(a.statement.source, b.statement.source) or not a.statement.source)
    )


def _conflict(story: str, targets: list[Statement], dens: list[Denial]) -> Conflict:
    claims: list[Claim] = [t.claim() for t in targets]
    claims += [d.statement.claim() for d in dens]
    return Conflict(story=story, kind="denial", summary=_summary(targets, dens), claims=tuple(claims))


def _summary(targets: list[Statement], dens: list[Denial]) -> str:
    """ "French officials say '…'; the Kremlin (Spokesman Dmitry Peskov) denies it: '…'" """
    target = targets[0]
    asserter = target.source or "A report"
    deniers = list(dict.fromkeys(d.statement.source for d in dens if d.statement.source))
    who = _join_sources(deniers) or "another source"
    first = dens[0]
    denial = first.statement.sentence.text
    if len(denial.split()) > SHORT_SENTENCE:
        denial = clause_around(denial, first.cue_at, first.cue_at + len(first.cue))
    return (
        f"{_cap(asserter)} {_verb('say', asserter)} “{_short(_unattributed(target))}”; "
        f"{who} {_verb('den', who)} it: “{_short(denial)}”"
    )


_ATTRIBUTION_LEAD = re.compile(
    r"^(?:but\s+|and\s+)?(?:according to [^,]+,\s*"
    r"|(?P<who>[^,“\"]{2,60}?)\s+(?:said|says|say|told \w+)\s+(?:on \w+day\s+|\w+day\s+)?(?:that\s+)?)",
    re.I,
)
_PRONOUNS = frozenset({"he", "she", "they", "it"})


def _unattributed(st: Statement) -> str:
    """The claim without its dateline and leading attribution ("According to X, ...", "X said
    on Monday that ...")."""
    text = DATELINE.sub("", st.sentence.text)
    m = _ATTRIBUTION_LEAD.match(text)
    who = (m.group("who") or "").lower() if m else ""
    if m and (not who or who in _PRONOUNS or (st.source and st.source.lower() in who)):
        return text[m.end() :]
    return text


def _join_sources(names: list[str]) -> str:
    if not names:
        return ""
    head, rest = names[0], [n for n in names[1:] if not same_source(n, names[0])] or names[1:]
    return f"{head} ({', '.join(rest)})" if rest else head


def _verb(stem: str, subject: str) -> str:
    last = subject.rsplit(maxsplit=1)[-1].lower() if subject.strip() else ""
    plural = " and " in subject or (last.endswith("s") and not last.endswith("ss") and subject[:1].islower())
    plural = plural or last in ("officials", "countries", "diplomats", "sources", "authorities")
    if stem == "den":
        return "deny" if plural else "denies"
    return stem if plural else stem + "s"


def _short(text: str, limit: int = SHORT_SENTENCE) -> str:
    words = tidy(text).split()
    return " ".join(words[:limit]) + (" …" if len(words) > limit else "")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
