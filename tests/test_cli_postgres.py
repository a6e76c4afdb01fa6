"""`healthqa ingest`, `index stats`, `docs list|remove` and `ask` with `--index postgresql://...`,
through click as a user runs them, against a real PostgreSQL server."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from healthqa.cli.main import healthqa
from healthqa.cli.options import settings_for
from index.location import open_reader
from tests.support.cli import run, run_json, write
from tests.support.postgres import fresh_database

pytestmark = pytest.mark.slow


def test_the_index_option_keeps_a_url_whole_and_a_folder_a_path(tmp_path, monkeypatch):
    monkeypatch.delenv("HEALTHQA_INDEX", raising=False)
    url = "postgresql://healthqa:secret@db.example.org:5432/healthqa"
    settings = settings_for(url)
    assert settings.index_location == url
    assert "secret" not in repr(settings)
    folder = settings_for(tmp_path / "index")
    assert folder.index_location == tmp_path / "index"
    assert folder.index_url is None


def test_ingest_reingest_prune_stats_docs_and_ask_on_postgres(tmp_path, pg_server):
    articles, index = tmp_path / "articles", fresh_database(pg_server)
    write(
        articles, {"asthma": "", "gout": "Uric acid crystals cause it. ", "anemia": "Iron helps. "}
    )

    first = run_json("ingest", str(articles), "--index", index)
    assert (first["added"], first["failed"], first["generation"]) == (3, [], 1)

    write(articles, {"asthma": "Wheezing is common. "})
    edited = run_json("ingest", str(articles), "--index", index)
    assert (edited["added"], edited["updated"], edited["unchanged"]) == (0, 1, 2)
    with open_reader(index) as reader:
        asthma = reader.document(str(articles / "asthma.md"))
        assert asthma is not None
        assert asthma.version == 2
        assert reader.lexical_search(["wheezing"], 3)

    answered = run("ask", "What causes gout?", "--index", index, "--json")
    assert answered.exit_code == 0, answered.output
    answer = json.loads(answered.stdout)
    assert not answer["abstained"]
    assert answer["citations"][0]["doc_id"].endswith("gout.md")

    write(articles, {"asthma": ""})  # back to the old text: "wheezing" must leave the index
    (articles / "gout.md").unlink()
    pruned = run_json("ingest", str(articles), "--index", index, "--prune")
    assert (pruned["updated"], pruned["removed"], pruned["unchanged"]) == (1, 1, 1)
    with open_reader(index) as reader:
        assert not reader.lexical_search(["wheezing"], 3)
        assert reader.document(str(articles / "gout.md")) is None

    stats = run_json("index", "stats", "--index", index)
    assert stats["documents"] == 2
    assert stats["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert isinstance(stats["bytes"], int)
    assert stats["bytes"] > 0

    listed = json.loads(run("docs", "list", "--index", index, "--json").stdout)
    ids = [str(articles / f"{topic}.md") for topic in ("anemia", "asthma")]
    assert sorted(d["doc_id"] for d in listed) == ids

    removed = run("docs", "remove", "anemia.md", "--index", index)
    assert removed.exit_code == 0, removed.output
    assert run_json("index", "stats", "--index", index)["documents"] == 1
    missing = run("docs", "remove", "anemia.md", "--index", index)
    assert missing.exit_code == 1
    assert "no document 'anemia.md'" in missing.output


def test_an_empty_database_says_there_is_no_index_yet(pg_server):
    index = fresh_database(pg_server)
    result = CliRunner().invoke(healthqa, ["index", "stats", "--index", index])
    assert result.exit_code != 0
    assert "There is no index in the database" in str(result.exception)
