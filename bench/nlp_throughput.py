"""Throughput of the per-article NLP stage (annotate), in articles/s.

Usage: .venv/bin/python bench/nlp_throughput.py [--limit N]

Reads the first N PolNeAR dev texts ($STORYLINE_DATA/polnear, default ../shared/data/polnear) as
articles; times ``annotate`` one by one (as the pipeline calls it) and ``annotate_all`` (batched), each
on the articles alone and on the articles plus one exact reprint of each: reprints are parsed once
(``annotate`` keeps recent annotations by text digest), so they should cost ~nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storyline.nlp import annotate, annotate_all  # noqa: E402
from storyline.records import Article  # noqa: E402
from storyline.text import content_hash  # noqa: E402


def data_dir() -> Path:
    return Path(os.environ.get("STORYLINE_DATA", ROOT.parent / "shared" / "data")) / "polnear"


def load(limit: int) -> list[Article]:
    texts = sorted((data_dir() / "dev" / "text").glob("*.txt"))[:limit]
    out = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        out.append(
            Article(id=path.stem, path=str(path), title=path.stem, text=text, content_hash=content_hash(text))
        )
    return out


def timed(label: str, n_articles: int, n_chars: int, fn) -> None:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    fn()
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    print(
        f"{label:<34} {n_articles / wall:6.2f} articles/s  {n_chars / wall / 1000:6.1f} kchars/s  "
        f"(wall {wall:.1f}s, cpu {cpu:.1f}s)"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--tagger", default=None, help="also time this trained attribution tagger (a directory)")
    args = ap.parse_args()
    if not (data_dir() / "dev" / "text").exists():
        print(f"skipped: data not found at {data_dir()}")
        return 0
    articles = load(args.limit)
    n_chars = sum(len(a.text) for a in articles)
    print(
        f"{len(articles)} articles, {n_chars} chars (mean {n_chars // max(1, len(articles))}), os.cpu_count()={os.cpu_count()}"
    )
    annotate(articles[0])  # load the model outside the timings
    reprints = [
        Article(id=a.id + "-reprint", path=a.path, title=a.title, text=a.text, content_hash=a.content_hash)
        for a in articles
    ]
    both = articles + reprints
    forget()
    timed("annotate, one by one", len(articles), n_chars, lambda: [annotate(a) for a in articles])
    forget()
    timed("annotate, every article twice", len(both), 2 * n_chars, lambda: [annotate(a) for a in both])
    timed("annotate_all (batched)", len(articles), n_chars, lambda: annotate_all(articles))
    timed("annotate_all, every article twice", len(both), 2 * n_chars, lambda: annotate_all(both))
    if args.tagger:  # optional and not run by the pipeline: what it would add per article
        from storyline.nlp.tagger import Tagger

        tagger = Tagger(Path(args.tagger))
        tagger.tag(articles[0].text)
        timed(
            "attribution tagger, tag()",
            len(articles),
            n_chars,
            lambda: [tagger.tag(a.text) for a in articles],
        )
    return 0


def forget() -> None:
    """Empty the per-process cache of recent annotations (so every timing parses afresh)."""
    import storyline.nlp

    storyline.nlp._RECENT.clear()


if __name__ == "__main__":
    raise SystemExit(main())
