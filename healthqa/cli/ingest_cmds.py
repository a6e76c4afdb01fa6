"""`healthqa ingest`, `healthqa index stats`, `healthqa docs list|remove`: building the index."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from healthqa.cli import transfer_cmds
from healthqa.cli.options import index_option, settings_for
from healthqa.settings import Settings
from healthqa.text.controls import escape_controls
from index.documents import UnknownDocument, remove_documents
from index.embedder import SentenceTransformerEmbedder
from index.location import IndexLocation, index_exists, open_reader
from ingest.pipeline import IngestProgress, IngestReport, SilentProgress, ingest_paths

json_option = click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")


class RichProgress:
    """Two bars on stderr: files loaded, chunks embedded. Without a terminal (a log, a pipe) it
    prints one plain line per event instead, so a log still shows how far a run got."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._live = console.is_terminal
        self._progress = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            disable=not self._live,
        )
        self._files: TaskID = self._progress.add_task("Files", total=None)
        self._chunks: TaskID = self._progress.add_task("Chunks embedded", total=0)
        self._queued = 0
        self._embedded = 0

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._progress.stop()

    def files_found(self, count: int) -> None:
        self._progress.update(self._files, total=count)
        self._say(f"Found {count} files.")

    def file_loaded(self, path: str, documents: int) -> None:
        self._progress.advance(self._files)
        self._say(f"Loaded {path}: {documents} documents.")

    def chunks_queued(self, count: int) -> None:
        self._queued += count
        self._progress.update(self._chunks, total=self._queued)

    def batch_embedded(self, count: int) -> None:
        self._embedded += count
        self._progress.advance(self._chunks, count)
        self._say(f"Embedded {self._embedded}/{self._queued} chunks.")

    def _say(self, line: str) -> None:
        if not self._live:
            self._console.print(
                escape_controls(line), highlight=False, markup=False, soft_wrap=True
            )


@click.command()
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False)
)
@index_option
@click.option(
    "--prune", is_flag=True, help="Remove indexed documents under PATHS whose files are gone."
)
@json_option
def ingest(
    paths: Sequence[Path], index_dir: IndexLocation | None, prune: bool, as_json: bool
) -> None:
    """Add or update the articles in PATHS (files or folders); unchanged ones are skipped."""
    settings = settings_for(index_dir)
    # This process only embeds: every core (the app and its first-start job leave one free).
    embedder = SentenceTransformerEmbedder.from_settings(settings, threads=os.cpu_count())
    if as_json:
        report = _run(paths, settings, embedder, prune, SilentProgress())
        click.echo(json.dumps(report_json(report), ensure_ascii=False))
    else:
        with RichProgress(Console(stderr=True)) as progress:
            report = _run(paths, settings, embedder, prune, progress)
        Console().print(report_table(report))
    if report.failed:
        raise click.exceptions.Exit(1)


def _run(
    paths: Sequence[Path],
    settings: Settings,
    embedder: SentenceTransformerEmbedder,
    prune: bool,
    progress: IngestProgress,
) -> IngestReport:
    return ingest_paths(paths, settings=settings, embedder=embedder, prune=prune, progress=progress)


def report_json(report: IngestReport) -> dict[str, object]:
    return {
        "added": len(report.added),
        "updated": len(report.updated),
        "unchanged": len(report.unchanged),
        "removed": len(report.removed),
        "failed": [asdict(f) for f in report.failed],
        "skipped": [asdict(f) for f in report.skipped],
        "warnings": [asdict(w) for w in report.warnings],
        "generation": report.generation,
    }


def report_table(report: IngestReport) -> Table:
    table = Table(title=f"Ingest (index generation {report.generation})", title_justify="left")
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    table.add_column("detail")
    for name, ids in (
        ("added", report.added),
        ("updated", report.updated),
        ("unchanged", report.unchanged),
        ("removed", report.removed),
    ):
        table.add_row(name, str(len(ids)), _cell(_sample(ids)))
    table.add_row("failed", str(len(report.failed)), "", style="red" if report.failed else None)
    for failure in report.failed:
        table.add_row("", "", _cell(f"{failure.path}: {failure.error}"), style="red")
    if report.warnings:
        table.add_row("warnings", str(len(report.warnings)), "", style="yellow")
    for warning in report.warnings:
        table.add_row("", "", _cell(f"{warning.path}: {warning.warning}"), style="yellow")
    if report.skipped:
        table.add_row("skipped files", str(len(report.skipped)), _cell(_sample(
            [f.path for f in report.skipped]
        )))
    return table


