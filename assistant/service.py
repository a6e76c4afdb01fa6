"""The assistant: one message in, one checked answer out.

Order matters and is fixed: safety triage on every turn, read with the earlier ones (an
escalation comes before anything else and stands alone) -> small talk -> instructions dropped ->
follow-up rewriting and spelling -> question analysis -> retrieval -> abstain or compose ->
record the turn. The message is embedded once, for the triage and, when the search text is the
message itself, for the retrieval too.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Generator, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace

from threadpoolctl import threadpool_limits

from assistant.admission import FairAdmission
from assistant.answer import Answer, SafetyNotice
from assistant.compose.asked_sections import with_asked_sections
from assistant.compose.base import Composer, Composition, CompositionRequest, StreamingComposer
from assistant.compose.extractive import ExtractiveComposer
from assistant.compose.group_sections import group_sections
from assistant.compose.llm import build_llm_parts
from assistant.compose.narrowed import lines_naming, opening
from assistant.compose.second_sources import without_unasked_sources
from assistant.retrieval.abstain import (
    Calibration,
    answer_from,
    load_calibration,
    should_abstain,
)
from assistant.retrieval.coverage import (
    chunk_speaks_of,
    is_checkable,
    passages_about,
    text_names,
)
from assistant.retrieval.defined_term import rarest_asked
from assistant.retrieval.dose_topic import about_dose_topic
from assistant.retrieval.hybrid import HybridRetriever, Passage, Retrieval, with_neighbours
from assistant.retrieval.named_condition import passages_of_named_condition
from assistant.retrieval.subsections import with_subsections
from assistant.retrieval.topic import (
    about_topic,
    group_not_named,
    names_kinds,
    names_title_topic,
    without_asking_for,
)
from assistant.retrieval.untrusted import without_passages_addressing_the_assistant
from assistant.starters import as_question
from assistant.triage import SafetyLines, Triage, TriageClassifier, load_triage, notice_for
from assistant.triage.dose_advice import withheld_after_dose_request
from assistant.triage.support_line import speaks_of_suicide, support_text
from assistant.understanding.conversation import (
    Conversation,
    Turn,
    about_focus,
    contextualize,
    group_asked_about,
    group_said,
    names_no_topic,
)
from assistant.understanding.focus import named_intervention, title_topic
from assistant.understanding.injection import strip_instructions
from assistant.understanding.language import other_language
from assistant.understanding.markup import as_plain_text
from assistant.understanding.question import QuestionAnalysis, analyze, keywords
from assistant.understanding.question_types import QuestionType, heading_type
from assistant.understanding.smalltalk import small_talk_reply
from assistant.understanding.spelling import Speller, said_together_in
from healthqa.settings import Settings
from healthqa.text.words import stem
from index.embedder import Embedder, SentenceTransformerEmbedder, Vectors
from index.location import open_reader
from index.manifest import manifest_for
from index.protocols import IndexReading

ABSTAIN_TEXT = (
    "I couldn't find this in the vetted articles I can search, so I won't guess. "
    "Please ask a clinician, or try rephrasing your question."
)
# The decline for a question surely written in another language (understanding/language.py):
# the articles may hold the answer, but they are searched in English.
OTHER_LANGUAGE_TEXT = (
    "I can only search the vetted articles in English, and this question looks like {language}. "
    "Please ask it in English, or ask a clinician."
)
# Leads a follow-up's answer that is word for word the one just given ("what about in babies?"
# when the article says no more than it did): the repeat is said to be one, not shown as new.
# A marker-less line ending in a colon is framing (compose/citations.py).
SAME_ANSWER_LEAD = "The articles I can search say no more about that than what I quoted above:"
# Leads the answer to a follow-up about a group ("what about kids?") when nothing the answer is
# read from names the group: what follows is the general answer, not one for that group.
# One sentence ending in a colon, so that it reads as framing.
GENERAL_ONLY_LEAD = (
    "The articles I can search say nothing specifically about {group}; in general, they say:"
)
# Leads the lines of the answer just given that name the group a follow-up asks about ("and in
# older people?" when the section quoted has one sentence about them): the rest is not repeated.
GROUP_PART_LEAD = "Of what I quoted above, this is what the articles say about {group}:"
EMPTY_MESSAGE_TEXT = "Type a health question and I'll answer it from the vetted articles."
NO_QUESTION_TEXT = (
    "I answer health questions from vetted articles and my rules don't change. "
    "What would you like to know about a health topic?"
)

Rewriter = Callable[[Conversation, str], str]


def too_long_text(limit: int) -> str:
    return (
        f"That message is longer than the {limit:,} characters I can read. Please ask your "
        "question on its own, in a sentence or two."
    )


def nothing_to_look_up(message: str, *, too_long: bool, limit: int) -> str:
    """The reply to a message with no question left: too long, empty (which is not an attempt to
    change the rules), or all instructions to the assistant."""
    if too_long:
        return too_long_text(limit)
    return NO_QUESTION_TEXT if message.strip() else EMPTY_MESSAGE_TEXT


def answered_topic(focus: str | None, cited_title: str, question: str = "") -> str:
    """What a follow-up's "it" refers to: the focus read from the question when the article that
    answered it is about that focus, else that article's title. The question's focus can be a
    misspelling or a word of a story ("wat is rheumatoid arthritus" reads as "wat"); the article
    the answer came from is what the visitor was just told about, by its topic's name rather
    than the page's whole title. A question about the topic's vaccine, test or operation is
    about that ("is it safe?" after "who should get the shingles vaccine?")."""
    # "constipation remedies" is about constipation: the page's title names that, not "remedies".
    focus = without_asking_for(focus) if focus else focus
    topic = focus if focus and focus.casefold() in cited_title.casefold() else None
    topic = topic or title_topic(cited_title)
    return named_intervention(question, topic) or topic


def as_text(message: str) -> str:
    """The message as text the model can read: a terminal in another encoding hands Python
    undecodable bytes as lone surrogates ("caf\udce9"), which the tokenizer cannot take."""
    return message.encode("utf-8", "replace").decode("utf-8")


def prefix_for(notice: SafetyNotice | None) -> str:
    return f"{notice.message}\n\n" if notice else ""


# A follow-up read together with the question before it keeps that reading only if what it finds
# is about the follow-up itself: the best passage's cosine with the follow-up alone reaches this.
# An unrelated message ("how do I change my oil?" after shingles) stays under 0.2.
RELATED_TO_MESSAGE = 0.2
# ... and if it matches the articles about as well as the question it extends did: read with it,
# a follow-up on the same topic ("what's the life expectancy?", "is there a cure or nah") finds
# passages scoring at least 0.89 of the earlier best in the follow-up set; one that asks about
# something the articles lack ("how much does laser hair removal cost?" after melanoma, "can
# horses get gout too?") drags the best score down to 0.64-0.81 of it. Chosen on that set.
KEEPS_MATCH = 0.85


class AnswerStream:
    """Text pieces as they are produced, then the checked answer (which may differ: an LLM's
    unsupported sentences are dropped after streaming)."""

    def __init__(self, producer: Generator[str, None, Answer]) -> None:
        self._producer = producer
        self._answer: Answer | None = None
        self.pieces: Iterator[str] = self._run()

    def _run(self) -> Iterator[str]:
        self._answer = yield from self._producer

    def final(self) -> Answer:
        for _ in self.pieces:
            pass
        if self._answer is None:
            raise RuntimeError("the answer stream ended without an answer")
        return self._answer


@dataclass
class Assistant:
    settings: Settings
    reader: IndexReading
    retriever: HybridRetriever
    composer: Composer
    calibration: Calibration
    triage: TriageClassifier
    lines: SafetyLines = field(default_factory=SafetyLines)
    rewrite: Rewriter = contextualize
    _speller: Speller | None = field(default=None, init=False, repr=False)
    _speller_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _admission: AbstractContextManager[object] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Answers computed here are admitted a few at a time (settings.max_concurrent_answers);
        # one that waits on a remote model while it streams (the LLM composer) is not held back.
        remote = isinstance(self.composer, StreamingComposer)
        self._admission = (
            nullcontext() if remote else FairAdmission(self.settings.max_concurrent_answers)
        )

    def speller(self) -> Speller:
        """Built on first use from this index generation's words (shared by every session)."""
        with self._speller_lock:
            if self._speller is None:
                self._speller = Speller(
                    self.reader.vocabulary(), says_together=said_together_in(self.reader)
                )
            return self._speller

    def answer(self, conversation: Conversation, message: str) -> Answer:
        return self.stream(conversation, message).final()

    def stream(self, conversation: Conversation, message: str) -> AnswerStream:
        return AnswerStream(self._produce(conversation, as_text(message)))

    def _produce(self, conversation: Conversation, message: str) -> Generator[str, None, Answer]:
        with self._admission:
            return (yield from self._steps(conversation, message))

    def _steps(self, conversation: Conversation, message: str) -> Generator[str, None, Answer]:
        limit = self.settings.max_question_chars
        too_long = len(message) > limit
        # Every step below costs at most what a message of `limit` characters costs: the triage
        # still reads the start of an overlong message, and nothing else reads it. Markup is
        # removed first: a tag or a script's code is nothing the user asked or told.
        message = as_plain_text(message[:limit])
        earlier = [turn.message for turn in conversation.turns]
        triage = self.triage.classify(message, earlier)
        # The triage embeds the message as typed in its own forward pass; the search reuses it.
        vector = triage.vector
        if vector is None:  # the triage read a paraphrase (an idiom put literally)
            vector = self.retriever.embedder.embed_queries([message])[0]
        notice = notice_for(triage, self.lines)
        if notice is not None:
            yield notice.message + "\n\n"
        if notice is not None and stands_alone(notice, triage):
            # Nothing is searched, but an emergency's words are what a later question leans on
            # ("how do I stop it happening again?" after a child's asthma attack); a crisis is
            # carried by the triage into every later turn and is never searched with.
            leaned_on = message if notice.kind == "emergency" and triage.label != "crisis" else ""
            conversation.record(
                Turn(message=message, query=leaned_on, focus=None, answer_text=notice.message)
            )
            return Answer(
                text=notice.message, citations=(), abstained=False, safety=notice, query=""
            )

        reply = small_talk_reply(message, emergency_number=self.lines.emergency_number)
        if reply is not None and notice is None:
            yield reply
            conversation.record(Turn(message=message, query="", focus=None, answer_text=reply))
            return Answer(text=reply, citations=(), abstained=False, safety=None, query="")

        # An overlong message, or one that was all an attempt to change the assistant's rules,
        # has nothing to look up.
        question = "" if too_long else strip_instructions(message)
        prefix = prefix_for(notice)
        if not question:
            refusal = nothing_to_look_up(message, too_long=too_long, limit=limit)
            yield refusal
            conversation.record(Turn(message=message, query="", focus=None, answer_text=""))
            return Answer(
                text=prefix + refusal,
                citations=(),
                abstained=True,
                safety=notice,
                query="",
            )
        rewritten = self.rewrite(conversation, question)
        query = self.speller().correct(rewritten)
        analysis = analyze(query)
        same_text = analysis.asked == " ".join(message.split())
        retrieval = self.retriever.search(analysis, vector=vector if same_text else None)
        as_asked = rewritten == question
        # Still read as asked when the topic's name is added to a message naming none: the
        # search ranks the sections by what the message itself asks.
        query, retrieval = self._read_with_topic(
            conversation, question, (query, retrieval), as_asked=as_asked
        )
        analysis = retrieval.analysis
        searched = query  # before any reading together with the question before it
        if should_abstain(retrieval, self.calibration):
            query, retrieval = self._read_in_context(conversation, query, retrieval)
            analysis = retrieval.analysis
            as_asked = as_asked and query == searched
        # Below the cut, a passage about the question's rare term may still answer it; only
        # after the follow-up's reading with the question before it, which comes first.
        vocabulary = self.speller().vocabulary
        retrieval = answer_from(retrieval, self.calibration, vocabulary)
        retrieval, about, declines = self._named_by_request(
            message,
            retrieval,
            about_topic(
                message,
                retrieval,
                as_asked=as_asked,
                retriever=self.retriever,
                vocabulary=vocabulary,
            ),
            notice,
            triage,
        )
        if declines or about is None:
            return (
                yield from self._abstain(
                    conversation, message, query, retrieval, notice, searched=searched
                )
            )
        retrieval = about

        readable = without_passages_addressing_the_assistant(
            with_subsections(
                with_neighbours(with_asked_sections(retrieval, self.reader), self.reader),
                self.reader,
            )
        )
        request = CompositionRequest(
            question=query,
            analysis=analysis,
            retrieval=readable,
            sentence_vectors=self.reader.sentence_vectors([p.chunk_id for p in readable.passages]),
            withhold=withheld_after_dose_request if notice and notice.kind == "dosing" else None,
            question_vector=self._question_vector(analysis),
            as_asked=as_asked,
            group=group_asked_about(message),
        )
        previous = conversation.turns[-1].answer_text if conversation.turns else ""
        composition = yield from self._compose(request, previous=previous, message=message)
        if not composition.citations:
            return (
                yield from self._abstain(
                    conversation, message, query, retrieval, notice, searched=searched
                )
            )
        focus = answered_topic(analysis.focus, composition.citations[0].title, query)
        conversation.record(
            Turn(
                message=message,
                query=query,
                focus=focus,
                answer_text=composition.text,
                match=_best_score(retrieval),
                own_query=searched if searched != query else "",
            )
        )
        return Answer(
            text=prefix + composition.text,
            citations=composition.citations,
            abstained=False,
            safety=notice,
            query=query,
            support=self._support_under(composition.text, notice),
        )

    def _support_under(self, text: str, notice: SafetyNotice | None) -> str:
        """The crisis lines under an answer that speaks of suicide or self-harm, unless they
        already lead it."""
        if notice is not None and notice.escalates:
            return ""
        return support_text(self.lines) if speaks_of_suicide(text) else ""

    def _question_vector(self, analysis: QuestionAnalysis) -> Vectors | None:
        """The question sentences' own vector, when the message is more than its question."""
        if not analysis.question or analysis.question == analysis.asked:
            return None
        vector: Vectors = self.retriever.embedder.embed_queries([analysis.question])[0]
        return vector

    def _named_by_request(
        self,
        message: str,
        retrieval: Retrieval,
        about: Retrieval | None,
        notice: SafetyNotice | None,
        triage: Triage,
    ) -> tuple[Retrieval, Retrieval | None, bool]:
        """The passages, the topic's passages (`about_topic`) and whether to decline, for a
        request that names what it is about: the medicine of a dose request whose topic check
        found none (the dose is withheld anyway, `dose_topic`), the condition of a diagnosis
        question whose story matched too weakly to answer (`named_condition`); and for a story
        under the emergency call said conditionally that matched below the cut, the one article
        its passages agree on (`beside_the_call`)."""
        vocabulary = self.speller().vocabulary
        if about is None and notice is not None and notice.kind == "dosing":
            about = about_dose_topic(retrieval, vocabulary)
        declines = should_abstain(retrieval, self.calibration, vocabulary)
        if declines and about is not None and triage.answer_beside and triage.label == "emergency":
            agreed = beside_the_call(retrieval, about, BESIDE_FLOOR * self.calibration.threshold)
            if agreed is not None:
                return agreed, agreed, False
        if triage.diagnosis and about is not None and declines:
            named = passages_of_named_condition(
                message, retrieval, self.retriever, self.calibration
            )
            if named is not None:
                return named, named, False
        return retrieval, about, declines

    def _read_with_topic(
        self,
        conversation: Conversation,
        question: str,
        searched: tuple[str, Retrieval],
        *,
        as_asked: bool,
    ) -> tuple[str, Retrieval]:
        """A question naming no topic ("when should I see a doctor?") asked in a conversation
        about one, read as asked about it, when searched alone it is answered from another
        article (another page's "When should I see a doctor?" heading matches it better, or
        nothing does) and, asked about the topic, from the topic's own page by a passage related
        to the message itself: "how do I change my oil?" after shingles still finds no shingles
        text. `searched` (the query and what it found) is kept when the message is read as it
        is; a rewritten message leans on the conversation already."""
        focus = conversation.last_focus
        retrieval = searched[1]
        # A message naming the topic itself ("... students with ADHD?") was searched with it.
        if (
            not as_asked
            or not focus
            or not is_checkable(focus)
            or not names_no_topic(question)
            or text_names(question, focus)
        ):
            return searched
        if _answered_about(focus, retrieval) and not should_abstain(retrieval, self.calibration):
            return searched
        return self._asked_about(conversation, question, focus, retrieval) or searched

    def _asked_about(
        self, conversation: Conversation, question: str, focus: str, retrieval: Retrieval
    ) -> tuple[str, Retrieval] | None:
        """`question` asked about `focus`, and what that finds, when the topic's own page
        answers it by a passage related to the message itself (`retrieval`: what the message
        alone found)."""
        asked = about_focus(question, focus)
        retried = self.retriever.search(analyze(self.speller().correct(asked)))
        if should_abstain(retried, self.calibration) or not _answered_about(focus, retried):
            return None
        # As for a reading with the question before (`KEEPS_MATCH`): a message the topic's page
        # does not answer ("how much does laser hair removal cost?" after melanoma) finds its
        # passages only by the topic's name, scoring well under the question before.
        if _best_score(retried) < KEEPS_MATCH * conversation.last_match:
            return None
        own = self.reader.vectors([p.chunk_id for p in retried.passages]) @ retrieval.query_vector
        related = bool(len(own)) and float(own.max()) >= RELATED_TO_MESSAGE
        # A word of the message that the best section's heading uses says so as well, where
        # the model does not see it ("physio" and "Treatment from a GP or physiotherapist").
        if not related and not _heading_uses(question, retried):
            return None
        return asked, retried

    def _from_asked_section(
        self, request: CompositionRequest, composition: Composition
    ) -> Composition | None:
        """A follow-up asking a kind of question ("is it contagious?") answered word for word
        as the question before ("what is ...?": the page's opening, which names the topic in
        every sentence, outranks its section on spreading), composed instead from the found
        sections of the cited article whose heading asks that kind ("How it spreads"): the
        articles do say more, so "no more than quoted above" would be untrue. None when there
        is no such section."""
        kind = request.analysis.qtype
        if kind is QuestionType.information:
            return None
        cited = {c.chunk_id for c in composition.citations}
        docs = {p.stored.chunk.doc_id for p in request.retrieval.passages if p.chunk_id in cited}
        typed = tuple(
            p
            for p in request.retrieval.passages
            if p.stored.chunk.doc_id in docs
            and p.chunk_id not in cited
            and heading_type(p.stored.chunk.section) is kind
        )
        if not typed:
            return None
        retrieval = Retrieval(request.retrieval.analysis, request.retrieval.query_vector, typed)
        narrowed = replace(
            request,
            retrieval=retrieval,
            sentence_vectors=self.reader.sentence_vectors([p.chunk_id for p in typed]),
            as_asked=True,
        )
        return self.composer.compose(narrowed)

    def _from_best_unquoted(
        self, request: CompositionRequest, composition: Composition
    ) -> Composition | None:
        """A follow-up answered word for word as the question before though the passage the
        search ranks first for it is not among those quoted ("what if it doesn't get better?"
        finds "If self-care does not help, ..." first, and the composer, reading the question with
        its topic, quoted the recovery section again): composed from that passage's section. None
        when the best passage was quoted, or the answer would not open with it."""
        cited = {c.chunk_id for c in composition.citations}
        ranked = [p for p in request.retrieval.passages if not p.context_only]
        best = max(ranked, key=lambda p: p.score, default=None)
        if best is None or best.chunk_id in cited:
            return None
        section = (best.doc_id, best.stored.chunk.section_index)
        rest = tuple(
            p
            for p in request.retrieval.passages
            if p.chunk_id not in cited and (p.doc_id, p.stored.chunk.section_index) == section
        )
        fresh = self.composer.compose(
            replace(
                request,
                retrieval=replace(request.retrieval, passages=rest),
                sentence_vectors=self.reader.sentence_vectors([p.chunk_id for p in rest]),
            )
        )
        if not fresh.citations or fresh.citations[0].chunk_id != best.chunk_id:
            return None
        return fresh

    def _from_group_section(
        self, request: CompositionRequest, composition: Composition
    ) -> Composition | None:
        """A follow-up about a group ("what about kids?") answered word for word as the question
        before, composed instead from the cited article's section whose heading names the group
        ("Gout in children"); None when it has none. That section says more about the group than
        the lines of the answer just given that name it."""
        if request.group is None:
            return None
        cited = {c.chunk_id for c in composition.citations}
        docs = [p.stored.chunk.doc_id for p in request.retrieval.passages if p.chunk_id in cited]
        found = group_sections(request.retrieval, docs, self.reader, request.group)
        if found is None or not (
            ids := [p.chunk_id for p in found.passages if p.chunk_id not in cited]
        ):
            return None
        own = Retrieval(
            found.analysis,
            found.query_vector,
            tuple(p for p in found.passages if p.chunk_id in ids),
        )
        return self.composer.compose(
            replace(
                request,
                retrieval=own,
                sentence_vectors=self.reader.sentence_vectors(ids),
                as_asked=True,
            )
        )

    def _read_in_context(
        self, conversation: Conversation, query: str, retrieval: Retrieval
    ) -> tuple[str, Retrieval]:
        """A follow-up with no topic of its own ("Won't my doctor mind?") is read together with
        the question before it, but only kept if that finds something relevant to the message
        itself ("how do I change my oil?" after a shingles question must not get shingles text)."""
        earlier = conversation.last_own_query
        if not earlier or earlier == query:
            return query, retrieval
        in_context = f"{query} {earlier}"
        retried = self.retriever.search(analyze(in_context))
        own = self.reader.vectors([p.chunk_id for p in retried.passages]) @ retrieval.query_vector
        # A message of function words only ("what should I not do?", "and then what?") says
        # nothing the passages could be unrelated to: its vector matches no text, and what it
        # asks is all in the question before.
        related = (bool(len(own)) and float(own.max()) >= RELATED_TO_MESSAGE) or not keywords(
            query
        )
        if _best_score(retried) < KEEPS_MATCH * conversation.last_match:
            return query, retrieval
        if related and not should_abstain(retried, self.calibration):
            return in_context, retried
        return query, retrieval

    def _abstain(
        self,
        conversation: Conversation,
        message: str,
        query: str,
        retrieval: Retrieval,
        notice: SafetyNotice | None,
        *,
        searched: str = "",
    ) -> Generator[str, None, Answer]:
        """`searched`: the message's own query when `query` read it with the one before."""
        # After a dosing notice, "ask your clinician or pharmacist" is the answer: a question about
        # one person's dose is not a gap in the articles to report.
        # Under the crisis lines or the emergency call, a gap in the articles is not worth a word
        # either.
        quiet = notice is not None and (notice.kind == "dosing" or notice.escalates)
        language = None if quiet else other_language(message)
        text = "" if quiet else ABSTAIN_TEXT
        if language is not None:
            text = OTHER_LANGUAGE_TEXT.format(language=language)
        yield text
        conversation.record(
            Turn(
                message=message,
                query=query,
                focus=None,
                answer_text=text,
                match=_best_score(retrieval),
                own_query=searched if searched and searched != query else "",
            )
        )
        prefix = prefix_for(notice)
        return Answer(
            text=(prefix + text).strip(),
            citations=(),
            abstained=True,
            safety=notice,
            query=query,
            suggestions=()
            if notice is not None and notice.escalates
            else suggestions(retrieval, vocabulary=self.speller().vocabulary),
        )

    def _compose(
        self, request: CompositionRequest, *, previous: str = "", message: str = ""
    ) -> Generator[str, None, Composition]:
        """The composition, streamed; led by `GENERAL_ONLY_LEAD` when the `message` asks about
        a group ("what about kids?") that none of its sources names, else by `SAME_ANSWER_LEAD`
        when it repeats the `previous` answer word for word (a streaming composer's text is
        never the same twice, and it can say the first itself)."""
        if isinstance(self.composer, StreamingComposer):
            return (yield from self.composer.stream(request))
        composition = without_unasked_sources(
            self.composer.compose(request), request, _without_lead(previous)
        )
        group = group_not_named(
            message, (f"{c.title} {c.section} {c.passage}" for c in composition.citations)
        )
        repeated = bool(composition.citations) and composition.text == _without_lead(previous)
        if composition.citations and group is not None and request.group is not None:
            # Before saying the sources name no such group, the cited article's own section
            # for it ("IMPETIGO IN BABIES AND PREGNANCY") answers, when it has one.
            own = self._from_group_section(request, composition)
            if own is not None and own.citations:
                composition, group, repeated = own, None, False
        if composition.citations and group is not None:
            # The general answer just given is not quoted whole again: its opening stands for it.
            general = opening(composition) if repeated else composition
            lead = GENERAL_ONLY_LEAD.format(group=group)
            composition = replace(general, text=f"{lead}\n\n{general.text}")
        elif repeated:
            asked = self._from_asked_section(request, composition)
            own = self._from_group_section(request, composition) if request.group else None
            part = lines_naming(composition, request.group) if request.group else None
            said = group_said(message)
            if asked is not None and asked.citations and asked.text != composition.text:
                composition = asked
            elif own is not None and own.citations:
                composition = own
            elif part is not None and said is not None:
                lead = GROUP_PART_LEAD.format(group=said)
                composition = replace(part, text=f"{lead}\n\n{part.text}")
            elif (best := self._from_best_unquoted(request, composition)) is not None:
                composition = best
            else:
                lead = SAME_ANSWER_LEAD
                composition = replace(composition, text=f"{lead}\n\n{composition.text}")
        yield from composition.text.splitlines(keepends=True)
        return composition


