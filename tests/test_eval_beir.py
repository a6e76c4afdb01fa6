"""BEIR files: qrels and TREC run files survive a round trip; a dataset folder loads or is
refused in words; retrieval results collapse to documents and score only judged queries."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from healthqa.errors import EvaluationError
from healthqa.evaluation.beir import (
    load_beir,
    read_qrels,
    read_run_file,
    write_qrels,
    write_run_file,
)
from healthqa.evaluation.retrieval_eval import evaluate_retriever, rank_documents

ids = st.text(alphabet="abcdefghij0123456789-_", min_size=1, max_size=12)


@given(st.dictionaries(ids, st.dictionaries(ids, st.integers(0, 3), min_size=1), max_size=6))
def test_qrels_round_trip(tmp_path_factory, qrels):
    path = tmp_path_factory.mktemp("qrels") / "test.tsv"
    write_qrels(path, qrels)
    assert read_qrels(path) == qrels
    assert path.read_text().splitlines()[0] == "query-id\tcorpus-id\tscore"


scores = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda x: round(x, 6))


@given(st.dictionaries(ids, st.lists(st.tuples(ids, scores), max_size=120), max_size=5))
def test_run_file_round_trip_keeps_rank_order_up_to_depth(tmp_path_factory, run):
    path = tmp_path_factory.mktemp("run") / "run.trec"
    write_run_file(path, run, tag="test")
    back = read_run_file(path)
    expected = {q: ranked[:100] for q, ranked in run.items() if ranked}
    assert back.keys() == expected.keys()
    for query_id, ranked in expected.items():
        assert [d for d, _ in back[query_id]] == [d for d, _ in ranked]
        assert [s for _, s in back[query_id]] == pytest.approx([s for _, s in ranked], abs=1e-6)


def test_run_file_lines_have_trec_columns(tmp_path):
    path = tmp_path / "run.trec"
    write_run_file(path, {"q1": [("d9", 0.5), ("d2", 0.25)]}, tag="hq")
    assert path.read_text().splitlines() == [
        "q1 Q0 d9 1 0.500000 hq",
        "q1 Q0 d2 2 0.250000 hq",
    ]


def test_a_tag_with_spaces_is_refused(tmp_path):
    with pytest.raises(EvaluationError, match="one word"):
        write_run_file(tmp_path / "run", {}, tag="two words")


def test_bad_qrels_line_is_named(tmp_path):
    path = tmp_path / "qrels.tsv"
    path.write_text("query-id\tcorpus-id\tscore\nq1\td1\tgood\n")
    with pytest.raises(EvaluationError, match="line 2"):
        read_qrels(path)


def _dataset(root, queries, qrels):
    (root / "qrels").mkdir(parents=True)
    (root / "corpus.jsonl").write_text('{"_id": "d1", "title": "t", "text": "x"}\n')
    (root / "queries.jsonl").write_text(
        "".join(json.dumps({"_id": q, "text": t}) + "\n" for q, t in queries.items())
    )
    write_qrels(root / "qrels" / "test.tsv", qrels)
    return load_beir(root)


def test_load_beir_reads_queries_and_names_missing_parts(tmp_path):
    dataset = _dataset(tmp_path / "mini", {"q1": "What is gout?"}, {"q1": {"d1": 2}})
    assert dataset.name == "mini"
    assert dataset.queries == {"q1": "What is gout?"}
    assert dataset.splits() == ("test",)
    with pytest.raises(EvaluationError, match="no split 'dev'"):
        dataset.qrels("dev")
    (tmp_path / "mini" / "queries.jsonl").unlink()
    with pytest.raises(EvaluationError, match=r"no queries\.jsonl"):
        load_beir(tmp_path / "mini")


@dataclass(frozen=True)
class Hit:
    doc_id: str
    score: float


class ListRetriever:
    """Answers each query with a fixed list of passages (several per document)."""

    def __init__(self, answers):
        self.answers = answers
        self.asked = []

    def retrieve(self, query, k=None):
        self.asked.append((query, k))
        return self.answers[query][:k]


def test_passages_collapse_to_documents_where_their_best_passage_ranks():
    hits = [Hit("d2", 0.9), Hit("d1", 0.8), Hit("d2", 0.7), Hit("d3", 0.6), Hit("d1", 0.5)]
    assert rank_documents(hits) == [("d2", 0.9), ("d1", 0.8), ("d3", 0.6)]


def test_only_judged_queries_are_run_and_scored():
    retriever = ListRetriever(
        {
            "judged question": [Hit("d2", 0.9), Hit("d2", 0.8), Hit("d1", 0.7)],
            "unjudged question": [Hit("d1", 1.0)],
        }
    )
    progress = []
    report = evaluate_retriever(
        retriever,
        {"q1": "judged question", "q2": "unjudged question"},
        {"q1": {"d1": 3, "d2": 1}},
        name="mini/test",
        progress=lambda done, total: progress.append((done, total)),
    )
    assert [q for q, _ in retriever.asked] == ["judged question"]
    assert retriever.asked[0][1] == 200  # a deep pool so documents below the top ten still rank
    assert [row.query_id for row in report.rows] == ["q1"]
    row = report.rows[0]
    assert row.doc_ids == ("d2", "d1")
    assert row.metrics["P@1"] == 0.0
    assert row.metrics["MRR@10"] == 0.5
    assert row.metrics["top1_grade"] == 1.0
    assert report.metrics["queries"] == 1.0
    assert report.metrics["latency_p95_ms"] >= report.metrics["latency_p50_ms"] >= 0
    assert progress == [(1, 1)]
    assert report.run == {"q1": (("d2", 0.9), ("d1", 0.7))}


def test_tied_documents_are_reported_in_the_order_trec_eval_scores():
    # trec_eval puts b before a (equal scores go by doc id, last first); the report's top
    # documents and run file show that order, so they agree with P@1 and top1_grade.
    retriever = ListRetriever({"question": [Hit("a", 0.5), Hit("b", 0.5), Hit("c", 0.1)]})
    report = evaluate_retriever(retriever, {"q1": "question"}, {"q1": {"a": 2}}, name="x")
    row = report.rows[0]
    assert row.doc_ids == ("b", "a", "c")
    assert (row.metrics["P@1"], row.metrics["MRR@10"], row.metrics["top1_grade"]) == (0, 0.5, 0)
    assert report.run == {"q1": (("b", 0.5), ("a", 0.5), ("c", 0.1))}


def test_a_judged_query_without_text_is_an_error():
    with pytest.raises(EvaluationError, match="no text"):
        evaluate_retriever(ListRetriever({}), {}, {"q9": {"d1": 2}}, name="x")
