"""TimeML reading and TempEval-3 scoring, shared by the timeml_* bench scripts.

A document is its plain text (tags stripped from <TEXT>, entities unescaped),
its creation time (<DCT> TIMEX3 value) and its gold TIMEX3 spans with offsets
into that plain text.  Scoring follows TempEval-3: strict = exact span match,
relaxed = overlapping spans (one-to-one), value/type accuracy over the relaxed
matches, value F1 = relaxed F1 x value accuracy.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

CORPORA = ("meantime", "wikiwars-updated", "timebank")
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    value: str
    type: str
    text: str = ""


@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    dct: str | None
    gold: tuple[Timex, ...]


@dataclass
class Score:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value_ok += other.value_ok
        self.type_ok += other.type_ok
        self.errors.extend(other.errors)

    @staticmethod
    def f1(hits: int, gold: int, system: int) -> float:
        p = hits / system if system else 0.0
        r = hits / gold if gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, float]:
        relaxed_f1 = self.f1(self.relaxed, self.gold, self.system)
        return {
            "strict_P": self.strict / self.system if self.system else 0.0,
            "strict_R": self.strict / self.gold if self.gold else 0.0,
            "strict_F1": self.f1(self.strict, self.gold, self.system),
            "relaxed_F1": relaxed_f1,
            "value_acc": self.value_ok / self.relaxed if self.relaxed else 0.0,
            "value_F1": self.f1(self.value_ok, self.gold, self.system),
            "type_acc": self.type_ok / self.relaxed if self.relaxed else 0.0,
        }


def data_root() -> Path:
    env = os.environ.get("STORYLINE_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def read_corpus(directory: Path) -> Iterator[Doc]:
    for path in sorted(directory.glob("*.tml")):
        yield read_doc(path)


def read_doc(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = body_m.group(1) if body_m else ""
    text, gold = _strip(body)
    dct = dct_m.group(1)[:10] if dct_m and re.match(r"\d{4}-\d\d-\d\d", dct_m.group(1)) else None
    return Doc(path.stem, text, dct, tuple(gold))


def _strip(body: str) -> tuple[str, list[Timex]]:
    parts: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name = m.group(1) == "/", m.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(m.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            gold.append(Timex(start, length, attrs.get("value", ""), attrs.get("type", "")))
            open_timex = None
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    return text, [Timex(g.start, g.end, g.value, g.type, text[g.start : g.end]) for g in gold]


def score(gold: Iterable[Timex], system: Iterable[Timex], name: str = "") -> Score:
    g, s = list(gold), list(system)
    sc = Score(gold=len(g), system=len(s))
    used: set[int] = set()
    for gt in g:
        match = next(
            (i for i, st in enumerate(s) if i not in used and st.start < gt.end and gt.start < st.end),
            None,
        )
        if match is None:
            sc.errors.append(f"{name}\tMISS\t{gt.text!r}\t{gt.value}\t{gt.type}")
            continue
        used.add(match)
        st = s[match]
        sc.relaxed += 1
        sc.strict += st.start == gt.start and st.end == gt.end
        sc.value_ok += st.value == gt.value
        sc.type_ok += st.type == gt.type
        if st.start != gt.start or st.end != gt.end:
            sc.errors.append(f"{name}\tSPAN\tgold={gt.text!r}\tsys={st.text!r}")
        if st.value != gt.value:
            sc.errors.append(f"{name}\tVALUE\t{gt.text!r}\tgold={gt.value}\tsys={st.value}\t{st.type}")
    for i, st in enumerate(s):
        if i not in used:
            sc.errors.append(f"{name}\tFALSE\t{st.text!r}\t{st.value}\t{st.type}")
    return sc
