"""The chosen units laid out as the answer's text, each sentence followed by its [n] marker,
with one citation per section."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer import Citation
from assistant.compose.base import Composition
from assistant.compose.conditional_items import kept_under_condition
from assistant.compose.pointing import beside_what_they_point_at
from assistant.compose.quotable import is_quotable
from assistant.compose.repeats import repeated
from assistant.compose.scored import BULLET, ScoredUnit
from assistant.compose.units import continues_line, is_label_line, is_lead_in, is_list_item
from healthqa.text.sentences import split_sentences


def _each_sentence_marked(item: str, n: int, said: set[tuple[str, ...]]) -> str:
    """A list item of several sentences carries the marker after each, like prose does, and
    says each only once."""
    pieces = [item[start:end].strip() for start, end in split_sentences(item)]
    if len(pieces) > 1:
        # Its later sentences are left out where they repeat or point at a lost link ("-
        # Smoking. Smokers absorb less calcium. Learn more about smoking and bone health.").
        pieces = pieces[:1] + [p for p in pieces[1:] if is_quotable(p)]
        pieces = [piece for piece in pieces if not repeated(piece, said)]
    return " ".join(f"{piece} [{n}]" for piece in pieces if piece) or f"{item} [{n}]"


def layout(chosen: Sequence[ScoredUnit], first: Sequence[ScoredUnit] = ()) -> Composition:
    """One paragraph per section, sections in the order chosen, units in article order but
    for `first`, which opens its section's paragraph (`answer_first`). A sentence pointing at
    what is not quoted is left out (`pointing`); an item completing its list's condition leads
    under it (`conditional_items`)."""
    chosen, first = beside_what_they_point_at(chosen, first)
    chosen, first, under_heading = kept_under_condition(chosen, first)
    leading = {id(u): n for n, u in enumerate(first)}
    order: list[tuple[str, str]] = []
    for item in chosen:
        if item.section.key not in order:
            order.append(item.section.key)
    paragraphs: list[str] = []
    citations: list[Citation] = []
    said: set[tuple[str, ...]] = set()
    for n, key in enumerate(order, start=1):
        items = sorted(
            (c for c in chosen if c.section.key == key),
            key=lambda c: (leading.get(id(c), len(leading)), c.unit.sentences),
        )
        section = items[0].section
        led = any(id(c) in leading for c in items)
        lines: list[str] = []
        cited: list[int] = []
        for item in items:
            first_item = next(
                (k for k in item.unit.sentences if is_list_item(section.sentence(k))), None
            )
            if first_item == item.unit.sentences[0] and (
                label := _list_label(
                    section.first.chunk.section,
                    opens=not lines,
                    after_lead=(led and id(item) not in leading) or id(item) in under_heading,
                )
            ):
                lines.append(label + f" [{n}]")
            # What a list item says is checked for repeats within the item only: two items
            # share a sentence by design ("Hold for 30 seconds and repeat three times." after
            # each of two stretches), and each needs it.
            in_item: set[tuple[str, ...]] = set()
            for index in item.unit.sentences:
                text = section.sentence(index)
                continues_item = (
                    first_item is not None
                    and index > first_item
                    and bool(lines)
                    and lines[-1].startswith("\n- ")
                    and not is_list_item(text)
                    and continues_line(section.text, section.sentences, index)
                )
                # "Irritants: soaps, wool": the unbulleted lines a list is made of are items too.
                # An item taken out of its list to lead the answer (`answering_item`) reads as
                # a sentence.
                alone = id(item) in leading and not item.unit.is_list and is_list_item(text)
                text, as_item = _as_read(text, item, alone=alone)
                if as_item:
                    in_item = set()
                if repeated(text, in_item if continues_item else said):
                    continue  # a page that says a sentence twice in one place
                cited.append(index)
                if as_item or alone:
                    marked = _each_sentence_marked(
                        BULLET.sub("", text), n, in_item if as_item else said
                    )
                    lines.append(("\n- " if as_item else " ") + marked)
                elif continues_item:
                    lines[-1] += f" {text} [{n}]"  # an item's next sentence, on its line
                elif item.unit.is_list and is_lead_in(text):
                    # "symptoms can include" gets the colon it lacks; a lead-in that already
                    # holds its first item inline ("may include - cloudy urine") does not.
                    colon = "" if text.endswith(":") or " - " in text else ":"
                    lines.append("\n" + text + colon + f" [{n}]")
                else:
                    after_list = bool(lines) and lines[-1].startswith("\n- ")
                    lines.append(("\n" if after_list else " ") + text + f" [{n}]")
        paragraphs.append("".join(lines).strip())
        stored = section.first
        citations.append(
            Citation(
                n=n,
                chunk_id=stored.chunk_id,
                doc_id=stored.chunk.doc_id,
                title=stored.chunk.title,
                section=stored.chunk.section,
                passage=section.text,
                spans=tuple(section.sentences[i] for i in sorted(set(cited))),
                url=stored.chunk.url,
                page=stored.chunk.page,
                source=stored.source,
                reviewed=stored.reviewed,
            )
        )
    return Composition(text="\n\n".join(paragraphs), citations=tuple(citations))


def _as_read(text: str, item: ScoredUnit, *, alone: bool) -> tuple[str, bool]:
    """The sentence as shown, and whether it is shown as a list item."""
    if alone:
        return as_sentence(BULLET.sub("", text)), False
    return text, is_list_item(text) or (item.unit.is_list and is_label_line(text))


def as_sentence(item: str) -> str:
    """A list item read as a sentence of its own: "try compression stockings, which squeeze the
    legs" leads an answer as "Try compression stockings, which squeeze the legs." (the citation
    check reads case and a closing stop as the passage's own words)."""
    item = item.strip()
    if not item:
        return item
    if item[0].islower():
        item = item[0].upper() + item[1:]
    return item if item[-1] in ".!?:;)\"'”" else item + "."


_LEADS_IN = re.compile(r"(:|\b(if|when|who|include|includes|including))\s*$", re.IGNORECASE)


# A heading this long or shorter reads as a list's label ("When to see a doctor:").
HEADING_LABEL_WORDS = 8


def _list_label(heading: str, *, opens: bool, after_lead: bool) -> str:
    """The line that introduces a list with no introduction of its own, "" for none. The list
    `opens` its paragraph under a heading that leads in ("Call 999 or go to A&E if:"): without
    it the items do not say what they are. It comes `after_lead`, after what was moved to lead
    the section ("Call 911 if: ..."), and is not that sentence's sequel: a short heading that is
    no question says what its items are ("When to see a doctor:")."""
    lead = " ".join(heading.split())
    if opens and _heading_leads_in(heading):
        return lead + ("" if lead.endswith(":") else ":")
    if after_lead and lead and not lead.endswith("?") and len(lead.split()) <= HEADING_LABEL_WORDS:
        return "\n" + lead.rstrip(":") + ":"
    return ""


def _heading_leads_in(heading: str) -> bool:
    """A heading that a list completes ("See a GP if", "Call 999 or go to A&E if:")."""
    return bool(_LEADS_IN.search(heading.strip()))
