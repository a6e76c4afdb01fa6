"""HealthQA chat: a question in, an answer from the vetted articles out, each claim linked to
its source.

Streamlit only renders here; answering lives in `assistant/`, everything the page decides in
`healthqa/web/`. Session state holds the conversation and the rendered history, nothing else.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from assistant.answer import DISCLAIMER, Answer
from assistant.feedback import Feedback, rating_from_thumbs
from assistant.feedback_postgres import open_feedback_store
from assistant.service import Assistant
from assistant.starters import pick_documents
from assistant.understanding.conversation import Conversation
from healthqa.firststart.status import (
    FirstStartStatus,
    background_progress,
    first_batch_progress,
    job_alive,
    read_status,
    status_path,
)
from healthqa.settings import Settings
from healthqa.web.answering import StreamlitAnswerView, answer_live
from healthqa.web.assistants import AssistantShelf
from healthqa.web.collection import DEMO_BANNER, Collection, collection_of
from healthqa.web.errors import callback_errors, shown_errors
from healthqa.web.help_links import help_markdown
from healthqa.web.progress import show_progress
from healthqa.web.rendering import (
    answer_body,
    answer_markdown,
    escape_markdown,
    highlighted_passage,
    inline,
    source_anchor,
    source_details,
    source_heading,
    source_labels,
    sources_anchor,
)
from healthqa.web.resources import (
    PAGE_ICON,
    assistant_shelf,
    cache_key,
    load_settings,
    start_loading_model,
)
from healthqa.web.starters import starter_questions
from index.location import current_generation

STARTER_COUNT = 4
# Progress is re-read this often; every poll is a small rerun of each open page, so not often.
POLL_SECONDS = 3
# A question asked just after a re-ingest waits this long for the new articles to be open (it
# takes a second or two) before the previous index answers it.
NEW_INDEX_PATIENCE_S = 20.0
USER_AVATAR = ":material/person:"
ASSISTANT_AVATAR = ":material/health_and_safety:"
CHAT_PLACEHOLDER = "Ask a health question"
# How many times the question limit the chat box takes (see chat_box_chars).
PASTE_ALLOWANCE = 10
CHAT_KEY = "question"
RELATED_HEADING = "The articles do cover these related topics:"
THANKS = "Thanks for your feedback."
COMMENT_SAVED = "Thanks, your comment was saved. You can edit it and press Enter again."
NO_ARTICLES = (
    "There are no articles to answer from yet. Add some: upload them on the **Editor** page, "
    "or run `make ingest ARTICLES=path/to/your/articles` (the same as "
    "`healthqa ingest PATH`), then reload this page. `make run` indexes a sample by itself "
    "when ../shared/data or a network is there."
)


@dataclass(frozen=True)
class Exchange:
    """One rendered question and answer, with the id of its stored rating once given."""

    question: str
    answer: Answer
    feedback_id: int | None = None


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


def start_new_conversation() -> None:
    st.session_state["conversation"] = Conversation()
    st.session_state["history"] = []
    for key in list(st.session_state):
        if str(key).startswith(("rating-", "comment-")):
            del st.session_state[key]


@callback_errors("saving your feedback")
def store_rating(turn: int, store_path: str) -> None:
    rating = rating_from_thumbs(st.session_state.get(f"rating-{turn}"))
    history: list[Exchange] = st.session_state["history"]
    exchange = history[turn]
    if rating is None:
        return
    store = open_feedback_store(store_path)
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


@callback_errors("saving your comment")
def store_comment(turn: int, store_path: str) -> None:
    exchange: Exchange = st.session_state["history"][turn]
    if exchange.feedback_id is not None:
        comment = str(st.session_state.get(f"comment-{turn}", ""))
        open_feedback_store(store_path).update(exchange.feedback_id, comment=comment)
        st.session_state[f"comment-saved-{turn}"] = bool(comment.strip())


def render_answer(answer: Answer, turn: int) -> str | None:
    """Draws one answer; returns a suggested question if its button was clicked."""
    if answer.safety is not None and answer.safety.escalates:
        # An emergency or a crisis comes first, and alone unless the question named no danger
        # and the articles answer it (Triage.answer_beside): then the answer follows the lines.
        st.error(help_markdown(answer.safety.message), icon=":material/emergency:")
        if not answer.citations:
            return None
    elif answer.safety is not None:
        st.warning(help_markdown(answer.safety.message), icon=":material/info:")
    st.markdown(answer_markdown(answer_body(answer), answer.citations, turn=turn))
    if answer.support:
        st.info(help_markdown(answer.support), icon=":material/support:")
    clicked = None
    if answer.abstained and answer.suggestions:
        st.markdown(f"**{RELATED_HEADING}**")
        for k, suggestion in enumerate(answer.suggestions):
            if st.button(inline(suggestion), key=f"suggest-{turn}-{k}", icon=":material/search:"):
                clicked = suggestion
    if answer.citations:
        st.subheader("Sources", anchor=sources_anchor(turn))
        for citation, label in zip(answer.citations, source_labels(answer.citations), strict=True):
            with st.expander(label):
                st.subheader(source_heading(citation), anchor=source_anchor(turn, citation.n))
                st.markdown(source_details(citation))
                st.markdown(highlighted_passage(citation.passage, citation.spans))
    return clicked


def render_feedback(turn: int, exchange: Exchange, store: Path | str) -> None:
    if exchange.answer.safety is not None and exchange.answer.safety.escalates:
        return
    columns = st.columns([1, 4], vertical_alignment="center")
    with columns[0]:
        st.feedback("thumbs", key=f"rating-{turn}", on_change=store_rating, args=(turn, str(store)))
    if exchange.feedback_id is not None:  # saved: thank, and offer a comment
        with columns[1]:
            saved = st.session_state.get(f"comment-saved-{turn}", False)
            st.caption(COMMENT_SAVED if saved else THANKS)
            st.text_input(
                "Comment (optional)",
                key=f"comment-{turn}",
                placeholder="What was good or missing? Press Enter to send.",
                label_visibility="collapsed",
                on_change=store_comment,
                args=(turn, str(store)),
            )


def render_sidebar() -> DeltaGenerator:
    """The navigation; returns the slot where the index's size goes once it is open."""
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
        return st.empty()


