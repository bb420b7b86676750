"""Render a whole HTML page as plain text, the way a naive scraper saves it.

Everything visible in the markup is kept: menus, headers, footers, related links, cookie and
newsletter boxes, captions, comments. Paragraph-like blocks are separated by a blank line,
other blocks (div, li, tr, ...) start a new line, list items get a bullet. Only what is never
shown as text is dropped: <head>, scripts, styles, <noscript>, templates, SVG, iframes, HTML
comments.
"""

from __future__ import annotations

import re

_SKIP = "//head|//script|//style|//noscript|//template|//svg|//iframe|//object|//canvas|//comment()"
_PARAGRAPH = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "table",
        "ul",
        "ol",
        "dl",
        "hr",
    ]
)
_LINE = frozenset(
    [
        "address",
        "article",
        "aside",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dt",
        "fieldset",
        "footer",
        "form",
        "header",
        "hgroup",
        "li",
        "main",
        "nav",
        "option",
        "section",
        "summary",
        "tr",
        "td",
        "th",
        "caption",
        "legend",
        "menu",
        "center",
    ]
)
_SPACES = re.compile(r"[\s\u200b]+")
_BREAKS = re.compile(r"[ \x00\x01]*[\x00\x01][ \x00\x01]*")
_LINE_BREAK, _PARA_BREAK = "\x00", "\x01"


def render_page(html: str) -> str:
    """The full text of ``html``, one block per line, paragraphs separated by blank lines."""
    from lxml import etree
    from lxml import html as lhtml

    parser = lhtml.HTMLParser(encoding="utf-8", remove_comments=True)
    root = lhtml.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    for el in root.xpath(_SKIP):
        el.drop_tree()
    out: list[str] = []
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        sep = _PARA_BREAK if tag in _PARAGRAPH else _LINE_BREAK if tag in _LINE else ""
        if event == "start":
            out.append(sep + ("• " if tag == "li" else ""))
            out.append(_SPACES.sub(" ", el.text or ""))
        else:
            out.append(sep + _SPACES.sub(" ", el.tail or ""))
    return _tidy("".join(out))


def _tidy(text: str) -> str:
    """Turn runs of break markers into one line or paragraph break; drop empty bullets."""
    text = _BREAKS.sub(lambda m: "\n\n" if _PARA_BREAK in m.group() else "\n", text)
    lines = [line.strip() for line in text.split("\n")]
    kept = [line for line in lines if line != "•"]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip() + "\n"
