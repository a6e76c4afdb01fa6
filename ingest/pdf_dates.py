"""The date a PDF leaflet says it was reviewed, updated or published.

Leaflets print it in their running footer ("Leaflet HAEM-009 · Published March 2023 · Review
March 2026"), which the loader removes from the article's text; so it is read from the pages
as printed. "Review March 2026" and "Review due ..." are the date of the next review, a date
to come, and are not taken. A month and year in figures ("Date of issue: 03/2025") can be read
only one way. A full numeric date ("03/04/2024") is read only when another numeric date of the
leaflet shows which comes first, the day or the month (`ingest.date_order`); else it is left
alone, as a leaflet has no language tag to settle it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from ingest.date_order import DateOrder, stated_date_order

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = rf"(?P<month>{'|'.join(_MONTHS)})[a-z]*\.?"
_DATE = (
    rf"(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?{_MONTH},?\s+(?P<year>(?:19|20)\d{{2}})\b"
    r"|(?P<iso>(?:19|20)\d{2}-\d{2}(?:-\d{2})?)\b"
    r"|(?P<numeric>\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d{2})\b"
    r"|(?P<figures_month>0?[1-9]|1[0-2])[/.](?P<figures_year>(?:19|20)\d{2})\b(?![/.]\d)"
)
# Which kind of date, in the order one is preferred.
_KINDS = (("reviewed", "review"), ("updated", "updat"), ("published", "publi|issue|produc"))
_STATED = re.compile(
    rf"(?<!next )\b(?P<kind>(?:last |medically )?reviewed|(?:last )?updated|published|issued"
    rf"|date of (?:issue|publication|production)|publication date|(?:date )?produced)"
    rf"\s*(?:on\s+|:\s*)?(?:{_DATE})",
    re.IGNORECASE,
)


def stated_date(pages: Sequence[str]) -> str | None:
    """The ISO date ("2023-03", or "2023-03-14" when the day is printed) the pages say the
    leaflet was reviewed, else updated, else published; None when they say none of these."""
    found: dict[str, str] = {}
    order = stated_date_order("\n".join(pages))
    for page in pages:
        for match in _STATED.finditer(page):
            kind = next(
                name for name, stem in _KINDS if re.search(stem, match["kind"], re.IGNORECASE)
            )
            iso = _iso(match, order)
            if iso is not None:
                found.setdefault(kind, iso)
    return next((found[name] for name, _ in _KINDS if name in found), None)


def _iso(match: re.Match[str], order: DateOrder | None) -> str | None:
    if match["iso"]:
        return match["iso"]
    if match["figures_month"]:
        return f"{match['figures_year']}-{int(match['figures_month']):02d}"
    if match["numeric"]:
        if order is None:
            return None
        try:
            parsed = datetime.strptime(match["numeric"].replace(".", "/"), order.value)
        except ValueError:
            return None
        return parsed.date().isoformat()
    month = _MONTHS.index(match["month"].lower()) + 1
    day = f"-{int(match['day']):02d}" if match["day"] else ""
    return f"{match['year']}-{month:02d}{day}"
