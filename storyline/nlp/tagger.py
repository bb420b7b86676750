"""A trained attribution tagger: content, source and cue spans from a fine-tuned MiniLM, run with onnxruntime.

The rules of :mod:`storyline.nlp.attribution` need no model. When a tagger has been trained (see
:mod:`storyline.nlp.tagger_train` and ``storyline tagger train``), its spans can be merged with the
rules' attributions: ``find_attributions(doc, tagging=load_tagger().tag(doc_text(doc)))``. That
gives PolNeAR-style attribution spans (stances and acts as well as speech); the pipeline's quote
listing does not use it (see :mod:`storyline.nlp.tagged`).

    >>> from storyline.nlp.tagger import load_tagger
    >>> tagger = load_tagger()          # None when no tagger has been trained
    >>> if tagger is not None:
    ...     tagging = tagger.tag("Officials said the bridge will reopen in May.")

No tagger ships with storyline: the only training data for it, PolNeAR, is for research use, so each
user trains one from their own copy. It is looked up in ``$STORYLINE_TAGGER`` or else
``$XDG_DATA_HOME/storyline/tagger`` (``~/.local/share/storyline/tagger``); a directory holding
``manifest.json``, ``model.onnx`` and ``tokenizer.json``. ``STORYLINE_TAGGER=none`` turns it off.

The model labels each word piece with three BIO tags (content, source, cue). An article is read in
windows of ``window`` word pieces that overlap; each piece takes its tags from the window where it is
furthest from an edge.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.errors import MissingExtraError, UsageError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "HEADS",
    "Tagger",
    "Tagging",
    "decode",
    "default_dir",
    "load_tagger",
    "spans_of",
    "tagger_id",
    "windows",
]

HEADS = ("content", "source", "cue")
ENV = "STORYLINE_TAGGER"
FORMAT = 1
_O, _B, _I = 0, 1, 2
LOW = 0.4  # a piece this likely inside a span extends it
HIGH = 0.8  # a span needs one piece this likely

Extent = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Tagging:
    """The tagger's spans for one text (character offsets), each with its mean tag probability."""

    content: tuple[tuple[int, int, float], ...]
    source: tuple[tuple[int, int, float], ...]
    cue: tuple[tuple[int, int, float], ...]


def default_dir() -> Path:
    """Where a trained tagger is looked for (and written by ``storyline tagger train``)."""
    env = os.environ.get(ENV)
    if env:
        return Path(env).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "storyline" / "tagger"


def windows(n: int, size: int, step: int) -> list[tuple[int, int]]:
    """Token windows ``[start, end)`` of at most ``size`` covering ``n`` tokens, ``step`` apart."""
    if n <= size:
        return [(0, n)]
    starts = [*range(0, n - size, step), n - size]
    return [(s, s + size) for s in starts]


