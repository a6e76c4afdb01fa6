"""Which of the found passages answer the topic the visitor named, before an answer is composed.

The search ranks passages about a neighbouring topic highly when they share its words: Down
syndrome for "what about Kabuki syndrome?", type 2 diabetes for "what is type 1 diabetes?", the
adults' page for "what about kids?" after a question on urinary tract infections. Where the topic
is the visitor's own words, the passages are narrowed to those that name it (`coverage`), and
the answer is declined when none does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from assistant.retrieval.asked_value import asks_for_value, value_not_given
from assistant.retrieval.coverage import (
    american,
    chunk_speaks_of,
    class_words,
    distinctive_words,
    is_checkable,
    names_in_passing,
    passages_about,
    rarest_word,
)
from assistant.retrieval.defined_term import passages_defining
from assistant.retrieval.described_thing import described_words
from assistant.retrieval.hybrid import HybridRetriever, Passage, Retrieval
from assistant.retrieval.joined_topic import joins_another_topic
from assistant.retrieval.lay_name import gives_as_name
from assistant.retrieval.unnamed import asks_yes_or_no, unnamed_subject
from assistant.understanding.conversation import group_names, new_topic
from assistant.understanding.focus import title_topic
from index.records import Chunk

# A message this short that is searched as typed is a question whose focus is the visitor's own
# words ("what causes kidney stones"), so an article that never names the focus's rarest word
# in the index does not answer it. A longer message is a story, whose focus is read less
# reliably ("mg eyes" from a question about retinitis pigmentosa); it is answered from what
# scores best. All 104 MEDIQA train questions keep passages naming their focus; 6 of the 16
# out-of-scope questions the score let through name a topic no passage names ("ozempic",
# "kabuki syndrom"). Holding a question to every word of its focus instead cost correct answers
# ("main causes of tooth loss" from a page on tooth decay).
SHORT_QUESTION_WORDS = 12
# Words that say what kind of answer is wanted, not what it is about: a focus of only these
# ("tips" of "tips to fall asleep faster") has nothing to hold the passages to, and in a focus
# with a topic they are not what a passage must name ("constipation remedies" is answered by a
# "Self-help" section that never says "remedies").
_ASKING_FOR = frozenset({
    "tip", "tips", "advice", "idea", "ideas", "hack", "hacks", "trick", "tricks", "guidance",
    "recommendation", "recommendations", "pointers", "remedy", "remedies", "cure", "cures",
    "treatment", "treatments", "option", "options", "relief",
})
# How deep a follow-up naming a group ("what about kids?") looks for passages from the group's
# own articles or sections.
GROUP_SEARCH_DEPTH = 40
_ARTICLE_WORD = re.compile(r"[a-z0-9']+")


def about_topic(
    message: str,
    retrieval: Retrieval,
    *,
    as_asked: bool,
    retriever: HybridRetriever,
    vocabulary: Mapping[str, int],
) -> Retrieval | None:
    """A follow-up that brings up a topic ("what about Kabuki syndrome?", "what about type 2?")
    is answered only from the passages that speak of every distinctive word of it, a short
    question searched as typed (`as_asked`: "what causes kidney stones") from those naming its
    rarest word in the index (`vocabulary`): the neighbour (Down syndrome, type 1 diabetes,
    chronic kidney disease) scores well but is not it. None when no passage does. Checked only
    where the topic is the visitor's own words; a focus read from a follow-up rewritten with the
    conversation, or from a long story, is too unreliable to refuse an answer on. A yes-or-no
    question whose subject no article names ("can my dog get lyme disease") is not answered
    at all (`unnamed`), nor one whose subject only another article names, nor one asking for a
    level that article gives no number for (`asked_value`)."""
    asked = retrieval.analysis.asked or message
    if unnamed_subject(asked, vocabulary):
        return None
    # The answering article is read only for a question whose answer it must hold a word of.
    if asks_yes_or_no(asked) or asks_for_value(asked):
        article = answering_article(retrieval, retriever)
        if unnamed_subject(asked, words_of(article)) or value_not_given(asked, article):
            return None
    group = group_names(message)
    if group is not None:
        return about_group(group, retrieval, retriever)
    topic = new_topic(message)
    words: list[str] | None = None  # a follow-up's topic: every distinctive word
    if topic is None and as_asked and len(message.split()) <= SHORT_QUESTION_WORDS:
        topic = retrieval.analysis.focus
        if topic and set(distinctive_words(topic)) <= _ASKING_FOR:
            topic = None  # "tips to fall asleep faster": what is asked for, not a topic
        if described_words(asked) is not None:
            topic = None  # "what are the little white things ...": a description, not a topic
        words = rarest_word(without_asking_for(topic), vocabulary) if topic else None
    if topic is None:
        return retrieval
    kept = passages_about(topic, retrieval.passages, words)
    if words:
        # A first question's topic must be what a passage is about, not a word it drops once:
        # some word of the focus is in its headings or said as what a sentence is about. (Not
        # only the rarest: of a focus read as "COPD different" that is "different".)
        # A passage that says what the question's rarest word is (`defined_term`: "Use the
        # 20-20-20 rule at screens") is about it, however many words come before the term.
        named = distinctive_words(without_asking_for(topic))
        defining = passages_defining(retrieval, vocabulary)
        kept = tuple(
            p
            for p in kept
            if p in defining or not all(names_in_passing(w, p.stored.chunk) for w in named)
        )
        # A page that gives the word as what its topic is ("often described as ringing in the
        # ears") is about it, every passage of it (`lay_name`).
        named_as = {
            p.doc_id
            for p in retrieval.passages
            if not p.context_only and any(gives_as_name(w, p.stored.chunk) for w in words)
        }
        kept = tuple(
            p
            for p in retrieval.passages
            if p in kept or (not p.context_only and p.doc_id in named_as)
        )
        if all(vocabulary.get(american(w), 0) or vocabulary.get(w, 0) for w in words):
            # The focus read may be a word of the question, not its topic ("likely" of "who is
            # most likely to get sleep apnea"): a question that names an article's topic as its
            # title gives it is about that article. Not when the focus is a word the articles
            # never use, which is how a neighbouring topic shows ("pseudogout" beside "gout").
            kept = tuple(
                p
                for p in retrieval.passages
                if p in kept or (not p.context_only and names_title_topic(message, p))
            )
    # "mouth ulcers" beside "Dry mouth" and "Leg ulcers": a thing neither page covers.
    if words and (
        not names_kinds(topic, kept)
        or joins_another_topic(
            message, distinctive_words(without_asking_for(topic)), kept, retriever
        )
    ):
        return None
    return Retrieval(retrieval.analysis, retrieval.query_vector, kept) if kept else None


def without_asking_for(focus: str) -> str:
    """The focus without the words saying what kind of answer is wanted: "constipation" of
    "constipation remedies"."""
    return " ".join(w for w in focus.split() if w.lower() not in _ASKING_FOR)


def names_kinds(focus: str, passages: Iterable[Passage]) -> bool:
    """Every class word of the focus (`coverage.class_words`: "cancer" of "kidney cancer") is
    named by some passage: the kidney-stones page shares "kidney" with a question on kidney
    cancer and never says "cancer"."""
    passages = tuple(passages)
    return all(
        any(chunk_speaks_of(word, p.stored.chunk, [word]) for p in passages)
        for word in class_words(focus)
    )


def answering_article(retrieval: Retrieval, retriever: HybridRetriever) -> list[Chunk]:
    """Every chunk of the article the best ranked passage comes from: what the answer would be
    read from. Not every article found: lower down, a neighbouring page names what the question
    asks about ("vaccine" on the shingles page for a question on athlete's foot) and answers
    nothing of it."""
    ranked = [p for p in retrieval.passages if not p.context_only]
    if not ranked:
        return []
    return [stored.chunk for stored in retriever.reader.chunks_of(ranked[0].doc_id)]


def words_of(chunks: list[Chunk]) -> Counter[str]:
    """The words of the chunks' titles, headings and text, each counted once per chunk."""
    words: Counter[str] = Counter()
    for chunk in chunks:
        said = f"{chunk.title} {chunk.section} {chunk.text}".lower()
        words.update(set(_ARTICLE_WORD.findall(said)))
    return words


def names_title_topic(message: str, passage: Passage) -> bool:
    """The message names, as whole words in either spelling, the topic of the title of the
    passage's article: "sleep apnoea" for "Sleep Apnea: Symptoms, Diagnosis and Treatment". Or
    the topic without the words before its last two distinctive ones, which say what kind it is
    ("sleep apnea" of "Obstructive sleep apnoea"), or its words run together ("hayfever")."""
    topic = _words(title_topic(passage.stored.chunk.title))
    if not distinctive_words(" ".join(topic)):
        return False
    asked = _words(message)
    names = [topic[k:] for k in range(len(topic)) if k == 0 or _two_distinctive(topic[k:])]
    if any(_says(asked, name) for name in names):
        return True
    return len(topic) > 1 and "".join(topic) in asked


def _two_distinctive(words: list[str]) -> bool:
    return len(distinctive_words(" ".join(words))) >= 2


def _says(asked: list[str], run: list[str]) -> bool:
    return any(asked[i : i + len(run)] == run for i in range(len(asked) - len(run) + 1))


def _words(text: str) -> list[str]:
    return [american(w) for w in re.findall(r"[a-z0-9]+", text.lower())]


def about_group(
    group: re.Pattern[str], retrieval: Retrieval, retriever: HybridRetriever
) -> Retrieval:
    """A follow-up that brings up a group ("what about kids?") is answered from the articles or
    sections whose title or heading names it ("My Child's Urinary Tract Infection"), found among
    the best `GROUP_SEARCH_DEPTH` passages, when there are any: the rewritten search ("who is at
    risk for UTIs in kids?") still ranks first the page that answered the question before, and
    the group's own page may hold the answer lower down ("Male Breast Cancer" under the general
    page's signs). Else from the topic's passages that name the group in their text; otherwise
    from what was found."""
    focus = retrieval.analysis.focus
    if focus is None or not is_checkable(focus):
        return retrieval  # nothing to tell the topic's own pages from others by
    wide = retriever.search(retrieval.analysis, k=GROUP_SEARCH_DEPTH, vector=retrieval.query_vector)
    # Deeper down, other articles name the group too ("Irritable Bowel Syndrome in Children",
    # which mentions celiac disease): only a page titled for the topic counts.
    own = [
        p
        for p in wide.passages
        if not p.context_only and chunk_speaks_of(focus, p.stored.chunk, headings_only=True)
    ]
    if not any(group.search(p.stored.chunk.title) for p in own) and _speaks_of_group(
        group, retrieval, own
    ):
        # No article for the group, and the section that best answers the question speaks of
        # it itself ("not usually suitable for children under 2" in the treatment section):
        # that beats a section whose heading names the group but answers another question
        # ("How do children catch pinworms?" on a page written for parents).
        return retrieval
    named = tuple(
        p for p in own if group.search(f"{p.stored.chunk.title} {p.stored.chunk.section}")
    )[: len(retrieval.passages)]
    if not named:
        # No page or section for the group: the topic's passages that speak of it ("Permethrin
        # is approved for use on children 2 months of age and older"), best first.
        named = tuple(p for p in own if group.search(p.stored.chunk.text))[
            : len(retrieval.passages)
        ]
    if not named or {p.chunk_id for p in named} == {p.chunk_id for p in retrieval.passages}:
        return retrieval
    return Retrieval(retrieval.analysis, retrieval.query_vector, named)


def _speaks_of_group(group: re.Pattern[str], retrieval: Retrieval, own: list[Passage]) -> bool:
    """The best passage found for the question is one of the topic's own and names the group."""
    best = next((p for p in retrieval.passages if not p.context_only), None)
    return (
        best is not None
        and best.chunk_id in {p.chunk_id for p in own}
        and bool(group.search(best.stored.chunk.text))
    )


def group_not_named(message: str, sources: Iterable[str]) -> str | None:
    """The group a follow-up brings up ("what about kids?"), in the visitor's words, when none
    of the answer's sources (title, heading and passage, one string each) names it: the answer
    can only be the general one, and says so. None for any other message."""
    group = group_names(message)
    if group is None or any(group.search(source) for source in sources):
        return None
    said = group.search(message)
    return said.group() if said else None
