"""What a personal dose request that the topic check refused is still answered from.

"How many hours should I leave the cream on my 3 year old?" is read for a topic
(`topic.about_topic`), and a question like this one, whose words are mostly the amount, the
time and the person, can be read for a topic no passage is about, so the visitor got the dose
caveat alone. The caveat promises general information with every dosing sentence withheld (the
ages a cream is for, whom to ask before treating a young child): after a dose request, the
passages about the medicine the question names (its rarest word the index knows,
`defined_term.passages_defining`, which the search below the cut is narrowed to) answer it.
None when no passage is about that word, so a medicine no article covers is still declined.
"""

from __future__ import annotations

from collections.abc import Mapping

from assistant.retrieval.defined_term import passages_defining
from assistant.retrieval.hybrid import Retrieval


def about_dose_topic(retrieval: Retrieval, vocabulary: Mapping[str, int]) -> Retrieval | None:
    """The passages about the medicine a dose request names; None when none is about it."""
    kept = passages_defining(retrieval, vocabulary)
    if not kept:
        return None
    return Retrieval(retrieval.analysis, retrieval.query_vector, kept)
