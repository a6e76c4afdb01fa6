"""Heavy objects built once per server process and shared by every page and session."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from healthqa.settings import Settings
from index.embedder import SentenceTransformerEmbedder


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


@st.cache_resource(show_spinner="Loading the language model…")
def _embedder(model: str, batch_size: int) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(model, batch_size=batch_size)


def load_embedder(settings: Settings) -> SentenceTransformerEmbedder:
    """The one embedding model of this process, shared by the chat, editor and evaluation."""
    return _embedder(settings.embedding_model, settings.embed_batch_size)
