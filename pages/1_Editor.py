"""Editors: upload articles, watch them being indexed, list, remove and re-ingest documents.

Locked unless a password is configured (HEALTHQA_EDITOR_PASSWORD in the environment or at the
top of .streamlit/secrets.toml); there is deliberately no default password. Articles come only
from uploads or from where the indexed documents already live: no server path is typed here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from healthqa.settings import Settings
from healthqa.web.errors import callback_errors, shown_errors
from healthqa.web.login import unlocked
from healthqa.web.progress import ProgressBar
from healthqa.web.rendering import cell, inline
from healthqa.web.resources import PAGE_ICON, load_embedder, load_settings
from healthqa.web.uploads import Choice, Upload, UploadPlan, plan_uploads, save_plan
from index.documents import remove_documents
from index.location import current_generation, open_reader
from ingest.pipeline import IngestReport, ingest_paths

PLAN_KEY = "upload_plan"
CHOICES = {
    Choice.REPLACE: "Replace the earlier upload",
    Choice.KEEP_BOTH: "Keep both (save this one under a new name)",
    Choice.SKIP: "Skip this file",
}
LOCKED = (
    "Editing is disabled: no editor password is set. Set the environment variable "
    "HEALTHQA_EDITOR_PASSWORD and restart the app (`HEALTHQA_EDITOR_PASSWORD=... make run`), "
    "or put `HEALTHQA_EDITOR_PASSWORD = \"...\"` at the top of .streamlit/secrets.toml and reload."
)


def shown_name(name: str, root: Path | None) -> str:
    """A path inside `root` (the data folder) relative to it ("uploads/gout.md"): the server's
    own folders say nothing to an editor."""
    if root is not None and Path(name).is_absolute():
        try:
            return Path(name).relative_to(root).as_posix()
        except ValueError:
            return name
    return name


def report_rows(
    report: IngestReport, notes: Sequence[str], root: Path | None = None
) -> list[dict[str, str]]:
    """One row per document or file, named as `shown_name` names it."""

    def shown(name: str) -> str:
        return shown_name(name, root)

    rows = [{"document or file": shown(d), "result": "added"} for d in report.added]
    rows += [{"document or file": shown(d), "result": "updated"} for d in report.updated]
    rows += [{"document or file": shown(d), "result": "unchanged"} for d in report.unchanged]
    rows += [
        {"document or file": shown(f.path), "result": f"failed: {f.error}"} for f in report.failed
    ]
    rows += [
        {"document or file": shown(w.path), "result": f"warning: {w.warning}"}
        for w in report.warnings
    ]
    rows += [
        {"document or file": shown(f.path), "result": f"skipped: {f.error}"}
        for f in report.skipped
    ]
    rows += [{"document or file": "upload", "result": note} for note in notes]
    return [{key: cell(value) for key, value in row.items()} for row in rows]


def run_ingest(paths: Sequence[Path], settings: Settings, notes: Sequence[str] = ()) -> None:
    embedder = load_embedder(settings)
    progress = ProgressBar()
    report = ingest_paths(paths, settings=settings, embedder=embedder, progress=progress)
    progress.done()
    st.success(
        f"{len(report.added)} added, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged, {len(report.failed)} failed"
        f"{f', {len(report.warnings)} warnings' if report.warnings else ''}. "
        "The chat uses the new articles from its next question."
    )
    root = settings.data_dir.resolve()
    st.dataframe(report_rows(report, notes, root), width="stretch", hide_index=True)


def upload_section(settings: Settings) -> None:
    st.subheader("Add articles")
    html_bytes = min(settings.max_html_bytes, settings.max_upload_bytes)
    text_bytes = min(settings.max_text_bytes, settings.max_upload_bytes)
    st.caption(
        "HTML, PDF, Markdown or text, and MedQuAD XML; up to "
        f"{settings.max_upload_bytes / 2**20:.0f} MB each (HTML pages up to "
        f"{html_bytes / 2**20:.0f} MB, Markdown and text up to {text_bytes / 2**20:.0f} MB). "
        "The type is checked from the content."
    )
    folder = settings.data_dir / "uploads"
    files = st.file_uploader(
        "Articles", accept_multiple_files=True, key="uploads", on_change=forget_plan
    )
    pending: UploadPlan | None = st.session_state.get(PLAN_KEY)
    if pending is not None:
        choices = ask_about_conflicts(pending)
        if choices is not None:
            forget_plan()
            ingest_plan(pending, folder, settings, choices)
        return
    if not st.button("Ingest uploaded files", type="primary", disabled=not files):
        return
    uploads = [Upload(name=f.name, data=f.getvalue()) for f in files or []]
    plan = plan_uploads(uploads, folder, settings.max_upload_bytes)
    if plan.conflicts:
        st.session_state[PLAN_KEY] = plan
        st.rerun()
    ingest_plan(plan, folder, settings, {})


def forget_plan() -> None:
    st.session_state.pop(PLAN_KEY, None)


def ask_about_conflicts(plan: UploadPlan) -> dict[str, Choice] | None:
    """Asks, for each upload whose name holds a different earlier upload, what to do; returns
    the choices once the editor continues."""
    choices: dict[str, Choice] = {}
    for k, conflict in enumerate(plan.conflicts):
        st.warning(
            f"A different file named {inline(conflict.saved_as)} was uploaded before.",
            icon=":material/file_copy:",
        )
        choice = st.radio(
            f"What should happen to the new {inline(conflict.saved_as)}?",
            list(CHOICES),
            format_func=CHOICES.__getitem__,
            # A new question for every new file, so an earlier answer is never preselected.
            key=f"conflict-{k}-{hashlib.sha256(conflict.upload.data).hexdigest()[:16]}",
        )
        choices[conflict.saved_as] = choice or Choice.SKIP
    columns = st.columns(2)
    go = columns[0].button("Continue", type="primary")
    columns[1].button("Cancel", on_click=forget_plan)
    return choices if go else None


def ingest_plan(
    plan: UploadPlan, folder: Path, settings: Settings, choices: dict[str, Choice]
) -> None:
    saved, notes = save_plan(plan, folder, choices)
    notes = [f"rejected: {reason}" for reason in plan.rejected] + notes
    if not saved:
        st.error("Nothing to ingest. " + " ".join(inline(note) for note in notes))
        return
    run_ingest(saved, settings, notes)


def documents_section(settings: Settings) -> None:
    if current_generation(settings.index_location) is None:
        st.info("The index is empty; add articles above.")
        return
    with open_reader(settings.index_location) as reader:
        documents = reader.documents()
        stats = reader.stats()
    st.subheader("Index")
    columns = st.columns(4)
    columns[0].metric("Documents", f"{stats.documents:,}")
    columns[1].metric("Passages", f"{stats.chunks:,}")
    columns[2].metric("Size", f"{stats.bytes / 1e6:.1f} MB")
    columns[3].metric("Generation", stats.generation)
    st.caption(f"Embedding model: {inline(stats.model)}")

    st.subheader("Documents")
    st.dataframe(
        [
            {
                "title": cell(d.title),
                "source": cell(d.source),
                "version": d.version,
                "chunks": d.chunk_count,
                "last ingested": cell(d.ingested_at),
                "id": cell(shown_name(d.doc_id, settings.data_dir.resolve())),
            }
            for d in documents
        ],
        width="stretch",
        hide_index=True,
    )
    by_id = {d.doc_id: d for d in documents}
    st.session_state["document_titles"] = {d.doc_id: d.title for d in documents}
    st.selectbox(
        "Document to remove",
        options=list(by_id),
        format_func=lambda doc_id: cell(
            f"{by_id[doc_id].title} ({shown_name(doc_id, settings.data_dir.resolve())})"
        ),
        index=None,
        key="remove_choice",
    )
    # Removing is at once and cannot be undone: the editor says so first.
    chosen = st.session_state.get("remove_choice") is not None
    confirmed = st.checkbox(
        "Yes, remove it: its passages leave the index at once",
        key="remove_confirmed",
        disabled=not chosen,
    )
    st.button(
        "Remove document",
        on_click=remove_chosen_document,
        args=(settings,),
        disabled=not (chosen and confirmed),
    )
    if st.button("Re-ingest all"):
        # Only where indexed documents already live: the uploads and the configured folders.
        paths = sorted({Path(d.path) for d in documents if d.path and Path(d.path).exists()})
        run_ingest(paths, settings)


@callback_errors("removing the document")
def remove_chosen_document(settings: Settings) -> None:
    """A button callback, so the document table drawn after it is already up to date."""
    doc_id = st.session_state.get("remove_choice")
    if not doc_id:
        st.toast("Choose a document to remove first.")
        return
    titles: dict[str, str] = st.session_state.get("document_titles", {})
    if not st.session_state.get("remove_confirmed"):
        st.toast("Tick the box to confirm the removal first.")
        return
    remove_documents(settings.index_location, [doc_id])
    st.session_state["remove_choice"] = None
    st.session_state["remove_confirmed"] = False
    name = titles.get(doc_id) or shown_name(doc_id, settings.data_dir.resolve())
    st.toast(f"Removed {inline(name)}.")


def editor(settings: Settings) -> None:
    if settings.editor_password is None:
        st.warning(LOCKED, icon=":material/lock:")
        return
    if not unlocked(settings.editor_password):
        return
    with shown_errors("adding the articles"):
        upload_section(settings)
    with shown_errors("reading the index"):
        documents_section(settings)


def main() -> None:
    st.set_page_config(page_title="HealthQA · Editor", page_icon=PAGE_ICON)
    st.title("Editor")
    with st.sidebar:
        st.page_link("app.py", label="Back to the chat", icon=":material/chat:")
    settings = None
    with shown_errors("opening the settings"):
        settings = load_settings()
    if settings is not None:
        with shown_errors("opening the editor"):
            editor(settings)


main()
