"""Reports on disk (Markdown, escaped HTML, a PNG plot), comparison with an earlier run, and the
--fail-under gate."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

import pytest

from assistant.answer import Answer
from assistant.compose.citations import CitationCheck
from healthqa.errors import EvaluationError
from healthqa.evaluation.compare import (
    below_thresholds,
    compare,
    format_deltas,
    load_metrics,
    parse_threshold,
)
from healthqa.evaluation.golden import Check, Expectation, GoldenCase
from healthqa.evaluation.golden_report import CaseResult, GoldenReport, summarise
from healthqa.evaluation.report import summary_table, write_json, write_report
from healthqa.evaluation.retrieval_eval import evaluate_retriever

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Hit:
    doc_id: str
    score: float


class FixedRetriever:
    def retrieve(self, query, k=None):
        return [Hit("<d1>", 0.9), Hit("d2", 0.5)]


def _retrieval_report():
    return evaluate_retriever(
        FixedRetriever(),
        {"q1": "Is <b>gout</b> | painful?", "q2": "What & why?"},
        {"q1": {"<d1>": 2}, "q2": {"d2": 3, "d3": 2}},
        name="mini/test",
    )


def _golden_report():
    answer = Answer(text="Quoted. [1]", citations=(), abstained=False, safety=None, query="q")
    passed = CaseResult(
        case=GoldenCase(id="ok", turns=("q",), expect=Expectation(abstain=False)),
        checks=(Check("abstain", True, ""),),
        citations=CitationCheck(1, 1, 1, 1, ()),
        answer=answer,
        latency_ms=12.0,
    )
    failed = CaseResult(
        case=GoldenCase(id="<script>bad</script>", turns=("q",), expect=Expectation(facts=("x",))),
        checks=(Check("facts", False, "answer lacks ['x']"),),
        citations=CitationCheck(2, 1, 2, 1, ("[2] Made up.",)),
        answer=answer,
        latency_ms=30.0,
    )
    rows = (passed, failed)
    return GoldenReport(name="second-opinion", metrics=summarise(rows), rows=rows)


def test_golden_summary_pools_markers_and_rates_each_expectation_kind():
    report = _golden_report()
    assert report.metrics["pass_rate"] == 0.5
    assert report.metrics["abstain_pass_rate"] == 1.0
    assert report.metrics["facts_pass_rate"] == 0.0
    assert report.metrics["citation_precision"] == pytest.approx(2 / 3)
    assert [r.case.id for r in report.failures] == ["<script>bad</script>"]
    assert "citation does not resolve: [2] Made up." in report.failures[0].reasons


@pytest.mark.parametrize("make", [_retrieval_report, _golden_report])
def test_report_files_are_written_and_html_is_escaped(tmp_path, make):
    report = make()
    paths = write_report(report, tmp_path / "out")
    assert paths.plot.read_bytes().startswith(PNG_MAGIC)
    markdown = paths.markdown.read_text()
    page = paths.html.read_text()
    assert "| metric | value |" in markdown
    assert "<script>" not in page
    assert "<b>gout</b>" not in page
    assert "<d1>" not in page
    # The page carries the very plot inline, so it stands alone when downloaded.
    inline_plot = base64.b64encode(paths.plot.read_bytes()).decode("ascii")
    assert f'src="data:image/png;base64,{inline_plot}"' in page
    if report.kind == "retrieval":
        assert "&lt;b&gt;gout&lt;/b&gt;" in page
        assert "Is <b>gout</b> \\| painful?" in markdown  # a pipe would break the table
    else:
        assert "&lt;script&gt;bad&lt;/script&gt;" in page
    assert not list((tmp_path / "out").glob("*.partial*"))


def test_json_round_trips_through_compare(tmp_path):
    report = _retrieval_report()
    path = write_json(report, tmp_path / "metrics.json")
    data = json.loads(path.read_text())
    assert data["kind"] == "retrieval"
    assert [row["query_id"] for row in data["rows"]] == ["q1", "q2"]
    old = load_metrics(path)
    assert old == pytest.approx(dict(report.metrics))
    better = dict(report.metrics) | {"P@1": report.metrics["P@1"] + 0.25, "new_metric": 1.0}
    deltas = {d.metric: d for d in compare(better, old)}
    assert deltas["P@1"].change == pytest.approx(0.25)
    assert deltas["new_metric"].old is None
    table = format_deltas(list(deltas.values()))
    assert "+0.2500" in table


def test_load_metrics_explains_a_file_that_is_not_a_report(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"rows": []}')
    with pytest.raises(EvaluationError, match="no 'metrics'"):
        load_metrics(path)


def test_fail_under_gates_case_insensitively_and_refuses_unknown_metrics():
    values = {"nDCG@10": 0.61, "P@1": 0.8}
    assert below_thresholds(values, [parse_threshold("ndcg@10=0.6")]) == []
    [failure] = below_thresholds(values, [parse_threshold("nDCG@10=0.7")])
    assert failure.startswith("nDCG@10 is 0.6100, below 0.7")
    with pytest.raises(EvaluationError, match="does not have"):
        below_thresholds(values, [parse_threshold("MAP@5=0.1")])
    for bad in ("nDCG@10", "=0.5", "P@1=high"):
        with pytest.raises(EvaluationError):
            parse_threshold(bad)


def test_summary_table_has_a_row_per_run_and_dashes_for_missing_metrics():
    table = summary_table([("golden", {"pass_rate": 1.0}), ("test", {"P@1": 0.5, "queries": 3})])
    lines = table.splitlines()
    assert lines[0] == "| run | pass_rate | P@1 | queries |"
    assert lines[2] == "| golden | 1.000 | - | - |"
    assert lines[3] == "| test | - | 0.500 | 3 |"
