"""`healthqa chat` as a user types it: a slash command is a command, never a message to triage."""

from __future__ import annotations

from click.testing import CliRunner

from healthqa.cli.main import healthqa
from tests.support.cli import run_json, write


def test_commands_are_never_read_as_messages(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HEALTHQA_DATA_DIR", str(tmp_path / "data"))
    index = str(tmp_path / "data" / "index")
    write(tmp_path / "articles", {"gout": "Uric acid crystals cause it. "})
    assert run_json("ingest", str(tmp_path / "articles"), "--index", index)["added"] == 1

    typed = "/help\n/nonsense-command\n/New\nwhat causes gout?\n/quit now\nthis is never read\n"
    result = CliRunner().invoke(healthqa, ["chat", "--index", index], input=typed)

    assert result.exit_code == 0, result.output
    assert result.output.count("Commands: /new") == 2
    assert "(new conversation)" in result.output
    assert "Uric acid crystals cause it." in result.output
    # Mistyped commands got the crisis lines and the emergency call when read as chat.
    assert "988" not in result.output
    assert "911" not in result.output
