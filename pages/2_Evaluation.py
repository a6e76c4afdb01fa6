"""Evaluators: run the answer evaluation, the retrieval benchmark or the golden conversations
from the browser, read the metrics, sort and open per-question results, see the plot, download
the report.

The work is `evaluation/`'s; this page picks the inputs and draws the results.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import streamlit as st

from assistant.service import Assistant, build_assistant
from healthqa.evaluation.answers_eval import AnswersReport, read_questions, run_answers_eval
from healthqa.evaluation.beir import BeirDataset, load_beir
from healthqa.evaluation.golden import load_golden
from healthqa.evaluation.golden_report import GoldenReport
from healthqa.evaluation.golden_run import run_golden
from healthqa.evaluation.indexes import (
    GOLDEN_DIR,
    OUT_OF_SCOPE_FILE,
    default_eval_index,
    golden_index_name,
    golden_paths,
    index_is_empty,
)
from healthqa.evaluation.report import Report, metrics_table, rows_table, write_json, write_report
from healthqa.evaluation.retrieval_eval import RetrievalReport, run_retrieval_eval
from healthqa.settings import Settings
from healthqa.web.errors import shown_errors
from healthqa.web.evaluation import build_eval_index
from healthqa.web.login import unlocked
from healthqa.web.progress import ProgressBar
from healthqa.web.rendering import cell, escape_block, inline
from healthqa.web.resources import PAGE_ICON, load_embedder, load_settings

REPORT_KEY = "evaluation_report"
LOCKED = (
    "Evaluation is disabled: it shares the editor password, and none is set. Set the "
    "environment variable HEALTHQA_EDITOR_PASSWORD and restart the app "
    "(`HEALTHQA_EDITOR_PASSWORD=... make run`), or put `HEALTHQA_EDITOR_PASSWORD = \"...\"` at "
    "the top of .streamlit/secrets.toml and reload."
)


def open_assistant(
    settings: Settings, index_dir: Path, sources: Callable[[], list[Path]]
) -> Assistant:
    embedder = load_embedder(settings)
    scoped = settings.with_index(index_dir)
    if index_is_empty(index_dir):
        st.caption(f"Building the evaluation index at {inline(str(index_dir))} (once).")
        progress = ProgressBar()
        build_eval_index(sources(), scoped, embedder, progress)
        progress.done()
    return build_assistant(scoped, embedder=embedder)


def progress_callback(label: str) -> Callable[[int, int], None]:
    bar = st.progress(0.0, text=label)

    def report(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"{label}: {done}/{total}")

    return report


def dataset_choice(settings: Settings) -> tuple[BeirDataset, str] | None:
    """A BEIR dataset from the shared evaluation folder (never a path typed in the page)."""
    root = settings.shared_data / "eval"
    folders = sorted(p for p in root.glob("*") if (p / "corpus.jsonl").is_file())
    if not folders:
        st.info(
            f"No BEIR datasets in {inline(str(root))}; set HEALTHQA_SHARED_DATA to the shared "
            "data folder."
        )
        return None
    columns = st.columns(2)
    folder = columns[0].selectbox("Dataset", folders, format_func=lambda p: p.name)
    split = columns[1].selectbox("Split", ("test", "dev", "train"))
    if folder is None or split is None:
        return None
    return load_beir(folder), split


def retrieval_form(settings: Settings) -> Report | None:
    chosen = dataset_choice(settings)
    k = int(st.number_input("Cut-off k", min_value=1, max_value=100, value=10))
    if chosen is None or not st.button("Run the retrieval benchmark", type="primary"):
        return None
    dataset, split = chosen
    dataset.qrels(split)  # an unknown split fails before the model loads
    index_dir = default_eval_index(settings, dataset.name)
    assistant = open_assistant(settings, index_dir, lambda: [dataset.corpus_path])
    return run_retrieval_eval(
        assistant, dataset, split, k, progress=progress_callback(f"{dataset.name}/{split}")
    )


def answers_form(settings: Settings) -> Report | None:
    chosen = dataset_choice(settings)
    with_unanswerable = st.checkbox(
        f"Also ask the team's {OUT_OF_SCOPE_FILE.name} questions (abstention rate)", value=True
    )
    if chosen is None or not st.button("Run the answer evaluation", type="primary"):
        return None
    dataset, split = chosen
    dataset.qrels(split)
    index_dir = default_eval_index(settings, dataset.name)
    assistant = open_assistant(settings, index_dir, lambda: [dataset.corpus_path])
    unanswerable = read_questions(OUT_OF_SCOPE_FILE.read_text("utf-8")) if with_unanswerable else []
    return run_answers_eval(
        assistant,
        dataset,
        split,
        out_of_scope=unanswerable,
        progress=progress_callback(f"{dataset.name}/{split} answers"),
    )


def golden_form(settings: Settings) -> Report | None:
    files = sorted(GOLDEN_DIR.glob("*.jsonl"))
    chosen = st.selectbox("Golden file", files, format_func=lambda p: p.name)
    if chosen is None or not st.button("Run the golden conversations", type="primary"):
        return None
    cases = load_golden(chosen)
    index_dir = default_eval_index(settings, golden_index_name(chosen))
    assistant = open_assistant(
        settings, index_dir, lambda: golden_paths(chosen, settings.shared_data)
    )
    return run_golden(assistant, cases, name=chosen.stem, progress=progress_callback(chosen.stem))


FORMS = {
    "Answers (the whole assistant)": answers_form,
    "Retrieval benchmark": retrieval_form,
    "Golden conversations": golden_form,
}


def show_report(report: Report) -> None:
    st.subheader(f"{report.kind.capitalize()} evaluation: {report.name}")
    header, rows = metrics_table(report.metrics)
    st.dataframe(table(header, rows), hide_index=True)

    with tempfile.TemporaryDirectory() as scratch:
        paths = write_report(report, Path(scratch))
        json_path = write_json(report, Path(scratch) / "report.json")
        st.image(paths.plot.read_bytes())
        downloads = st.columns(3)
        downloads[0].download_button(
            "Report (HTML)", paths.html.read_bytes(), "report.html", "text/html"
        )
        downloads[1].download_button(
            "Report (Markdown)", paths.markdown.read_bytes(), "report.md", "text/markdown"
        )
        downloads[2].download_button(
            "Results (JSON)", json_path.read_bytes(), "report.json", "application/json"
        )

    st.subheader("Per question")
    st.caption("Click a column header to sort; pick a row below to open it.")
    header, rows = rows_table(report)
    st.dataframe(table(header, rows), hide_index=True)
    ids = [row[0] for row in rows]
    opened = st.selectbox(
        "Open", ids, index=None, placeholder="Choose a question", format_func=cell
    )
    if opened is not None:
        show_row(report, ids.index(opened))


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[dict[str, str]]:
    return [{cell(h): cell(v) for h, v in zip(header, row, strict=True)} for row in rows]


def show_row(report: Report, position: int) -> None:
    if isinstance(report, RetrievalReport):
        row = report.rows[position]
        st.markdown(f"**Question:** {inline(row.query)}")
        st.json({"metrics": dict(row.metrics), "relevant": row.relevant,
                 "ranking": [list(pair) for pair in row.ranking[:10]]})
        return
    if isinstance(report, AnswersReport):
        answered = report.rows[position]
        st.markdown(f"**Question:** {inline(answered.question)}")
        st.markdown("**Answer:**\n\n" + escape_block(answered.answer.text))
        st.json({"cited": list(answered.cited_doc_ids), "grades": list(answered.grades)})
        return
    show_golden_row(report, position)


def show_golden_row(report: GoldenReport, position: int) -> None:
    case = report.rows[position]
    st.markdown("**Turns:**  \n" + "  \n".join(inline(t) for t in case.case.turns))
    if case.reasons:
        st.error(inline("; ".join(case.reasons)))
    else:
        st.success("Passed.")
    if case.answer is not None:
        st.markdown("**Answer:**\n\n" + escape_block(case.answer.text))
        st.code(json.dumps(case.answer.to_json(), indent=2, ensure_ascii=False), language="json")


def evaluation(settings: Settings) -> None:
    if settings.editor_password is None:
        st.warning(LOCKED, icon=":material/lock:")
        return
    if not unlocked(settings.editor_password):
        return
    with shown_errors("running the evaluation"):
        kind = st.radio("What to evaluate", list(FORMS), horizontal=True)
        report = FORMS[kind](settings)
        if report is not None:
            st.session_state[REPORT_KEY] = report
    if REPORT_KEY in st.session_state:
        with shown_errors("showing the report"):
            show_report(st.session_state[REPORT_KEY])


def main() -> None:
    st.set_page_config(page_title="HealthQA · Evaluation", page_icon=PAGE_ICON, layout="wide")
    st.title("Evaluation")
    with st.sidebar:
        st.page_link("app.py", label="Back to the chat", icon=":material/chat:")
    settings = None
    with shown_errors("opening the settings"):
        settings = load_settings()
    if settings is not None:
        evaluation(settings)


main()
