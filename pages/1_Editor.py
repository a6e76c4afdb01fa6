"""Editors: upload articles, watch them being indexed, list, remove and re-ingest documents.

Locked unless a password is configured (st.secrets["editor_password"] or
HEALTHQA_EDITOR_PASSWORD); there is deliberately no default password.
"""

from __future__ import annotations

import hmac
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from healthqa.errors import HealthQAError
from healthqa.settings import Settings
from index.embedder import SentenceTransformerEmbedder
from index.reader import IndexReader, current_generation
from index.writer import IndexWriter
from ingest.discover import sniff_format
from ingest.pipeline import IngestReport, ingest_paths, manifest_for

PASSWORD_ENV = "HEALTHQA_EDITOR_PASSWORD"  # noqa: S105 (the variable's name, not a password)

# Wrapped exactly as in app.py, so the chat and this page share one loaded model.
load_embedder = st.cache_resource(show_spinner="Loading the language model…")(
    SentenceTransformerEmbedder
)


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


class ProgressBar:
    """An IngestProgress drawn with st.progress: reading files is the first 30 %, embedding
    chunks the rest."""

    def __init__(self) -> None:
        self._bar = st.progress(0.0, text="Starting…")
        self._files = 0
        self._loaded = 0
        self._queued = 0
        self._embedded = 0

    def files_found(self, count: int) -> None:
        self._files = count
        self._draw(f"Found {count} file(s)")

    def file_loaded(self, path: str, documents: int) -> None:
        self._loaded += 1
        self._draw(f"Read {Path(path).name} ({documents} document(s))")

    def chunks_queued(self, count: int) -> None:
        self._queued += count
        self._draw(f"Embedding {self._queued} passage(s)")

    def batch_embedded(self, count: int) -> None:
        self._embedded += count
        self._draw(f"Embedded {self._embedded} of {self._queued} passage(s)")

    def _draw(self, text: str) -> None:
        reading = self._loaded / self._files if self._files else 1.0
        embedding = self._embedded / self._queued if self._queued else 0.0
        self._bar.progress(min(1.0, 0.3 * reading + 0.7 * embedding), text=text)

    def done(self) -> None:
        self._bar.progress(1.0, text="Done")


def configured_password() -> str | None:
    try:
        secret = st.secrets.get("editor_password")
    except FileNotFoundError:  # no secrets.toml at all
        secret = None
    return str(secret) if secret else os.environ.get(PASSWORD_ENV) or None


def unlocked(password: str) -> bool:
    if st.session_state.get("editor_unlocked"):
        return True
    with st.form("login"):
        given = st.text_input("Editor password", type="password")
        submitted = st.form_submit_button("Unlock")
    if submitted:
        if hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8")):
            st.session_state["editor_unlocked"] = True
            return True
        st.error("That password is not right.")
    return False


