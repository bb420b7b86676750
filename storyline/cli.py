"""Command-line interface. The only place that turns errors into messages and exit codes."""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console

from storyline.errors import StorylineError

app = typer.Typer(
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
    no_args_is_help=True,
    help="storyline: turn a pile or a stream of raw news articles into stories one can trust.",
)
out = Console(highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, highlight=False)

DbOpt = Annotated[
    str | None, typer.Option("--db", help="SQLite database file [default: $STORYLINE_DB or ./storyline.db].")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document instead of text.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")]
WorkersOpt = Annotated[
    int,
    typer.Option(
        "--workers",
        "-j",
        min=1,
        help="Processes for cleaning and NLP of new articles (each loads the models: worth it from a few hundred articles).",
    ),
]


def _db(db: str | None) -> str:
    from storyline.store.db import default_path

    return db or default_path()


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _progress(quiet: bool) -> Any:
    from storyline.progress import StderrProgress

    return StderrProgress(enabled=not quiet)


@app.command()
def analyze(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH", help="Files, directories (recursive) or - for JSONL on stdin.", show_default=False
        ),
    ],
    db: DbOpt = None,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
    workers: WorkersOpt = 1,
) -> None:
    """Read articles into the store and report copies, stories, quotes, timeline and conflicts."""
    from storyline import pipeline
    from storyline.report import build_report
    from storyline.store import Store

    with Store(_db(db)) as store, _progress(quiet) as progress:
        result = pipeline.analyze(paths, store, progress=progress, workers=workers)
        rep = build_report(store, result.article_ids, result.errors)
    if as_json:
        _print_json(rep)
    else:
        from storyline import render

        render.report(out, rep, len(result.new_ids), len(result.article_ids) - len(result.new_ids))
    if result.errors:
        raise typer.Exit(1)


@app.command()
def demo(db: DbOpt = None, as_json: JsonOpt = False, quiet: QuietOpt = False) -> None:
    """Analyze the demo corpus that ships with storyline (into ./storyline-demo.db by default)."""
    from storyline.demo import corpus_path

    analyze([str(corpus_path())], db=db or "storyline-demo.db", as_json=as_json, quiet=quiet)


@app.command()
def articles(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """List the articles in the store."""
    from storyline.report import article_dict
    from storyline.store import Store

    with Store(_db(db), readonly=True) as store:
        rows = [article_dict(a, ()) for a in store.articles()]
    if as_json:
        _print_json({"articles": rows})
    else:
        from storyline import render

        render.articles_table(out, rows, title=f"{len(rows)} articles in {_db(db)}")


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix).")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one article: metadata, cleaned text and what cleaning removed."""
    from storyline.report import article_dict
    from storyline.store import Store

    with Store(_db(db), readonly=True) as store:
        a = store.article(article_id)
        ann = store.annotations([a.id])
        d = article_dict(a, ann[a.id][1] if a.id in ann else ())
    if as_json:
        _print_json(d)
        return
    out.print(f"[bold]{d['title']}[/bold]")
    for key in ("id", "path", "source", "origin", "url", "published", "dateline", "language"):
        if d.get(key):
            extra = " (inferred)" if key == "published" and d.get("published_inferred") else ""
            out.print(f"[dim]{key:>10}[/dim]  {d[key]}{extra}")
    if d["authors"]:
        out.print(f"[dim]{'authors':>10}[/dim]  {', '.join(d['authors'])}")
    out.print()
    out.print(d["text"])
    if d["removed"]:
        out.print()
        out.print(f"[bold]Removed ({len(d['removed'])})[/bold]")
        for r in d["removed"]:
            out.print(f"  [dim]{r['reason']}:[/dim] {r['text'][:100]}")


