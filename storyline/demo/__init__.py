"""The demo corpus: synthetic news articles shipped with storyline as package data.

The corpus (``storyline/demo/corpus/``) holds invented articles about three invented
events (a river-dam summit, the phone call that led to it, and an unrelated product
recall) in the shapes an analyst actually receives: HTML pages, badly scraped text and
a news-please JSONL feed.  ``corpus/MANIFEST.md`` is the answer key (copy groups,
story partition, speakers, timeline dates) used by the tests and the demo.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["corpus_files", "corpus_path"]

_NOT_ARTICLES = frozenset({"MANIFEST.md"})


def corpus_path() -> Path:
    """Return the directory holding the demo corpus.

    The directory is located with :mod:`importlib.resources`, so it works both from a
    source checkout and from an installed wheel (the corpus is package data).
    """
    resource = files("storyline.demo") / "corpus"
    if isinstance(resource, Path):
        return resource
    return Path(str(resource))


def corpus_files() -> list[Path]:
    """Return the corpus input files (articles and the JSONL feed), sorted by name.

    ``MANIFEST.md`` and other non-input files are left out.
    """
    return sorted(
        p
        for p in corpus_path().iterdir()
        if p.is_file() and p.name not in _NOT_ARTICLES and p.suffix in {".html", ".txt", ".jsonl"}
    )
