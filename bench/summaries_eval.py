"""Citation grounding and redundancy of story summaries, on our fixtures and on the seed story.

    .venv/bin/python bench/summaries_eval.py

For every summary sentence and every article it cites:
  grounded (exact)   the article contains the sentence character for character, only whitespace and
                     quote glyphs unified (support.contains, the rule the summariser cites by);
  grounded (tokens)  the same on lower-cased word tokens (case and punctuation unified);
  missed citations   articles that contain the sentence exactly but are not cited;
  near copies        articles of the story holding a near-verbatim copy (≤2 differing words, none a
                     number, negation, name or date) that are, correctly, not cited.
Redundancy is the largest pairwise similarity between two sentences of one summary (content-word
overlap coefficient, and rapidfuzz token_set_ratio / 100), a claim and its denial, and two claims
of one conflict (the rival figures), excepted. Conflict coverage: for stories with a
denial conflict, whether the summary holds a denial sentence and an asserting sentence.
On the seeds the timeline checks of issue 5 are printed too (7 Feb talks cited by several articles,
8 Feb in Kyiv, 20 Feb end of the exercises, announced). No published anchor exists for these checks.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

from rapidfuzz import fuzz

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "analysis"
sys.path.insert(0, str(FIXTURES))
sys.path.insert(0, str(REPO / "bench"))

from load import load_cases  # noqa: E402

from storyline.analysis import build_timeline, find_conflicts, summarize  # noqa: E402
from storyline.analysis._text import content_words, norm_tokens, overlap  # noqa: E402
from storyline.analysis.denials import is_denial  # noqa: E402
from storyline.analysis.support import contains, nearly_contains  # noqa: E402
from storyline.records import Article, Conflict, Summary  # noqa: E402


def _verbatim(article: Article, sentence: str) -> bool:
    return " " + " ".join(norm_tokens(sentence)) + " " in " " + " ".join(norm_tokens(article.text)) + " "


def _sides_of_one_conflict(a: str, b: str, conflicts: Sequence[Conflict]) -> bool:
    def claimed(text: str, conflict: Conflict) -> bool:
        return any(claim.text.rstrip(" …") in text or text in claim.text for claim in conflict.claims)

    return any(claimed(a, c) and claimed(b, c) for c in conflicts)


class Tally:
    def __init__(self) -> None:
        self.pairs = self.strict = self.exact = self.missed = self.sentences = self.summaries = 0
        self.near_uncited = 0
        self.max_overlap = self.max_ratio = 0.0
        self.denial_stories = self.denial_covered = 0

    def add(self, summary: Summary, articles: Sequence[Article], conflicts: Sequence[Conflict]) -> None:
        arts = {a.id: a for a in articles}
        self.summaries += 1
        self.sentences += len(summary.sentences)
        for s in summary.sentences:
            for aid in s.articles:
                self.pairs += 1
                self.strict += _verbatim(arts[aid], s.text)
                self.exact += contains(arts[aid], s.text)
            uncited = [a for a in articles if a.id not in s.articles]
            self.missed += sum(contains(a, s.text) for a in uncited)
            self.near_uncited += sum(nearly_contains(a, s.text) for a in uncited)
        for a, b in combinations([s.text for s in summary.sentences], 2):
            if is_denial(a) != is_denial(b) or _sides_of_one_conflict(a, b, conflicts):
                continue  # a denial restates what it denies, a figure faces its rival, on purpose
            self.max_overlap = max(self.max_overlap, overlap(content_words(a), content_words(b)))
            self.max_ratio = max(self.max_ratio, fuzz.token_set_ratio(a, b) / 100)
        if any(c.kind == "denial" for c in conflicts):
            self.denial_stories += 1
            texts = [s.text for s in summary.sentences]
            self.denial_covered += any(is_denial(t) for t in texts) and any(
                not is_denial(t) for t in texts[1:]
            )

    def report(self, name: str) -> None:
        pairs = max(1, self.pairs)
        print(f"  {name}: {self.summaries} summaries, {self.sentences} sentences, {self.pairs} citations")
        print(f"    grounded (exact, cited rule)       {self.exact / pairs:.3f}")
        print(f"    grounded (word tokens)             {self.strict / pairs:.3f}")
        print(f"    missed citations                   {self.missed}")
        print(f"    near copies left uncited           {self.near_uncited}")
        print(f"    max pairwise overlap / token-set   {self.max_overlap:.2f} / {self.max_ratio:.2f}")
        if self.denial_stories:
            print(f"    denial stories covered             {self.denial_covered}/{self.denial_stories}")


def fixtures(path: Path) -> None:
    tally = Tally()
    for case in load_cases(path).values():
        conflicts = find_conflicts(case.story, case.articles, {}, [], [], times=case.times)
        tally.add(summarize(case.story, case.articles, [], conflicts, []), case.articles, conflicts)
    tally.report(path.name)


def seeds() -> None:
    import conflicts_seeds

    if not conflicts_seeds.available():
        print(f"  seeds: skipped: data not found at {conflicts_seeds.SEEDS}")
        return
    s = conflicts_seeds.load()
    t0 = time.perf_counter()
    conflicts = find_conflicts(s.story, s.articles, s.annotations, s.quotes, s.entities, times=s.times)
    summary = summarize(s.story, s.articles, s.quotes, conflicts, [])
    timeline = build_timeline(s.story, s.articles, s.times)
    elapsed = time.perf_counter() - t0
    tally = Tally()
    tally.add(summary, s.articles, conflicts)
    tally.report(f"seeds (story 000, 001, 003, 004; analysis {elapsed:.2f}s after NLP)")
    for sent in summary.sentences:
        print(f"      {sent.articles} {sent.text}")
    print("  seed timeline:")
    for e in timeline:
        print(f"      {e.date}{' (announced)' if e.announced else ''} {e.articles} {e.text}")
    checks = {
        "7 Feb talks cited by several articles": any(
            e.date == "2022-02-07" and len(e.articles) >= 2 and "talks" in e.text for e in timeline
        ),
        "8 Feb in Kyiv": any(
            e.date == "2022-02-08" and ("Kyiv" in e.text or "Kiev" in e.text) for e in timeline
        ),
        "20 Feb end of the exercises, announced": any(
            e.date == "2022-02-20" and "exercises" in e.text and e.announced for e in timeline
        ),
    }
    for name, ok in checks.items():
        print(f"  seed check: {name}: {'OK' if ok else 'MISSING'}")


def demo() -> None:
    """The demo corpus (storyline/demo/corpus), stories from its answer key, copies from storyline.copies."""
    import conflicts_demo

    from storyline.copies import find_copies
    from storyline.demo import corpus_path
    from storyline.nlp import collect_quotes, link_entities
    from storyline.records import Story

    corpus = corpus_path()
    if not (corpus / "MANIFEST.md").is_file():
        print(f"  demo: skipped: data not found at {corpus}")
        return
    key = conflicts_demo.answer_key(corpus)
    articles, times, annotations = conflicts_demo.load(corpus)
    copies = find_copies(articles)
    tally = Tally()
    for sid, members in key["stories"].items():
        story = Story(id=sid, title=sid, articles=tuple(members))
        arts = [a for a in articles if a.id in members]
        ann = {a.id: annotations[a.id] for a in arts}
        entities = link_entities(arts, ann)
        quotes = collect_quotes(arts, ann, entities, [story])
        conflicts = find_conflicts(story, arts, ann, quotes, entities, times=times)
        related = [g for g in copies if set(g.members) & set(members)]
        tally.add(summarize(story, arts, quotes, conflicts, related), arts, conflicts)
    tally.report("demo corpus (3 stories, answer-key partition)")


def main() -> int:
    print("summaries: citation grounding and redundancy (no published anchor; own fixtures and seeds)")
    for name in ("cases.json", "heldout.json", "heldout2.json"):
        fixtures(FIXTURES / name)
    demo()
    seeds()
    return 0


if __name__ == "__main__":
    sys.exit(main())
