"""Reviewer and author credits: who wrote or checked the page, not what it says about health.

Health sites sign their pages ("Updated by: A. Name, MD, ... Also reviewed by ... Editorial
team.", "Medically reviewed by ...", "Written by ..."). Converted to text, the credit ends up at
the end of the last paragraph or glued to the last list item ("- worse cough Updated by: ..."),
and an answer quoting that item quoted the credit with it. A credit starts where a sentence or
line starts with "<Updated|Reviewed|Written|Edited> by" (or "Developed", "Produced", "Prepared":
a hospital's or charity's fact sheet signs itself "Developed by The ... department"), optionally
after "Medically", "Also", "Last" or "Review provided", or anywhere as "Updated by:" / "Reviewed
by:" with its colon and a capitalised name; it runs to the end of its line. "Your plan should
be reviewed by your doctor" starts no credit: the verb is not at a sentence start and no colon
follows it.
"""

from __future__ import annotations

import re

from ingest.cleaning.edits import Dropped, RuleResult, SectionContext, delete_ranges

_ROLE = (
    r"(?:[Uu]pdated|[Rr]eviewed|[Ww]ritten|[Ee]dited|Review [Pp]rovided|[Dd]eveloped|[Pp]roduced"
    r"|[Pp]repared)"
)
CREDIT = re.compile(
    rf"(?:(?:^|(?<=[.!?]\s)|(?<=\n))(?:(?:Medically|Also|Last|Content) )?{_ROLE} by\s+[A-Z]"
    rf"|\b{_ROLE} by:\s*[A-Z])",
    re.MULTILINE,
)


def is_credit(text: str) -> bool:
    """Text that starts with a credit (what this rule drops)."""
    return bool(CREDIT.match(text.strip()))


def drop_credits(text: str, _context: SectionContext) -> RuleResult:
    ranges: list[tuple[int, int]] = []
    for match in CREDIT.finditer(text):
        if ranges and match.start() < ranges[-1][1]:
            continue  # "Also reviewed by" inside a credit already dropped
        end = text.find("\n", match.start())
        ranges.append((match.start(), len(text) if end < 0 else end))
    if not ranges:
        return text, ()
    # The site around the article, like a share bar: a section of nothing but credits (a
    # "Review Date 5/16/2024" block under the article) goes whole instead of being indexed.
    dropped = tuple(Dropped("site furniture", text[start:end]) for start, end in ranges)
    return delete_ranges(text, ranges), dropped
