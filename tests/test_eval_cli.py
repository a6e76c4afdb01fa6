"""`healthqa eval retrieval` end to end on a tiny BEIR dataset written here: the corpus goes through
the normal ingest path into the index, then the run file, JSON, report, --compare and
--fail-under all come out of one command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from healthqa.cli.main import healthqa
from healthqa.evaluation.beir import read_run_file, write_qrels

pytestmark = pytest.mark.slow

CORPUS = {
    "d-flu": (
        "Influenza",
        "Influenza is a contagious respiratory illness caused by influenza viruses. "
        "It causes fever, cough, sore throat and body aches. "
        "A yearly flu vaccine is the best way to prevent the flu.",
    ),
    "d-gout": (
        "Gout",
        "Gout is a form of arthritis caused by too much uric acid in the blood. "
        "Attacks bring sudden pain and swelling, often in the big toe.",
    ),
    "d-asthma": (
        "Asthma",
        "Asthma is a long-term disease of the airways in the lungs. "
        "Its symptoms are wheezing, coughing, chest tightness and shortness of breath.",
    ),
    "d-migraine": (
        "Migraine",
        "A migraine is a severe headache with throbbing pain on one side of the head. "
        "Common triggers include stress, lack of sleep, bright lights and some foods.",
    ),
    "d-anemia": (
        "Anemia",
        "Anemia means the blood has too few healthy red blood cells. "
        "People with anemia often feel tired and weak and may look pale.",
    ),
    "d-sunburn": (
        "Sunburn",
        "Sunburn is red, painful skin caused by too much ultraviolet light. "
        "Sunscreen, hats and shade help prevent it.",
    ),
}
QUERIES = {
    "q1": "how can I avoid catching the flu",
    "q2": "what sets off migraine headaches",
    "q3": "why am I always tired and pale",
    "q4": "wheezing and short of breath",
    "q5": "an unjudged question about sunburn",
}
QRELS = {
    "q1": {"d-flu": 3},
    "q2": {"d-migraine": 3, "d-flu": 1},
    "q3": {"d-anemia": 2},
    "q4": {"d-asthma": 3, "d-gout": 0},
}


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("bench") / "tiny"
    (root / "qrels").mkdir(parents=True)
    (root / "corpus.jsonl").write_text(
        "".join(
            json.dumps({"_id": doc_id, "title": title, "text": text}) + "\n"
            for doc_id, (title, text) in CORPUS.items()
        )
    )
    (root / "queries.jsonl").write_text(
        "".join(json.dumps({"_id": q, "text": t}) + "\n" for q, t in QUERIES.items())
    )
    write_qrels(root / "qrels" / "test.tsv", QRELS)
    return root


@pytest.fixture(scope="module")
def first_run(dataset, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(
        healthqa,
        [
            "eval",
            "retrieval",
            str(dataset),
            "--run-file",
            str(out / "run.trec"),
            "--json",
            str(out / "metrics.json"),
            "--report",
            str(out / "report"),
            "--fail-under",
            "P@1=0.5",
        ],
        env={"HEALTHQA_DATA_DIR": str(out / "data"), "HEALTHQA_INDEX": str(out / "data/index")},
        catch_exceptions=False,
    )
    return out, result


def test_the_corpus_is_indexed_and_every_judged_query_scored(first_run):
    out, result = first_run
    assert result.exit_code == 0, result.output
    assert (out / "data" / "eval-index" / "tiny").is_dir()
    run = read_run_file(out / "run.trec")
    assert set(run) == {"q1", "q2", "q3", "q4"}
    assert all(len({d for d, _ in ranked}) == len(ranked) for ranked in run.values())
    assert {d for ranked in run.values() for d, _ in ranked} <= set(CORPUS)
    metrics = json.loads((out / "metrics.json").read_text())["metrics"]
    assert metrics["queries"] == 4
    assert metrics["P@1"] >= 0.75
    assert (out / "report" / "report.html").is_file()
    assert (out / "report" / "plot.png").is_file()


def test_compare_prints_deltas_and_fail_under_exits_one(first_run, dataset):
    out, _ = first_run
    result = CliRunner().invoke(
        healthqa,
        [
            "eval",
            "retrieval",
            str(dataset),
            "--compare",
            str(out / "metrics.json"),
            "--fail-under",
            "nDCG@10=1.01",
        ],
        env={"HEALTHQA_DATA_DIR": str(out / "data"), "HEALTHQA_INDEX": str(out / "data/index")},
    )
    assert result.exit_code == 1
    assert "+0.0000" in result.output  # same index, same ranking
    assert "nDCG@10 is" in result.output
    assert "Built the evaluation index" not in result.output  # reused, not rebuilt


def test_the_installed_command_exits_1_under_a_threshold(first_run, dataset):
    """The entry point itself, as CI runs it: a missed --fail-under must fail the job."""
    out, _ = first_run
    process = subprocess.run(
        [sys.executable, "-m", "healthqa.cli.main", "eval", "retrieval", str(dataset),
         "--fail-under", "nDCG@10=1.01"],
        capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1], timeout=300,
        check=False,
        env={**os.environ, "HEALTHQA_DATA_DIR": str(out / "data"),
             "HEALTHQA_INDEX": str(out / "data/index")},
    )
    assert process.returncode == 1, process.stderr
    assert "nDCG@10 is" in process.stderr
