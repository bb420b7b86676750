"""Labelled syndication corpora generated at run time from public article text on this machine.

Base texts: PolNeAR (train for tuning, dev for testing), ECB+ dev and the article bodies of the
extraction benchmark. Nothing is copied into the repository: reprints are derived on the fly with
a fixed seed. Every chrome, credit and headline line below is synthetic.

Reprint types (one or more mutations each): syndicated copy (other chrome lines, wire credit,
dateline, headline line, typos, re-paragraphing), truncated copy, updated version (update paragraphs
added, paragraphs dropped or edited, new dateline). Hard negatives: a different article quoting one
sentence of a base article, a rewrite reusing two of its sentences, a follow-up from the same outlet
repeating one of its background paragraphs, plus the natural same-topic pairs of ECB+ and PolNeAR.
"""

from __future__ import annotations

import csv
import json
import os
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.copies.fingerprint import fingerprint
from storyline.records import Article
from storyline.text import content_hash, normalize_for_hash

REPO = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("STORYLINE_DATA", REPO.parent / "shared" / "data"))

OUTLETS = [
    "dailyherald-example.com", "morningpost-example.net", "citywire-example.org", "thecourier-example.com",
    "newsnow-example.com", "valleytimes-example.com", "globalbrief-example.net", "eveningstar-example.com",
    "metrodesk-example.org", "northgazette-example.com", "capitalreport-example.com", "harborview-example.net",
]  # fmt: skip
WIRES = ["AP", "Reuters", "AFP", "UPI"]
TOP_CHROME = [
    "Advertisement", "Share this article", "Share on Facebook | Share on Twitter | Email",
    "Listen to this article", "By Staff Writer", "Updated {time}", "Breaking News",
    "Home > News > Politics", "Subscribe now for unlimited access", "Photo: file image",
]  # fmt: skip
BOTTOM_CHROME = [
    "Copyright {year} {outlet}. All rights reserved.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Follow us on Twitter and Facebook for the latest news.", "Sign up for our daily newsletter.",
    "Related: {title}", "Read more at {outlet}.", "Comments are closed.", "Tags: politics, world, news",
    "{wire} contributed to this report.", "This story originally appeared on {outlet}.",
]  # fmt: skip
CITIES = ["WASHINGTON", "NEW YORK", "LONDON", "PARIS", "CHICAGO", "BRUSSELS", "LOS ANGELES", "BERLIN"]


@dataclass(frozen=True, slots=True)
class Base:
    key: str
    title: str
    paragraphs: tuple[str, ...]
    date: str


# ---------------------------------------------------------------------------- reading base texts


def _paras(text: str) -> tuple[str, ...]:
    parts = re.split(r"\n\s*\n", text) if "\n\n" in text else text.splitlines()
    return tuple(p.strip() for p in parts if p.strip())


