"""Human-readable output for the CLI (Rich), written to look like a newsroom tool's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from storyline.text import with_speaker_note

_SHOWN_QUOTES = 12
_KIND_RANK = {"direct": 0, "partial": 1, "indirect": 2}


_REFUSALS = ("deni", "deny", "reject", "dismiss", "refut", "rebut", "disput")


def quote_line(
    speaker: str | None, text: str, kind: str, mentions: int, cues: Sequence[str | None], width: int = 0
) -> str:
    """``Speaker: “text” (kind, n mentions)`` as Rich markup. When the speaker denied or rejected the
    words ("the Kremlin denied that any deal had been reached"), the cue is shown: the words are what
    the speaker refused, not what they said."""
    who = speaker or "unattributed"
    refusal = next((c for c in cues if c and c.casefold().startswith(_REFUSALS)), None)
    if refusal:
        who = f"{who} ({refusal.casefold()})"
    shown = _short(text, width) if width else text
    plural = "s" * (mentions > 1)
    return f"{escape(who)}: “{escape(shown)}” [dim]({kind}, {mentions} mention{plural})[/dim]"


def _key_quotes(quotes: Sequence[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """The quotes an editor would show first: carried by the most outlets, attributed, in the
    speaker's own words; then in story order."""

    def rank(item: tuple[int, dict[str, Any]]) -> tuple[int, int, int, int]:
        pos, q = item
        carriers = len({m.get("article") for m in q["mentions"]})
        return (-carriers, q.get("speaker") is None, _KIND_RANK.get(q["kind"], 3), pos)

    return [q for _, q in sorted(enumerate(quotes), key=rank)[:n]]


def _short(text: str | None, n: int) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _date(value: str | None, inferred: bool = False) -> str:
    if not value:
        return "undated"
    return value.replace("T", " ") + (" (inf.)" if inferred else "")


def articles_table(console: Console, articles: Sequence[dict[str, Any]], title: str = "Articles") -> None:
    table = Table(title=title, title_justify="left", expand=False, show_lines=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("published", no_wrap=True, min_width=16)
    table.add_column("outlet / origin", no_wrap=True, overflow="ellipsis", max_width=30)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=54)
    table.add_column("words", justify="right", no_wrap=True, min_width=5)
    table.add_column("removed", justify="right", no_wrap=True, min_width=7)
    for a in articles:
        outlet = a.get("source") or "?"
        if a.get("origin"):
            outlet += f" / via {a['origin']}"
        if a.get("copy_of"):
            outlet += f" (copy of {a['copy_of'][:8]})"
        table.add_row(
            a["id"],
            _date(a.get("published"), a.get("published_inferred", False)),
            escape(_short(outlet, 40)),
            escape(_short(a.get("title"), 70)),
            str(len(a.get("text", "").split())),
            str(len(a.get("removed", []))),
        )
    console.print(table)


