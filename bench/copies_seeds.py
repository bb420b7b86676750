"""Smoke test of copy detection on the five seed articles (../shared/seeds).

The seeds are read at run time (their text never enters the repository). Seed 004 was scraped with
a whole site's menus and footer; until the cleaner is wired in, this script cuts it roughly to the
lines between its date line and its "originally appeared on" credit. Expected: 001 and 004 form one
group of kind "version", and nothing else groups.

    .venv/bin/python bench/copies_seeds.py
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from storyline.copies import find_copies
from storyline.records import Article
from storyline.text import content_hash

REPO = Path(__file__).resolve().parent.parent
SEEDS = Path(os.environ.get("STORYLINE_SEEDS", REPO.parent / "shared" / "seeds"))


def _rough_clean(text: str) -> tuple[str, str | None, str | None]:
    """Cut a scraped page to its body; return (body, published, origin) when it has those marks."""
    lines = text.splitlines()
    stamp = re.compile(r"^[A-Z][a-z]+ \d+, \d{4}, \d+:\d+ [AP]M$")
    date = next((i for i, ln in enumerate(lines) if stamp.match(ln)), None)
    credit = next((i for i, ln in enumerate(lines) if "originally appeared on" in ln), None)
    if date is None or credit is None:
        return text, None, None
    origin = lines[credit].rsplit("originally appeared on", 1)[1].strip()
    body = "\n".join(ln for ln in lines[date + 1 : credit] if not ln.startswith(("MORE:", "PHOTO:")))
    return body, "2022-02-08T05:05" if "February 8, 2022" in lines[date] else None, origin


def load() -> list[Article]:
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        body, published, origin = _rough_clean(raw)
        title, _, text = body.strip().partition("\n") if published is None else ("", "", body)
        articles.append(
            Article(
                id=path.stem[:3],
                path=str(path),
                title=title,
                text=text.strip(),
                content_hash=content_hash(text),
                published=published,
                origin=origin,
            )
        )
    return articles


def main() -> int:
    if not SEEDS.is_dir():
        print(f"skipped: seeds not found at {SEEDS}")
        return 0
    groups = find_copies(load())
    for g in groups:
        print(g.id, g.kind, "canonical", g.canonical, "members", g.members, "similarity", g.similarity)
        for e in g.evidence:
            print("   evidence:", e)
        for m in g.details:
            print(f"   {m.article}: sim {m.similarity:.3f} containment {m.containment:.3f}", end="")
            print(f" adds {len(m.adds)} lacks {len(m.lacks)} paragraphs")
    ok = [set(g.members) for g in groups] == [{"001", "004"}] and groups[0].kind == "version"
    print("expected 001+004 as one version group, nothing else:", "OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
