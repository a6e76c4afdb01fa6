"""Reports on disk: Markdown and HTML (metrics table, per-row table, one plot as PNG, which the
HTML carries inline), and the one-table summary `make eval` prints."""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from matplotlib.figure import Figure

from healthqa.evaluation.answers_eval import AnswersReport, body_text
from healthqa.evaluation.golden_report import GoldenReport
from healthqa.evaluation.retrieval_eval import RetrievalReport

Report = RetrievalReport | GoldenReport | AnswersReport
Table = tuple[tuple[str, ...], list[tuple[str, ...]]]  # header, rows

PLOT_NAME = "plot.png"


@dataclass(frozen=True)
class ReportPaths:
    markdown: Path
    html: Path
    plot: Path


def format_value(name: str, value: float) -> str:
    if name in ("queries", "cases", "n"):
        return str(int(value))
    if name.endswith("_ms"):
        return f"{value:.1f}"
    return f"{value:.3f}"


def metrics_table(values: Mapping[str, float]) -> Table:
    return ("metric", "value"), [(name, format_value(name, v)) for name, v in values.items()]


def rows_table(report: Report) -> Table:
    if isinstance(report, RetrievalReport):
        ndcg = f"nDCG@{report.k}"
        header: tuple[str, ...] = ("query", "question", "relevant", "P@1", ndcg, "top document")
        rows: list[tuple[str, ...]] = [
            (
                row.query_id,
                _clip(row.query, 90),
                str(row.relevant),
                format_value("P@1", row.metrics["P@1"]),
                format_value(ndcg, row.metrics[ndcg]),
                row.doc_ids[0] if row.doc_ids else "-",
            )
            for row in report.rows
        ]
        return header, rows
    if isinstance(report, AnswersReport):
        header = ("query", "question", "answered", "first cited grade", "words", "cited")
        rows = [
            (
                row.query_id,
                _clip(row.question, 90),
                "yes" if row.answered else "no",
                str(row.grades[0]) if row.answered and row.grades else "-",
                str(len(body_text(row.answer).split())) if row.answered else "-",
                ", ".join(row.cited_doc_ids) or "-",
            )
            for row in report.rows
        ]
        return header, rows
    header = ("case", "result", "reasons", "citation precision", "citation coverage")
    rows = [
        (
            row.case.id,
            "pass" if row.passed else "FAIL",
            "; ".join(row.reasons) or "-",
            _percent(row.citations.precision),
            _percent(row.citations.coverage),
        )
        for row in report.rows
    ]
    return header, rows


def write_report(report: Report, directory: Path) -> ReportPaths:
    directory.mkdir(parents=True, exist_ok=True)
    paths = ReportPaths(
        markdown=directory / "report.md", html=directory / "report.html", plot=directory / PLOT_NAME
    )
    write_plot(report, paths.plot)
    title = f"HealthQA {report.kind} evaluation: {report.name}"
    tables = [("Metrics", metrics_table(report.metrics)), ("Per case", rows_table(report))]
    _write_atomically(paths.markdown, render_markdown(title, tables, PLOT_NAME))
    # The HTML carries its plot inline: it is downloaded on its own, without plot.png beside it.
    _write_atomically(paths.html, render_html(title, tables, png_data_uri(paths.plot)))
    return paths


def png_data_uri(path: Path) -> str:
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


def write_plot(report: Report, path: Path) -> None:
    # A bare Figure needs no GUI backend and touches no global pyplot state.
    figure = Figure(figsize=(8, 4), dpi=100)
    axes = figure.add_subplot()
    if isinstance(report, RetrievalReport):
        name = f"nDCG@{report.k}"
        values = sorted((row.metrics[name] for row in report.rows), reverse=True)
        axes.bar(range(len(values)), values, width=1.0, color="#3b7dd8")
        axes.set_xlabel("queries, best first")
        axes.set_ylabel(name)
        axes.set_ylim(0, 1.05)
        axes.set_title(f"{report.name}: per-query {name} (mean {report.metrics[name]:.3f})")
    elif isinstance(report, AnswersReport):
        labels = ["abstained", "grade 0", "grade 1", "grade 2", "grade 3"]
        counts = [0] * len(labels)
        for row in report.rows:
            counts[row.grades[0] + 1 if row.answered and row.grades else 0] += 1
        axes.bar(labels, counts, color=["#999999", "#d9534f", "#f0ad4e", "#5bc0de", "#3b7dd8"])
        axes.set_ylabel("questions")
        axes.set_title(
            f"{report.name}: grade of the first cited document "
            f"(relevant {report.metrics['first_citation_relevant']:.2f})"
        )
    else:
        kinds = [k for k in report.metrics if k.endswith("_pass_rate")]
        rates = [report.metrics[k] for k in kinds]
        axes.barh([k.removesuffix("_pass_rate").replace("_", " ") for k in kinds], rates)
        axes.set_xlim(0, 1.05)
        axes.set_xlabel("share of cases passing")
        axes.set_title(f"{report.name}: pass rate by expectation")
    figure.tight_layout()
    partial = path.with_name(path.name + ".partial.png")
    figure.savefig(partial, format="png")
    partial.replace(path)


def render_markdown(title: str, tables: Sequence[tuple[str, Table]], plot: str) -> str:
    parts = [f"# {_md(title)}", ""]
    for heading, (header, rows) in tables:
        parts += [f"## {_md(heading)}", "", markdown_table(header, rows), ""]
    parts += [f"![plot]({plot})", ""]
    return "\n".join(parts)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [
        "| " + " | ".join(_md(h) for h in header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(_md(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def render_html(title: str, tables: Sequence[tuple[str, Table]], plot: str) -> str:
    body = [f"<h1>{html.escape(title)}</h1>"]
    for heading, (header, rows) in tables:
        body.append(f"<h2>{html.escape(heading)}</h2>")
        body.append("<table>")
        body.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in header) + "</tr>")
        body += [
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in rows
        ]
        body.append("</table>")
    body.append(f'<img src="{html.escape(plot)}" alt="{html.escape(title)} plot">')
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style>"
        "</head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def summary_table(results: Sequence[tuple[str, Mapping[str, float]]]) -> str:
    """One Markdown table: a row per run (golden, train, dev, test), a column per metric; a
    metric a run does not have shows as '-'."""
    columns: list[str] = []
    for _, values in results:
        columns += [name for name in values if name not in columns]
    rows = [
        (label, *(format_value(c, values[c]) if c in values else "-" for c in columns))
        for label, values in results
    ]
    return markdown_table(("run", *columns), rows)


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _clip(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _write_atomically(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def write_json(report: Report, path: Path) -> Path:
    """The metrics and per-row results; `--compare` reads the `metrics` object back."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_atomically(path, json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
    return path
