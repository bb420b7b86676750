"""The public API stays small and explicit; importing storyline stays light."""

from __future__ import annotations

import subprocess
import sys

import storyline


def test_all_is_sorted_and_complete() -> None:
    assert storyline.__all__ == sorted(storyline.__all__)
    for name in storyline.__all__:
        assert hasattr(storyline, name), name


def test_import_is_light() -> None:
    code = "import sys, storyline; heavy = [m for m in ('spacy', 'onnxruntime', 'sklearn', 'trafilatura', 'torch') if m in sys.modules]; print(heavy)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
