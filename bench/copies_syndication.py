"""Syndication benchmark: ARI of copy groups on reprints generated from public article text.

    .venv/bin/python bench/copies_syndication.py [--split tune|test|both] [--seed 7]

Builds a labelled corpus at run time (see bench/copies_corpus.py): base articles, reprints of about
half of them (syndicated copies with other chrome and credit lines, truncated copies, updated
versions) and hard negatives. Scores storyline's CopyIndex and datasketch's plain MinHashLSH
(threshold 0.5, 128 permutations, the same 5-word shingles, connected components of the candidate
pairs) with the adjusted Rand index over articles (singletons are their own clusters), the
pairwise precision/recall, and the share of groups whose canonical is the generated original.
Anchors: NEWS-COPY (Silcock et al. 2022) MinHash ARI 0.737, neural bi-encoder + re-ranker 0.937.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations

from copies_corpus import DATA, Generated, bases, drop_overlapping, generate

from storyline.copies import find_copies
from storyline.copies.fingerprint import SHINGLE, tokenize
from storyline.records import Article, CopyGroup

ANCHORS = "NEWS-COPY anchors: MinHash 0.737, neural re-ranker 0.937 (aim)"


def datasketch_groups(articles: Sequence[Article], seed: int = 1) -> dict[str, str]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a in articles:
        tokens, _ = tokenize(a.text)
        grams = {" ".join(tokens[i : i + SHINGLE]).encode() for i in range(max(1, len(tokens) - SHINGLE + 1))}
        mh = MinHash(num_perm=128, seed=seed)
        mh.update_batch(list(grams))
        for other in lsh.query(mh):
            parent[find(other)] = find(a.id)
        lsh.insert(a.id, mh)
    return {a.id: find(a.id) for a in articles}


def labels_of(groups: Sequence[CopyGroup], articles: Sequence[Article]) -> dict[str, str]:
    found = {a.id: a.id for a in articles}
    for g in groups:
        for m in g.members:
            found[m] = g.id
    return found


def pairwise(gold: Mapping[str, str], pred: Mapping[str, str]) -> tuple[float, float]:
    def pairs(labels: Mapping[str, str]) -> set[tuple[str, str]]:
        by: dict[str, list[str]] = {}
        for k, v in labels.items():
            by.setdefault(v, []).append(k)
        return {tuple(sorted(p)) for ms in by.values() for p in combinations(ms, 2)}  # type: ignore[misc]

    g, p = pairs(gold), pairs(pred)
    return (len(g & p) / len(p) if p else 1.0), (len(g & p) / len(g) if g else 1.0)


def score(name: str, corpus: Generated, pred: Mapping[str, str], seconds: float) -> None:
    from sklearn.metrics import adjusted_rand_score

    ids = [a.id for a in corpus.articles]
    ari = adjusted_rand_score([corpus.gold[i] for i in ids], [pred[i] for i in ids])
    precision, recall = pairwise(corpus.gold, pred)
    print(f"  {name:<28} ARI {ari:.3f}   pair P {precision:.3f} R {recall:.3f}   {seconds:5.1f} s")


def canonical_accuracy(corpus: Generated, groups: Sequence[CopyGroup]) -> str:
    hits = total = 0
    for g in groups:
        clusters = {corpus.gold[m] for m in g.members}
        if len(clusters) == 1:
            total += 1
            hits += corpus.originals[clusters.pop()] == g.canonical
    return f"canonical = generated original in {hits}/{total} pure groups"


def kind_report(corpus: Generated, groups: Sequence[CopyGroup]) -> str:
    from storyline.copies.groups import classify

    agree = total = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for g in groups:
        members = set(g.members)
        _, kinds = classify([a for a in corpus.articles if a.id in members])
        for aid, kind in kinds.items():
            if aid in corpus.intended and corpus.originals.get(corpus.gold[aid]) == g.canonical:
                total += 1
                agree += corpus.intended[aid] == kind
                confusion[corpus.intended[aid], kind] += 1
    mistakes = ", ".join(f"{a}->{b} {n}" for (a, b), n in sorted(confusion.items()) if a != b)
    return f"member kind = generated kind for {agree}/{total} reprints (confusions: {mistakes or 'none'})"


def negatives_report(corpus: Generated, pred: Mapping[str, str]) -> str:
    """Hard negatives put in one copy group with an article of another gold cluster, per kind.

    Kinds: the generated negatives (quoting, rewrite, follow-up) and the ECB+ base articles (each
    ECB+ topic holds several reports of two similar events: same-topic non-copies).
    """
    golds: dict[str, set[str]] = {}
    for aid, cluster in pred.items():
        golds.setdefault(cluster, set()).add(corpus.gold[aid])
    kinds: dict[str, list[bool]] = {}
    for a in corpus.articles:
        if "#" in a.id:
            kind = a.id.rsplit("#", 1)[1]
            if re.fullmatch(r"r\d+", kind):
                continue  # a reprint
        elif a.id.startswith("ecb/"):
            kind = "ECB+ same-topic"
        else:
            continue
        kinds.setdefault(kind, []).append(len(golds[pred[a.id]]) > 1)
    parts = [f"{k} {sum(v)}/{len(v)}" for k, v in sorted(kinds.items())]
    return "hard negatives wrongly grouped: " + ", ".join(parts)


def run(split: str, seed: int) -> None:
    docs, pool = bases(split)
    docs, dropped = drop_overlapping(docs)
    corpus = generate(docs, pool, seed=seed)
    n_copies = len(corpus.intended)
    print(f"split {split}: {len(docs)} base articles ({dropped} overlapping ones dropped), ", end="")
    print(f"{n_copies} reprints, {len(corpus.articles)} articles, seed {seed}")
    start = time.perf_counter()
    groups = find_copies(corpus.articles)
    ours = labels_of(groups, corpus.articles)
    score("storyline CopyIndex", corpus, ours, time.perf_counter() - start)
    start = time.perf_counter()
    plain = datasketch_groups(corpus.articles)
    score("datasketch MinHashLSH(0.5)", corpus, plain, time.perf_counter() - start)
    print("  storyline  " + negatives_report(corpus, ours))
    print("  datasketch " + negatives_report(corpus, plain))
    print("  " + canonical_accuracy(corpus, groups))
    print("  " + kind_report(corpus, groups))
    print("  " + ANCHORS)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["tune", "test", "both"], default="both")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not (DATA / "polnear").is_dir():
        print(f"skipped: data not found at {DATA}")
        return 0
    for split in ["tune", "test"] if args.split == "both" else [args.split]:
        run(split, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
