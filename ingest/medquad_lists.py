"""MedQuAD's run-in lists, each item on a line of its own and the list's pasted copy gone.

NIHSeniorHealth answers write a list as "... might suspect shingles if - the rash is only on one
side   - the rash erupts along a nerve path. the rash is only on one side the rash erupts along a
nerve path. A healthcare provider ...": the first item after a single-spaced dash, the others
after a run of spaces, the last ended by a period, and then the items again as one run-on
sentence (the page's hidden text). A single-spaced dash alone is a dash in prose; one followed
by space-run dashes, or by a copy of its items, starts a list. Items may run over sentences
("Self Care - Try remedies such as artificial tears. They offer relief.   - Avoid ..."): a first
dash whose text, a few sentences long and on one line, runs into a space-run dash starts a list
as well, and the space-run dashes after it are read by the loader as the other items.
"""

from __future__ import annotations

import re

_FIRST_DASH = re.compile(r"(?<=\S) -[ \t]+(?=\S)")
_NEXT_ITEM = re.compile(r"[ \t]{2,}-[ \t]+")
# Where the list ends: the last item's sentence end, or a line break.
_LIST_END = re.compile(r"[.!?](?=\s|$)|\n")
# A dash between spaces: in the sentence before a list's first dash, it makes that dash part of
# an item ("Penis disorders include   - Erectile dysfunction - inability to get an erection").
_ANY_DASH = re.compile(r"\s-\s")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_BLANKS = re.compile(r"[ \t]*")
# A list's items are short: a first item of more sentences than this is prose with a dash in it.
MAX_ITEM_SENTENCES = 4


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
        blanks = _BLANKS.match(answer, after)
        copy_start = blanks.end() if blanks else after
        copy_end = _copy_end(answer, copy_start, " ".join(items) + mark)
        copied = copy_end is not None
        if len(items) < 2 and not copied:
            if _runs_into_next_item(answer, dash.end()):
                out.append(answer[position : dash.start()].rstrip())
                out.append("\n- ")
                position = dash.end()
            continue
        out.append(answer[position : dash.start()].rstrip())
        out.append("\n" + "\n".join(f"- {item}" for item in items) + mark + "\n")
        position = copy_end if copy_end is not None else after
    out.append(answer[position:])
    return "".join(out)


def _runs_into_next_item(answer: str, item_start: int) -> bool:
    """The first item, from `item_start`, goes on over a few sentences of its line to a
    space-run dash, with no other dash on the way: the next item's bullet."""
    following = _NEXT_ITEM.search(answer, item_start)
    if following is None:
        return False
    item = answer[item_start : following.start()]
    if "\n" in item or _ANY_DASH.search(item):
        return False
    return len(re.findall(r"[.!?](?=\s)", item)) <= MAX_ITEM_SENTENCES


def _copy_end(answer: str, start: int, copy: str) -> int | None:
    """Where the items' pasted copy ends when it starts at `start`; the copy may space its
    words differently ("lung cancer throat cancer  mouth cancer")."""
    pattern = r"\s+".join(map(re.escape, copy.split()))
    found = re.compile(pattern).match(answer, start) if pattern else None
    return found.end() if found else None
