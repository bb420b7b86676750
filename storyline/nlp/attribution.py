"""Attributions from a dependency parse: who (source) said (cue) what (content).

Direct and partial quotes come from quotation marks (see :mod:`quotemarks`); each is attributed to
the speech verb whose clause holds it, else the nearest speech verb of its sentence. Reported speech
without marks comes from speech verbs with a clausal complement ("Peskov said the paper was wrong")
and from "according to X" adjuncts (:mod:`according`), object content ("criticized the plan") from
:mod:`objects`; cues without a speech verb ("appears to", "her claim that") come
from :mod:`stances`, and each cue's source and addressee from :mod:`cues`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.nlp.according import according_clause
from storyline.nlp.cues import (
    SUBJ_DEPS,
    Attribution,
    Cue,
    adjacent_subject,
    cue_subject,
    is_cue,
    is_negated,
    make_cue,
)
from storyline.nlp.frames import frame_cues, passive_cues, poll_openers
from storyline.nlp.labels import speaker_labels
from storyline.nlp.lexicon import APPEARANCE_VERBS, NON_SPEECH_CUES, WEAK_VERBS
from storyline.nlp.objects import object_span
from storyline.nlp.quotemarks import QuoteSpan, find_quotes
from storyline.nlp.spacy_model import doc_text
from storyline.nlp.spans import (
    MIN_CONTENT_TOKENS,
    listable,
    snap,
    span_chars,
    trim_end,
    without_trailing_aside,
)
from storyline.nlp.stances import MIN_CLAUSE_TOKENS, appearances, noun_cues
from storyline.nlp.tagged import merge_tagged
from storyline.records import QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from storyline.nlp.tagger import Tagging

_MIN_UNCUED_WORDS = 4
# words before a quoted term that make it a name, not speech ("so-called 'Finlandization'")
_NAMING_WORDS = frozenset(
    {"so-called", "called", "dubbed", "termed", "named", "titled", "entitled", "word", "term"}
)
_COMPLEMENT_DEPS = frozenset({"dobj", "prep", "xcomp", "oprd", "dative", "acomp", "attr", "ccomp"})


def find_attributions(
    doc: Doc, *, indirect: bool = True, tagging: Tagging | None = None
) -> list[Attribution]:
    """All attributions in ``doc``, ordered by position; merged with a trained tagger's spans of the
    same text when ``tagging`` is given (see :mod:`storyline.nlp.tagged`)."""
    quotes = find_quotes(doc_text(doc))
    in_quote = _quote_index(doc, quotes)
    cues = [t for t in doc if is_cue(t) and in_quote[t.i] < 0]
    direct = _attribute_quotes(doc, quotes, in_quote, cues)
    out = list(direct)
    if indirect:
        used = {a.cue.start: a for a in direct if a.cue is not None}
        out.extend(_reported(doc, cues, in_quote, used))
        out.extend(appearances(doc, in_quote))
        out.extend(noun_cues(doc, in_quote))
        out.extend(frame_cues(doc, in_quote, {a.cue.start for a in out if a.cue is not None}))
        out.extend(poll_openers(doc, in_quote))
        out.extend(passive_cues(doc, in_quote, {a.cue.start for a in out if a.cue is not None}))
        out = _without_nested_stances(doc, out)
    out = _with_labels(doc, quotes, out)
    if tagging is not None:
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        return merge_tagged(doc_text(doc), out, tagging, sentences)
    return sorted(out, key=lambda a: (a.start, a.end))


def _without_nested_stances(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """ "Lund said the voters wanted change": the voters' wanting is part of what Lund said, not an
    attribution of its own (a stance cue, or a cue with only an object as content, inside another
    attribution's content is dropped)."""
    out = []
    for a in found:
        if a.kind == "indirect" and a.cue is not None and a.cue.text != "according to":
            word = doc.char_span(a.cue.start, a.cue.end)
            lemma = word[0].lemma_.lower() if word is not None and len(word) else ""
            stance = lemma in NON_SPEECH_CUES or lemma in APPEARANCE_VERBS or lemma == "expect"
            if word is not None and len(word) and word[0].pos_ == "NOUN":
                stance = True  # a noun cue ("the claim that ...")
            if not stance and word is not None and len(word):  # "had reported the figures": an object
                stance = _clause_child(word[0]) is None and _host_clause(word[0]) is None
            if stance and any(
                o is not a
                and o.content_start <= a.cue.start < o.content_end
                and (o.cue is None or o.cue.start != a.cue.start)
                for o in found
            ):
                continue
        out.append(a)
    return out


def _with_labels(doc: Doc, quotes: list[QuoteSpan], found: list[Attribution]) -> list[Attribution]:
    """Add "Name: content" lines; the label replaces cue-less attributions inside the content (a
    non-statement such as "I think ..." stays beside it)."""
    text = doc_text(doc)
    out = list(found)
    for label in speaker_labels(doc, text):
        lo, hi = label.content
        if any(a.cue is not None and a.statement and lo <= a.content_start < hi for a in out):
            continue
        out = [a for a in out if a.cue is not None or not (lo <= a.content_start < hi)]
        cue = Cue(label.colon, label.colon + 1, ":", label.source)
        whole = next((q for q in quotes if q.start == lo and q.end >= hi - 1), None)
        if whole is not None:
            out.append(
                Attribution(
                    whole.inner_start, whole.inner_end, "direct", whole.start, whole.end, cue, label.named
                )
            )
        else:
            out.append(Attribution(lo, hi, "indirect", lo, hi, cue, label.named))
    return out


def _quote_index(doc: Doc, quotes: list[QuoteSpan]) -> list[int]:
    index = [-1] * len(doc)
    qi = 0
    for tok in doc:
        while qi < len(quotes) and quotes[qi].end <= tok.idx:
            qi += 1
        if qi < len(quotes) and quotes[qi].start <= tok.idx < quotes[qi].end:
            index[tok.i] = qi
    return index


# --------------------------------------------------------------------------- quoted passages


def _attribute_quotes(
    doc: Doc, quotes: list[QuoteSpan], in_quote: list[int], cues: list[Token]
) -> list[Attribution]:
    found: list[tuple[QuoteSpan, QuoteKind, Token | None]] = []
    tokens: list[list[Token]] = [[] for _ in quotes]
    for i, qi in enumerate(in_quote):
        if qi >= 0:
            tokens[qi].append(doc[i])
    for qi, q in enumerate(quotes):
        toks = tokens[qi]
        if not toks or q.inner_end <= q.inner_start:
            continue
        if _is_named_term(doc, toks[0]):
            continue
        kind = _quote_kind(doc, toks[0], in_quote)
        found.append((q, kind, _quote_cue(doc, toks, in_quote, cues)))
    found = _share_cues(doc_text(doc), found)
    out: list[Attribution] = []
    for q, kind, cue_tok in found:
        if cue_tok is None and (
            kind == "partial" or len(doc_text(doc)[q.inner_start : q.inner_end].split()) < _MIN_UNCUED_WORDS
        ):
            continue
        cue = make_cue(cue_tok) if cue_tok is not None else None
        c_start, c_end = (q.start, q.end)
        if kind == "partial" and cue_tok is not None:
            c_start, c_end = _partial_content(cue_tok, q)
        out.append(Attribution(q.inner_start, q.inner_end, kind, c_start, c_end, cue))
    return out


def _quote_kind(doc: Doc, first: Token, in_quote: list[int]) -> QuoteKind:
    """Direct when the quote starts a sentence or follows ':' ',' or a speech verb; partial otherwise."""
    j = first.i - 1
    while j >= 0 and (doc[j].is_space or (in_quote[j] == in_quote[first.i] and doc[j].is_punct)):
        j -= 1
    if j < 0:
        return "direct"
    prev = doc[j]
    if "\n" in doc_text(doc)[prev.idx + len(prev.text) : first.idx] or prev.text in (
        ":",
        ",",
        ".",
        "!",
        "?",
        "—",
    ):
        return "direct"
    if prev.is_sent_end or (first.is_sent_start and prev.is_punct):
        return "direct"
    if prev.lower_ in _NAMING_WORDS or _short_phrase(doc, first, in_quote):
        return "partial"
    speech = is_cue(prev) and prev.lower_ != "according" and prev.lemma_.lower() not in NON_SPEECH_CUES
    return "direct" if speech else "partial"


def _is_named_term(doc: Doc, first: Token) -> bool:
    j = first.i - 1
    while j >= 0 and (doc[j].is_space or doc[j].is_quote):
        j -= 1
    return j >= 0 and (doc[j].lower_ in _NAMING_WORDS or (doc[j].lower_ == "so" and doc[j + 1].lower_ == "-"))


def _short_phrase(doc: Doc, first: Token, in_quote: list[int]) -> bool:
    """A quoted one- or two-word phrase without sentence punctuation ("Ukraine-izing")."""
    toks = [t for t in doc[first.i : first.i + 6] if in_quote[t.i] == in_quote[first.i] and not t.is_quote]
    words = [t for t in toks if not t.is_punct]
    return len(words) <= 2 and not any(t.text in ".!?" for t in toks)


def _quote_cue(doc: Doc, toks: list[Token], in_quote: list[int], cues: list[Token]) -> Token | None:
    inner = [t for t in toks if not (t.is_quote or t.is_punct or t.is_space)] or toks
    first, last = inner[0], inner[-1]
    lo, hi = toks[0].sent.start, toks[-1].sent.end
    if doc_text(doc)[first.idx - 2 : first.idx].strip().endswith(":") and lo > 0:
        lo = doc[lo - 1].sent.start
    text = doc_text(doc)
    window = [c for c in cues if lo <= c.i < hi and "\n" not in _gap(text, c, first, last)]
    if not window:
        return None
    strong = [c for c in window if c.lemma_.lower() not in NON_SPEECH_CUES]
    window = strong or window
    inside = [c for c in window if c.left_edge.i <= first.i and last.i <= c.right_edge.i]
    if inside:
        return min(inside, key=lambda c: c.right_edge.i - c.left_edge.i)
    return min(window, key=lambda c: min(abs(c.i - first.i), abs(c.i - last.i)))


def _gap(text: str, cue: Token, first: Token, last: Token) -> str:
    """The text between a cue and the quote it may attribute."""
    if cue.i > last.i:
        return text[last.idx : cue.idx]
    return text[cue.idx : first.idx]


def _share_cues(
    text: str, found: list[tuple[QuoteSpan, QuoteKind, Token | None]]
) -> list[tuple[QuoteSpan, QuoteKind, Token | None]]:
    """A direct quote without a cue takes the cue of an adjacent quote in the same paragraph."""
    out = list(found)
    for n, (q, kind, cue) in enumerate(found):
        if cue is not None or kind != "direct":
            continue
        for m in (n - 1, n + 1):
            if 0 <= m < len(found) and found[m][2] is not None and _same_paragraph(text, q, found[m][0]):
                out[n] = (q, kind, found[m][2])
                break
        else:
            if n > 0 and out[n - 1][2] is not None and _continues_speech(text, out[n - 1][0], q):
                out[n] = (q, kind, out[n - 1][2])
    return out


def _continues_speech(text: str, prev: QuoteSpan, q: QuoteSpan) -> bool:
    """A paragraph that is only a quote, right after a paragraph ending in an attributed quote:
    the newspaper convention for the same speaker going on."""
    gap = text[prev.end : q.start]
    if gap.count("\n\n") != 1:
        return False
    tail = gap.split("\n\n")[0]
    para_end = text.find("\n\n", q.end)
    rest = text[q.end : para_end if para_end >= 0 else len(text)]
    return len(tail) < 60 and tail.rstrip().endswith((".", "!", "?")) and not rest.strip(" .,")


def _same_paragraph(text: str, a: QuoteSpan, b: QuoteSpan) -> bool:
    lo, hi = (a, b) if a.start < b.start else (b, a)
    return "\n\n" not in text[lo.end : hi.start]


def _partial_content(cue: Token, q: QuoteSpan) -> tuple[int, int]:
    """The reported clause around a partial quote; else the complements of the cue that hold it
    ("called both rivals “crazy”", "decried the party for “turning its back” on workers")."""
    clause = _clause_child(cue)
    if clause is not None and clause.i > cue.i:
        span = _cut_at_next_speaker(cue, cue.doc[clause.left_edge.i : _clause_right(cue, clause).i + 1])
        start, end = span_chars(span[0], span[-1]) if len(span) else (q.start, q.end)
    elif clause is not None:
        start, end = span_chars(clause.left_edge, trim_end(clause.right_edge))
    else:
        holder = _holder(cue, q)
        if holder is None:
            return q.start, q.end
        first = min((c for c in cue.rights if c.dep_ in _COMPLEMENT_DEPS), key=lambda c: c.i)
        start, end = span_chars(first.left_edge, trim_end(holder.right_edge))
    return min(start, q.start), max(end, q.end)


def _holder(cue: Token, q: QuoteSpan) -> Token | None:
    """The complement of ``cue`` (object, preposition, predicate) whose words hold the quote."""
    for child in cue.rights:
        if child.dep_ in _COMPLEMENT_DEPS:
            lo, hi = span_chars(child.left_edge, child.right_edge)
            if lo <= q.inner_start < hi:
                return child
    return None


# --------------------------------------------------------------------------- reported speech


def _reported(
    doc: Doc, cues: list[Token], in_quote: list[int], used: dict[int, Attribution]
) -> list[Attribution]:
    out: list[Attribution] = []
    for cue_tok in cues:
        quote = used.get(cue_tok.idx)
        statement = not (is_negated(cue_tok) or _first_person(cue_tok))
        span = according_clause(cue_tok) if cue_tok.lower_ == "according" else _clause_span(cue_tok, in_quote)
        if (
            span is not None
            and quote is not None
            and _holds(span, quote)
            and not _names_source(cue_tok, quote)
        ):
            continue  # the quote and its clause are one attribution
        if span is not None and any(in_quote[t.i] >= 0 for t in span):
            span = _before_quoted_conjunct(span, in_quote)
        if span is None:
            continue
        span = without_trailing_aside(span)
        statement = statement and listable(span)
        text = doc_text(doc)
        start, end = snap(text, *span_chars(span[0], span[-1]))
        while start < end and text[start].isspace():  # a blanked dateline opened the clause
            start += 1
        whole = _around_aside(cue_tok) if cue_tok.lower_ != "according" else None
        c_start, c_end = span_chars(whole[0], whole[-1]) if whole is not None else (start, end)
        out.append(Attribution(start, end, "indirect", c_start, c_end, make_cue(cue_tok), statement))
    return out


def _names_source(cue: Token, quote: Attribution) -> bool:
    """ "According to her ''harbour tax'' plan, ...": the quote is in the source, not the content."""
    lo, hi = span_chars(cue.left_edge, cue.right_edge)
    return cue.lower_ == "according" and lo <= quote.start and quote.end <= hi


def _holds(span: Span, quote: Attribution) -> bool:
    """The content ``span`` holds or touches the quote its cue reports; a quote elsewhere ("urged
    voters to “vote your conscience” and said he stood on principle", "citing ''the magic of the
    sea,'' said the port would grow") leaves the clause to report."""
    lo, hi = span_chars(span[0], span[-1])
    text = doc_text(span.doc)
    gap = text[hi : quote.content_start] if hi <= quote.content_start else text[quote.content_end : lo]
    return not gap.strip(" ,;:-—\n") or (quote.content_start < hi and lo < quote.content_end)


def _before_quoted_conjunct(span: Span, in_quote: list[int]) -> Span | None:
    """ "this was the first time he had heard of it and that he would never suggest “X”": the part
    before the conjunct holding a quote (the quote is attributed on its own); None if there is none."""
    doc = span.doc
    for tok in span:
        if tok.dep_ == "conj" and any(in_quote[t.i] >= 0 for t in tok.subtree):
            end = tok.left_edge.i
            while end > span.start and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "mark")):
                end -= 1
            rest = doc[span.start : end]
            if len(rest) >= MIN_CLAUSE_TOKENS and not any(in_quote[t.i] >= 0 for t in rest):
                return rest
            return None
    return None


