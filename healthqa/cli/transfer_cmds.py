"""`healthqa index copy|export|import`: an index moved between a folder and a PostgreSQL
database with its vectors (index.transfer), so no model runs and nothing is re-ingested."""

from __future__ import annotations

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

from healthqa.cli.options import IndexLocationType, index_option, settings_for
from index.location import IndexLocation, describe
from index.transfer import Copied, copy_index

location_argument = IndexLocationType()


@click.command("copy")
@click.argument("source", type=location_argument)
@click.argument("target", type=location_argument)
def copy(source: IndexLocation, target: IndexLocation) -> None:
    """Copy the index at SOURCE into TARGET, which holds no index yet (each a folder or a
    postgresql:// URL); vectors are copied, not recomputed."""
    _copy(source, target)


@click.command("export")
@click.argument("target", type=location_argument)
@index_option
def export(target: IndexLocation, index_dir: IndexLocation | None) -> None:
    """Copy the configured index (--index, else $HEALTHQA_INDEX) into TARGET, e.g. a
    postgresql:// URL."""
    _copy(settings_for(index_dir).index_location, target)


@click.command("import")
@click.argument("source", type=location_argument)
@index_option
def import_(source: IndexLocation, index_dir: IndexLocation | None) -> None:
    """Copy the index at SOURCE (e.g. an index folder) into the configured index (--index,
    else $HEALTHQA_INDEX), which holds no index yet."""
    _copy(source, settings_for(index_dir).index_location)


def _copy(source: IndexLocation, target: IndexLocation) -> None:
    console = Console(stderr=True)
    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task("Documents copied", total=None)
        copied = copy_index(
            source,
            target,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    click.echo(summary(copied, source, target))


def summary(copied: Copied, source: IndexLocation, target: IndexLocation) -> str:
    return (
        f"Copied {copied.documents:,} documents ({copied.chunks:,} chunks) from "
        f"{describe(source)} to {describe(target)}; it is generation {copied.generation} there."
    )


COMMANDS: list[click.Command] = [copy, export, import_]
