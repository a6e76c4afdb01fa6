"""Which way round a page writes its numeric dates: 11/02/2023 is 2 November in the US, 11
February almost everywhere else.

A page settles it itself when another of its numeric dates cannot be read the other way
("03/18/2024" is month first); else its language tag names the country ("en-US", "en-GB"); else
it is read month first, the order of the slashed dates on the US health sites most articles come
from, so every undecided page of a site is read the same way.
"""

from __future__ import annotations

import re
from enum import Enum

_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\b")
# Countries that write the month first; any other region in a language tag means day first.
_MONTH_FIRST_REGIONS = frozenset({"us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "vi", "um"})


class DateOrder(Enum):
    MONTH_FIRST = "%m/%d/%Y"
    DAY_FIRST = "%d/%m/%Y"


def numeric_date_order(text: str, lang: str | None = None) -> DateOrder:
    """The order of `text`'s numeric dates, from its unambiguous ones, else from `lang`."""
    decided = stated_date_order(text)
    if decided is not None:
        return decided
    region = _region(lang)
    if region is not None and region not in _MONTH_FIRST_REGIONS:
        return DateOrder.DAY_FIRST
    return DateOrder.MONTH_FIRST


def stated_date_order(text: str) -> DateOrder | None:
    """The order `text`'s unambiguous numeric dates show ("18/03/2024"); None when none does."""
    votes = [_order_of(int(first), int(second)) for first, second, _ in _NUMERIC.findall(text)]
    decided = [vote for vote in votes if vote is not None]
    # A page that writes both ways is rare; the majority is the page's habit.
    return max(DateOrder, key=decided.count) if decided else None


def _order_of(first: int, second: int) -> DateOrder | None:
    if first > 12 >= second >= 1:
        return DateOrder.DAY_FIRST
    if second > 12 >= first >= 1:
        return DateOrder.MONTH_FIRST
    return None


def _region(lang: str | None) -> str | None:
    """ "en-GB" -> "gb"; None for a tag without a two-letter region ("en", "zh-Hant")."""
    for part in (lang or "").replace("_", "-").lower().split("-")[1:]:
        if len(part) == 2 and part.isalpha():
            return part
    return None