def _cell(value: str) -> Text:
    """Text from an article or a file name, shown as it is: never read as rich markup, and
    control characters (from an index written before ingest removed them) made visible."""
    return Text(escape_controls(value))


def _sample(items: Sequence[str], shown: int = 3) -> str:
    head = ", ".join(items[:shown])
    return head + (f" and {len(items) - shown} more" if len(items) > shown else "")


@click.group("index")
def index_group() -> None:
    """Inspect the index, or copy it to another folder or database."""


for _command in transfer_cmds.COMMANDS:
    index_group.add_command(_command)


@index_group.command("stats")
@index_option
@json_option
def stats(index_dir: IndexLocation | None, as_json: bool) -> None:
    """Documents, chunks, model and size on disk of the live index."""
    with open_reader(settings_for(index_dir).index_location) as reader:
        found = reader.stats()
    if as_json:
        fields = {k: v for k, v in asdict(found).items() if k != "generation"}
        click.echo(json.dumps(fields))
        return
    table = Table(show_header=False)
    for name, value in (
        ("documents", f"{found.documents:,}"),
        ("chunks", f"{found.chunks:,}"),
        ("model", found.model),
        ("size on disk", f"{found.bytes / 1e6:,.1f} MB"),
        ("generation", str(found.generation)),
    ):
        table.add_row(name, value)
    Console().print(table)


@click.group("docs")
def docs_group() -> None:
    """List or remove indexed documents."""


@docs_group.command("list")
@index_option
@json_option
def list_docs(index_dir: IndexLocation | None, as_json: bool) -> None:
    """Every indexed document with its version and chunk count."""
    with open_reader(settings_for(index_dir).index_location) as reader:
        documents = reader.documents()
    if as_json:
        rows = [
            {k: v for k, v in asdict(d).items() if k != "metadata"} | {"metadata": dict(d.metadata)}
            for d in documents
        ]
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    table = Table()
    for column in ("id", "title", "version", "chunks", "source", "ingested"):
        table.add_column(column)
    for d in documents:
        table.add_row(
            _cell(d.doc_id), _cell(d.title), str(d.version), str(d.chunk_count),
            _cell(d.source or ""), d.ingested_at,
        )
    Console().print(table)


@docs_group.command("remove")
@click.argument("doc_id")
@index_option
def remove_doc(doc_id: str, index_dir: IndexLocation | None) -> None:
    """Remove the document DOC_ID and its chunks from the index.

    DOC_ID may also be the file a document came from, or the end of its path ("flu.md") when
    only one document's id ends so."""
    index = settings_for(index_dir).index_location
    try:
        doc_id = _document_named(index, doc_id)
        generation = remove_documents(index, [doc_id])
    except UnknownDocument as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Removed {escape_controls(doc_id)}; the index is now generation {generation}.")


def _document_named(index: IndexLocation, name: str) -> str:
    """The id `name` stands for: itself if the index holds it, else the one document whose id
    is that file's absolute path or ends with /`name`; ambiguity is refused, never guessed."""
    if not index_exists(index):
        return name  # remove_documents explains there is no index
    with open_reader(index) as reader:
        ids = [d.doc_id for d in reader.documents()]
    if name in ids:
        return name
    absolute = Path(name).resolve().as_posix()
    if absolute in ids:
        return absolute
    matches = [doc_id for doc_id in ids if doc_id.endswith("/" + name.lstrip("/"))]
    if len(matches) > 1:
        raise UnknownDocument(
            f"{len(matches)} documents end with {name!r} ({_sample(matches)}); give the whole id."
        )
    return matches[0] if matches else name


COMMANDS: list[click.Command] = [ingest, index_group, docs_group]
