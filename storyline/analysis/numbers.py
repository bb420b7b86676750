"""Numbers that disagree about the same thing ("110,000 troops" vs "tens of thousands of troops").

Two figures are about the same thing when their head classes match, their owners
("Russian", "Moscow has assembled") do not differ, they are placed alike ("near
the border with Ukraine" ≈ "along Ukraine's borders") and they hold at the same
time: a projection ("on track to amass … by mid-February") or a figure dated
differently ("as of Monday") is never compared with a current one.

Reported: groups with incompatible intervals (compatible=False) and groups whose
figures differ but can all be true together (compatible=True, e.g. "more than
100,000" and "110,000"). Groups that all state the same figure are not reported.
When the precise figures agree and only a vague magnitude falls outside them
("tens of thousands" — literally under 100,000 — next to "110,000"), the conflict
stays compatible=False (read literally they cannot both hold) but its summary says
"vague vs precise": an order of magnitude is a loose description, often written by
the same reporter who quotes the precise figure, not a competing count.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from storyline.analysis._text import content_words, wordset
from storyline.analysis.attribution import REPORTING, ROLE_WORDS
from storyline.analysis.claims import Statement
from storyline.analysis.clauses import clause_around
from storyline.analysis.quantities import Quantity, compatible, find_quantities, same_figure
from storyline.analysis.timeline import day_of
from storyline.records import Claim, Conflict, TimeExpr

PLACES = {
    "russia": "russia", "russian": "russia", "moscow": "russia", "kremlin": "russia",
    "ukraine": "ukraine", "ukrainian": "ukraine", "kyiv": "ukraine", "kiev": "ukraine",
    "belarus": "belarus", "belarusian": "belarus", "minsk": "belarus",
    "us": "us", "u.s.": "us", "american": "us", "washington": "us", "america": "us",
    "britain": "uk", "british": "uk", "uk": "uk", "london": "uk",
    "germany": "germany", "german": "germany", "berlin": "germany",
    "france": "france", "french": "france", "paris": "france",
    "poland": "poland", "polish": "poland", "warsaw": "poland",
    "china": "china", "chinese": "china", "beijing": "china",
}  # fmt: skip
_PREP_PHRASE = re.compile(
    r"\s*(?:\w+\s+){0,3}?\b(?P<prep>near|along|at|in|inside|into|on|to|from|across|around|outside|through|within)\s+"
    r"(?P<obj>(?:the\s+|its\s+|their\s+|neighbou?ring\s+)?(?:[\w’'.-]+\s+){0,4}?"
    r"(?:[A-Z][\w’'.-]+|border|borders|frontier)(?:\s+with\s+[A-Z][\w’'.-]+)?)"
)
_CAPITAL = re.compile(r"\b[A-Z][\w.]*(?:[’']s)?")
_PROJECTION_BEFORE = re.compile(
    r"\b(?:will|would|could|might|on track to|expected to|plans? to|aims? to|set to|due to)\b(?!.*[,;])"
)
_PROJECTION_AFTER = re.compile(
    r"^[^,;.]*?\b(?:will|would|by (?:mid-|early |late |the end of )?[A-Z][a-z]+|next (?:week|month|year))\b"
)
_NOT_PLACES = wordset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december"
)
_SUBJECT_BEFORE = re.compile(
    r"\b([A-Z][\w.]+)\s+(?:has\s+|have\s+|had\s+)?(\w+(?:ed|es|s))\s+(?:\w+\s+){0,2}$"
)
MIN_SHARED_CONTEXT = 1
INHERIT_WITHIN = 2  # sentences
CONTEXT_WORDS = 6  # words each side of a figure that describe it
_AS_OF = re.compile(r"\bas of\s+([^,.;]+)", re.I)


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity in context: who owns it, where it is, when it holds."""

    statement: Statement
    quantity: Quantity
    owner: str | None
    places: frozenset[str]
    when: str | None  # a day/month value, "projected", "increment" or None (the article's present)
    inherited: frozenset[str] = frozenset()  # context of the figure a headless one refers back to

    def claim(self) -> Claim:
        s = self.statement.sentence
        q = self.quantity
        text = clause_around(s.text, q.start, q.end)
        return Claim(text, self.statement.source, s.article, s.start + q.start, s.start + q.end)


def figures(
    items: Sequence[Statement], times: Mapping[str, tuple[TimeExpr, ...]] | None = None
) -> list[Figure]:
    out: list[Figure] = []
    for st in items:
        previous_owner: str | None = None
        for q in find_quantities(st.sentence.text):
            antecedent = None if q.head else _antecedent(st, out)
            if antecedent is not None:
                q = replace(q, head=antecedent.quantity.head)
            if not q.head:
                continue
            fig = _figure(st, q, times or {}, previous_owner)
            if antecedent is not None:
                fig = replace(fig, inherited=_context(antecedent))
            previous_owner = fig.owner
            out.append(fig)
    return out


