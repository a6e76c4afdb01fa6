"""The `healthqa` command. Subcommands live in one module each; errors become one sentence here."""

from __future__ import annotations

import sys

import click

from healthqa.cli import answer_cmds, eval_cmds, ingest_cmds
from healthqa.errors import HealthQAError
from healthqa.text.controls import escape_controls


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def healthqa() -> None:
    """HealthQA: answers health questions from vetted articles, with citations."""


for command in (*ingest_cmds.COMMANDS, *answer_cmds.COMMANDS, *eval_cmds.COMMANDS):
    healthqa.add_command(command)


def main() -> None:
    try:
        # Without standalone mode click returns a command's `Exit(code)` instead of exiting.
        code = healthqa(standalone_mode=False)
    except HealthQAError as error:
        click.echo(f"Error: {escape_controls(str(error))}", err=True)
        sys.exit(2)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
