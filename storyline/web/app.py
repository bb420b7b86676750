"""Routes. Every page has a ``.json`` twin; errors share one JSON shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from storyline.errors import NotFoundError, StorylineError
from storyline.records import to_dict
from storyline.report import article_dict, build_report
from storyline.store import Store
from storyline.text import with_speaker_note

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.filters["speaker_note"] = with_speaker_note


def build(db_path: str) -> FastAPI:
    app = FastAPI(title="storyline", docs_url=None, redoc_url=None)

    def store() -> Store:
        return Store(db_path, readonly=True)

    def page(request: Request, name: str, data: dict[str, Any], as_json: bool) -> Response:
        if as_json:
            return JSONResponse(data)
        return TEMPLATES.TemplateResponse(request, name, {"data": data, "db": db_path})

    @app.exception_handler(StorylineError)
    async def storyline_error(request: Request, exc: StorylineError) -> Response:
        status = 404 if isinstance(exc, NotFoundError) else 500
        body = {"ok": False, "status": status, "error": exc.message, "hint": exc.hint}
        if request.url.path.endswith(".json"):
            return JSONResponse(body, status_code=status)
        return TEMPLATES.TemplateResponse(
            request, "error.html", {"data": body, "db": db_path}, status_code=status
        )

    @app.get("/", response_class=HTMLResponse)
    @app.get("/index.json")
    def index(request: Request) -> Response:
        with store() as s:
            stories = [to_dict(x) for x in s.stories()]
            storylines = [to_dict(x) for x in s.derived("storyline")]
            n_articles = s.count("articles")
        data = {"ok": True, "articles": n_articles, "stories": stories, "storylines": storylines}
        by_id = {x["id"]: x for x in stories}
        in_lines = {sid for line in storylines for sid in line["stories"]}
        view = {
            "lines": [(line, [by_id[i] for i in line["stories"] if i in by_id]) for line in storylines],
            "others": [x for x in stories if x["id"] not in in_lines],
        }
        if not request.url.path.endswith(".json"):
            data = {**data, "view": view}
        return page(request, "index.html", data, request.url.path.endswith(".json"))

    @app.get("/stories/{story_id}.json")
    def story_json(request: Request, story_id: str) -> Response:
        return story_page(request, story_id, as_json=True)

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story_html(request: Request, story_id: str) -> Response:
        return story_page(request, story_id, as_json=False)

    def story_page(request: Request, story_id: str, as_json: bool) -> Response:
        with store() as s:
            st = s.story(story_id)
            rep = build_report(s, st.articles, ())
        rep["stories"] = [x for x in rep["stories"] if x["id"] == st.id]
        rep["story"] = rep["stories"][0]
        rep["ok"] = True
        return page(request, "story.html", rep, as_json)

    @app.get("/articles/{article_id}.json")
    def article_json(request: Request, article_id: str) -> Response:
        return article_page(request, article_id, as_json=True)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article_html(request: Request, article_id: str) -> Response:
        return article_page(request, article_id, as_json=False)

    def article_page(request: Request, article_id: str, as_json: bool) -> Response:
        with store() as s:
            a = s.article(article_id)
            ann = s.annotations([a.id])
            data = {"ok": True, "article": article_dict(a, ann[a.id][1] if a.id in ann else ())}
        return page(request, "article.html", data, as_json)

    @app.get("/quotes", response_class=HTMLResponse)
    @app.get("/quotes.json")
    def quotes(request: Request, speaker: str | None = None) -> Response:
        with store() as s:
            qs = s.derived("quote")
            titles = {x.id: x.title for x in s.stories()}
        if speaker:
            qs = [q for q in qs if q.speaker and speaker.casefold() in q.speaker.casefold()]
        data = {"ok": True, "speaker": speaker, "quotes": [to_dict(q) for q in qs], "titles": titles}
        return page(request, "quotes.html", data, request.url.path.endswith(".json"))

    @app.exception_handler(404)
    async def not_found(request: Request, exc: Exception) -> Response:
        body = {"ok": False, "status": 404, "error": "not found", "hint": None}
        return JSONResponse(body, status_code=404)

    return app
