"""HealthQA chat: a question in, an answer from the vetted articles out, each claim linked to
its source.

Streamlit only renders here; answering lives in `assistant/`. Session state holds the conversation
and the rendered history, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st

from assistant.answer import DISCLAIMER, Answer
from assistant.feedback import Feedback, FeedbackStore, rating_from_thumbs
from assistant.service import Assistant, build_assistant
from assistant.starters import pick_documents, starter_questions
from assistant.understanding.conversation import Conversation
from healthqa.errors import HealthQAError, IndexNotBuilt
from healthqa.settings import Settings
from healthqa.web.rendering import (
    answer_body,
    answer_markdown,
    escape_markdown,
    highlighted_passage,
    source_details,
    source_label,
    sources_anchor,
)
from healthqa.web.resources import load_embedder, load_settings
from index.reader import current_generation

STARTER_COUNT = 4
USER_AVATAR = ":material/person:"
ASSISTANT_AVATAR = ":material/health_and_safety:"



@dataclass(frozen=True)
class Exchange:
    """One rendered question and answer, with the id of its stored rating once given."""

    question: str
    answer: Answer
    feedback_id: int | None = None


@st.cache_resource(show_spinner="Opening the article index…", max_entries=2)
def load_assistant(
    settings_key: str,  # noqa: ARG001 (part of the cache key)
    generation: int,  # noqa: ARG001 (part of the cache key)
    _settings: Settings,
) -> Assistant:
    """One assistant per index generation: a re-ingest publishes a new generation, and the next
    rerun opens it without a restart (the model stays loaded)."""
    embedder = load_embedder(_settings)
    return build_assistant(_settings, embedder=embedder)


@st.cache_data(show_spinner=False, max_entries=4)
def load_starters(
    settings_key: str,  # noqa: ARG001 (part of the cache key)
    generation: int,  # noqa: ARG001 (part of the cache key)
    _assistant: Assistant,
) -> list[str]:
    reader = _assistant.reader
    # Pick first so only a dozen documents' chunks are read, not the whole index.
    documents = pick_documents(reader.documents(), STARTER_COUNT * 3)
    headings = {
        d.doc_id: list(dict.fromkeys(s.chunk.section for s in reader.chunks_of(d.doc_id)))
        for d in documents
    }
    return starter_questions(documents, headings, count=STARTER_COUNT)


def current_assistant(settings: Settings) -> Assistant:
    generation = current_generation(settings.index_dir)
    if generation is None:
        raise IndexNotBuilt(f"No article index exists yet at {settings.index_dir}.")
    return load_assistant(repr(settings), generation, settings)


def start_new_conversation() -> None:
    st.session_state["conversation"] = Conversation()
    st.session_state["history"] = []
    for key in list(st.session_state):
        if str(key).startswith(("rating-", "comment-")):
            del st.session_state[key]


def store_rating(turn: int, store_path: str) -> None:
    rating = rating_from_thumbs(st.session_state.get(f"rating-{turn}"))
    history: list[Exchange] = st.session_state["history"]
    exchange = history[turn]
    store = FeedbackStore(Path(store_path))
    if rating is None:
        return
    if exchange.feedback_id is None:
        feedback_id = store.record(
            Feedback(
                question=exchange.question,
                answer=exchange.answer.text,
                cited_doc_ids=tuple(c.doc_id for c in exchange.answer.citations),
                rating=rating,
            )
        )
        history[turn] = replace(exchange, feedback_id=feedback_id)
    else:
        store.update(exchange.feedback_id, rating=rating)


def store_comment(turn: int, store_path: str) -> None:
    exchange: Exchange = st.session_state["history"][turn]
    if exchange.feedback_id is not None:
        comment = str(st.session_state.get(f"comment-{turn}", ""))
        FeedbackStore(Path(store_path)).update(exchange.feedback_id, comment=comment)


def render_answer(answer: Answer, turn: int) -> str | None:
    """Draws one answer; returns a suggested question if its button was clicked."""
    if answer.safety is not None and answer.safety.escalates:
        # An emergency comes first and alone: nothing may distract from the numbers to call.
        st.error(escape_markdown(answer.safety.message), icon="🚨")
        return None
    if answer.safety is not None:
        st.warning(escape_markdown(answer.safety.message), icon="⚠️")
    st.markdown(answer_markdown(answer_body(answer), answer.citations, turn=turn))
    clicked = None
    if answer.abstained and answer.suggestions:
        st.markdown("**The articles do cover these related topics:**")
        for k, suggestion in enumerate(answer.suggestions):
            if st.button(suggestion, key=f"suggest-{turn}-{k}", icon=":material/search:"):
                clicked = suggestion
    if answer.citations:
        st.subheader("Sources", anchor=sources_anchor(turn))
        for citation in answer.citations:
            with st.expander(source_label(citation)):
                st.markdown(source_details(citation))
                st.markdown(highlighted_passage(citation.passage, citation.spans))
    return clicked


def render_feedback(turn: int, exchange: Exchange, store: FeedbackStore) -> None:
    if exchange.answer.safety is not None and exchange.answer.safety.escalates:
        return
    columns = st.columns([1, 4], vertical_alignment="center")
    with columns[0]:
        st.feedback(
            "thumbs", key=f"rating-{turn}", on_change=store_rating, args=(turn, str(store.path))
        )
    if exchange.feedback_id is not None or st.session_state.get(f"rating-{turn}") is not None:
        with columns[1]:
            st.text_input(
                "Comment (optional)",
                key=f"comment-{turn}",
                placeholder="What was good or missing? Press Enter to send.",
                label_visibility="collapsed",
                on_change=store_comment,
                args=(turn, str(store.path)),
            )


def render_sidebar(assistant: Assistant | None) -> None:
    with st.sidebar:
        st.page_link("app.py", label="Chat", icon=":material/chat:")
        st.page_link("pages/1_Editor.py", label="Editor", icon=":material/edit_document:")
        st.page_link("pages/2_Evaluation.py", label="Evaluation", icon=":material/analytics:")
        st.divider()
        st.button(
            "New conversation",
            on_click=start_new_conversation,
            icon=":material/add_comment:",
            width="stretch",
        )
        if assistant is not None:
            stats = assistant.reader.stats()
            st.caption(f"Searching {stats.documents:,} articles ({stats.chunks:,} passages).")
        st.caption(
            "Answers quote vetted articles only and show where each sentence comes from. "
            "Sample articles from MedQuAD (Ben Abacha & Demner-Fushman, 2019; CC BY 4.0) "
            "are written by NIH institutes and the CDC."
        )


def main() -> None:
    st.set_page_config(
        page_title="HealthQA", page_icon=":material/health_and_safety:", layout="centered"
    )
    st.title(":material/health_and_safety: HealthQA")
    st.caption("Answers to health questions from vetted articles, with the sources to check.")
    st.info(DISCLAIMER + " In an emergency, call your local emergency number.", icon="ℹ️")

    try:
        settings = load_settings()
        assistant: Assistant | None = current_assistant(settings)
    except IndexNotBuilt:
        render_sidebar(None)
        st.warning(
            "There is no article index yet. Build one with `make run` (it indexes a sample), "
            "or `healthqa ingest PATH` for your own articles, then reload this page.",
            icon="📚",
        )
        return
    except HealthQAError as error:
        render_sidebar(None)
        st.error(str(error))
        return
    assert assistant is not None
    render_sidebar(assistant)

    conversation: Conversation = st.session_state.setdefault("conversation", Conversation())
    history: list[Exchange] = st.session_state.setdefault("history", [])
    store = FeedbackStore(settings.feedback_db)

    asked = None
    for turn, exchange in enumerate(history):
        with st.chat_message("user", avatar=USER_AVATAR):
            st.markdown(escape_markdown(exchange.question))
        with st.chat_message("assistant", avatar=ASSISTANT_AVATAR):
            asked = render_answer(exchange.answer, turn) or asked
            render_feedback(turn, exchange, store)

    # Read before drawing the starters: once a question is typed they are no longer offered.
    typed = st.chat_input("Ask a health question")
    if not history and not typed:
        starters = load_starters(repr(settings), assistant.reader.generation, assistant)
        if starters:
            st.markdown("**Try asking:**")
            for k, starter in enumerate(starters):
                if st.button(starter, key=f"starter-{k}", icon=":material/chat:"):
                    asked = starter

    question = typed or asked
    if not question:
        return
    with st.chat_message("user", avatar=USER_AVATAR):
        st.markdown(escape_markdown(question))
    with st.chat_message("assistant", avatar=ASSISTANT_AVATAR):
        turn = len(history)
        try:
            answer = stream_answer(assistant, conversation, question)
        except HealthQAError as error:
            st.error(str(error))
            return
        exchange = Exchange(question=question, answer=answer)
        history.append(exchange)
        render_answer(answer, turn)
        render_feedback(turn, exchange, store)


def stream_answer(assistant: Assistant, conversation: Conversation, question: str) -> Answer:
    """Streams the answer's text as it is produced, then clears it for the checked answer."""
    live = st.empty()
    with live.container():
        stream = assistant.stream(conversation, question)
        st.write_stream(escape_markdown(piece) for piece in stream.pieces)
    answer = stream.final()
    live.empty()
    return answer


main()