def show_index_size(slot: DeltaGenerator, settings: Settings, assistant: Assistant | None) -> None:
    if assistant is not None:
        stats = assistant.reader.stats()
        articles = "article" if stats.documents == 1 else "articles"
        passages = "passage" if stats.chunks == 1 else "passages"
        credits = " ".join(
            load_collection(cache_key(settings), stats.generation, assistant).credits
        )
        slot.caption(
            f"Searching {stats.documents:,} {articles} ({stats.chunks:,} {passages}). "
            f"Answers quote them only and show where each sentence comes from. {credits}"
        )


@st.cache_data(show_spinner=False, max_entries=4)
def load_collection(
    settings_key: str,  # noqa: ARG001 (part of the cache key)
    generation: int,  # noqa: ARG001 (part of the cache key)
    _assistant: Assistant,
) -> Collection:
    return collection_of(_assistant.reader.documents())


@st.fragment(run_every=POLL_SECONDS)
def first_articles_progress(index_dir: str, status_file: str) -> None:
    """Before the first generation: the job's progress; the whole page redraws once the chat
    can answer (or the job has stopped)."""
    status = read_status(Path(status_file))
    if current_generation(index_dir) is not None or status is None or not job_alive(status):
        st.rerun()
    show_progress(first_batch_progress(status, time.time()))


@st.fragment(run_every=2 * POLL_SECONDS)
def more_articles_progress(status_file: str) -> None:
    """While the chat answers from part of the sample: how much more is coming."""
    status = read_status(Path(status_file))
    if status is not None and job_alive(status):
        show_progress(background_progress(status, time.time()))


def chat_box_chars(settings: Settings) -> int:
    """What the chat box takes: a paste over its limit is dropped by the browser without a word,
    so it takes several times the question limit and the assistant refuses an overlong message
    with a sentence (after the triage has read its start); the bound keeps a pasted book out."""
    return PASTE_ALLOWANCE * settings.max_question_chars


