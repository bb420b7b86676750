"""A local, read-only web UI over the store (FastAPI). Needs the ``web`` extra."""

from __future__ import annotations

from typing import Any

from storyline.errors import MissingExtraError


def create_app(db_path: str) -> Any:
    """The ASGI app for ``db_path`` (opened read-only)."""
    try:
        from storyline.web.app import build
    except ImportError as exc:  # fastapi or jinja2 missing
        raise MissingExtraError("web", exc.name or "fastapi") from exc
    return build(db_path)


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve the UI until interrupted."""
    app = create_app(db_path)
    try:
        import uvicorn
    except ImportError as exc:
        raise MissingExtraError("web", "uvicorn") from exc
    uvicorn.run(app, host=host, port=port, log_level="warning")
