"""`healthqa ask` and `healthqa chat`: the assistant in a terminal."""

from __future__ import annotations

import json
from pathlib import Path

import click

from assistant.answer import Answer
from assistant.service import Assistant, build_assistant
from assistant.understanding.conversation import Conversation
from healthqa.cli.options import index_option, settings_for
from healthqa.text.controls import escape_controls


def _assistant(index_dir: Path | str | None) -> Assistant:
    return build_assistant(settings_for(index_dir))


@click.command()
@click.argument("question")
@index_option
@click.option("--json", "as_json", is_flag=True, help="Print the answer object as JSON.")
def ask(question: str, index_dir: Path | str | None, as_json: bool) -> None:
    """Answer one QUESTION from the indexed articles, with numbered sources."""
    answer = _assistant(index_dir).answer(Conversation(), question)
    if as_json:
        click.echo(json.dumps(answer.to_json(), ensure_ascii=False, indent=2))
        return
    click.echo(render(answer))


CHAT_HELP = "Commands: /new starts a new conversation, /quit leaves. Anything else is a question."


@click.command()
@index_option
def chat(index_dir: Path | str | None) -> None:
    """Talk with the assistant; follow-up questions use the conversation. /new starts over."""
    assistant = _assistant(index_dir)
    conversation = Conversation()
    click.echo("Ask a health question. /new starts a new conversation, /quit or Ctrl-D leaves.")
    while True:
        try:
            message = click.prompt("you", prompt_suffix="> ").strip()
        except (EOFError, click.exceptions.Abort):
            click.echo()
            return
        if not message:
            continue
        if message.startswith("/"):
            # A command is never a message: "/quit now" read as chat got the crisis lines.
            command = message.split()[0].lower()
            if command in {"/quit", "/exit"}:
                return
            if command == "/new":
                conversation = Conversation()
                click.echo("(new conversation)")
            else:
                click.echo(CHAT_HELP)
            continue
        answer = assistant.answer(conversation, message)
        click.echo(render(answer) + "\n")


def render(answer: Answer) -> str:
    """The answer as terminal text: safety first, then the answer, the sources, the disclaimer.
    What comes from articles has its control characters shown, never sent to the terminal (an
    index written before ingest removed them may still hold some)."""
    parts: list[str] = []
    if answer.safety is not None:
        parts.append(click.style(answer.safety.message, fg="red", bold=True))
    parts.append(escape_controls(answer.body, keep_lines=True))
    if answer.citations:
        lines = ["Sources:"]
        for citation in answer.citations:
            where = " — ".join(p for p in (citation.title, citation.section) if p)
            if citation.page:
                where += f", page {citation.page}"
            lines.append(f"  [{citation.n}] {escape_controls(where)}")
            if citation.url:
                lines.append(f"      {escape_controls(citation.url)}")
        parts.append("\n".join(lines))
    if answer.support:
        parts.append(click.style(answer.support, bold=True))
    if answer.suggestions:
        parts.append(
            "The articles do cover:\n"
            + "\n".join(f"  - {escape_controls(s)}" for s in answer.suggestions)
        )
    parts.append(click.style(answer.disclaimer, dim=True))
    return "\n\n".join(p for p in parts if p)


COMMANDS: list[click.Command] = [ask, chat]