def _antecedent(st: Statement, before: Sequence[Figure]) -> Figure | None:
    """A headless figure ("put the figure at 12,500") counts what the article's last figure counted."""
    for fig in reversed(before):
        same_article = fig.statement.article == st.article
        if same_article and 0 <= st.sentence.index - fig.statement.sentence.index <= INHERIT_WITHIN:
            return fig
    return None


def _figure(
    st: Statement, q: Quantity, times: Mapping[str, tuple[TimeExpr, ...]], previous_owner: str | None
) -> Figure:
    """A figure's context; an owner missing in a list of figures is the previous figure's."""
    text = st.sentence.text
    owner = _owner(text, q) or previous_owner
    return Figure(st, q, owner, _places(text, q), _when(st, q, times))


def _norm_place(word: str) -> str:
    """Country, capital and demonym onto one key: "Russian", "Moscow" → russia; "Velorian" → veloria."""
    w = word.lower().replace("’s", "").replace("'s", "").rstrip(".")
    if w in PLACES:
        return PLACES[w]
    return w[:-1] if w.endswith("ian") else w


def _owner(text: str, q: Quantity) -> str | None:
    """Whose figure: a qualifier ("Russian troops"), else the subject of "X has massed 40,000 ..."."""
    for word in q.qualifier.split():
        if word[:1].isupper():
            return _norm_place(word)
    before = text[max(0, q.start - 50) : q.start]
    m = _SUBJECT_BEFORE.search(before)
    if m and _owning_verb(m.group(2), m.group(0)):
        return _norm_place(m.group(1))
    known = [n for n in (_norm_place(w) for w in _CAPITAL.findall(before)) if n in PLACES.values()]
    return known[-1] if known else None


def _owning_verb(verb: str, phrase: str) -> bool:
    """ "Veloria has massed": yes; "Estrenian authorities say": no (a source, not an owner)."""
    if verb.lower() in ROLE_WORDS:
        return False
    return not any(w.lower() in REPORTING for w in phrase.split()[1:])


def _places(text: str, q: Quantity) -> frozenset[str]:
    m = _PREP_PHRASE.match(text, q.end)
    if m is None:
        return frozenset()
    words = (_norm_place(w.rstrip(".")) for w in _CAPITAL.findall(m.group("obj")))
    return frozenset(w for w in words if w not in _NOT_PLACES)


def _when(st: Statement, q: Quantity, times: Mapping[str, tuple[TimeExpr, ...]]) -> str | None:
    text = st.sentence.text
    after = text[q.end : q.end + 50]
    before = text[max(0, q.start - 50) : q.start]
    if _PROJECTION_BEFORE.search(before) or _PROJECTION_AFTER.search(after):
        return "projected"
    if q.increment:
        return "increment"
    m = _AS_OF.search(text)
    if m is None:
        return None
    for expr in times.get(st.article, ()):
        if st.sentence.start + m.start(1) <= expr.start < st.sentence.start + m.end(1):
            return day_of(expr) or expr.value
    return m.group(1).strip().lower()


def comparable(a: Figure, b: Figure) -> bool:
    """Hard constraints: same head class, same time, no differing owner or place."""
    if a.quantity.head != b.quantity.head or a.when != b.when:
        return False
    if a.owner and b.owner and a.owner != b.owner:
        return False
    if a.places and b.places:
        return bool(a.places & b.places)
    if a.places or b.places:  # the unplaced figure's sentence must name the other's place
        placed, other = (a, b) if a.places else (b, a)
        return bool(placed.places & _sentence_places(other))
    return True


def same_thing(a: Figure, b: Figure, context: Callable[[Figure], frozenset[str]] | None = None) -> bool:
    """Comparable, and placed alike or described with a shared word near the figure."""
    if not comparable(a, b):
        return False
    ctx = context or _context
    return bool(a.places & b.places) or len(ctx(a) & ctx(b)) >= MIN_SHARED_CONTEXT


def _sentence_places(fig: Figure) -> frozenset[str]:
    return frozenset(_norm_place(w) for w in _CAPITAL.findall(fig.statement.sentence.text))


def _context(fig: Figure) -> frozenset[str]:
    """Lower-case content words near the figure, within its clause, without the counted noun."""
    s = fig.statement.sentence.text
    q = fig.quantity
    left = re.split(r"[,;:—–(]", s[: q.start])[-1].split()[-CONTEXT_WORDS:]
    right = re.split(r"[,;:—–)]", s[q.end :])[0].split()[:CONTEXT_WORDS]
    near = " ".join(w for w in (*left, *q.text.split(), *right) if w[:1].islower())
    return (content_words(near) | fig.inherited) - {q.head}


def groups(found: Sequence[Figure]) -> list[list[Figure]]:
    """Greedy grouping of figures alike to every member, then groups that state one identical
    figure (the same "more than 12,000 people" in several articles) are merged."""
    contexts = {id(fig): _context(fig) for fig in found}  # each figure's context read once

    def context(fig: Figure) -> frozenset[str]:
        return contexts[id(fig)]

    def key(fig: Figure) -> tuple[object, ...]:  # what same_thing reads: reprints share it
        q = fig.quantity
        return (fig.statement.sentence.text, q.start, q.end, fig.owner, fig.places, fig.when, fig.inherited)

    out: list[list[Figure]] = []
    distinct: list[dict[tuple[object, ...], Figure]] = []  # per group, one figure per key
    for fig in found:
        at = next(
            (
                n
                for n, d in enumerate(distinct)
                if all(same_thing(fig, other, context) for other in d.values())
            ),
            None,
        )
        if at is None:
            out.append([fig])
            distinct.append({key(fig): fig})
        else:
            out[at].append(fig)
            distinct[at].setdefault(key(fig), fig)
    return _merge_identical(out)


