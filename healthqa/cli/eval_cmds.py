"""`healthqa eval retrieval|golden|summary`: benchmarks, golden conversations, one summary table."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import click

from assistant.service import Assistant, build_assistant
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
from healthqa.evaluation.indexes import default_eval_index, ensure_index, golden_paths
from healthqa.evaluation.report import (
    Report,
    metrics_table,
    summary_table,
    write_json,
    write_report,
)
from healthqa.evaluation.retrieval_eval import RetrievalReport, run_retrieval_eval
from healthqa.settings import Settings
from index.embedder import Embedder, SentenceTransformerEmbedder

SPLITS = ("train", "dev", "test")
DEFAULT_SHARED = Path("../shared/data")

_existing_dir = click.Path(exists=True, file_okay=False, path_type=Path)
_existing_file = click.Path(exists=True, dir_okay=False, path_type=Path)
_any_path = click.Path(path_type=Path)


@click.group("eval")
def eval_group() -> None:
    """Measure retrieval and answers against judged data."""


def _progress(label: str) -> Callable[[int, int], None]:
    def report(done: int, total: int) -> None:
        click.echo(f"\r{label}: {done}/{total}", err=True, nl=done == total)

    return report


def _embedder(settings: Settings) -> SentenceTransformerEmbedder:
    return SentenceTransformerEmbedder(
        settings.embedding_model, batch_size=settings.embed_batch_size
    )


def _open(
    settings: Settings, index_dir: Path, sources: Callable[[], Sequence[Path]], embedder: Embedder
) -> Assistant:
    scoped = settings.with_index(index_dir)
    if ensure_index(sources(), scoped, embedder):
        click.echo(f"Built the evaluation index at {index_dir}.", err=True)
    return build_assistant(scoped, embedder=embedder)


def _retrieval(assistant: Assistant, dataset: BeirDataset, split: str, k: int) -> RetrievalReport:
    return run_retrieval_eval(
        assistant, dataset, split, k, progress=_progress(f"{dataset.name}/{split}")
    )


def _golden(assistant: Assistant, file: Path) -> GoldenReport:
    cases = load_golden(file)
    return run_golden(assistant, cases, name=file.stem, progress=_progress(file.stem))


def _finish(
    report: Report,
    *,
    json_path: Path | None,
    report_dir: Path | None,
    old_json: Path | None,
    fail_under: Sequence[str],
) -> None:
    """Print the metrics, write what was asked for, compare, and gate."""
    thresholds = [parse_threshold(t) for t in fail_under]  # a typo fails before any output
    _, rows = metrics_table(report.metrics)
    click.echo(f"{report.kind} evaluation: {report.name}")
    for name, value in rows:
        click.echo(f"  {name:<22} {value}")
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


def _with_report_options(command: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(_report_options):
        command = option(command)
    return command


@eval_group.command("retrieval")
@click.argument("dataset_dir", type=_existing_dir)
@click.option("--split", default="test", show_default=True)
@click.option("--index", "index_dir", type=_any_path, help="Default: DATA/eval-index/<dataset>.")
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
    json_path: Path | None,
    report_dir: Path | None,
    old_json: Path | None,
    fail_under: tuple[str, ...],
) -> None:
    """Score retrieval on a BEIR dataset (corpus.jsonl, queries.jsonl, qrels/SPLIT.tsv)."""
    settings = Settings.from_env()
    dataset = load_beir(dataset_dir)
    dataset.qrels(split)  # an unknown split fails before the model loads
    index_dir = index_dir or default_eval_index(settings, dataset.name)
    assistant = _open(settings, index_dir, lambda: [dataset.corpus_path], _embedder(settings))
    report = _retrieval(assistant, dataset, split, k)
    if run_file is not None:
        write_run_file(run_file, report.run, tag="healthqa")
        click.echo(f"Wrote {run_file}")
    _finish(
        report, json_path=json_path, report_dir=report_dir, old_json=old_json, fail_under=fail_under
    )


@eval_group.command("golden")
@click.argument("file", type=_existing_file)
@click.option("--index", "index_dir", type=_any_path, help="Default: DATA/eval-index/golden.")
@click.option(
    "--shared",
    type=_any_path,
    default=DEFAULT_SHARED,
    envvar="HEALTHQA_SHARED_DATA",
    show_default=True,
    help="Shared data folder the golden index is built from when it is missing.",
)
@_with_report_options
def golden_command(
    *,
    file: Path,
    index_dir: Path | None,
    shared: Path,
    json_path: Path | None,
    report_dir: Path | None,
    old_json: Path | None,
    fail_under: tuple[str, ...],
) -> None:
    """Run golden conversations (JSON lines) through the assistant and check each answer."""
    settings = Settings.from_env()
    load_golden(file)  # a malformed file fails before the model loads
    index_dir = index_dir or default_eval_index(settings, "golden")
    assistant = _open(settings, index_dir, lambda: golden_paths(shared), _embedder(settings))
    report = _golden(assistant, file)
    for row in report.failures:
        click.echo(f"FAILED {row.case.id}: {'; '.join(row.reasons)}")
    _finish(
        report, json_path=json_path, report_dir=report_dir, old_json=old_json, fail_under=fail_under
    )


@eval_group.command("summary")
@click.option("--golden", "golden_file", type=_existing_file, required=True)
@click.option("--dataset", "dataset_dir", type=_existing_dir, required=True)
@click.option(
    "--shared",
    type=_any_path,
    default=DEFAULT_SHARED,
    envvar="HEALTHQA_SHARED_DATA",
    show_default=True,
)
@click.option(
    "--reports", "reports_dir", type=_any_path, default=Path("reports"), show_default=True
)
@click.option("--split", "splits", multiple=True, default=SPLITS, show_default=True)
def summary_command(
    *,
    golden_file: Path,
    dataset_dir: Path,
    shared: Path,
    reports_dir: Path,
    splits: tuple[str, ...],
) -> None:
    """Golden file plus every split of a BEIR dataset, one summary table, reports on disk."""
    settings = Settings.from_env()
    cases_ok = load_golden(golden_file)
    dataset = load_beir(dataset_dir)
    for split in splits:
        dataset.qrels(split)
    embedder = _embedder(settings)
    results: list[tuple[str, Mapping[str, float]]] = []

    golden_assistant = _open(
        settings, default_eval_index(settings, "golden"), lambda: golden_paths(shared), embedder
    )
    golden = run_golden(
        golden_assistant, cases_ok, name=golden_file.stem, progress=_progress("golden")
    )
    _save(golden, reports_dir / "golden")
    for row in golden.failures:
        click.echo(f"FAILED {row.case.id}: {'; '.join(row.reasons)}")
    results.append(("golden", golden.metrics))

    bench_assistant = _open(
        settings,
        default_eval_index(settings, dataset.name),
        lambda: [dataset.corpus_path],
        embedder,
    )
    for split in splits:
        report = _retrieval(bench_assistant, dataset, split, 10)
        _save(report, reports_dir / f"{dataset.name}-{split}")
        results.append((split, report.metrics))

    table = summary_table(results)
    (reports_dir / "summary.md").write_text(table + "\n", encoding="utf-8")
    click.echo(table)


def _save(report: Report, directory: Path) -> None:
    write_report(report, directory)
    write_json(report, directory / "metrics.json")


COMMANDS: list[click.Command] = [eval_group]