def without_index(settings: Settings, status: FirstStartStatus | None) -> None:
    if status is not None and job_alive(status):
        first_articles_progress(str(settings.index_location), str(status_path(settings.data_dir)))
        # The same key as the live box: one chat box that becomes enabled, never two stacked.
        st.chat_input(
            "The chat opens as soon as the first articles are indexed",
            key=CHAT_KEY,
            max_chars=chat_box_chars(settings),
            disabled=True,
        )
        return
    st.warning(NO_ARTICLES, icon=":material/library_books:")
    if status is not None and status.state == "failed" and status.message:
        st.warning(inline(status.message), icon=":material/cloud_off:")


def chat(settings: Settings, index_size: DeltaGenerator) -> None:
    generation = current_generation(settings.index_location)
    status = read_status(status_path(settings.data_dir))
    if generation is None:
        without_index(settings, status)
        start_loading_model(settings)  # ready by the time the first articles are
        return
    if status is not None and job_alive(status):
        more_articles_progress(str(status_path(settings.data_dir)))

    conversation: Conversation = st.session_state.setdefault("conversation", Conversation())
    history: list[Exchange] = st.session_state.setdefault("history", [])
    store = settings.feedback_location  # opened only when a rating is given

    asked = None
    for turn, exchange in enumerate(history):
        with st.chat_message("user", avatar=USER_AVATAR):
            st.markdown(escape_markdown(exchange.question))
        with st.chat_message("assistant", avatar=ASSISTANT_AVATAR):
            asked = render_answer(exchange.answer, turn) or asked
            render_feedback(turn, exchange, store)

    # Read before drawing the starters: once a question is typed they are no longer offered.
    typed = st.chat_input(CHAT_PLACEHOLDER, key=CHAT_KEY, max_chars=chat_box_chars(settings))
    # The model and index load in the background from here; the chat box already works.
    shelf = assistant_shelf(settings)
    if not history and not typed:
        # Waiting, not polling: a waiting session costs the server nothing while the model loads.
        with st.spinner("Opening the article index…"):
            ready = shelf.wait(generation)
        if load_collection(cache_key(settings), ready.reader.generation, ready).demo:
            st.info(DEMO_BANNER, icon=":material/science:")
        starters = load_starters(cache_key(settings), ready.reader.generation, ready)
        if starters:
            st.markdown("**Try asking:**")
            for k, starter in enumerate(starters):
                if st.button(inline(starter), key=f"starter-{k}", icon=":material/chat:"):
                    asked = starter

    question = typed or asked
    if question:
        ask(
            question,
            shelf=shelf,
            generation=generation,
            conversation=conversation,
            history=history,
            store=store,
        )
    # Last: by now the index may be open.
    show_index_size(index_size, settings, shelf.ready(generation))


def ask(
    question: str,
    *,
    shelf: AssistantShelf,
    generation: int,
    conversation: Conversation,
    history: list[Exchange],
    store: Path | str,
) -> None:
    with st.chat_message("user", avatar=USER_AVATAR):
        st.markdown(escape_markdown(question))
    with st.chat_message("assistant", avatar=ASSISTANT_AVATAR):
        turn = len(history)
        answer: Answer | None = None
        with shown_errors("answering your question"):
            view = StreamlitAnswerView()
            answer = answer_live(
                lambda: shelf.wait(generation, patience_s=NEW_INDEX_PATIENCE_S),
                conversation,
                question,
                view,
            )
        if answer is None:
            return
        exchange = Exchange(question=question, answer=answer)
        history.append(exchange)
        render_answer(answer, turn)
        render_feedback(turn, exchange, store)


def main() -> None:
    st.set_page_config(page_title="HealthQA", page_icon=PAGE_ICON, layout="centered")
    st.title(":material/health_and_safety: HealthQA")
    st.caption("Answers to health questions from vetted articles, with the sources to check.")
    st.info(
        DISCLAIMER + " In an emergency, call your local emergency number.", icon=":material/info:"
    )
    index_size = render_sidebar()
    settings = None
    with shown_errors("opening the settings"):
        settings = load_settings()
    if settings is not None:
        with shown_errors("opening the chat"):
            chat(settings, index_size)


main()