def _first_person(cue: Token) -> bool:
    """ "we want to be more positive" outside quotation marks: the writer's voice, not a source."""
    subj = next((c for c in cue.children if c.dep_ in SUBJ_DEPS), None)
    return subj is not None and subj.lower_ in ("i", "we", "you")


def _clause_child(cue: Token) -> Token | None:
    """The reported clause: a clausal complement after the cue, else one before it ("X, he said")."""
    after = [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i]
    if after:
        return after[0]
    before = [c for c in cue.children if c.dep_ in ("ccomp", "parataxis") and c.i < cue.i]
    return before[-1] if before else None


def _clause_right(cue: Token, clause: Token) -> Token:
    """The clause's last token; the small model splits one clause into several complements
    ("moving towards de - escalating", "that troops massed ... would leave"): take them all."""
    right = clause.right_edge
    if clause.i > cue.i:
        for c in cue.children:
            if c.dep_ == "ccomp" and c.i > clause.i and not is_cue(c):
                right = max(right, c.right_edge, key=lambda t: t.i)
    return trim_end(right)


def _clause_span(cue: Token, in_quote: list[int]) -> Span | None:
    clause = _clause_child(cue)
    if clause is None:
        host = _host_clause(cue)
        if host is not None:
            return host
        return object_span(cue, in_quote)
    if cue.lemma_.lower() in WEAK_VERBS and not any(c.dep_ == "mark" for c in clause.children):
        return None
    if clause.i < cue.i:
        span = cue.doc[clause.left_edge.i : trim_end(clause.right_edge).i + 1]
        subj = cue_subject(cue)
        if subj is not None and subj.i < span.end and subj.i >= span.start:
            return None
    else:
        span = _cut_at_next_speaker(
            cue, cue.doc[max(clause.left_edge.i, cue.i + 1) : _clause_right(cue, clause).i + 1]
        )
    return span if len(span) >= MIN_CONTENT_TOKENS else None


