"""Editors: upload articles, watch them being indexed, list, remove and re-ingest documents.

Locked unless a password is configured (HEALTHQA_EDITOR_PASSWORD in the environment or at the
top of .streamlit/secrets.toml); there is deliberately no default password.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from healthqa.errors import HealthQAError
from healthqa.settings import Settings
from healthqa.web.login import unlocked
from healthqa.web.progress import ProgressBar
from healthqa.web.resources import load_embedder, load_settings
from healthqa.web.uploads import Upload, save_uploads
from index.documents import remove_documents
from index.reader import IndexReader, current_generation
from ingest.pipeline import IngestReport, ingest_paths


def report_rows(report: IngestReport, rejected: Sequence[str]) -> list[dict[str, str]]:
    rows = [{"document or file": d, "result": "added"} for d in report.added]
    rows += [{"document or file": d, "result": "updated"} for d in report.updated]
    rows += [{"document or file": d, "result": "unchanged"} for d in report.unchanged]
    rows += [{"document or file": f.path, "result": f"failed: {f.error}"} for f in report.failed]
    rows += [{"document or file": f.path, "result": f"skipped: {f.error}"} for f in report.skipped]
    rows += [{"document or file": "upload", "result": f"rejected: {e}"} for e in rejected]
    return rows


def run_ingest(paths: Sequence[Path], settings: Settings, rejected: Sequence[str] = ()) -> None:
    embedder = load_embedder(settings)
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
    try:
        remove_documents(settings.index_dir, [doc_id])
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
    try:
        settings = load_settings()
    except HealthQAError as error:
        st.error(str(error))
        return
    if settings.editor_password is None:
        st.warning(
            "Editing is disabled: no editor password is set. Set the environment variable "
            "HEALTHQA_EDITOR_PASSWORD (or put it at the top of .streamlit/secrets.toml) and "
            "reload.",
            icon="🔒",
        )
        return
    if not unlocked(settings.editor_password):
        return
    upload_section(settings)
    documents_section(settings)


main()