def _merge_identical(found: list[list[Figure]]) -> list[list[Figure]]:
    merged: list[list[Figure]] = []
    for group in found:
        home = next((m for m in merged if _share_figure(m, group)), None)
        if home is None:
            merged.append(list(group))
        else:
            home.extend(group)
    return merged


def _share_figure(a: Sequence[Figure], b: Sequence[Figure]) -> bool:
    if not all(comparable(x, y) for x in a for y in b):
        return False
    return any(same_figure(x.quantity, y.quantity) and not x.quantity.vague for x in a for y in b)


def conflicts(
    story: str, items: Sequence[Statement], times: Mapping[str, tuple[TimeExpr, ...]] | None = None
) -> list[Conflict]:
    out: list[Conflict] = []
    for group in groups(figures(items, times)):
        distinct = _distinct(group)
        if len(distinct) < 2:
            continue
        ok = all(compatible(a.quantity, b.quantity) for a in distinct for b in distinct)
        claims = tuple(f.claim() for f in group)
        out.append(Conflict(story, "number", _summary(group, ok), claims, compatible=ok))
    return out


def _distinct(group: Sequence[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for f in group:
        if not any(same_figure(f.quantity, g.quantity) for g in out):
            out.append(f)
    return out


def _summary(group: Sequence[Figure], ok: bool) -> str:
    thing = _thing(group[0], group)
    distinct = _distinct(group)
    sides = [" and ".join(_figure_text(f, group) for f in side) for side in _sides(distinct)]
    if ok:
        return f"Figures for {thing} differ but are compatible: {sides[0]}"
    if vague_only(distinct):
        return _vague_summary(thing, distinct, group)
    return f"Figures for {thing} disagree: {' vs '.join(sides)}"


def vague_only(distinct: Sequence[Figure]) -> bool:
    """The precise figures agree and only a vague magnitude ("tens of thousands") falls outside them."""
    precise = [f for f in distinct if not f.quantity.vague]
    return len(precise) < len(distinct) and all(
        compatible(a.quantity, b.quantity) for a in precise for b in precise
    )


def _vague_summary(thing: str, distinct: Sequence[Figure], group: Sequence[Figure]) -> str:
    """ "tens of thousands" read literally is under 100,000, but it is an order of magnitude, not
    a count: reported as vague vs precise, never as two sources contradicting each other."""
    vague = " and ".join(_figure_text(f, group) for f in distinct if f.quantity.vague)
    precise = [f for f in distinct if not f.quantity.vague]
    if not precise:
        return f"{VAGUE_PREFIX} figures for {thing}: only vague ones, which differ: {vague}"
    agree = ", which agree" if len(precise) > 1 else ""
    listed = " and ".join(_figure_text(f, group) for f in precise)
    return f"{VAGUE_PREFIX} figures for {thing}: {vague}, read literally, is below {listed}{agree}"


VAGUE_PREFIX = "Vague vs precise"


def is_disagreement(conflict: Conflict) -> bool:
    """A number conflict whose precise figures cannot all be true (not compatible, not vague only)."""
    return (
        conflict.kind == "number"
        and not conflict.compatible
        and not conflict.summary.startswith(VAGUE_PREFIX)
    )


def _sides(distinct: Sequence[Figure]) -> list[list[Figure]]:
    """Split figures into sets that can all be true together (greedy)."""
    sides: list[list[Figure]] = []
    for f in distinct:
        home = next((s for s in sides if all(compatible(f.quantity, g.quantity) for g in s)), None)
        if home is None:
            sides.append([f])
        else:
            home.append(f)
    return sides


def _thing(fig: Figure, group: Sequence[Figure] = ()) -> str:
    """ "Russian troops near Ukraine": the owner as a figure wrote it ("Russian"), else its key."""
    head = fig.quantity.head
    written = next(
        (w for f in group for w in f.quantity.qualifier.split() if fig.owner and _norm_place(w) == fig.owner),
        None,
    )
    owner = f"{fig.owner.title() if len(fig.owner) > 2 else fig.owner.upper()} " if fig.owner else ""
    owner = f"{written} " if written else owner
    where = ""
    if fig.places:
        where = " near " + "/".join(p.title() if len(p) > 2 else p.upper() for p in sorted(fig.places))
    return f"{owner}{head}{where}"


def _figure_text(fig: Figure, group: Sequence[Figure]) -> str:
    same = [f for f in group if same_figure(f.quantity, fig.quantity)]
    sources = list(dict.fromkeys(f.statement.source or f.statement.article for f in same))
    return f"“{fig.quantity.text}” ({', '.join(sources)})"
