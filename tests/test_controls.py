"""Terminal control characters: removed from every field of an article at ingest, made visible
when an older index still holds some and the terminal prints them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.answer import Answer, Citation
from healthqa.cli.answer_cmds import render
from healthqa.text.controls import escape_controls, strip_controls
from ingest.cleaning import clean_article
from ingest.discover import SourceFile, load_source

CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CLEAR_SCREEN = "\x1b[2J\x1b[H"
LINK = "\x1b]8;;https://evil.example/\x1b\\Official NIH page\x1b]8;;\x1b\\"


def test_escape_sequences_go_whole_and_a_link_keeps_only_its_visible_text() -> None:
    title = f"Glimmerpox{CLEAR_SCREEN}\x1b[41;97m ALERT\x1b[0m {LINK}\x07"
    assert strip_controls(title) == "Glimmerpox ALERT Official NIH page"
    assert strip_controls("https://example.org/a\x1b]8;;https://evil.example/\x07") == (
        "https://example.org/a"
    )
    assert strip_controls("Source\x9b5mBLINK\x00") == "Source5mBLINK"  # 8-bit CSI: alone
    assert strip_controls("Plain title, unchanged.") == "Plain title, unchanged."


def test_body_text_keeps_its_lines_and_an_unterminated_sequence_stops_at_the_line() -> None:
    body = "Rest.\x1b]8;;https://evil.example/ never closed\nDrink fluids.\tSleep.\x07"
    assert strip_controls(body, keep_layout=True) == "Rest.\nDrink fluids.\tSleep."
    assert strip_controls(body) == "Rest.Drink fluids.Sleep."


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab [];\\\x1b\x07\x9b\x9c\x00\n\t"), max_size=60))
def test_no_control_is_left_but_layout_when_kept(text: str) -> None:
    assert not CONTROL.search(strip_controls(text))
    kept = strip_controls(text, keep_layout=True)
    assert not CONTROL.search(kept.replace("\n", "").replace("\t", ""))
    assert not CONTROL.search(escape_controls(text))


def test_articles_from_files_lose_their_controls_at_ingest(tmp_path: Path) -> None:
    (tmp_path / "shimmerpox.md").write_text(
        "---\n"
        'title: "Shimmerpox\\e[2J\\e[31m FAKE WARNING\\e[0m"\n'
        'url: "https://example.org/shimmer\\e]8;;https://evil.example/\\a"\n'
        'source: "Clinic\\e[5m"\n'
        'reviewed: "2024-01-02\\a"\n'
        "---\n"
        "## Signs\x1b[8m\n\nShimmerpox causes glittery spots.\x07\nIt\tfades in a week.\n",
        encoding="utf-8",
    )
    line = {
        "_id": "esc-1",
        "title": f"Glimmerpox{CLEAR_SCREEN}",
        "text": f"Glimmerpox is a rash that {LINK} shows.",
        "metadata": {"url": "https://example.org/g\x1b[2J", "source": "NIH\x1b[0m"},
    }
    (tmp_path / "corpus.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    articles = [
        clean_article(article)[0]
        for name in ("shimmerpox.md", "corpus.jsonl")
        for article in load_source(SourceFile(tmp_path / name, tmp_path, name)).articles
    ]
    shimmer, glimmer = articles
    assert (shimmer.title, shimmer.url, shimmer.source, shimmer.reviewed) == (
        "Shimmerpox FAKE WARNING",
        "https://example.org/shimmer",
        "Clinic",
        "2024-01-02",
    )
    assert [s.heading for s in shimmer.sections] == ["Signs"]
    assert shimmer.sections[0].text == "Shimmerpox causes glittery spots. It fades in a week."
    assert (glimmer.title, glimmer.url, glimmer.source) == (
        "Glimmerpox",
        "https://example.org/g",
        "NIH",
    )
    assert glimmer.sections[0].text == "Glimmerpox is a rash that Official NIH page shows."


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "//no-scheme.example.org",
        "see the leaflet",
    ],
)
def test_an_article_keeps_a_link_only_when_it_is_a_web_address(tmp_path: Path, url: str) -> None:
    (tmp_path / "frostbite.md").write_text(
        f'---\ntitle: Frostbite\nurl: "{url}"\n---\nFrostbite damages skin in the cold.\n',
        encoding="utf-8",
    )
    [article] = load_source(
        SourceFile(tmp_path / "frostbite.md", tmp_path, "frostbite.md")
    ).articles
    assert clean_article(article)[0].url is None


def test_an_answer_from_an_older_index_prints_its_controls_visibly() -> None:
    citation = Citation(
        n=1,
        chunk_id=0,
        doc_id="d",
        title=f"Glimmerpox{CLEAR_SCREEN}",
        section="Signs\x07",
        passage="Rash.",
        spans=(),
        url="https://example.org/\x1b]8;;https://evil.example/\x07",
    )
    answer = Answer(
        text=f"Glimmerpox is a rash{CLEAR_SCREEN} [1].\nRest.",
        citations=(citation,),
        abstained=False,
        safety=None,
        query="glimmerpox",
        suggestions=("Topic\x1b[5m",),
    )
    shown = render(answer)
    article_part = shown.replace(click.style(answer.disclaimer, dim=True), "")
    assert not CONTROL.search(article_part.replace("\n", ""))
    assert "Glimmerpox is a rash\\x1b[2J\\x1b[H [1].\nRest." in shown
    assert "\\x1b]8;;https://evil.example/\\x07" in shown
