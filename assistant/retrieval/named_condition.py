"""The article a diagnosis question names: "my son has crusty patches round his nose. Is it
impetigo?" asks about the condition it names ("impetigo"), told with a story in the visitor's
own words. The story's everyday words ("crusty", "round his nose") may match the named
condition's article too weakly to clear the answer-or-decline cut, so the visitor got the
diagnosis reminder and then "I couldn't find this", although the article is there.

The condition is searched on its own: when that clears the cut, the message's passages from the
same article are answered from (the story ranks its sections: the symptoms it tells). The
condition picks the article; it never brings in an article the message's own search did not
find, so a condition the articles do not cover is still declined.
"""

from __future__ import annotations

from assistant.retrieval.abstain import Calibration, should_abstain
from assistant.retrieval.hybrid import HybridRetriever, Retrieval
from assistant.triage.diagnosis_ask import condition_named
from assistant.understanding.question import analyze

# The condition's article is among the best few passages its own search finds.
CONDITION_ARTICLES_FROM = 3


def passages_of_named_condition(
    message: str, retrieval: Retrieval, retriever: HybridRetriever, calibration: Calibration
) -> Retrieval | None:
    """The message's passages from the article of the condition its diagnosis question names,
    when that condition searched alone clears the cut; None otherwise."""
    condition = condition_named(message)
    if condition is None:
        return None
    own = retriever.search(analyze(condition))
    if should_abstain(own, calibration):
        return None
    best = [p.doc_id for p in own.passages if not p.context_only][:CONDITION_ARTICLES_FROM]
    articles = set(best)
    kept = tuple(p for p in retrieval.passages if p.doc_id in articles)
    if not kept:
        return None
    return Retrieval(retrieval.analysis, retrieval.query_vector, kept)
