"""Find quoted passages in text, for every quotation-mark style.

Handles straight and curly double quotes, guillemets, low-high German quotes, and single quotes
(curly or straight) while telling closing quotes from apostrophes ("Ukraine’s", "Clintons’").
A paragraph that opens a quote without closing it continues into the next paragraph when that one
also starts with an opening quote (the newspaper convention for multi-paragraph quotes).
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.text import paragraphs

_DOUBLE_OPEN = {"“": "”", "«": "»", "„": "“", '"': '"', "‹": "›"}
# closing marks accepted for each opening mark (sources mix straight and curly marks)
_DOUBLE_CLOSE = {"“": '”"', "«": "»", "„": "“”", '"': '"”', "‹": "›"}
_SINGLE_OPEN = {"‘": "’", "'": "'"}
_OPEN_CONTEXT = frozenset(" \t\n([{—–-/:;,")
_SENT_END = frozenset(".!?…")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted passage: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quoted passages of ``text`` in order; single quotes only outside double-quoted ones.

    Two apostrophes (''like this'', a newswire habit) count as one double mark.
    """
    marked = _twin_apostrophes(text) if "''" in text else text
    doubles = [_widen(text, marked, q) for q in _double_quotes(marked)]
    singles = [q for q in _single_quotes(marked) if not any(_inside(q, d) for d in doubles)]
    return sorted(doubles + singles, key=lambda q: q.start)


def _twin_apostrophes(text: str) -> str:
    """``text`` with each '' turned into a one-character double mark plus a space, same length:
    an opening '' becomes ' "', a closing one '" '."""
    chars = list(text)
    i = 0
    while i + 1 < len(text):
        if text[i] == "'" and text[i + 1] == "'" and (i + 2 >= len(text) or text[i + 2] != "'"):
            opening = (
                (i == 0 or text[i - 1] in _OPEN_CONTEXT) and i + 2 < len(text) and not text[i + 2].isspace()
            )
            chars[i], chars[i + 1] = (" ", '"') if opening else ('"', " ")
            i += 2
        else:
            i += 1
    return "".join(chars)


def _widen(text: str, marked: str, q: QuoteSpan) -> QuoteSpan:
    """Put both apostrophes of a '' mark back inside the span."""
    start, end = q.start, q.end
    if text[start] == "'" and start > 0 and text[start - 1] == "'" and marked[start - 1] == " ":
        start -= 1
    if q.closed and text[end - 1] == "'" and end < len(text) and text[end] == "'" and marked[end] == " ":
        end += 1
    return QuoteSpan(start, end, q.inner_start, q.inner_end, q.closed)


def _inside(q: QuoteSpan, outer: QuoteSpan) -> bool:
    return outer.start <= q.start and q.end <= outer.end


def _is_opener(text: str, i: int) -> bool:
    """A straight or curly mark at ``i`` opens a quote (start of text or after space/punctuation)."""
    before_ok = i == 0 or text[i - 1] in _OPEN_CONTEXT or text[i - 1] in _DOUBLE_OPEN
    after_ok = i + 1 < len(text) and not text[i + 1].isspace()
    return before_ok and after_ok


def _double_quotes(text: str) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    paras = list(paragraphs(text))
    open_at: int | None = None
    for n, (p_start, p_end) in enumerate(paras):
        i = p_start
        if open_at is not None:
            # continuation paragraph: skip its opening mark
            i += 1
        while i < p_end:
            ch = text[i]
            if open_at is None:
                if ch in _DOUBLE_OPEN and (ch not in '"“' or _is_opener(text, i)):
                    open_at = i
            elif ch in _DOUBLE_CLOSE[text[open_at]] and not (ch == "“" and _is_opener(text, i)):
                out.append(QuoteSpan(open_at, i + 1, open_at + 1, i))
                open_at = None
            elif ch in "“«„" and _is_opener(text, i):
                # a new quote opens while one is pending: close the pending one at its last sentence end
                out.append(_unclosed(text, open_at, i))
                open_at = i
            i += 1
        if open_at is not None and not _continues(text, paras, n):
            out.append(_unclosed(text, open_at, p_end))
            open_at = None
    return out


def _continues(text: str, paras: list[tuple[int, int]], n: int) -> bool:
    return n + 1 < len(paras) and text[paras[n + 1][0]] in _DOUBLE_OPEN


def _unclosed(text: str, start: int, limit: int) -> QuoteSpan:
    end = limit
    for j in range(limit - 1, start + 1, -1):
        if text[j] in _SENT_END and (j + 1 >= limit or text[j + 1].isspace()):
            end = j + 1
            break
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, start + 1, end, closed=False)


def _single_quotes(text: str) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for p_start, p_end in paragraphs(text):
        i = p_start
        while i < p_end:
            ch = text[i]
            if ch in _SINGLE_OPEN and _is_opener(text, i) and text[i + 1].isalnum():
                j = _single_close(text, i + 1, p_end, _SINGLE_OPEN[ch])
                if j is not None:
                    out.append(QuoteSpan(i, j + 1, i + 1, j))
                    i = j
            i += 1
    return out


def _single_close(text: str, i: int, limit: int, mark: str) -> int | None:
    """Index of the closing single quote after ``i``: a mark not followed by a letter (not an apostrophe)."""
    for j in range(i, limit):
        if text[j] == mark and not text[j - 1].isspace() and (j + 1 >= limit or not text[j + 1].isalpha()):
            return j
    return None
