"""How long an extractive answer runs, and how close a unit must score to join it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractiveSettings:
    target_words: int = 110  # stop adding units once the answer is this long
    min_words: int = 40  # below this, the units next to the chosen ones are added too
    max_words: int = 180
    margin: float = 0.12  # units scoring this far below the section's best are left out
    second_source_margin: float = 0.04  # another section must score within this of the first
    repeats_at: float = 0.85  # cosine above which a unit says what the answer already says
    repeats_in_section_at: float = 0.95  # the same, for two units of one section
    max_sources: int = 2
    max_list_items: int = 8  # a longer list is cut to this many items ...
    # ... unless it has at most this many and fits `max_words`: a list that is the answer (9
    # later symptoms of Lyme disease, 11 signs of an underactive thyroid) is quoted whole, as
    # one with an item missing reads as the whole list and misleads.
    whole_list_items: int = 16