@app.command("stories")
def stories_cmd(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """List the stories in the store."""
    from storyline.records import to_dict
    from storyline.store import Store

    with Store(_db(db), readonly=True) as store:
        rows = [to_dict(s) for s in store.stories()]
        lines = [to_dict(x) for x in store.derived("storyline")]
    if as_json:
        _print_json({"stories": rows, "storylines": lines})
        return
    from storyline import render

    render.stories_list(out, rows, lines)


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="Story id (or a unique prefix).")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one story: its articles, summary, timeline, quotes and conflicts."""
    from storyline.report import build_report
    from storyline.store import Store

    with Store(_db(db), readonly=True) as store:
        s = store.story(story_id)
        rep = build_report(store, s.articles, ())
    rep["stories"] = [x for x in rep["stories"] if x["id"] == s.id]
    if as_json:
        _print_json(rep)
        return
    from storyline import render

    arts = {a["id"]: a for a in rep["articles"]}
    render.story_block(out, rep["stories"][0], rep, arts)


@app.command()
def quotes(
    db: DbOpt = None,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only quotes by this speaker (substring).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Who said what, per story."""
    from rich.markup import escape

    from storyline.records import to_dict
    from storyline.render import quote_line
    from storyline.store import Store

    with Store(_db(db), readonly=True) as store:
        qs = store.derived("quote")
        titles = {s.id: s.title for s in store.stories()}
    if speaker:
        qs = [q for q in qs if q.speaker and speaker.casefold() in q.speaker.casefold()]
    if as_json:
        _print_json({"quotes": [to_dict(q) for q in qs]})
        return
    by_story: dict[str | None, list[Any]] = {}
    for q in qs:
        by_story.setdefault(q.story, []).append(q)
    for sid, items in by_story.items():
        out.print(f"\n[bold]{escape(titles.get(sid or '', 'No story'))}[/bold] [dim]{sid or ''}[/dim]")
        for q in items:
            cues = [m.cue for m in q.mentions]
            out.print("  " + quote_line(q.speaker, q.text, q.kind, len(cues), cues))


tagger_app = typer.Typer(
    no_args_is_help=True,
    help="The optional attribution tagger trained on your PolNeAR copy: PolNeAR-style attribution spans for the "
    "Python API and the benchmark (the quote listing does not use it; see DEVELOPERS.md).",
)
app.add_typer(tagger_app, name="tagger")


@tagger_app.command("status")
def tagger_status(as_json: JsonOpt = False) -> None:
    """Say whether a trained tagger is in use, and which."""
    from storyline.nlp.tagger import default_dir, load_tagger

    tagger = load_tagger()
    info: dict[str, Any] = {"path": str(default_dir()), "active": tagger is not None}
    if tagger is not None:
        info["manifest"] = tagger.manifest
    if as_json:
        _print_json(info)
    elif tagger is None:
        out.print(f"no trained tagger at {info['path']}")
    else:
        m = tagger.manifest
        n = int(m.get("epochs", 0))
        out.print(
            f"tagger {tagger.id} at {info['path']}: {m.get('trained_on')}, {n} epoch{'' if n == 1 else 's'}"
        )


@tagger_app.command("train")
def tagger_train(
    polnear: Annotated[
        str, typer.Option("--polnear", help="PolNeAR directory holding train/ (your own copy; research use).")
    ],
    out_dir: Annotated[
        str | None,
        typer.Option(
            "--out", help="Where to write it [default: $STORYLINE_TAGGER or ~/.local/share/storyline/tagger]."
        ),
    ] = None,
    epochs: Annotated[
        int, typer.Option(min=1, help="Passes over the training articles (about 20 min each on 2 cores).")
    ] = 2,
    limit: Annotated[int | None, typer.Option(min=1, help="Train on the first N articles only.")] = None,
    as_json: JsonOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Train the attribution tagger on PolNeAR's train split and install it where the API finds it."""
    from pathlib import Path

    from storyline.nlp.polnear import load_split
    from storyline.nlp.tagger import default_dir
    from storyline.nlp.tagger_train import train

    docs = load_split(Path(polnear).expanduser(), "train")[:limit]
    target = Path(out_dir).expanduser() if out_dir else default_dir()

    def say(msg: str) -> None:
        if not quiet:
            err.print(f"storyline: tagger {msg}")

    say(f"training on {len(docs)} articles into {target}")
    manifest = train(docs, target, epochs=epochs, progress=say)
    if as_json:
        _print_json(manifest)
    else:
        out.print(f"tagger {manifest['id']} written to {target}")


@app.command()
def web(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
) -> None:
    """Browse stories, articles and quotes in a local web UI (read-only)."""
    from storyline.web import serve

    err.print(f"storyline: serving {_db(db)} on http://{host}:{port}/ (Ctrl-C to stop)")
    serve(_db(db), host=host, port=port)


def main() -> None:
    """Entry point: run the app, turning storyline errors into one-line messages."""
    try:
        app(standalone_mode=True)
    except StorylineError as exc:
        err.print(f"[red]error:[/red] {exc}", soft_wrap=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