_GENERAL_ONLY = re.compile(
    re.escape(GENERAL_ONLY_LEAD).replace(re.escape("{group}"), ".+?") + "\n\n"
)


_GROUP_PART = re.compile(re.escape(GROUP_PART_LEAD).replace(re.escape("{group}"), ".+?") + "\n\n")


def _without_lead(answer_text: str) -> str:
    """The quoted answer without the framing line a composition may have been led by."""
    text = answer_text.removeprefix(f"{SAME_ANSWER_LEAD}\n\n")
    part = _GROUP_PART.match(text)
    text = text[part.end() :] if part else text
    general = _GENERAL_ONLY.match(text)
    return text[general.end() :] if general else text


def _answered_about(focus: str, retrieval: Retrieval) -> bool:
    """The best passage found (not one added only for reading) is on a page or in a section
    whose headings name `focus`."""
    best = next((p for p in retrieval.passages if not p.context_only), None)
    return best is not None and chunk_speaks_of(focus, best.stored.chunk, headings_only=True)


# The letters two forms of a word share at least ("physio", "physiotherapist"; "pharmacist",
# "pharmacy").
_SAME_WORD_START = 5


def _heading_uses(message: str, retrieval: Retrieval) -> bool:
    """Some content word of the message starts like a word of the best passage's heading."""
    best = next((p for p in retrieval.passages if not p.context_only), None)
    if best is None:
        return False
    heading = re.findall(r"[a-z]+", best.stored.chunk.section.lower())
    return any(
        len(word) >= _SAME_WORD_START
        and any(h[:_SAME_WORD_START] == word[:_SAME_WORD_START] for h in heading)
        for word in keywords(message)
    )


