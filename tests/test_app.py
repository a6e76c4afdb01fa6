"""The Streamlit app driven through AppTest, against small real indexes built once per session."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.feedback import FeedbackStore
from healthqa.settings import Settings
from tests.support.kb import build_index

pytestmark = pytest.mark.slow

PROJECT = Path(__file__).resolve().parents[1]
APP = PROJECT / "app.py"
EDITOR = "pages/1_Editor.py"
TIMEOUT = 120  # the first run in a process loads the model

HOSTILE_MARKDOWN = """---
title: "Chilblains <script>alert('title')</script> [x](javascript:alert(1))"
url: "javascript:alert('url')"
source: "<b>Evil source</b>"
---
# Chilblains

Chilblains are small itchy red patches on the skin caused by cold <script>alert(2)</script>.
They often appear on the toes and fingers [click](javascript:alert(3)) <img src=x onerror=alert(4)>.

## Treatment

Chilblains usually heal on their own within two weeks when the skin is kept warm. $x$ :red[boom]
"""

NEW_ARTICLE = b"""---
title: Frostnip
url: https://example.org/health/frostnip
source: HealthQA test library
---
# Frostnip

Frostnip is a mild cold injury of the skin that comes before frostbite. The skin turns pale or
red and feels very cold, numb or tingly, but it does not freeze and leaves no lasting damage.

## Treatment