def polnear(split: str) -> Iterator[Base]:
    root = DATA / "polnear" / split
    with (root / "metadata.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            path = root / "text" / f"{row['filename']}.txt"
            if path.exists():
                paras = _paras(path.read_text(encoding="utf-8"))
                yield Base(f"polnear/{row['filename']}", row["title"], paras[1:], row["publication_date"])


def ecbplus() -> Iterator[Base]:
    with (DATA / "ecbplus" / "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            paras = _paras(doc["text"])
            yield Base(f"ecb/{doc['id']}", paras[0], paras[1:], "2013-05-03")


def extraction() -> Iterator[Base]:
    data = json.loads((DATA / "extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(data.items()):
        paras = _paras(item["articleBody"])
        yield Base(f"ext/{key[:12]}", paras[0][:80] if paras else "", paras, "2019-11-20")


def bases(split: str) -> tuple[list[Base], list[Base]]:
    """(corpus bases, pool of paragraphs' donors) for the "tune" or "test" split."""
    if split == "tune":
        docs = [b for b in polnear("train") if len(b.paragraphs) >= 2]
        cut = int(len(docs) * 0.8)
        return docs[:cut], docs[cut:]
    docs = [*polnear("dev"), *ecbplus(), *extraction()]
    return [b for b in docs if len(b.paragraphs) >= 2], list(polnear("train"))


def drop_overlapping(docs: Sequence[Base], limit: float = 0.15) -> tuple[list[Base], int]:
    """Drop bases that already overlap an earlier base (real reprints inside the source data).

    A base is dropped when it shares at least 8 shingles and ``limit`` of the smaller text's
    shingles with an earlier base, so the gold labels hold no undeclared copies.
    """
    owners: dict[int, list[int]] = {}
    sizes: list[int] = []
    kept: list[Base] = []
    dropped = 0
    for doc in docs:
        fp = fingerprint("\n\n".join(doc.paragraphs)).shingles.tolist()
        hits: dict[int, int] = {}
        for s in fp:
            for k in owners.get(s, ()):
                hits[k] = hits.get(k, 0) + 1
        if any(n >= max(8, limit * min(len(fp), sizes[k])) for k, n in hits.items()):
            dropped += 1
            continue
        for s in fp:
            owners.setdefault(s, []).append(len(kept))
        sizes.append(len(fp))
        kept.append(doc)
    return kept, dropped


# ---------------------------------------------------------------------------- mutations


def typo(rng: random.Random, para: str) -> str:
    words = para.split(" ")
    i = rng.randrange(len(words))
    w = words[i]
    if len(w) > 3:
        j = rng.randrange(len(w) - 1)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def chrome(rng: random.Random, lines: Sequence[str], n: int, fill: dict[str, str]) -> list[str]:
    return [line.format(**fill) for line in rng.sample(list(lines), n)]


def headline(rng: random.Random, title: str) -> str:
    words = title.split()
    if len(words) > 4 and rng.random() < 0.5:
        words = words[: rng.randint(4, len(words))]
    prefix = rng.choice(["", "UPDATE 1-", "WATCH: ", "Analysis: "])
    text = prefix + " ".join(words)
    return text.upper() if rng.random() < 0.2 else text


def dateline(rng: random.Random, para: str, wire: str | None) -> str:
    para = re.sub(r"^[A-Z][A-Z .,]+(\([A-Za-z]+\))?\s*[—-]+\s*", "", para)
    credit = f" ({wire})" if wire else ""
    return f"{rng.choice(CITIES)}{credit} — {para}"


def noise(rng: random.Random, para: str, rate: float) -> str:
    """OCR-like character errors in a share ``rate`` of the words."""
    words = para.split(" ")
    for i, w in enumerate(words):
        if len(w) > 2 and rng.random() < rate:
            j = rng.randrange(len(w))
            words[i] = w[:j] + rng.choice("aeilnorst1") + w[j + 1 :]
    return " ".join(words)


def paraphrase(rng: random.Random, para: str, vocabulary: Sequence[str]) -> str:
    """Edit a paragraph: one or two spans of 3 to 8 words rewritten."""
    words = para.split(" ")
    for _ in range(rng.randint(1, 2)):
        size = min(len(words), rng.randint(3, 8))
        at = rng.randrange(len(words) - size + 1)
        words[at : at + size] = [rng.choice(vocabulary) for _ in range(rng.randint(2, 8))]
    return " ".join(words)


def truncate(rng: random.Random, paras: list[str]) -> list[str]:
    total = sum(len(p.split()) for p in paras)
    keep = max(25, int(total * rng.choice([rng.uniform(0.1, 0.25), rng.uniform(0.25, 0.7)])))
    out: list[str] = []
    for p in paras:
        words = p.split()
        if keep <= 0:
            break
        out.append(p if len(words) <= keep else " ".join(words[:keep]) + " …")
        keep -= len(words)
    return out


def resplit(rng: random.Random, paras: list[str]) -> list[str]:
    if len(paras) < 3:
        return paras
    i = rng.randrange(len(paras) - 1)
    return [*paras[:i], paras[i] + " " + paras[i + 1], *paras[i + 2 :]]


@dataclass(frozen=True, slots=True)
class Generated:
    articles: list[Article]
    gold: dict[str, str]  # article id -> gold copy cluster
    intended: dict[str, str]  # reprint id -> the kind it was generated as
    originals: dict[str, str]  # gold cluster -> id of its original


class Generator:
    """Reprints of base articles, with a fixed seed."""

    def __init__(self, pool: Sequence[Base], seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.pool = [p for b in pool for p in b.paragraphs if len(p.split()) >= 20]
        self.vocabulary = sorted({w for p in self.pool[:500] for w in p.split() if w.isalpha()})
        self.rng.shuffle(self.pool)

    def donor(self, n: int) -> list[str]:
        """``n`` paragraphs from the donor pool, each used once (so donors create no copies)."""
        if len(self.pool) < n:
            raise RuntimeError("the donor pool is exhausted; use fewer base articles")
        return [self.pool.pop() for _ in range(n)]

    def syndicate(self, base: Base, paras: list[str], outlet: str, wire: str | None) -> list[str]:
        rng = self.rng
        fill = {"outlet": outlet, "wire": wire or "Staff", "year": base.date[:4], "title": base.title,
                "time": f"{rng.randint(1, 12)}:{rng.randint(10, 59)} PM"}  # fmt: skip
        out = list(paras)
        if rng.random() < 0.6:
            out[0] = dateline(rng, out[0], wire)
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            i = rng.randrange(len(out))
            out[i] = typo(rng, out[i])
        if rng.random() < 0.3:
            out = resplit(rng, out)
        if rng.random() < 0.2:
            rate = rng.uniform(0.01, 0.05)
            out = [noise(rng, p, rate) for p in out]
        top = chrome(rng, TOP_CHROME, rng.randint(0, 2), fill)
        if rng.random() < 0.5:
            top.append(headline(rng, base.title))
        return top + out + chrome(rng, BOTTOM_CHROME, rng.randint(0, 3), fill)

    def update(self, paras: list[str]) -> list[str]:
        rng = self.rng
        out = list(paras)
        for _ in range(rng.randint(0, min(2, len(out) - 1))):
            out.pop(rng.randrange(1, len(out)))
        for _ in range(rng.randint(1, 3)):
            out.insert(rng.choice([0, rng.randrange(len(out) + 1), len(out)]), *self.donor(1))
        if rng.random() < 0.5:
            i = rng.randrange(len(out))
            out[i] = rng.choice(["Officials said on Thursday that ", "Earlier, "]) + out[i]
        share = rng.choice([0.0, 0.3, 0.6])
        return [paraphrase(rng, p, self.vocabulary) if rng.random() < share else p for p in out]

    def reprint(self, base: Base, kind: str, outlet: str, wire: str | None) -> list[str]:
        paras = list(base.paragraphs)
        if kind == "partial":
            paras = truncate(self.rng, paras)
        elif kind == "version":
            paras = self.update(paras)
        return self.syndicate(base, paras, outlet, wire)

    def borrowable(self, base: Base, least: int) -> list[str]:
        """Sentences of ``base`` of ``least`` words or more, each under a tenth of its words."""
        total = sum(len(p.split()) for p in base.paragraphs)
        found = [s for p in base.paragraphs for s in re.split(r"(?<=[.!?])\s+", p)]
        return [s for s in found if least <= len(s.split()) <= total / 10]

    def quoting(self, base: Base) -> list[str]:
        """A different article (from the pool) that quotes one sentence of ``base``."""
        sentences = self.borrowable(base, 12)
        own = self.donor(self.rng.randint(2, 5))
        if not sentences:
            return own
        quote = self.rng.choice(sentences).strip('“”" ')
        own.insert(self.rng.randrange(len(own) + 1), f"“{quote}” the statement said, according to a source.")
        return own

    def follow_up(self, base: Base) -> list[str] | None:
        """A later, different article of the same affair that repeats one background paragraph of
        ``base`` verbatim (as wire follow-ups do), the repeat under a fifth of its words."""
        background = [p for p in base.paragraphs[1:] if 20 <= len(p.split()) <= 80]
        if not background:
            return None
        para = self.rng.choice(background)
        own = self.donor(self.rng.randint(4, 8))
        while len(para.split()) > 0.2 * sum(len(p.split()) for p in [para, *own]):
            own.extend(self.donor(1))
        own.insert(self.rng.randrange(1, len(own) + 1), para)
        return own

    def rewrite(self, base: Base) -> list[str]:
        """A different article that reuses two sentences of ``base`` verbatim (under a fifth of it)."""
        sentences = self.borrowable(base, 8)
        own = self.donor(self.rng.randint(3, 8))
        for sentence in self.rng.sample(sentences, min(len(sentences), 2)):
            own.insert(self.rng.randrange(len(own) + 1), sentence)
        return own


def _article(
    aid: str, paras: Sequence[str], title: str, source: str, origin: str | None, date: str
) -> Article:
    text = "\n\n".join(paras)
    return Article(aid, aid, title, text, content_hash(text), source=source, origin=origin, published=date)


def _later(rng: random.Random, date: str) -> str | None:
    if rng.random() < 0.2:
        return None
    return f"{date}T{rng.randint(10, 23):02d}:{rng.randint(0, 59):02d}"


def generate(
    docs: Sequence[Base], pool: Sequence[Base], *, seed: int = 7, copy_share: float = 0.5
) -> Generated:
    gen = Generator(pool, seed)
    rng = gen.rng
    articles: list[Article] = []
    gold: dict[str, str] = {}
    intended: dict[str, str] = {}
    originals: dict[str, str] = {}
    for base in docs:
        source = rng.choice(OUTLETS)
        wire = rng.choice(WIRES) if rng.random() < 0.3 else None
        articles.append(_article(base.key, base.paragraphs, base.title, source, wire, f"{base.date}T08:00"))
        gold[base.key] = originals[base.key] = base.key
        if rng.random() < 0.1:
            qid = f"{base.key}#quoting"
            articles.append(
                _article(qid, gen.quoting(base), "Other story", rng.choice(OUTLETS), None, base.date)
            )
            gold[qid] = qid
        if rng.random() < 0.1:
            wid = f"{base.key}#rewrite"
            articles.append(_article(wid, gen.rewrite(base), "Rewrite", rng.choice(OUTLETS), None, base.date))
            gold[wid] = wid
        if rng.random() < 0.1 and (follow := gen.follow_up(base)) is not None:
            fid = f"{base.key}#follow-up"
            articles.append(
                _article(fid, follow, "Follow-up", source, wire, _later(rng, base.date) or base.date)
            )
            gold[fid] = fid
        if rng.random() >= copy_share:
            continue
        for n in range(rng.choice([1, 1, 2, 2, 3, 4, 6])):
            kind = rng.choice(["near", "near", "partial", "version"])
            outlet = rng.choice([o for o in OUTLETS if o != source])
            credit = wire or (source if rng.random() < 0.5 else None)
            rid = f"{base.key}#r{n}"
            paras = gen.reprint(base, kind, outlet, credit)
            articles.append(
                _article(rid, paras, headline(rng, base.title), outlet, credit, _later(rng, base.date))
            )
            same = normalize_for_hash("\n\n".join(paras)) == normalize_for_hash("\n\n".join(base.paragraphs))
            gold[rid], intended[rid] = base.key, "exact" if same else kind
    rng.shuffle(articles)
    return Generated(articles, gold, intended, originals)
