"""Tunable parameters of story clustering and storyline linking, with their chosen defaults."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from storyline.stories.vectors import FieldWeights

__all__ = ["StoryParams", "time_decay"]


@dataclass(frozen=True, slots=True)
class StoryParams:
    """Thresholds and weights.

    ``threshold``: least article-to-story similarity (after time decay) to join a story.
    ``grace_days``/``decay_days``: an article within ``grace_days`` of a story's date range is not
    penalised; beyond that the similarity decays as ``exp(-(gap - grace) / decay_days)``.
    ``window_days``: stories further away in time are not even considered.
    ``near_days``/``near_bonus``: a dated article within ``near_days`` of a dated story's range gets
    ``near_bonus`` added to its similarity: reports of one event cluster in time, so closeness in
    time is evidence of its own (Miranda et al. 2018 feed the time gap to their model as a feature).
    Undated articles get no bonus, so they join on content alone.
    ``dissolve_upto``: after the split pass, each of the batch's stories of at most that many articles
    (smallest first) is taken out and its members placed again as if it had never existed: two
    early reports that founded a story together are otherwise held there by each other although
    each is above the threshold to the event's main story (``StoryIndex._dissolve_small``).
    ``refine_passes``: re-assignment passes over the articles of one batch (order independence).
    ``split_below``/``split_min``/``split_rounds``: after placing a batch, a story of new articles is
    bisected and split when its two halves (``split_min`` members or more each) have centroids less
    similar than ``split_below`` (two similar events joined early on), then re-assigned again; up to
    ``split_rounds`` times (``clusters.split_part``); the bisection is the best-fitting of
    ``split_restarts`` 2-means runs from different seeds (one seed alone often cuts a story of two
    events along the wrong line, leaving it whole). The split compares halves with ``split_weights``,
    which count the years articles name (two same-kind events years apart); the main similarity does
    not, because years mentioned in passing made it worse on SemEval-2022 (r 0.743 -> 0.666 en-en).
    ``candidate_terms``/``max_posting``/``max_candidates``: an article looks up stories through its
    ``candidate_terms`` heaviest terms (terms held by more than ``max_posting`` stories are skipped),
    ranks them by the weight of the shared terms and scores only the best ``max_candidates`` exactly,
    so placing an article costs the same in a store of 1,000 or 100,000 articles.
    ``storyline_*``: the lower tier that links stories (centroid to centroid) into storylines.
    """

    threshold: float = 0.26
    weights: FieldWeights = field(default_factory=FieldWeights)
    grace_days: float = 2.0
    decay_days: float = 3.0
    window_days: int = 21
    near_days: int = 1
    near_bonus: float = 0.06
    refine_passes: int = 2
    split_below: float = 0.55
    split_min: int = 3
    split_rounds: int = 3
    split_restarts: int = 6
    split_weights: FieldWeights = field(default_factory=lambda: FieldWeights(year=0.3))
    dissolve_upto: int = 4
    storyline_threshold: float = 0.22
    storyline_weights: FieldWeights = field(
        default_factory=lambda: FieldWeights(body=0.4, title=0.1, ent=0.5, num=0.0, lead=0.0, year=0.0)
    )
    storyline_window_days: int = 35
    candidate_terms: int = 30
    max_posting: int = 2000
    max_candidates: int = 50
    centroid_size: int = 400


def time_decay(gap_days: float | None, grace_days: float, decay_days: float) -> float:
    """Multiplier in (0, 1] for an article ``gap_days`` away from a story (None: undated, 1)."""
    if gap_days is None or gap_days <= grace_days:
        return 1.0
    return math.exp(-(gap_days - grace_days) / decay_days)
