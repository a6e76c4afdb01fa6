"""Answer-level figures from answered questions: what counts as relevant, and what is unknown."""

from __future__ import annotations

import pytest

from assistant.answer import Answer, Citation
from healthqa.evaluation.answers_eval import AnsweredQuestion, ask_all, summarise

PASSAGE = "Gout is a kind of arthritis."


def answer_citing(*doc_ids: str) -> Answer:
    citations = tuple(
        Citation(n=n, chunk_id=n, doc_id=doc_id, title="T", section="S", passage=PASSAGE,
                 spans=((0, len(PASSAGE)),))
        for n, doc_id in enumerate(doc_ids, start=1)
    )
    text = " ".join(f"{PASSAGE} [{c.n}]" for c in citations)
    return Answer(text=text, citations=citations, abstained=not citations, safety=None, query="q")


class CitesByQuestion:
    """Answers each question by citing the documents listed for it (the assistant's interface)."""

    def __init__(self, cited: dict[str, tuple[str, ...]]) -> None:
        self.cited = cited

    def answer(self, conversation, message: str) -> Answer:
        return answer_citing(*self.cited[message])


def test_unjudged_first_citations_are_left_out_of_the_judged_only_share() -> None:
    qrels = {"1": {"good": 3, "bad": 0}, "2": {"good": 2}, "3": {"good": 2}, "4": {"good": 2}}
    cited = {"q1": ("bad", "good"), "q2": ("good",), "q3": ("unjudged",), "q4": ()}
    rows = ask_all(CitesByQuestion(cited), [(k[1:], k) for k in cited], qrels)
    summary = summarise(rows)
    assert [row.first_judged for row in rows] == [True, True, False, False]
    assert summary["answered_rate"] == 0.75
    # Over every question, an unjudged first document and an abstention count as not relevant.
    assert summary["first_citation_relevant"] == 0.25
    # Over the answers whose first document is judged: one relevant ("good"), one not ("bad").
    assert summary["first_citation_relevant_judged_only"] == 0.5
    assert summary["first_citation_unjudged"] == pytest.approx(1 / 3)


def test_a_row_built_by_hand_counts_its_first_citation_as_judged() -> None:
    row = AnsweredQuestion("1", "q", answer_citing("good"), grades=(3,), latency_ms=1.0)
    assert summarise([row])["first_citation_relevant_judged_only"] == 1.0
