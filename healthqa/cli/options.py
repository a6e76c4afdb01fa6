"""Options and settings shared by every `healthqa` subcommand."""

from __future__ import annotations

import os
from pathlib import Path

import click

from healthqa.settings import Settings, is_database_url


class IndexLocationType(click.ParamType["Path | str", "str | os.PathLike[str]"]):
    """A folder (the embedded index) or a postgresql:// URL, kept as a string (a Path would fold
    its `//`)."""

    name = "FOLDER|URL"

    def convert(
        self,
        value: str | os.PathLike[str],
        param: click.Parameter | None,
        ctx: click.Context | None,
    ) -> Path | str:
        if isinstance(value, str) and is_database_url(value):
            return value
        folder = click.Path(path_type=Path, file_okay=False)
        converted: Path = folder.convert(value, param, ctx)
        return converted


index_option = click.option(
    "--index",
    "index_dir",
    type=IndexLocationType(),
    default=None,
    help="Index directory or postgresql:// URL (default: $HEALTHQA_INDEX or data/index).",
)


def settings_for(index: Path | str | None) -> Settings:
    """Settings from the environment, with `--index` taking precedence when given."""
    settings = Settings.from_env()
    return settings if index is None else settings.with_index(index)
