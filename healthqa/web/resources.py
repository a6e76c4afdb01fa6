"""Heavy objects built once per server process and shared by every page and session: the
embedding model (loading starts in a background thread on the first page view) and the assistant
of each index generation."""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import streamlit as st

from assistant.service import Assistant, build_assistant
from assistant.understanding import language
from healthqa.settings import Settings
from healthqa.web.assistants import AssistantShelf
from index.embedder import SentenceTransformerEmbedder

# A local file: a ":material/...:" page icon makes the browser fetch the favicon from Google.
PAGE_ICON = str(Path(__file__).resolve().parent / "assets" / "icon.png")


def load_settings() -> Settings:
    """Settings from the environment. In `.streamlit/secrets.toml`, root-level keys (such as
    HEALTHQA_EDITOR_PASSWORD) count as environment variables once the secrets are loaded, and
    `editor_password` is read as the editor password when the environment sets none."""
    has_secrets = st.secrets.load_if_toml_exists()
    settings = Settings.from_env()
    if settings.editor_password is None and has_secrets:
        secret = st.secrets.get("editor_password")
        if secret:
            settings = replace(settings, editor_password=str(secret))
    return settings


@st.cache_resource(show_spinner=False)
def _model(model: str, batch_size: int) -> Future[SentenceTransformerEmbedder]:
    loader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="healthqa-model")
    future = loader.submit(SentenceTransformerEmbedder, model, batch_size=batch_size)
    loader.shutdown(wait=False)
    return future


def start_loading_model(settings: Settings) -> None:
    """Starts loading the embedding model in the background; returns at once."""
    _model(settings.embedding_model, settings.embed_batch_size)


def load_embedder(settings: Settings) -> SentenceTransformerEmbedder:
    """The one embedding model of this process, shared by the chat, editor and evaluation
    (waits for it to finish loading)."""
    return _model(settings.embedding_model, settings.embed_batch_size).result()


@st.cache_resource(show_spinner=False)
def _shelf(settings_key: str, _settings: Settings) -> AssistantShelf:  # noqa: ARG001 (cache key)
    model = _model(_settings.embedding_model, _settings.embed_batch_size)

    def build() -> Assistant:
        assistant = build_assistant(_settings, embedder=model.result())
        # The speller's table of the index's words (~3 s on all of MedQuAD) is built here, in
        # the background, rather than on the first visitor's question.
        assistant.speller()
        language.warm_up()  # the language identifier's model (~3 s), for a declined question
        return assistant

    return AssistantShelf(build)


def assistant_shelf(settings: Settings) -> AssistantShelf:
    """The assistants of `settings`' index, one per generation, shared by every session."""
    return _shelf(cache_key(settings), settings)


def cache_key(settings: Settings) -> str:
    """Settings as a key of a process-wide cache: the repr leaves out secrets, so an index URL
    (which may hold a password) is added here; the key is never shown."""
    return f"{settings!r} index_url={settings.index_url!r}"