# Of the ranked passages (five), at least this many must come from the best one's article for
# a story under the conditional call to be answered below the cut (`beside_the_call`): most of
# them, so the message matches that article rather than a few neighbours at once.
BESIDE_AGREEING = 3
# ... and its best passage scores at least this share of the calibrated cut.
BESIDE_FLOOR = 0.75


def stands_alone(notice: SafetyNotice, triage: Triage) -> bool:
    """Whether the notice is all the reply. A practical question read as a crisis names no
    danger, an emergency reading is unsure and shows no threat to life: the lines lead and the
    articles may answer under them (Triage.answer_beside); every other escalation is alone. So is
    the line for an animal in trouble: the articles are about people ("during a seizure, the
    person can be hurt")."""
    if notice.kind == "animal":
        return True
    return notice.escalates and not triage.answer_beside


def beside_the_call(retrieval: Retrieval, about: Retrieval, floor: float) -> Retrieval | None:
    """What to answer from under the emergency call said conditionally (an unsure emergency
    reading in a message showing no threat to life) when the best match is below the calibrated
    cut: the passages of `about` (the topic's passages, `about_topic`) from the best passage's
    article, when most ranked passages come from it and it scores at least `floor`; None
    otherwise.

    Such a message is a complaint told in the visitor's words ("he holds his poo in and cries",
    "he stops breathing for a few seconds in his sleep then gasps"): it names no condition, so
    it scores under the cut that questions are held to, while its passages agree on the one
    article about it. The call already leads; without the article's answer the visitor gets
    nothing they can use."""
    ranked = [p for p in retrieval.passages if not p.context_only]
    if not ranked or ranked[0].score < floor:
        return None
    lead = ranked[0].doc_id
    if sum(p.doc_id == lead for p in ranked) < min(BESIDE_AGREEING, len(ranked)):
        return None
    kept = tuple(p for p in about.passages if p.doc_id == lead)
    return Retrieval(about.analysis, about.query_vector, kept) if kept else None