def safe_name(filename: str) -> str:
    """A plain file name: no folders, no hidden files, only unremarkable characters."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(filename).name).strip(".-")
    return name or "upload"


def save_uploads(
    uploads: Sequence[Upload], folder: Path, limit: int
) -> tuple[list[Path], list[str]]:
    """Checks each upload by size and content, saves the good ones; returns paths and errors."""
    folder.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    errors: list[str] = []
    for upload in uploads:
        if len(upload.data) > limit:
            errors.append(
                f"{upload.name} is {len(upload.data) / 1e6:.1f} MB; "
                f"the limit is {limit / 1e6:.1f} MB."
            )
            continue
        try:
            sniff_format(upload.data, upload.name)
        except HealthQAError as error:
            errors.append(str(error))
            continue
        path = folder / safe_name(upload.name)
        path.write_bytes(upload.data)
        saved.append(path)
    return saved, errors


def report_rows(report: IngestReport, rejected: Sequence[str]) -> list[dict[str, str]]:
    rows = [{"document or file": d, "result": "added"} for d in report.added]
    rows += [{"document or file": d, "result": "updated"} for d in report.updated]
    rows += [{"document or file": d, "result": "unchanged"} for d in report.unchanged]
    rows += [{"document or file": f.path, "result": f"failed: {f.error}"} for f in report.failed]
    rows += [{"document or file": f.path, "result": f"skipped: {f.error}"} for f in report.skipped]
    rows += [{"document or file": "upload", "result": f"rejected: {e}"} for e in rejected]
    return rows


def run_ingest(paths: Sequence[Path], settings: Settings, rejected: Sequence[str] = ()) -> None:
    embedder = load_embedder(settings.embedding_model, batch_size=settings.embed_batch_size)
    progress = ProgressBar()
    try:
        report = ingest_paths(paths, settings=settings, embedder=embedder, progress=progress)
    except HealthQAError as error:
        st.error(str(error))
        return
    progress.done()
    st.success(
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed. "
        "The chat uses the new articles from its next question."
    )
    st.dataframe(report_rows(report, rejected), width="stretch", hide_index=True)


def upload_section(settings: Settings) -> None:
    st.subheader("Add articles")
    st.caption(
        "HTML, PDF, Markdown or text, and MedQuAD XML; up to "
        f"{settings.max_upload_bytes / 1e6:.0f} MB each. The type is checked from the content."
    )
    files = st.file_uploader("Articles", accept_multiple_files=True, key="uploads")
    if not st.button("Ingest uploaded files", type="primary", disabled=not files):
        return
    uploads = [Upload(name=f.name, data=f.getvalue()) for f in files or []]
    folder = settings.data_dir / "uploads"
    saved, rejected = save_uploads(uploads, folder, settings.max_upload_bytes)
    if not saved:
        st.error("Nothing to ingest: " + " ".join(rejected))
        return
    run_ingest(saved, settings, rejected)


def documents_section(settings: Settings) -> None:
    if current_generation(settings.index_dir) is None:
        st.info("The index is empty; add articles above.")
        return
    try:
        with IndexReader.open(settings.index_dir) as reader:
            documents = reader.documents()
            stats = reader.stats()
    except HealthQAError as error:
        st.error(str(error))
        return
    st.subheader("Index")
    columns = st.columns(4)
    columns[0].metric("Documents", f"{stats.documents:,}")
    columns[1].metric("Passages", f"{stats.chunks:,}")
    columns[2].metric("Size", f"{stats.bytes / 1e6:.1f} MB")
    columns[3].metric("Generation", stats.generation)
    st.caption(f"Embedding model: {stats.model}")

    st.subheader("Documents")
    st.dataframe(
        [
            {
                "title": d.title,
                "source": d.source or "",
                "version": d.version,
                "chunks": d.chunk_count,
                "last ingested": d.ingested_at,
                "id": d.doc_id,
            }
            for d in documents
        ],
        width="stretch",
        hide_index=True,
    )
    by_id = {d.doc_id: d for d in documents}
    st.selectbox(
        "Document to remove",
        options=list(by_id),
        format_func=lambda doc_id: f"{by_id[doc_id].title} ({doc_id})",
        index=None,
        key="remove_choice",
    )
    st.button("Remove document", on_click=remove_chosen_document, args=(settings,))
    if st.button("Re-ingest all"):
        paths = sorted({Path(d.path) for d in documents if d.path and Path(d.path).exists()})
        run_ingest(paths, settings)


def remove_chosen_document(settings: Settings) -> None:
    """A button callback, so the document table drawn after it is already up to date."""
    doc_id = st.session_state.get("remove_choice")
    if not doc_id:
        st.toast("Choose a document to remove first.")
        return
    embedder = load_embedder(settings.embedding_model, batch_size=settings.embed_batch_size)
    try:
        with IndexWriter.open(settings.index_dir, manifest_for(settings, embedder)) as writer:
            writer.remove(doc_id)
            writer.commit()
    except HealthQAError as error:
        st.toast(str(error))
        return
    st.session_state["remove_choice"] = None
    st.toast(f"Removed {doc_id}.")


def main() -> None:
    st.set_page_config(page_title="HealthQA · Editor", page_icon=":material/health_and_safety:")
    st.title("Editor")
    with st.sidebar:
        st.page_link("app.py", label="Back to the chat", icon=":material/chat:")
    password = configured_password()
    if password is None:
        st.warning(
            "Editing is disabled: no editor password is set. Set the environment variable "
            f"{PASSWORD_ENV}, or `editor_password` in .streamlit/secrets.toml, and reload.",
            icon="🔒",
        )
        return
    if not unlocked(password):
        return
    try:
        settings = Settings.from_env()
    except HealthQAError as error:
        st.error(str(error))
        return
    upload_section(settings)
    documents_section(settings)


main()
