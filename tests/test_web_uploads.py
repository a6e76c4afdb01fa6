"""Uploads are checked by size and content and never silently replace each other."""

from __future__ import annotations

from pathlib import Path

from healthqa.web.uploads import Choice, Upload, plan_uploads, safe_name, save_plan

ARTICLE = b"# Frostnip\n\nFrostnip is a mild cold injury of the skin.\n"
CHANGED = b"# Frostnip\n\nFrostnip is a mild cold injury that comes before frostbite.\n"
LIMIT = 1_000_000


def test_names_are_plain() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name(".hidden.md") == "hidden.md"
    assert safe_name("my notes (v2).md") == "my-notes-v2-.md"


def test_a_new_name_and_the_same_file_again_need_no_question(tmp_path: Path) -> None:
    plan = plan_uploads([Upload("frostnip.md", ARTICLE)], tmp_path, LIMIT)
    assert not plan.conflicts
    save_plan(plan, tmp_path, {})
    again = plan_uploads([Upload("frostnip.md", ARTICLE)], tmp_path, LIMIT)
    assert not again.conflicts
    assert [p.saved_as for p in again.ready] == ["frostnip.md"]


def test_a_different_file_with_a_taken_name_waits_for_a_choice(tmp_path: Path) -> None:
    (tmp_path / "frostnip.md").write_bytes(ARTICLE)
    plan = plan_uploads([Upload("frostnip.md", CHANGED)], tmp_path, LIMIT)
    assert [c.saved_as for c in plan.conflicts] == ["frostnip.md"]
    assert not plan.ready

    saved, notes = save_plan(plan, tmp_path, {})  # no choice made: nothing is replaced
    assert saved == []
    assert (tmp_path / "frostnip.md").read_bytes() == ARTICLE
    assert "earlier upload was kept" in notes[0]

    saved, notes = save_plan(plan, tmp_path, {"frostnip.md": Choice.KEEP_BOTH})
    assert saved == [tmp_path / "frostnip-2.md"]
    assert (tmp_path / "frostnip.md").read_bytes() == ARTICLE
    assert (tmp_path / "frostnip-2.md").read_bytes() == CHANGED
    assert "frostnip-2.md" in notes[0]

    saved, _ = save_plan(plan, tmp_path, {"frostnip.md": Choice.REPLACE})
    assert saved == [tmp_path / "frostnip.md"]
    assert (tmp_path / "frostnip.md").read_bytes() == CHANGED


def test_two_files_of_one_upload_with_one_name_are_both_kept(tmp_path: Path) -> None:
    plan = plan_uploads(
        [Upload("a/notes.md", ARTICLE), Upload("b/notes.md", CHANGED)], tmp_path, LIMIT
    )
    assert not plan.conflicts
    saved, notes = save_plan(plan, tmp_path, {})
    assert sorted(p.name for p in saved) == ["notes-2.md", "notes.md"]
    assert {p.read_bytes() for p in saved} == {ARTICLE, CHANGED}
    assert "notes-2.md" in notes[0]


def test_too_big_or_not_an_article_is_rejected(tmp_path: Path) -> None:
    plan = plan_uploads(
        [Upload("big.md", b"x" * 20), Upload("tool.exe", b"MZ\x90\x00")], tmp_path, 10
    )
    assert len(plan.rejected) == 2
    assert "limit" in plan.rejected[0]
    assert not plan.ready
    assert not list(tmp_path.iterdir())