def counted(n: int, one: str, many: str | None = None) -> str:
    """ "1 copy group", "2 copy groups", "2 stories"."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def report(console: Console, rep: dict[str, Any], new: int, seen: int) -> None:
    """The summary printed by ``storyline analyze``."""
    arts = {a["id"]: a for a in rep["articles"]}
    console.print(
        f"[bold]{counted(len(arts), 'article')}[/bold] ({new} new, {seen} already in the store), "
        f"{counted(len(rep['copies']), 'copy group')}, {counted(len(rep['stories']), 'story', 'stories')}, "
        f"{counted(len(rep['quotes']), 'quote')}, {counted(len(rep['conflicts']), 'conflict')}, "
        f"{counted(len(rep['errors']), 'error')}"
    )
    console.print()
    articles_table(console, list(arts.values()))
    titles = {s["id"]: s["title"] for s in rep["stories"]}
    for line in rep.get("storylines", []):
        console.print()
        console.print(
            Text.assemble(("STORYLINE ", "bold"), (line["id"], "magenta"), f"  {line['title']}  ")
            + Text(f"[{len(line['stories'])} stories]", style="dim")
        )
        for sid in line["stories"]:
            console.print(f"   ▸ {sid}  {escape(_short(titles.get(sid, ''), 100))}")
    for story in rep["stories"]:
        story_block(console, story, rep, arts)
    if rep["errors"]:
        console.print("[bold red]Inputs that could not be read[/bold red]")
        for e in rep["errors"]:
            console.print(f"  {escape(e['path'])}: {escape(e['reason'])}")


def _span(story: dict[str, Any]) -> str:
    span = _date(story.get("first"))
    if story.get("last") and story.get("last") != story.get("first"):
        span += f" – {_date(story.get('last'))}"
    return span


def stories_list(console: Console, stories: list[dict[str, Any]], lines: list[dict[str, Any]]) -> None:
    """``storyline stories``: stories grouped by storyline, then the stories on their own."""
    by_id = {s["id"]: s for s in stories}

    def row(s: dict[str, Any], indent: str) -> None:
        n = len(s["articles"])
        console.print(
            f"{indent}[cyan]{s['id']}[/cyan]  {escape(s['title'])}  "
            f"[dim]{_span(s)}, {n} article{'s' * (n != 1)}[/dim]"
        )

    shown: set[str] = set()
    for line in lines:
        console.print(f"[bold]STORYLINE[/bold] [magenta]{line['id']}[/magenta]  {escape(line['title'])}")
        for sid in line["stories"]:
            if sid in by_id:
                row(by_id[sid], "   ▸ ")
                shown.add(sid)
    for s in stories:
        if s["id"] not in shown:
            row(s, "")


def story_block(console: Console, story: dict[str, Any], rep: dict[str, Any], arts: dict[str, Any]) -> None:
    console.print()
    span = _span(story)
    if story.get("storyline"):
        span += f", storyline {story['storyline']}"
    head = Text.assemble(
        ("STORY ", "bold"), (story["id"], "cyan"), f"  {story['title']}  ", (f"[{span}]", "dim")
    )
    console.print(head)
    for aid in story["articles"]:
        a = arts.get(aid)
        label = f"{a.get('source') or '?'}: {_short(a.get('title'), 70)}" if a else ""
        console.print(f"   · {aid}  {escape(label)}")
    sid = story["id"]
    for s in rep.get("summaries", []):
        if s["story"] == sid and s["sentences"]:
            console.print("  [bold]Summary[/bold]")
            for sent in s["sentences"]:
                cited = escape(f"[{', '.join(x[:8] for x in sent['articles'])}]")
                shown = with_speaker_note(sent["text"], sent.get("speaker"))
                console.print(f"    {escape(shown)} [dim]{cited}[/dim]")
    entries = [t for t in rep.get("timeline", []) if t["story"] == sid]
    if entries:
        console.print("  [bold]Timeline[/bold]")
        for t in entries:
            flag = " (announced)" if t.get("announced") else ""
            console.print(
                f"    {t['date']}{flag}  {escape(_short(t['text'], 100))} "
                + "[dim]"
                + escape(f"[{len(t['articles'])} art.]")
                + "[/dim]"
            )
    quotes = [q for q in rep.get("quotes", []) if q.get("story") == sid]
    if quotes:
        console.print("  [bold]Who said what[/bold]")
        for q in _key_quotes(quotes, _SHOWN_QUOTES):
            cues = [m.get("cue") for m in q["mentions"]]
            console.print("    " + quote_line(q.get("speaker"), q["text"], q["kind"], len(cues), cues, 90))
        if len(quotes) > _SHOWN_QUOTES:
            console.print(f"    [dim]… {len(quotes) - _SHOWN_QUOTES} more: storyline quotes[/dim]")
    for c in [c for c in rep.get("conflicts", []) if c["story"] == sid]:
        console.print(f"  [bold yellow]Conflict ({c['kind']})[/bold yellow] {escape(c['summary'])}")