def _best_score(retrieval: Retrieval) -> float:
    return retrieval.passages[0].score if retrieval.passages else 0.0


def suggestions(
    retrieval: Retrieval, limit: int = 3, vocabulary: Mapping[str, int] | None = None
) -> tuple[str, ...]:
    """Questions the closest articles do answer, one per article: a section heading that is a
    question when there is one, else the article's title as it stands (never a title forced
    into a "What is ...?" template). When the question names a topic, only articles that speak
    of it are offered: none at all beats "Methamphetamine" for a question about metformin.
    When it names none, only an article whose title or heading uses a word of the question:
    piles cream is not "Eczema in babies" because both pages say "cream". A heading is offered
    only when it uses a word of the question: "When to see a doctor?" alone says nothing of
    what was asked. Nor an article that never names the focus's class: "Kidney stones" for
    kidney cancer. With the index's word counts (`vocabulary`), a short question's rarest word
    is what it is about: when no article uses it ("tattoo"), only an article whose title's
    topic the question names ("cortisone shots for plantar fasciitis"), else only the articles
    whose found passages name it, not the pages sharing "how long" with it."""
    asked = {stem(w) for w in retrieval.analysis.keywords}
    focus = retrieval.analysis.focus
    named_focus = is_checkable(focus)
    rarest = None if vocabulary is None else rarest_asked(retrieval, vocabulary)
    message = retrieval.analysis.asked or retrieval.analysis.text
    found: dict[str, str] = {}
    for passage in passages_about(focus, retrieval.passages):
        chunk = passage.stored.chunk
        if chunk.doc_id in found or (focus and not names_kinds(focus, (passage,))):
            continue
        if rarest is not None and not (
            names_title_topic(message, passage)
            if not rarest[1]
            else _names_in_article(rarest[0], passage, retrieval)
        ):
            continue
        heading = as_question(chunk.section)
        title = " ".join(chunk.title.split())
        offer = heading if heading and _uses_word_of(heading, asked) else None
        if offer is None and (named_focus or rarest is not None or _uses_word_of(title, asked)):
            offer = title
        if offer and offer not in found.values():
            found[chunk.doc_id] = offer
    return tuple(found.values())[:limit]


