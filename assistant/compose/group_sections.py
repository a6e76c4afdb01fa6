"""The cited article's own section about a group a follow-up brings up.

"what about kids?" after "what are the symptoms of gout?" is read as the same question for
children; the search may find the same section again, and its one line naming children is
already in the answer just given. When the article has a section whose heading names the group
("Gout in children", "Older people and pregnancy"), that section is what the follow-up asks
for: it says more about the group than any line of the general answer, so it is read instead of
narrowing that answer to its lines naming the group (`narrowed.lines_naming`). A heading that
names the group but asks another question ("Can children go to school with scabies?", "How do
children catch it?") answers that question, not this one: it is not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.retrieval.hybrid import Passage, Retrieval
from assistant.understanding.question_types import QuestionType, heading_type
from index.protocols import IndexReading

# At most this many chunks are read: the group's section, not the rest of the page.
MAX_GROUP_CHUNKS = 4


def group_sections(
    retrieval: Retrieval, doc_ids: Iterable[str], reader: IndexReading, group: re.Pattern[str]
) -> Retrieval | None:
    """The chunks of the articles `doc_ids` whose section heading names `group` and asks
    nothing else than the question does, as passages ranked by their match to the question;
    None when no heading does."""
    kind = retrieval.analysis.qtype
    found = [
        c
        for doc_id in dict.fromkeys(doc_ids)
        for c in reader.chunks_of(doc_id)
        if group.search(c.chunk.section) and _about_the_group(c.chunk.section, kind)
    ][:MAX_GROUP_CHUNKS]
    if not found:
        return None
    similarity = reader.vectors([c.chunk_id for c in found]) @ retrieval.query_vector
    passages = sorted(
        (
            Passage(c.chunk_id, c.chunk.doc_id, float(sim), float(sim), c)
            for c, sim in zip(found, similarity, strict=True)
        ),
        key=lambda p: -p.score,
    )
    return Retrieval(retrieval.analysis, retrieval.query_vector, tuple(passages))


def _about_the_group(heading: str, kind: QuestionType) -> bool:
    """"Gout in children", "Older people and pregnancy" (no question of their own), or a
    heading asking the question's kind."""
    asks = heading_type(heading)
    if asks in (QuestionType.information, QuestionType.considerations):
        return not heading.strip().endswith("?")
    return asks is kind