class Tagger:
    """A loaded tagger directory."""

    def __init__(self, path: Path) -> None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise MissingExtraError("embeddings", exc.name or "onnxruntime") from exc
        try:
            self.manifest: dict[str, Any] = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UsageError(f"no readable tagger manifest in {path}: {exc}") from exc
        if self.manifest.get("format") != FORMAT:
            raise UsageError(
                f"tagger in {path} has format {self.manifest.get('format')!r}, expected {FORMAT}"
            )
        self.path = path
        self.id: str = str(self.manifest["id"])
        self.window: int = int(self.manifest["window"])
        self.step: int = int(self.manifest["step"])
        options = onnxruntime.SessionOptions()
        threads = os.environ.get("STORYLINE_TAGGER_THREADS")
        if threads:
            options.intra_op_num_threads = int(threads)
        self._session = onnxruntime.InferenceSession(
            str(path / "model.onnx"), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self._tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        self._tok.no_truncation()
        self._tok.no_padding()
        cls_id, sep_id = self._tok.token_to_id("[CLS]"), self._tok.token_to_id("[SEP]")
        if cls_id is None or sep_id is None:
            raise UsageError(f"the tagger's tokenizer in {path} has no [CLS]/[SEP] tokens")
        self._cls: int = cls_id
        self._sep: int = sep_id

    def tag(self, text: str) -> Tagging:
        """Content, source and cue spans of ``text``."""
        offsets, logp = self.scores(text)
        return decode(text, offsets, logp)

    def scores(self, text: str) -> tuple[list[tuple[int, int]], npt.NDArray[np.float32]]:
        """Word-piece character offsets and their log-probabilities ``(pieces, heads, O/B/I)``."""
        import numpy as np

        if not text.strip():
            return [], np.zeros((0, len(HEADS), 3), dtype=np.float32)
        enc = self._tok.encode(text, add_special_tokens=False)
        return list(enc.offsets), self._log_probs(enc.ids)

    def _log_probs(self, ids: list[int], batch: int = 8) -> npt.NDArray[np.float32]:
        import numpy as np

        n = len(ids)
        out = np.zeros((n, len(HEADS), 3), dtype=np.float32)
        best = np.full(n, -1, dtype=np.int64)
        wins = windows(n, self.window, self.step)
        for k in range(0, len(wins), batch):
            chunk = wins[k : k + batch]
            width = max(e - s for s, e in chunk) + 2
            b_ids = np.zeros((len(chunk), width), dtype=np.int64)
            b_mask = np.zeros((len(chunk), width), dtype=np.int64)
            for j, (s, e) in enumerate(chunk):
                b_ids[j, : e - s + 2] = [self._cls, *ids[s:e], self._sep]
                b_mask[j, : e - s + 2] = 1
            res = self._session.run(["logp"], {"input_ids": b_ids, "attention_mask": b_mask})[0]
            for j, (s, e) in enumerate(chunk):
                pos = np.arange(s, e)
                central = np.minimum(pos - s, e - 1 - pos)
                take = central > best[s:e]
                best[s:e][take] = central[take]
                out[s:e][take] = res[j, 1 : e - s + 1][take]
        return out


def decode(
    text: str,
    offsets: list[tuple[int, int]],
    logp: npt.NDArray[np.float32],
    *,
    low: float = LOW,
    high: float = HIGH,
) -> Tagging:
    """Spans of every head (see :func:`spans_of`)."""
    if not offsets:
        return Tagging((), (), ())
    heads = [spans_of(text, offsets, logp[:, h, :], low=low, high=high) for h in range(len(HEADS))]
    return Tagging(*heads)


def spans_of(
    text: str,
    offsets: list[tuple[int, int]],
    logp: npt.NDArray[np.float32],
    *,
    low: float = LOW,
    high: float = HIGH,
) -> tuple[tuple[int, int, float], ...]:
    """One head's spans, by hysteresis: a run of pieces whose probability of being inside a span is
    at least ``low``, kept when one piece reaches ``high``; a piece most likely a beginning (B) starts
    a new span. Spans are widened to whole words; each carries its pieces' mean probability."""
    import numpy as np

    inside = 1.0 - np.exp(logp[:, _O])
    begins = (logp.argmax(axis=-1) == _B).tolist()
    runs: list[tuple[int, int]] = []
    start = -1
    for i, p in enumerate(inside.tolist()):
        if start >= 0 and (p < low or begins[i]):
            runs.append((start, i))
            start = -1
        if p >= low and start < 0:
            start = i
    if start >= 0:
        runs.append((start, len(offsets)))
    out: list[tuple[int, int, float]] = []
    for a, b in runs:
        if float(inside[a:b].max()) < high:
            continue
        s, e = _whole_words(text, offsets[a][0], offsets[b - 1][1])
        if out and s < out[-1][1]:  # a beginning inside a word: one span
            prev = out.pop()
            s = prev[0]
        out.append((s, e, round(float(inside[a:b].mean()), 4)))
    return tuple(out)


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


def available() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "tokenizers"))


@lru_cache(maxsize=4)
def _load(path: str) -> Tagger | None:
    p = Path(path)
    if not (p / "manifest.json").is_file() or not available():
        return None
    return Tagger(p)


def load_tagger() -> Tagger | None:
    """The configured tagger, or None when there is none (or ``STORYLINE_TAGGER=none``)."""
    if os.environ.get(ENV, "").lower() == "none":
        return None
    return _load(str(default_dir()))


def tagger_id() -> str:
    """The active tagger's id ("rules" when none): part of the annotation cache key."""
    tagger = load_tagger()
    return tagger.id if tagger is not None else "rules"
