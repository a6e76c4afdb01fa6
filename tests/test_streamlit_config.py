"""The served app's Streamlit settings that protect visitors, read from the shipped file."""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"


def test_pages_are_compiled_without_magic() -> None:
    # Magic parses each page with ast.parse, whose recursion counter CPython 3.11 shares between
    # threads: a page switch while the model loads failed once in CI with "AST constructor
    # recursion depth mismatch".
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False


def test_usage_statistics_and_error_details_stay_off() -> None:
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["client"]["showErrorDetails"] == "none"
