"""`healthqa eval retrieval|answers|golden|summary`: benchmarks, answers a visitor reads, golden
conversations, and one summary table."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import click

from assistant.service import Assistant, build_assistant
from assistant.triage import load_triage
from healthqa.evaluation.answers_eval import AnswersReport, read_questions, run_answers_eval
from healthqa.evaluation.beir import BeirDataset, load_beir, write_run_file
from healthqa.evaluation.compare import (
    below_thresholds,
    compare,
    format_deltas,
    load_metrics,
    parse_threshold,
)
from healthqa.evaluation.golden import load_golden
from healthqa.evaluation.golden_report import GoldenReport
from healthqa.evaluation.golden_run import run_golden
from healthqa.evaluation.indexes import (
    GOLDEN_DIR,
    OUT_OF_SCOPE_FILE,
    default_eval_index,
    ensure_index,
    golden_index_name,
    golden_paths,
)
from healthqa.evaluation.report import (
    Report,
    metrics_table,
    summary_table,
    write_json,
    write_report,
)
from healthqa.evaluation.retrieval_eval import RetrievalReport, run_retrieval_eval
from healthqa.evaluation.safety_eval import NOTICE_OF, SplitChoice, evaluate, load_cases
from healthqa.settings import Settings
from index.embedder import Embedder, SentenceTransformerEmbedder

SPLITS = ("train", "dev", "test")

_existing_dir = click.Path(exists=True, file_okay=False, path_type=Path)
_existing_file = click.Path(exists=True, dir_okay=False, path_type=Path)
_any_path = click.Path(path_type=Path)


@click.group("eval")
def eval_group() -> None:
    """Measure retrieval, answers and safety against judged data."""


def _progress(label: str) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        click.echo(f"\r{label}: {done}/{total}", err=True, nl=done == total)

    return report


class _Workbench:
    """One settings object and one loaded model for every index an evaluation opens."""

    def __init__(self, shared: Path | None = None) -> None:
        self.settings = Settings.from_env()
        self.shared = shared or self.settings.shared_data
        self._embedder: Embedder | None = None

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = SentenceTransformerEmbedder(
                self.settings.embedding_model, batch_size=self.settings.embed_batch_size
            )
        return self._embedder

    def open(self, index_dir: Path, sources: Callable[[], Sequence[Path]]) -> Assistant:
        scoped = self.settings.with_index(index_dir)
        if ensure_index(sources(), scoped, self.embedder):
            click.echo(f"Built the evaluation index at {index_dir}.", err=True)
        return build_assistant(scoped, embedder=self.embedder)

    def benchmark(self, dataset: BeirDataset, index_dir: Path | None = None) -> Assistant:
        index_dir = index_dir or default_eval_index(self.settings, dataset.name)
        return self.open(index_dir, lambda: [dataset.corpus_path])

    def golden(self, golden_file: Path, index_dir: Path | None = None) -> Assistant:
        index_dir = index_dir or default_eval_index(self.settings, golden_index_name(golden_file))
        return self.open(index_dir, lambda: golden_paths(golden_file, self.shared))


@dataclass(frozen=True)
class Reporting:
    """What to do with a finished report: the options every evaluation command shares."""

    json_path: Path | None = None
    report_dir: Path | None = None
    old_json: Path | None = None
    fail_under: tuple[str, ...] = ()


def _finish(report: Report, reporting: Reporting) -> None:
    """Print the metrics, write what was asked for, compare, and gate."""
    json_path, report_dir, old_json = reporting.json_path, reporting.report_dir, reporting.old_json
    # A typo in a threshold fails before any output.
    thresholds = [parse_threshold(t) for t in reporting.fail_under]
    _, rows = metrics_table(report.metrics)
    click.echo(f"{report.kind} evaluation: {report.name}")
    for name, value in rows:
        click.echo(f"  {name:<26} {value}")
    if json_path is not None:
        click.echo(f"Wrote {write_json(report, json_path)}")
    if report_dir is not None:
        paths = write_report(report, report_dir)
        click.echo(f"Wrote {paths.markdown}, {paths.html} and {paths.plot}")
    if old_json is not None:
        click.echo(format_deltas(compare(report.metrics, load_metrics(old_json))))
    failures = below_thresholds(report.metrics, thresholds)
    for failure in failures:
        click.echo(f"FAIL: {failure}", err=True)
    if failures:
        raise click.exceptions.Exit(1)


_report_options: list[Callable[[Callable[..., None]], Callable[..., None]]] = [
    click.option("--json", "json_path", type=_any_path, help="Write metrics and rows as JSON."),
    click.option("--report", "report_dir", type=_any_path, help="Write report.md/.html + plot."),
    click.option("--compare", "old_json", type=_existing_file, help="An earlier --json to diff."),
    click.option(
        "--fail-under", multiple=True, metavar="METRIC=VALUE", help="Exit 1 below this value."
    ),
]
_index_option = click.option(
    "--index", "index_dir", type=_any_path, help="Default: DATA/eval-index/<dataset or file>."
)


def _with_report_options(command: Callable[..., None]) -> Callable[..., None]:
    """Adds the shared options; the command receives them as one `reporting` argument."""

    @functools.wraps(command)
    def with_reporting(
        *,
        json_path: Path | None,
        report_dir: Path | None,
        old_json: Path | None,
        fail_under: tuple[str, ...],
        **own: Any,
    ) -> None:
        command(reporting=Reporting(json_path, report_dir, old_json, fail_under), **own)

    wrapped: Callable[..., None] = with_reporting
    for option in reversed(_report_options):
        wrapped = option(wrapped)
    return wrapped


@eval_group.command("retrieval")
@click.argument("dataset_dir", type=_existing_dir)
@click.option("--split", default="test", show_default=True)
@_index_option
@click.option("--k", default=10, show_default=True, type=click.IntRange(min=1))
@click.option("--run-file", type=_any_path, help="Write a TREC run file.")
@_with_report_options
def retrieval_command(
    *,
    dataset_dir: Path,
    split: str,
    index_dir: Path | None,
    k: int,
    run_file: Path | None,
    reporting: Reporting,
) -> None:
    """Score retrieval on a BEIR dataset (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv)."""
    dataset = load_beir(dataset_dir)
    dataset.qrels(split)  # an unknown split fails before the model loads
    assistant = _Workbench().benchmark(dataset, index_dir)
    report = run_retrieval_eval(
        assistant, dataset, split, k, progress=_progress(f"{dataset.name}/{split}")
    )
    if run_file is not None:
        write_run_file(run_file, report.run, tag="healthqa")
        click.echo(f"Wrote {run_file}")
    _finish(report, reporting)


@eval_group.command("answers")
@click.argument("dataset_dir", type=_existing_dir)
@click.option("--split", default="test", show_default=True)
@_index_option
@click.option("--answers", "answers_path", type=_any_path, help="Write one JSON line per answer.")
@click.option(
    "--out-of-scope",
    "out_of_scope",
    type=_existing_file,
    help=f"Questions the index cannot answer, one per line (the team's: {OUT_OF_SCOPE_FILE.name}).",
)
@_with_report_options
def answers_command(
    *,
    dataset_dir: Path,
    split: str,
    index_dir: Path | None,
    answers_path: Path | None,
    out_of_scope: Path | None,
    reporting: Reporting,
) -> None:
    """Run the whole assistant on every judged question and score the answers a visitor reads."""
    dataset = load_beir(dataset_dir)
    dataset.qrels(split)
    unanswerable = read_questions(out_of_scope.read_text("utf-8")) if out_of_scope else []
    assistant = _Workbench().benchmark(dataset, index_dir)
    report = run_answers_eval(
        assistant,
        dataset,
        split,
        out_of_scope=unanswerable,
        progress=_progress(f"{dataset.name}/{split} answers"),
    )
    if answers_path is not None:
        _write_answers(report, answers_path)
        click.echo(f"Wrote {answers_path}")
    _finish(report, reporting)


def _write_answers(report: AnswersReport, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(row.to_json(), ensure_ascii=False) for row in report.rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@eval_group.command("safety")
@click.argument("file", type=_existing_file, required=False)
@click.option(
    "--split",
    type=click.Choice(["test", "train", "all"]),
    default="test",
    show_default=True,
    help="Which part of the labelled set to score (tune on train only).",
)
@click.option("--json", "json_path", type=_any_path, help="Write the figures as JSON.")
def safety_command(*, file: Path | None, split: str, json_path: Path | None) -> None:
    """Score the safety triage on a labelled file (default: the team's set): confusion table,
    recall and precision per class, false escalations, and every misclassified message."""
    cases = load_cases(file)  # a malformed file fails before the model loads
    settings = Settings.from_env()
    embedder = SentenceTransformerEmbedder(
        settings.embedding_model, batch_size=settings.embed_batch_size
    )
    report = evaluate(load_triage(embedder), cases, split=cast(SplitChoice, split))
    click.echo(report.format_table())
    if report.errors:
        click.echo("\nMisclassified:")
    for error in report.errors:
        as_labelled = error.shown == NOTICE_OF.get(error.got, "none")
        shown = "" if as_labelled else f" ({error.shown} notice)"
        click.echo(
            f"  {error.id}: expected {error.expected}, got {error.got}{shown}: {error.text[:160]}"
        )
    if json_path is not None:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n")
        click.echo(f"Wrote {json_path}")


@eval_group.command("golden")
@click.argument("file", type=_existing_file)
@_index_option
@click.option(
    "--shared",
    type=_any_path,
    help="Shared data folder the golden index is built from (default: HEALTHQA_SHARED_DATA).",
)
@_with_report_options
def golden_command(
    *, file: Path, index_dir: Path | None, shared: Path | None, reporting: Reporting
) -> None:
    """Run golden conversations (JSON lines) through the assistant and check each answer."""
    cases = load_golden(file)  # a malformed file fails before the model loads
    assistant = _Workbench(shared).golden(file, index_dir)
    report = run_golden(assistant, cases, name=file.stem, progress=_progress(file.stem))
    _print_failures(report)
    _finish(report, reporting)


def _print_failures(report: GoldenReport) -> None:
    for row in report.failures:
        click.echo(f"FAILED {row.case.id}: {'; '.join(row.reasons)}")


@eval_group.command("summary")
@click.option(
    "--golden",
    "golden_files",
    type=_existing_file,
    multiple=True,
    help="Golden files (default: every file in the team's golden folder).",
)
@click.option("--dataset", "dataset_dir", type=_existing_dir, required=True)
@click.option("--shared", type=_any_path, help="Default: HEALTHQA_SHARED_DATA.")
@click.option(
    "--reports", "reports_dir", type=_any_path, default=Path("reports"), show_default=True
)
@click.option("--split", "splits", multiple=True, default=SPLITS, show_default=True)
def summary_command(
    *,
    golden_files: tuple[Path, ...],
    dataset_dir: Path,
    shared: Path | None,
    reports_dir: Path,
    splits: tuple[str, ...],
) -> None:
    """Golden files, then retrieval and answers on every split of a BEIR dataset: one summary
    table, reports on disk."""
    files = golden_files or tuple(sorted(GOLDEN_DIR.glob("*.jsonl")))
    cases = {file: load_golden(file) for file in files}
    dataset = load_beir(dataset_dir)
    for split in splits:
        dataset.qrels(split)
    bench = _Workbench(shared)
    results: list[tuple[str, Report]] = []
    for file, file_cases in cases.items():
        golden = run_golden(
            bench.golden(file), file_cases, name=file.stem, progress=_progress(file.stem)
        )
        _print_failures(golden)
        results.append((f"golden {file.stem}", golden))
    assistant = bench.benchmark(dataset)
    unanswerable = read_questions(OUT_OF_SCOPE_FILE.read_text("utf-8"))
    for split in splits:
        label = f"{dataset.name}/{split}"
        retrieval: RetrievalReport = run_retrieval_eval(
            assistant, dataset, split, 10, progress=_progress(label)
        )
        answers = run_answers_eval(
            assistant,
            dataset,
            split,
            out_of_scope=unanswerable if split == splits[-1] else (),
            progress=_progress(f"{label} answers"),
        )
        results += [(f"{split} retrieval", retrieval), (f"{split} answers", answers)]
    for label, report in results:
        directory = reports_dir / label.replace(" ", "-")
        write_report(report, directory)
        write_json(report, directory / "metrics.json")
    for kind in ("golden", "retrieval", "answers"):
        rows = [(label, report.metrics) for label, report in results if report.kind == kind]
        table = summary_table(rows)
        (reports_dir / f"summary-{kind}.md").write_text(table + "\n", encoding="utf-8")
        click.echo(table + "\n")


COMMANDS: list[click.Command] = [eval_group]
