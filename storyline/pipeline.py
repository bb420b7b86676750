"""The pipeline: inputs → ingest → clean → per-article NLP → store → corpus stages → results.

Per-article work happens once per new article and is cached in the store; corpus-level stages
(copies, stories, entities, quotes, per-story analysis) run over the store after each batch of
inputs, so a run killed midway leaves a consistent store that the next run completes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
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
    paths: Sequence[str],
    store: Store,
    *,
    progress: Progress = _noop,
    stdin: BinaryIO | None = None,
    workers: int = 1,
) -> RunResult:
    """Read ``paths`` into ``store`` and bring every corpus-level result up to date.

    ``workers`` > 1 cleans and annotates new articles in that many processes.
    """
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return _analyze(paths, store, progress, stdin, pool)
    return _analyze(paths, store, progress, stdin, None)


def _analyze(
    paths: Sequence[str], store: Store, progress: Progress, stdin: BinaryIO | None, pool: Executor | None
) -> RunResult:
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
            _ingest_batch(store, run_id, batch, seen, new, errors, pool)
            batch = []
        progress("reading", read, None)
    _ingest_batch(store, run_id, batch, seen, new, errors, pool)
    refresh(store, progress=progress)
    store.finish_run(run_id, n_new=len(new), n_seen=len(seen) - len(new), n_errors=len(errors))
    return RunResult(run_id, tuple(dict.fromkeys(seen)), tuple(new), tuple(errors))


@dataclass(frozen=True, slots=True)
class _Job:
    raw: RawDoc
    raw_hash: str
    article_id: str
    recurring: frozenset[str]


@dataclass(frozen=True, slots=True)
class _Done:
    job: _Job
    article: Article | None
    times: tuple[TimeExpr, ...]
    annotations: Annotations | None
    errors: tuple[ErrorRecord, ...]


def prepare(job: _Job) -> _Done:
    """Clean and annotate one input (pure: runs in worker processes too)."""
    try:
        article = clean(job.raw, job.recurring, article_id=job.article_id)
    except InputError as exc:
        return _Done(job, None, (), None, (ErrorRecord(job.raw.path, exc.message),))
    article = with_inferred_date(article)
    (times, ann), failure = safe_annotate(article)
    return _Done(job, article, times, ann, (failure,) if failure else ())


def _ingest_batch(
    store: Store,
    run_id: int,
    batch: list[RawDoc],
    seen: list[str],
    new: list[str],
    errors: list[ErrorRecord],
    pool: Executor | None = None,
) -> None:
    jobs = _jobs(store, batch, seen)
    if not jobs:
        return
    done = list(pool.map(prepare, jobs, chunksize=4)) if pool else [prepare(j) for j in jobs]
    version = annotation_version()
    text_docs = [j.raw for j in jobs if not j.raw.is_html]
    with store.transaction() as c:
        for raw in text_docs:
            store.add_source_lines(
                c, source_key(raw), [ln for ln in split_lines(raw.body) if len(ln.split()) <= 12]
            )
        for d in done:
            for err in d.errors:
                errors.append(err)
                c.execute(
                    "INSERT INTO errors (run_id, path, reason, at) VALUES (?, ?, ?, datetime('now'))",
                    (run_id, err.path, err.reason),
                )
            if d.article is None or d.annotations is None:
                continue
            store.add_article(c, d.article, d.job.raw_hash, run_id)
            store.put_annotations(c, d.article.id, version, d.times, d.annotations)
            seen.append(d.article.id)
            new.append(d.article.id)


def _jobs(store: Store, batch: list[RawDoc], seen: list[str]) -> list[_Job]:
    """New inputs of ``batch`` with their final ids; inputs already stored count as seen."""
    fresh: dict[str, RawDoc] = {}
    for raw in batch:
        rh = raw_hash(raw)
        existing = store.article_id_for_raw(rh)
        if existing:
            seen.append(existing)
        elif rh not in fresh:
            fresh[rh] = raw
    text_docs = [raw for raw in fresh.values() if not raw.is_html]
    recurring = learn_recurring(text_docs, store.source_lines(source_key(r) for r in text_docs))
    jobs: list[_Job] = []
    taken: set[str] = set()
    for rh, raw in fresh.items():
        aid = raw.id or "a" + rh[:12]
        if aid in taken or store.has_article(aid):
            aid = f"{aid}~{rh[:6]}"
        taken.add(aid)
        jobs.append(_Job(raw, rh, aid, recurring.get(source_key(raw), frozenset())))
    return jobs


def with_inferred_date(article: Article) -> Article:
    """An undated article gets the date its own explicit dates point to, marked inferred.

    The text and its removed photo captions are read ("... in Moscow on February 7, 2022" under a
    picture, then "said Monday"); a dated copy or version found later takes precedence.
    """
    if article.published is not None:
        return article
    from storyline.temporal.infer import infer_published

    captions = [r.text for r in article.removed if "caption" in r.reason]
    try:
        guess = infer_published("\n\n".join([article.text, *captions]))
    except Exception:  # inference is optional: an undated article stays undated
        return article
    if guess is None:
        return article
    return replace(article, published=guess.date, published_inferred=True)


def annotate(article: Article) -> tuple[tuple[TimeExpr, ...], Annotations]:
    return temporal.tag_times(article.text, article.published), nlp.annotate(article)


def safe_annotate(article: Article) -> tuple[tuple[tuple[TimeExpr, ...], Annotations], ErrorRecord | None]:
    """Annotate; a failure of an analysis stage keeps the article (unannotated) and says why."""
    try:
        return annotate(article), None
    except Exception as exc:  # a stage bug must not lose the article or stop the run
        reason = f"analysis failed, article kept without annotations: {type(exc).__name__}: {exc}"
        return ((), Annotations(article=article.id)), ErrorRecord(article.path, reason)
