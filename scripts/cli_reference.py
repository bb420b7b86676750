"""Print the CLI reference (docs/cli.md) generated from the commands' --help."""

from __future__ import annotations

import sys

import typer

from storyline.cli import app


def reference() -> str:
    cmd = typer.main.get_command(app)
    parts = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `scripts/cli_reference.py`; checked in tests.",
        "",
    ]
    ctx = cmd.make_context("storyline", [], resilient_parsing=True, max_content_width=100, terminal_width=100)
    parts += ["## storyline", "", "```", cmd.get_help(ctx).rstrip(), "```", ""]
    for name in sorted(cmd.commands):  # type: ignore[attr-defined]
        sub = cmd.commands[name]  # type: ignore[attr-defined]
        sctx = sub.make_context(
            name, [], parent=ctx, resilient_parsing=True, max_content_width=100, terminal_width=100
        )
        parts += [f"## storyline {name}", "", "```", sub.get_help(sctx).rstrip(), "```", ""]
        for sub_name in sorted(getattr(sub, "commands", {})):  # a command group: its commands too
            leaf = sub.commands[sub_name]
            lctx = leaf.make_context(
                sub_name, [], parent=sctx, resilient_parsing=True, max_content_width=100, terminal_width=100
            )
            parts += [f"## storyline {name} {sub_name}", "", "```", leaf.get_help(lctx).rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    sys.stdout.write(reference())
