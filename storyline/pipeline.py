"""The pipeline: inputs → ingest → clean → per-article NLP → store → corpus stages → results.

Per-article work happens once per new article and is cached in the store; corpus-level stages
(copies, stories, entities, quotes, per-story analysis) run over the store after each batch of
inputs, so a run killed midway leaves a consistent store that the next run completes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO

from storyline import nlp, temporal
from storyline.clean import clean, learn_recurring, raw_hash, source_key
from storyline.clean.chrome import split_lines
from storyline.errors import InputError
from storyline.ingest import read_inputs
from storyline.records import Annotations, Article, ErrorRecord, RawDoc, TimeExpr
from storyline.store import Store

Progress = Callable[[str, int, int | None], None]
BATCH = 200


def refresh(store: Store, *, progress: Progress | None = None, full: bool = False) -> None:
    """Bring corpus-level results up to date (see :mod:`storyline.refresh`)."""
    from storyline import refresh as corpus

    corpus.refresh(store, progress=progress or _noop, full=full)


def annotation_version() -> str:
    """Cached per-article annotations are recomputed when a stage's VERSION changes."""
    return f"times:{getattr(temporal, 'VERSION', '0')}+nlp:{getattr(nlp, 'VERSION', '0')}"


@dataclass(frozen=True, slots=True)
class RunResult:
    run_id: int
    article_ids: tuple[str, ...]  # every article this run's inputs name, in input order
    new_ids: tuple[str, ...]
    errors: tuple[ErrorRecord, ...]


def _noop(stage: str, done: int, total: int | None) -> None:
    del stage, done, total


def analyze(
    paths: Sequence[str], store: Store, *, progress: Progress = _noop, stdin: BinaryIO | None = None
) -> RunResult:
    """Read ``paths`` into ``store`` and bring every corpus-level result up to date."""
    run_id = store.begin_run(paths)
    seen: list[str] = []
    new: list[str] = []
    errors: list[ErrorRecord] = []
    batch: list[RawDoc] = []
    read = 0
    for item in read_inputs(paths, stdin=stdin):
        read += 1
        if isinstance(item, ErrorRecord):
            errors.append(item)
            store.add_error(run_id, item)
        else:
            batch.append(item)
        if len(batch) >= BATCH:
            _ingest_batch(store, run_id, batch, seen, new, errors)
            batch = []
        progress("reading", read, None)
    _ingest_batch(store, run_id, batch, seen, new, errors)
    refresh(store, progress=progress)
    store.finish_run(run_id, n_new=len(new), n_seen=len(seen) - len(new), n_errors=len(errors))
    return RunResult(run_id, tuple(dict.fromkeys(seen)), tuple(new), tuple(errors))


def _ingest_batch(
    store: Store, run_id: int, batch: list[RawDoc], seen: list[str], new: list[str], errors: list[ErrorRecord]
) -> None:
    fresh: list[tuple[RawDoc, str]] = []
    for raw in batch:
        rh = raw_hash(raw)
        existing = store.article_id_for_raw(rh)
        if existing:
            seen.append(existing)
        else:
            fresh.append((raw, rh))
    if not fresh:
        return
    text_docs = [raw for raw, _ in fresh if not raw.is_html]
    known = store.source_lines(source_key(r) for r in text_docs)
    recurring = learn_recurring(text_docs, known)
    cleaned: list[tuple[Article, str, RawDoc]] = []
    for raw, rh in fresh:
        try:
            article = clean(raw, recurring.get(source_key(raw), frozenset()))
        except InputError as exc:
            err = ErrorRecord(raw.path, exc.message)
            errors.append(err)
            store.add_error(run_id, err)
            continue
        article = _unique_id(store, article, rh, {a.id for a, _, _ in cleaned})
        cleaned.append((article, rh, raw))
    version = annotation_version()
    annotated = []
    for a, rh, raw in cleaned:
        annotations, failure = safe_annotate(a)
        if failure:
            errors.append(failure)
            store.add_error(run_id, failure)
        annotated.append((a, rh, raw, annotations))
    with store.transaction() as c:
        for raw in text_docs:
            store.add_source_lines(
                c, source_key(raw), [ln for ln in split_lines(raw.body) if len(ln.split()) <= 12]
            )
        for article, rh, _raw, (times, ann) in annotated:
            store.add_article(c, article, rh, run_id)
            store.put_annotations(c, article.id, version, times, ann)
            seen.append(article.id)
            new.append(article.id)


def _unique_id(store: Store, article: Article, rh: str, taken: set[str]) -> Article:
    if article.id not in taken and not store.has_article(article.id):
        return article
    return replace(article, id=f"{article.id}~{rh[:6]}")


def annotate(article: Article) -> tuple[tuple[TimeExpr, ...], Annotations]:
    return temporal.tag_times(article.text, article.published), nlp.annotate(article)


def safe_annotate(article: Article) -> tuple[tuple[tuple[TimeExpr, ...], Annotations], ErrorRecord | None]:
    """Annotate; a failure of an analysis stage keeps the article (unannotated) and says why."""
    try:
        return annotate(article), None
    except Exception as exc:  # a stage bug must not lose the article or stop the run
        reason = f"analysis failed, article kept without annotations: {type(exc).__name__}: {exc}"
        return ((), Annotations(article=article.id)), ErrorRecord(article.path, reason)
