"""The shipped golden file through the real assistant on the golden index (the seed article and
~20 MedQuAD documents, built once per session): every case passes and every marker resolves."""

from __future__ import annotations

import pytest

from assistant.service import build_assistant
from healthqa.evaluation.golden import load_golden
from healthqa.evaluation.golden_run import run_golden
from healthqa.evaluation.indexes import GOLDEN_DIR, ensure_index, golden_paths
from healthqa.settings import Settings
from tests.support.known_failures import KNOWN_GOLDEN_FAILURES

GOLDEN_FILE = GOLDEN_DIR / "second-opinion.jsonl"
FOLLOW_UP_FILE = GOLDEN_DIR / "followups.jsonl"
# Issue 12's goal for the follow-up set. Its rules were written after reading its failures, so
# this guards against getting worse; it is not a held-out figure.
FOLLOW_UP_PASS_RATE = 0.9

pytestmark = [pytest.mark.shared_data, pytest.mark.slow]


@pytest.fixture(scope="session")
def golden_report(tmp_path_factory, shared_data, embedder):
    root = tmp_path_factory.mktemp("golden")
    settings = Settings(data_dir=root, index_dir=root / "eval-index" / "golden")
    assert ensure_index(golden_paths(GOLDEN_FILE, shared_data), settings, embedder)
    assistant = build_assistant(settings, embedder=embedder)
    return run_golden(assistant, load_golden(GOLDEN_FILE), name="second-opinion")


def test_every_golden_case_passes(golden_report):
    failures = [
        f"{row.case.id}: {'; '.join(row.reasons)}"
        for row in golden_report.failures
        if row.case.id not in KNOWN_GOLDEN_FAILURES
    ]
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "case_id",
    [
        pytest.param(case_id, marks=pytest.mark.xfail(reason=reason, strict=True))
        for case_id, reason in KNOWN_GOLDEN_FAILURES.items()
    ],
)
def test_known_failing_golden_case(golden_report, case_id):
    [row] = [row for row in golden_report.rows if row.case.id == case_id]
    assert not row.reasons, "; ".join(row.reasons)


def test_every_citation_marker_resolves(golden_report):
    assert golden_report.metrics["citation_precision"] == 1.0
    assert golden_report.metrics["citation_coverage"] > 0.9


def test_the_follow_up_set_passes_at_its_goal(tmp_path_factory, shared_data, embedder):
    root = tmp_path_factory.mktemp("followups")
    settings = Settings(data_dir=root, index_dir=root / "eval-index" / "followups")
    assert ensure_index(golden_paths(FOLLOW_UP_FILE, shared_data), settings, embedder)
    assistant = build_assistant(settings, embedder=embedder)
    report = run_golden(assistant, load_golden(FOLLOW_UP_FILE), name="followups")
    failures = "\n".join(f"{row.case.id}: {'; '.join(row.reasons)}" for row in report.failures)
    assert report.metrics["pass_rate"] >= FOLLOW_UP_PASS_RATE, failures
    assert report.metrics["citation_precision"] == 1.0