Frostnip is treated by gently rewarming the skin with body heat or warm, not hot, water.
"""


@pytest.fixture(scope="session")
def library(tmp_path_factory, embedder) -> Settings:
    hostile = tmp_path_factory.mktemp("hostile")
    (hostile / "chilblains.md").write_text(HOSTILE_MARKDOWN, encoding="utf-8")
    return build_index(tmp_path_factory.mktemp("library"), embedder, [hostile])


@pytest.fixture
def app(library: Settings, monkeypatch) -> AppTest:
    monkeypatch.setenv("HEALTHQA_DATA_DIR", str(library.data_dir))
    monkeypatch.setenv("HEALTHQA_INDEX", str(library.index_dir))
    monkeypatch.delenv("HEALTHQA_EDITOR_PASSWORD", raising=False)
    return AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()


def ask(at: AppTest, question: str) -> AppTest:
    return at.chat_input[0].set_value(question).run()


def last_answer(at: AppTest):
    return at.session_state["history"][-1].answer


def shown_texts(at: AppTest) -> Iterator[str]:
    """Every string the page shows that could carry markup."""
    for kind in ("markdown", "caption", "error", "warning", "info", "success", "subheader"):
        for element in getattr(at, kind):
            yield str(element.value)
    for expander in at.expander:
        yield str(expander.label)
    for button in at.button:
        yield str(button.label)


def link_targets(at: AppTest) -> list[str]:
    return [t for text in shown_texts(at) for t in re.findall(r"\]\(([^)\s]*)", text)]


def test_first_page_offers_starters_and_the_disclaimer(app: AppTest) -> None:
    assert not app.exception
    assert "not medical advice" in app.info[0].value
    starters = [b.label for b in app.button if b.key and b.key.startswith("starter-")]
    assert 1 <= len(starters) <= 4
    assert all(s.endswith("?") for s in starters)
    app.button(key="starter-0").click().run()
    assert app.session_state["history"][0].question == starters[0]


def test_an_answer_links_its_markers_to_expandable_sources(app: AppTest) -> None:
    ask(app, "What causes gout?")
    assert not app.exception
    answer = last_answer(app)
    assert not answer.abstained
    assert answer.citations
    assert set(link_targets(app)) <= {"#sources-0"} | {
        c.url for c in answer.citations if c.url
    }
    assert "#sources-0" in link_targets(app)
    labels = [e.label for e in app.expander]
    assert len(labels) == len(answer.citations)
    assert all("Gout" in label for label in labels[:1])
    highlighted = [m.value for m in app.markdown if ":yellow-background[" in m.value]
    assert highlighted


def test_an_abstention_offers_covered_topics_as_buttons(app: AppTest) -> None:
    ask(app, "How do I replace the gearbox oil in a 2009 diesel van?")
    answer = last_answer(app)
    assert answer.abstained
    suggestions = [b for b in app.button if b.key and b.key.startswith("suggest-0-")]
    assert [b.label for b in suggestions] == list(answer.suggestions)
    if suggestions:
        suggestions[0].click().run()
        assert app.session_state["history"][-1].question == answer.suggestions[0]


def test_an_emergency_comes_first_as_an_error(app: AppTest) -> None:
    ask(app, "My father has crushing chest pain and can't breathe, what do I do?")
    answer = last_answer(app)
    assert answer.safety is not None
    assert answer.safety.escalates
    reply = app.chat_message[-1]
    assert reply.error
    assert reply.error[0].value.replace("\\", "").startswith(answer.safety.message[:20])
    assert not reply.expander  # nothing competes with the escalation
    assert re.search(r"\d{3}", reply.error[0].value)  # a number to call


def test_a_follow_up_uses_the_conversation(app: AppTest) -> None:
    ask(app, "What is shingles?")
    ask(app, "Is it contagious?")
    assert len(app.session_state["history"]) == 2
    answer = last_answer(app)
    assert not answer.abstained
    assert any("Shingles" in c.title for c in answer.citations)


def test_new_conversation_clears_the_history(app: AppTest) -> None:
    ask(app, "What is shingles?")
    [new] = [b for b in app.sidebar.button if b.label == "New conversation"]
    new.click().run()
    assert app.session_state["history"] == []
    assert not app.chat_message


def test_feedback_is_stored_with_a_comment(app: AppTest, library: Settings) -> None:
    before = len(FeedbackStore(library.feedback_db).all())
    ask(app, "How is asthma treated?")
    app.feedback[0].set_value(0).run()
    app.text_input(key="comment-0").input("Too short").run()
    stored = FeedbackStore(library.feedback_db).all()
    assert len(stored) == before + 1
    entry = stored[-1]
    assert entry.question == "How is asthma treated?"
    assert entry.rating == "down"
    assert entry.comment == "Too short"
    assert entry.cited_doc_ids == tuple(c.doc_id for c in last_answer(app).citations)


@pytest.mark.parametrize("question", ["How can I prevent sunburn?", "What are chilblains?"])
def test_hostile_articles_are_shown_as_text(app: AppTest, question: str) -> None:
    ask(app, question)
    for expander in app.expander:
        expander.proto.expanded = True
    assert last_answer(app).citations
    for text in shown_texts(app):
        assert not re.search(r"(?<!\\)<", text), text
        assert not re.search(r"(?<!\\)javascript:", text, re.IGNORECASE), text
    for target in link_targets(app):
        assert target.startswith(("https://", "http://", "#sources-")), target


def test_without_an_index_the_chat_says_how_to_build_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HEALTHQA_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("HEALTHQA_INDEX", raising=False)
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "make run" in at.warning[0].value
    assert "healthqa ingest" in at.warning[0].value


def test_a_bad_setting_is_one_sentence(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HEALTHQA_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("HEALTHQA_TOP_K", "many")
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "HEALTHQA_TOP_K" in at.error[0].value


def test_the_editor_is_locked_without_a_password(app: AppTest) -> None:
    app.switch_page(EDITOR).run()
    assert not app.exception
    assert "disabled" in app.warning[0].value
    assert "HEALTHQA_EDITOR_PASSWORD" in app.warning[0].value
    assert not app.file_uploader


def test_an_uploaded_article_is_answered_without_a_restart(
    tmp_path_factory, embedder, monkeypatch
) -> None:
    settings = build_index(tmp_path_factory.mktemp("editable"), embedder, [])
    monkeypatch.setenv("HEALTHQA_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("HEALTHQA_INDEX", str(settings.index_dir))
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    ask(at, "How is frostnip treated?")
    assert last_answer(at).abstained

    at.secrets["editor_password"] = "correct horse"
    at.switch_page(EDITOR).run()
    # Form fields are sent with the form: set the field, then submit.
    at.text_input[0].input("wrong")
    at.button[0].click().run()
    assert "not right" in at.error[0].value
    at.text_input[0].input("correct horse")
    at.button[0].click().run()
    uploader = at.file_uploader[0]
    uploader.set_value(
        [
            ("frostnip.md", NEW_ARTICLE, "text/markdown"),
            ("notes.md", b"\x00\x01\x02binary", "text/markdown"),
        ]
    ).run()
    [ingest] = [b for b in at.button if b.label == "Ingest uploaded files"]
    ingest.click().run()
    assert not at.exception
    assert "1 added" in at.success[0].value
    results = at.dataframe[0].value
    assert "rejected" in " ".join(results["result"])
    assert (settings.data_dir / "uploads" / "frostnip.md").is_file()

    at.switch_page("app.py").run()
    ask(at, "How is frostnip treated?")
    answer = last_answer(at)
    assert not answer.abstained
    assert any(c.title == "Frostnip" for c in answer.citations)


def test_the_evaluation_page_offers_every_evaluation(app: AppTest) -> None:
    app.switch_page("pages/2_Evaluation.py").run()
    assert not app.exception
    buttons = {}
    for choice in app.radio[0].options:
        app.radio[0].set_value(choice).run()
        assert not app.exception
        buttons[choice] = [b.label for b in app.button]
    assert buttons["Retrieval benchmark"] == ["Run the retrieval benchmark"]
    assert buttons["Golden conversations"] == ["Run the golden conversations"]
    # Datasets are chosen from the shared folder, never typed as a server path.
    assert not app.text_input
