"""Scale of the corpus stages: copies (storyline.copies) and stories (storyline.stories), 1k..100k.

    .venv/bin/python bench/scale.py [--sizes 1000 10000 100000] [--batch 2000] [--per-day 300]
    .venv/bin/python bench/scale.py --copies-only --sizes 100000     # the copy stage alone
    .venv/bin/python bench/scale.py --sizes 500 --jsonl /tmp/scale500.jsonl  # input for `analyze`

The scale corpus is generated at run time from the public texts on this machine (PolNeAR, ECB+,
extraction bodies; nothing is written to disk): each synthetic article takes the paragraph layout
and title of a random public article and replaces 40% of its words with words drawn from the
corpus' unigram distribution, so articles drawn from one source text resemble each other (a
"story") without being copies; 10% of the articles are then reprinted (other chrome, truncation,
update paragraphs, as in the syndication benchmark), so copy groups exist. Articles arrive in date
order at ``--per-day`` articles a day (a news stream: 100k articles span about a year).

Each size runs in a fresh process. In it, the stages run as ``storyline.refresh`` runs them: the
copy index in loader mode (texts stay in the caller's store, here a dict) fed in chunks of
``--batch``, then the story index fed the same chunks with the copy groups. Reported per stage:
wall and CPU time, RSS growth after the stage (what its index keeps) and peak RSS during the stage
(VmHWM, reset with /proc/self/clear_refs before each stage; the generated corpus itself is in the
baseline). Then the incremental step as a later run does it, through the real store
(bench/scale_store.py): the state of the first ``size`` articles is written to a temporary SQLite
store (articles with empty annotations, stories, copy groups, both indexes as rows), 100 new
articles are stored, and ``storyline.refresh.refresh`` runs with timers per phase (open the
indexes, fetch rows on demand, place, read back changed stories, per-story analysis, save).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import scale_store
from copies_corpus import DATA, Generator, bases
from copies_scale import Synth, _as_base

from storyline.copies import CopyIndex
from storyline.records import Article
from storyline.stories import StoryIndex
from storyline.text import content_hash

START = dt.date(2030, 1, 1).toordinal()


def _status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _mib(kib: int) -> float:
    return round(kib / 1024, 1)


def corpus(size: int, seed: int, per_day: int) -> list[Article]:
    """``size`` articles in date order, about 10% of them reprints of an earlier one."""
    synth = Synth(seed)
    _, pool = bases("tune")
    gen = Generator(pool * 60, seed)
    rng = random.Random(seed)
    out: list[Article] = []

    def day(n: int) -> str:
        date = dt.date.fromordinal(START + n // per_day).isoformat()
        minutes = (n % per_day) * 1440 // per_day
        return f"{date}T{minutes // 60:02d}:{minutes % 60:02d}"

    while len(out) < size:
        a = synth.article(len(out))
        title = " ".join(w if rng.random() < 0.6 else rng.choice(gen.vocabulary) for w in a.title.split())
        a = replace(a, title=title, published=day(len(out)), source=f"outlet{rng.randrange(200)}.example")
        out.append(a)
        if rng.random() < 0.1 and len(out) < size:
            kind = rng.choice(["near", "partial", "version"])
            text = "\n\n".join(gen.reprint(_as_base(a), kind, "reprint.example", None))
            rid = f"s{len(out)}"
            out.append(Article(rid, rid, a.title, text, content_hash(text), source="reprint.example",
                               published=day(len(out))))  # fmt: skip
    return out


class Stage:
    """Wall time, CPU time, RSS growth and peak RSS of one stage."""

    def __enter__(self) -> Stage:
        self.peak_reset = _reset_peak()
        self.rss0 = _status("VmRSS")
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu
        self.grown = _status("VmRSS") - self.rss0
        self.peak = _status("VmHWM")

    def row(self, prefix: str) -> dict[str, Any]:
        return {
            f"{prefix}_s": round(self.wall, 2),
            f"{prefix}_cpu_s": round(self.cpu, 2),
            f"{prefix}_rss_grown_mib": _mib(self.grown),
            f"{prefix}_peak_mib": _mib(self.peak) if self.peak_reset else None,
        }


def one(
    size: int, batch: int, seed: int, per_day: int, stories_too: bool = True, db_dir: str | None = None
) -> dict[str, Any]:
    with Stage() as gen_stage:
        articles = corpus(size + 100, seed, per_day)
    store = {a.id: a for a in articles}
    main, extra = articles[:size], articles[size:]
    out: dict[str, Any] = {"size": size, "generate_s": round(gen_stage.wall, 1)}
    out["baseline_rss_mib"] = _mib(_status("VmRSS"))

    def loader(ids: Any) -> dict[str, Article]:
        return {i: store[i] for i in ids}

    with Stage() as copies_stage:
        cindex = CopyIndex(loader=loader)
        for i in range(0, size, batch):
            cindex.add(main[i : i + batch])
        groups = cindex.groups()
    out.update(copies_stage.row("copies"))
    out["copy_groups"] = len(groups)
    out["copied_articles"] = sum(len(g.members) for g in groups)

    if not stories_too:
        return _copies_only(out, cindex, extra, loader)
    with Stage() as stories_stage:
        sindex = StoryIndex()
        for i in range(0, size, batch):
            sindex.add(main[i : i + batch], groups)
        stories, storylines = sindex.stories()
    out.update(stories_stage.row("stories"))
    out["stories"] = len(stories)
    out["multi_article_stories"] = sum(len(s.articles) > 1 for s in stories)
    out["largest_story"] = max((len(s.articles) for s in stories), default=0)
    out["storylines"] = len(storylines)

    with Stage() as save_stage:
        cblob, sblob = cindex.to_bytes(), sindex.to_bytes()
    out.update(save_stage.row("persist"))
    out["copies_state_mib"] = round(len(cblob) / 2**20, 1)
    out["stories_state_mib"] = round(len(sblob) / 2**20, 1)
    del cblob, sblob

    # a later run through the real store: seed a store with this state, add 100 articles with refresh
    with tempfile.TemporaryDirectory(dir=db_dir) as tmp:
        path = str(Path(tmp) / "scale.db")
        out.update(scale_store.seed(path, main, cindex, sindex, stories, storylines, groups))
        del cindex, sindex
        with Stage() as inc_stage:
            out.update(scale_store.add(path, extra))
        out.update(inc_stage.row("store_add100"))
        out["store_after_mib"] = round(Path(path).stat().st_size / 2**20, 1)
    out["peak_rss_mib"] = _mib(_status("VmHWM"))
    return out


def _copies_only(out: dict[str, Any], cindex: CopyIndex, extra: list[Article], loader: Any) -> dict[str, Any]:
    """The incremental step for the copy stage alone."""
    with Stage() as save_stage:
        cblob = cindex.to_bytes()
    out.update(save_stage.row("persist"))
    out["copies_state_mib"] = round(len(cblob) / 2**20, 1)
    del cindex
    times: dict[str, float] = {}
    with Stage() as inc_stage:
        t = time.perf_counter()
        cindex = CopyIndex.from_bytes(cblob, loader=loader)
        times["load"] = time.perf_counter() - t
        t = time.perf_counter()
        touched = cindex.add(extra)
        cindex.groups()
        times["copies_add"] = time.perf_counter() - t
        t = time.perf_counter()
        cindex.to_bytes()
        times["save"] = time.perf_counter() - t
    out.update(inc_stage.row("add100"))
    out.update({f"add100_{k}_s": round(v, 3) for k, v in times.items()})
    out["add100_touched_groups"] = len(touched)
    out["peak_rss_mib"] = _mib(_status("VmHWM"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--per-day", type=int, default=300)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--copies-only", action="store_true", help="skip the story stage")
    parser.add_argument(
        "--jsonl", metavar="PATH", help="write --sizes[0] generated articles as JSONL and stop"
    )
    parser.add_argument(
        "--db-dir", help="where the temporary store of the incremental step goes (default: /tmp)"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (DATA / "polnear").is_dir():
        print(f"skipped: data not found at {DATA}")
        return 0
    if args.jsonl:  # input for timing the whole `storyline analyze` (keep it outside the repository)
        with open(args.jsonl, "w", encoding="utf-8") as fh:
            for a in corpus(args.sizes[0], args.seed, args.per_day):
                record = {
                    "id": a.id,
                    "title": a.title,
                    "text": a.text,
                    "published": a.published,
                    "source": a.source,
                }
                fh.write(json.dumps(record) + "\n")
        return 0
    if args.one:
        print(
            json.dumps(one(args.one, args.batch, args.seed, args.per_day, not args.copies_only, args.db_dir))
        )
        return 0
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    stages = "copies" if args.copies_only else "copies+stories"
    print(
        f"# {stages}, started {started}; batch {args.batch}, {args.per_day} articles/day, seed {args.seed}",
        flush=True,
    )
    for size in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(size), "--batch", str(args.batch),
               "--seed", str(args.seed), "--per-day", str(args.per_day)]  # fmt: skip
        cmd += ["--copies-only"] if args.copies_only else []
        cmd += ["--db-dir", args.db_dir] if args.db_dir else []
        done = subprocess.run(cmd, check=False, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"size {size} failed:\n{done.stderr[-3000:]}", flush=True)
            continue
        print(done.stdout.strip().splitlines()[-1], flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