def _names_in_article(word: str, passage: Passage, retrieval: Retrieval) -> bool:
    """Some found passage of the passage's article names `word`."""
    return any(
        p.doc_id == passage.doc_id and chunk_speaks_of(word, p.stored.chunk, [word])
        for p in retrieval.passages
    )


def _uses_word_of(text: str, stems: set[str]) -> bool:
    return any(stem(w) in stems for w in re.findall(r"[a-z0-9]+", text.lower()))


def build_assistant(settings: Settings, *, embedder: Embedder | None = None) -> Assistant:
    # One assistant serves every visitor, each on their own thread. The matrix products of one
    # question are small; split over BLAS threads on a busy machine they wait on each other
    # (near-duplicate removal took 6 ms instead of 0.5 ms with 8 askers on 2 cores).
    threadpool_limits(limits=1, user_api="blas")
    embedder = embedder or SentenceTransformerEmbedder(
        settings.embedding_model, batch_size=settings.embed_batch_size
    )
    reader = open_reader(settings.index_location, expected=manifest_for(settings, embedder))
    retriever = HybridRetriever(
        reader, embedder, candidates=settings.candidates, top_k=settings.top_k
    )
    calibration = load_calibration()
    if settings.abstain_threshold is not None:
        calibration = Calibration(
            threshold=settings.abstain_threshold,
            statistic=calibration.statistic,
            source="HEALTHQA_ABSTAIN_THRESHOLD",
        )
    composer: Composer = ExtractiveComposer()
    rewrite: Rewriter = contextualize
    if settings.composer == "llm":
        composer, rewrite = build_llm_parts(
            settings, fallback=composer, fallback_rewrite=contextualize
        )
    return Assistant(
        settings=settings,
        reader=reader,
        retriever=retriever,
        composer=composer,
        calibration=calibration,
        triage=load_triage(embedder),
        lines=safety_lines(settings),
        rewrite=rewrite,
    )


def safety_lines(settings: Settings) -> SafetyLines:
    return SafetyLines(
        emergency_number=settings.emergency_number,
        crisis_call=settings.crisis_call,
        crisis_chat=settings.crisis_chat,
        crisis_text=settings.crisis_text,
        poison_help=settings.poison_help,
    )


__all__ = ["Answer", "AnswerStream", "Assistant", "SafetyNotice", "build_assistant"]
