"""Docs that cannot drift: the CLI reference, the README commands, the report keys."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _load_reference() -> str:
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return str(mod.reference())


def test_cli_reference_is_current() -> None:
    assert (ROOT / "docs" / "cli.md").read_text() == _load_reference(), (
        "docs/cli.md is stale: run .venv/bin/python scripts/cli_reference.py > docs/cli.md"
    )


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "bash scripts/check" in readme and "bash scripts/check" in ci
    assert "bash scripts/demo" in readme


def test_report_format_documents_every_contract_key() -> None:
    doc = (ROOT / "docs" / "report-format.md").read_text()
    for key in (
        "schema",
        "articles",
        "copies",
        "stories",
        "storylines",
        "entities",
        "quotes",
        "timeline",
        "conflicts",
        "summaries",
        "errors",
        "published_inferred",
        "dateline",
        "removed",
        "times",
    ):
        assert re.search(rf"`{key}`", doc), key
