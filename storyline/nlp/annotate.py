"""Per-article annotation: entity mentions and quote mentions with resolved speakers."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from storyline.nlp.attribution import find_attributions
from storyline.nlp.cues import Attribution
from storyline.nlp.entities import mentions, person_roles
from storyline.nlp.quotemarks import find_quotes
from storyline.nlp.spacy_model import doc_text
from storyline.nlp.speakers import SpeakerResolver, Subject
from storyline.records import Annotations, Article, EntityMention, QuoteMention
from storyline.text import mask_datelines

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_TERM_WORDS = 3
_RELATIVES = frozenset({"which", "who", "that"})


def annotate_doc(article: Article, doc: Doc) -> Annotations:
    """Annotations of ``article`` from its parsed text ``doc``."""
    ents = mentions(doc)
    resolver = SpeakerResolver(
        ents, text=doc_text(doc), sentences=[(s.start_char, s.end_char) for s in doc.sents]
    )
    people = [m for m in ents if m.type == "PERSON"]
    resolver.roles = [
        (pos, role, resolver.canonical_person(name)) for pos, role, name in person_roles(doc, people)
    ]
    for subject in _person_subjects(doc, people):
        resolver.add_subject(
            Subject(subject.pos, subject.sent_start, resolver.canonical_person(subject.person), subject.main)
        )
    for pos, name in _org_subjects(doc, ents):
        resolver.add_org_subject(pos, name)
    attributions = [a for a in find_attributions(doc) if a.statement]
    by_source = sorted(attributions, key=_source_pos)
    quotes = {id(a): _mention(doc, article, a, resolver) for a in by_source}
    ordered = [quotes[id(a)] for a in attributions]
    listed = _worth_listing(article.text, ordered)
    return Annotations(article=article.id, entities=tuple(ents), quotes=tuple(listed))


def _worth_listing(text: str, mentions: list[QuoteMention]) -> list[QuoteMention]:
    """Drop what a reader would not call a statement: reported speech or a partial quote whose cue has
    no speaker at all ("too reluctant to threaten sanctions", an imperative), a short term in single
    marks (the ‘Harbour Pact’ talks, British style for a name), and reported speech nested inside an
    attributed one when it has no speaker or the same speaker (its words are already listed; nested
    stance cues such as "told Halvik that Estrenia would seek compensation" are dropped earlier, by
    :func:`find_attributions`). The attribution benchmark scores :func:`find_attributions` itself,
    before this filter."""
    out = []
    for m in mentions:
        if m.kind != "direct" and m.speaker_text is None and m.cue != ":":
            continue
        if m.kind == "indirect" and m.speaker is None and (m.speaker_text or "").lower() in _RELATIVES:
            continue  # "countries which fear ...": a stance whose holder the listing cannot name
        if (
            m.kind == "partial"
            and text[m.start - 1 : m.start] in ("‘", "'")
            and len(m.text.split()) <= _TERM_WORDS
        ):
            continue
        if m.kind == "indirect" and any(
            o is not m
            and o.speaker_text is not None
            and o.start <= m.start
            and m.end <= o.end
            and (m.speaker is None or m.speaker == o.speaker)
            for o in mentions
        ):
            continue
        out.append(m)
    return out


def _source_pos(a: Attribution) -> int:
    if a.cue is not None and a.cue.source is not None:
        return a.cue.source[0]
    return a.start


def _person_subjects(doc: Doc, people: list[EntityMention]) -> list[Subject]:
    """People named as the subject of a clause, outside quotation marks."""
    spans = find_quotes(doc_text(doc))
    out: list[Subject] = []
    for m in people:
        if any(q.start <= m.start < q.end for q in spans):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ in ("conj", "appos") and root.head.dep_ in _SUBJECT_DEPS:
            root = root.head
        if root.dep_ in _SUBJECT_DEPS:
            out.append(Subject(m.start, span.sent.start_char, m.text, _is_main(root.head)))
    return out


def _org_subjects(doc: Doc, ents: list[EntityMention]) -> list[tuple[int, str]]:
    """Organisations and places named as the subject of a clause, outside quotation marks."""
    spans = find_quotes(doc_text(doc))
    out: list[tuple[int, str]] = []
    for m in ents:
        if m.type not in ("ORG", "GPE") or any(q.start <= m.start < q.end for q in spans):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in _SUBJECT_DEPS:
            out.append((m.start, m.text))
    return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _is_main(verb: Token) -> bool:
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _mention(doc: Doc, article: Article, a: Attribution, resolver: SpeakerResolver) -> QuoteMention:
    text = article.text
    speaker_text = speaker = None
    s_start = s_end = None
    parenthetical = a.cue is not None and a.start <= a.cue.start < a.end  # "X, he said, Y"
    if (
        a.cue is not None
        and a.cue.source is not None
        and (parenthetical or not _overlaps(a.cue.source, (a.start, a.end)))
    ):
        s_start, s_end = a.cue.source
        speaker_text = text[s_start:s_end]
        span = doc.char_span(s_start, s_end, alignment_mode="expand")
        sent_start = span.sent.start_char if span is not None else 0
        resolution = resolver.resolve(speaker_text, s_start, s_end, sent_start)
        speaker = resolution.name
        if speaker is not None and resolution.person and span is not None:
            resolver.add_subject(Subject(s_start, sent_start, speaker, _is_main(span.root.head)))
    return QuoteMention(
        article=article.id,
        start=a.start,
        end=a.end,
        text=text[a.start : a.end],
        kind=a.kind,
        speaker_text=speaker_text,
        speaker_start=s_start,
        speaker_end=s_end,
        speaker=speaker,
        cue=a.cue.text if a.cue is not None else None,
        addressee=a.cue.addressee if a.cue is not None else None,
    )


def annotate_all(articles: Sequence[Article], *, batch_size: int = 16) -> dict[str, Annotations]:
    """Annotations for many articles, parsed in batches; an exact reprint (same text) is parsed once
    and its annotations are reused under the reprint's id, so it costs nothing."""
    from storyline.nlp.spacy_model import load_nlp

    first_by_text: dict[str, Article] = {}
    unique: list[Article] = []
    for art in articles:
        if art.text not in first_by_text:
            first_by_text[art.text] = art
            unique.append(art)
    parsed: dict[str, Annotations] = {}
    docs = load_nlp().pipe((mask_datelines(a.text) for a in unique), batch_size=batch_size)
    for art, doc in zip(unique, docs, strict=True):
        parsed[art.id] = annotate_doc(art, doc)
    return {a.id: reuse(parsed[first_by_text[a.text].id], a.id) for a in articles}


def reuse(ann: Annotations, article_id: str) -> Annotations:
    """``ann`` of one article as the annotations of an exact reprint ``article_id``."""
    if ann.article == article_id:
        return ann
    quotes = tuple(dataclasses.replace(q, article=article_id) for q in ann.quotes)
    return Annotations(article=article_id, entities=ann.entities, quotes=quotes)
