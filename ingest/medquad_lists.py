"""MedQuAD's run-in lists, each item on a line of its own and the list's pasted copy gone.

NIHSeniorHealth answers write a list as "... might suspect shingles if - the rash is only on one
side   - the rash erupts along a nerve path. the rash is only on one side the rash erupts along a
nerve path. A healthcare provider ...": the first item after a single-spaced dash, the others
after a run of spaces, the last ended by a period, and then the items again as one run-on
sentence (the page's hidden text). A single-spaced dash alone is a dash in prose; one followed
by space-run dashes, or by a copy of its items, starts a list.
"""

from __future__ import annotations

import re

_FIRST_DASH = re.compile(r"(?<=\S) - (?=\S)")
_NEXT_ITEM = re.compile(r"[ \t]{2,}-[ \t]+")
# Where the list ends: the last item's sentence end, or a line break.
_LIST_END = re.compile(r"[.!?](?=\s|$)|\n")
# A dash between spaces: in the sentence before a list's first dash, it makes that dash part of
# an item ("Penis disorders include   - Erectile dysfunction - inability to get an erection").
_ANY_DASH = re.compile(r"\s-\s")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_BLANKS = re.compile(r"[ \t]*")


def split_run_in_lists(answer: str) -> str:
    out: list[str] = []
    position = 0  # where the text not yet copied to `out` starts
    examined = 0  # the end of the last sentence whose first dash was looked at
    for dash in _FIRST_DASH.finditer(answer):
        if dash.start() < max(position, examined):
            continue  # one look per sentence keeps a page of dashes linear
        # The dash's sentence starts after the last one looked at (`examined` is a sentence end).
        sentence = _SENTENCE_END.split(answer[max(position, examined) : dash.start()])[-1]
        end = _LIST_END.search(answer, dash.end())
        stop = end.start() if end else len(answer)
        examined = stop
        if _ANY_DASH.search(sentence):
            continue
        items = [item.strip() for item in _NEXT_ITEM.split(answer[dash.end() : stop])]
        if not all(items):
            continue
        mark = answer[stop] if end and answer[stop] in ".!?" else ""
        after = stop + len(mark)
        copy = " ".join(items) + mark
        blanks = _BLANKS.match(answer, after)
        copy_start = blanks.end() if blanks else after
        copied = answer.startswith(copy, copy_start)
        if len(items) < 2 and not copied:
            continue
        out.append(answer[position : dash.start()].rstrip())
        out.append("\n" + "\n".join(f"- {item}" for item in items) + mark + "\n")
        position = copy_start + len(copy) if copied else after
    out.append(answer[position:])
    return "".join(out)
