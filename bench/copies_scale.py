"""Scale of the copy index: build time and memory for 10k..100k articles, and adding 100 more.

    .venv/bin/python bench/copies_scale.py [--sizes 10000 30000 100000] [--batch 5000]

The scale corpus is generated at run time from the public texts (PolNeAR, ECB+, extraction bodies):
each synthetic article takes the paragraph layout of a random public article and replaces 40% of
its words with words drawn from the corpus' unigram distribution, so articles are distinct (their
5-word shingles rarely coincide) yet read like the source's vocabulary; 10% of the articles are
then reprinted (chrome, truncation, updates, as in the syndication benchmark). Each size runs in a
fresh process so peak memory is its own. The index runs in loader mode: texts stay in the caller's
"store" (here a dict), the index keeps band keys and group bookkeeping only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from copies_corpus import DATA, Generator, bases, ecbplus, extraction, polnear

from storyline.copies import CopyIndex
from storyline.records import Article
from storyline.text import content_hash


def _rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


class Synth:
    """Distinct synthetic articles in the vocabulary of the public texts."""

    def __init__(self, seed: int) -> None:
        self.docs = [
            b for b in [*polnear("train"), *polnear("dev"), *ecbplus(), *extraction()] if b.paragraphs
        ]
        counts: dict[str, int] = {}
        for b in self.docs:
            for p in b.paragraphs:
                for w in p.split():
                    counts[w] = counts.get(w, 0) + 1
        self.words = np.array(list(counts))
        freq = np.array(list(counts.values()), dtype=np.float64)
        self.cdf = np.cumsum(freq / freq.sum())
        self.rng = np.random.default_rng(seed)

    def article(self, n: int) -> Article:
        base = self.docs[int(self.rng.integers(len(self.docs)))]
        paras = []
        for p in base.paragraphs:
            words = np.array(p.split(), dtype=object)
            swap = self.rng.random(words.size) < 0.4
            picks = np.searchsorted(self.cdf, self.rng.random(int(swap.sum())))
            words[swap] = self.words[np.minimum(picks, self.words.size - 1)]
            paras.append(" ".join(words.tolist()))
        text = "\n\n".join(paras)
        day = f"2030-{1 + n % 12:02d}-{1 + n % 28:02d}"
        return Article(
            f"s{n}", f"s{n}", base.title, text, content_hash(text), source="synthetic", published=day
        )


def corpus(size: int, seed: int) -> list[Article]:
    synth = Synth(seed)
    _, pool = bases("tune")
    gen = Generator(pool * 60, seed)
    rng = random.Random(seed)
    out: list[Article] = []
    while len(out) < size:
        a = synth.article(len(out))
        out.append(a)
        if rng.random() < 0.1 and len(out) < size:
            kind = rng.choice(["near", "partial", "version"])
            base = _as_base(a)
            text = "\n\n".join(gen.reprint(base, kind, "reprint.example", None))
            out.append(Article(f"s{len(out)}", "r", a.title, text, content_hash(text), published=a.published))
    return out


def _as_base(a: Article):  # type: ignore[no-untyped-def]
    from copies_corpus import Base

    return Base(a.id, a.title, tuple(re.split(r"\n\n", a.text)), a.published or "2030-01-01")


def one(size: int, batch: int, seed: int) -> dict[str, float]:
    articles = corpus(size + 100, seed)
    store = {a.id: a for a in articles}
    main, extra = articles[:size], articles[size:]
    rss0 = _rss_kib("VmRSS")
    index = CopyIndex(loader=lambda ids: {i: store[i] for i in ids})
    start, cpu = time.perf_counter(), time.process_time()
    for i in range(0, size, batch):
        index.add(main[i : i + batch])
    build, build_cpu = time.perf_counter() - start, time.process_time() - cpu
    rss1, hwm = _rss_kib("VmRSS"), _rss_kib("VmHWM")
    start, cpu = time.perf_counter(), time.process_time()
    touched = index.add(extra)
    add100, add100_cpu = time.perf_counter() - start, time.process_time() - cpu
    blob = index.to_bytes()
    return {
        "size": size,
        "build_s": round(build, 1),
        "build_cpu_s": round(build_cpu, 1),
        "cpu_per_1k_s": round(build_cpu / size * 1000, 2),
        "add100_s": round(add100, 3),
        "add100_cpu_s": round(add100_cpu, 3),
        "touched": len(touched),
        "groups": len(index.groups()),
        "index_rss_mib": round((rss1 - rss0) / 1024, 1),
        "peak_rss_mib": round(hwm / 1024, 1),
        "pickle_mib": round(len(blob) / 2**20, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 30000, 100000])
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (DATA / "polnear").is_dir():
        print(f"skipped: data not found at {DATA}")
        return 0
    if args.one:
        print(json.dumps(one(args.one, args.batch, args.seed)))
        return 0
    print("size     build wall (cpu)    cpu/1k   add 100 wall (cpu)   groups  index RSS  peak RSS  pickle")
    for size in args.sizes:
        cmd = [
            sys.executable,
            __file__,
            "--one",
            str(size),
            "--batch",
            str(args.batch),
            "--seed",
            str(args.seed),
        ]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"{r['size']:<8} {r['build_s']:>6} s ({r['build_cpu_s']:>6} s) {r['cpu_per_1k_s']:>6} s"
            f" {r['add100_s']:>7} s ({r['add100_cpu_s']:>6} s) {r['groups']:>7}"
            f" {r['index_rss_mib']:>6} MiB {r['peak_rss_mib']:>6} MiB {r['pickle_mib']:>5} MiB",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