def _around_aside(cue: Token) -> Span | None:
    """ "The museum, Voss said, would open in May", "At times, aides said, he fumed": a cue set off by
    commas inside its sentence reports the whole sentence (the aside included, as PolNeAR marks it)."""
    subj = next((c for c in cue.children if c.dep_ in SUBJ_DEPS), None)
    if subj is None:
        return None
    doc, sent = cue.doc, cue.sent
    lo, hi = min(subj.left_edge.i, cue.i), max(subj.right_edge.i, cue.i)
    if not (sent.start + 2 <= lo and hi + 3 < sent.end):
        return None
    if doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return None
    if any(t.is_quote for t in sent) or any(c.i > hi and not c.is_punct for c in cue.children):
        return None  # "..., Voss said, referring to ...": the cue goes on
    first = sent.start
    while first < lo and (doc[first].is_punct or doc[first].is_space):
        first += 1
    return doc[first : trim_end(sent[-1]).i + 1]


def _cut_at_next_speaker(cue: Token, span: Span) -> Span:
    """End the content before a further statement ("... and Westland announced", "... and warned",
    "..., arguing that"): it is an attribution of its own. The cue may sit just past the span."""
    for tok in cue.doc[span.start : min(span.end + 1, len(cue.doc))]:
        if (
            tok is cue
            or not is_cue(tok)
            or tok.lower_ == "according"
            or any(c.dep_ == "mark" for c in tok.children)
        ):
            continue  # "said X, but that he would not support Y": still what was said
        own = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if own is None and (
            tok.lemma_.lower() in NON_SPEECH_CUES
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        ):
            continue  # "asked the agency to explain": part of the statement
        first: Token | None
        if tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG" and own is None):
            first = own.left_edge if own is not None else tok  # "... and warned", "..., arguing that"
        elif own is None:
            first = adjacent_subject(tok)
        else:
            continue
        if first is None or first.i <= span.start:
            continue
        end = first.i
        while end > span.start and (cue.doc[end - 1].is_punct or cue.doc[end - 1].dep_ == "cc"):
            end -= 1
        return cue.doc[span.start : end]
    return span


def _host_clause(cue: Token) -> Span | None:
    """ "The museum, he said, would open in May": a parenthetical cue reports the clause around it."""
    if cue.dep_ != "parataxis" or cue.head is cue or not _subject_child(cue):
        return None
    doc, head = cue.doc, cue.head
    lo, hi = head.left_edge.i, trim_end(head.right_edge).i
    if cue.left_edge.i <= lo:
        lo = cue.right_edge.i + 1
        while lo < hi and doc[lo].is_punct:
            lo += 1
    elif cue.right_edge.i >= hi:
        hi = cue.left_edge.i - 1
        while hi > lo and doc[hi].is_punct:
            hi -= 1
    span = doc[lo : hi + 1]
    return span if len(span) >= MIN_CLAUSE_TOKENS else None


def _subject_child(tok: Token) -> bool:
    return any(c.dep_ in SUBJ_DEPS for c in tok.children)
