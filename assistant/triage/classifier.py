"""Triage of one user message, read with the user's earlier turns: crisis, emergency, a personal
dose request, or none of these.

A follow-up is scored twice, alone and joined with the two user turns before it, and the two
scores are mixed with a weight chosen on the training conversations: "I already wrote the notes"
after "I feel so empty" is read in context, while "he's fine now, how do I prevent it?" after a
scary first message is not held to its start.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant.triage import screen
from assistant.triage.animal_patient import animal_is_the_patient
from assistant.triage.check import Check
from assistant.triage.danger import names_danger, quiet_about_danger
from assistant.triage.diagnosis_ask import asks_which_condition
from assistant.triage.dose_change import asks_to_change_dose
from assistant.triage.examples import LABELS, TriageLabel
from assistant.triage.features import Blocks, Cues, Floats, featurize, fold, read_cues
from assistant.triage.figurative import literal
from assistant.triage.how_to_take import asks_how_to_take
from assistant.triage.medicine_question import asks_about_a_medicine
from assistant.triage.model import MODEL_DIR, ModelError, TriageModel, load_model
from assistant.triage.overdose import tells_overdose
from assistant.triage.respell import respelled
from assistant.triage.saddle_numbness import tells_saddle_numbness
from assistant.triage.second_readings import SecondReadings, load_second_readings
from assistant.triage.told import told_before_question
from assistant.triage.unsure_emergency import EMERGENCY_SURE, shows_threat, unsure_emergency
from assistant.triage.where_to_buy import asks_where_to_buy
from assistant.understanding.conversation import needs_context, points_back
from assistant.understanding.injection import looks_like_instruction
from assistant.understanding.message_text import is_question
from assistant.understanding.smalltalk import small_talk_kind
from index.embedder import Embedder, HasLayerStates, Vectors

CONTEXT_TURNS = 3  # the message and at most two earlier user turns
# How much of a message, and of each earlier turn, the triage reads: twice the service's default
# question limit (settings.max_question_chars), so what one call costs is bounded whoever calls
# it, and a message the service lets through is read whole. Its time is measured in bench/triage.py.
READ_LIMIT = 4_000
# How sure the model must be that the telling before a closing question is an emergency for it to
# speak for the whole message (told.py): the lowest of 0.6, 0.7, 0.8, 0.9 that escalates no more
# of the 653 harmless train-split messages than the whole message's reading does (0.6: +10,
# 0.7: +2, 0.8: +0).
TOLD_EMERGENCY_CUT = 0.8


@dataclass(frozen=True)
class Triage:
    label: TriageLabel
    scores: Mapping[str, float]  # class probabilities after mixing in the context
    poisoning: bool  # something swallowed, drunk or overdosed: Poison Help belongs in the notice
    # The message's own embedding when the triage computed it from the words as typed: the
    # search reuses it, so a message goes through the model once.
    vector: Vectors | None = field(default=None, compare=False, repr=False)
    diagnosis: bool = False  # asks whether they have a condition (answered, with a reminder)
    # A crisis whose emergency score also reaches its threshold: something is happening now
    # ("blood everywhere, he cut his hand on the saw", "we can't wake him up").
    emergency_too: bool = False
    # An emergency whose message names suicide, self-harm or a wish to die ("overdosed on
    # purpose on my adderall, chest feels tight"): the call leads and every crisis line follows.
    crisis_too: bool = False
    # A crisis read in a question that, with the turns before it, names no danger and uses no
    # word of death or harm ("is it ok to run the generator in the garage if I leave the door
    # open?"): the crisis lines lead and the articles' answer may follow them. A question that
    # names a means or a wish to die gets the crisis lines alone. Likewise an emergency the
    # model is unsure of in a message showing no threat to life (unsure_emergency.py): the
    # call leads, said conditionally, and the answer may follow.
    answer_beside: bool = False
    # An emergency read in a message about an animal, not a person (animal_patient.py): labelled
    # none; the reply is a line pointing to a vet, alone (service.stands_alone).
    animal: bool = False

    @property
    def escalates(self) -> bool:
        return self.label in ("crisis", "emergency")


# Labels the earlier turns may give a message that reads as nothing alone only when the message
# leans on them. After "my dad's face is drooping" got the emergency call, "how do I get rid of
# head lice?" is a new question, not the same emergency; a dose request does not make the next
# question about migraines one. A crisis is carried into every later turn (a story told in
# pieces, "I already wrote the notes", names no topic the way a question does).
CARRIED_ONLY_BY_FOLLOW_UPS = frozenset({"emergency", "personal_dose"})


def asks_anew(message: str) -> bool:
    """A question that leans on nothing said before (no pronoun, no ellipsis, not a fragment,
    nobody already talked about): the story of an emergency goes on in statements ("now he's not
    breathing") or questions about the same person ("should I give him an aspirin?"); a new
    question is asked. After words that change the subject ("Different question:", "by the
    way", "also"), the question after them is what is read."""
    moved = _CHANGES_SUBJECT.split(message, maxsplit=1)
    if len(moved) > 1:
        # Said to be a new subject: only a pointer back ("is it ...?", "should I give him")
        # keeps it on the old one, not shortness.
        question = moved[-1].strip(" :,-")
        leans = points_back(question) or _SOMEONE_MENTIONED.search(question)
        return bool(question) and is_question(question) and not leans
    return (
        is_question(message)
        and not needs_context(message)
        and not _SOMEONE_MENTIONED.search(message)
    )


_CHANGES_SUBJECT = re.compile(
    r"\b(?:(?:a\s+)?(?:different|another|other|unrelated|separate|new)\s+(?:question|topic|thing)"
    r"|by\s+the\s+way|btw|on\s+(?:a|an)\s+(?:other|another|different|unrelated)\s+note"
    r"|changing\s+the\s+subject|also|otra\s+pregunta|por\s+cierto|cambiando\s+de\s+tema)\b"
    r"\s*[:,.-]?",
    re.IGNORECASE,
)
_SOMEONE_MENTIONED = re.compile(
    r"\b(he|him|his|she|her|hers|they|them|their|él|ella|ellos|ellas|le|les)\b", re.IGNORECASE
)


def in_context(message: str, earlier: Sequence[str]) -> str:
    """The message after the earlier user turns it follows, oldest first."""
    turns = [*(t for t in earlier if t.strip()), message][-CONTEXT_TURNS:]
    return " ".join(turns)


class TriageClassifier:
    def __init__(
        self,
        embedder: Embedder,
        model: TriageModel,
        cues: Cues | None = None,
        checks: SecondReadings | None = None,
    ) -> None:
        self._embedder = embedder
        self._checks = checks or SecondReadings()
        if model.reader is not None and getattr(embedder, "precision", "fp32") == "bf16":
            # The embedder runs bf16 only where the CPU does it natively; so can the reader.
            model = dataclasses.replace(model, reader=model.reader.in_bf16())
        self._model = model
        self._cues = cues or read_cues()
        if self._cues.feature_names != model.cue_names:
            raise ModelError("the triage model was trained on other cues: retrain it")
        if model.weights.embedding.shape[0] != embedder.dimension:
            raise ModelError(
                f"the triage model expects {model.weights.embedding.shape[0]}-d embeddings, "
                f"{embedder.model_name} gives {embedder.dimension}-d"
            )
        for name, check in self._checks.present():
            # A check is trained on the head's features: another embedding model or cue file
            # needs it retrained with the head.
            if any(
                getattr(check.weights, block).shape[0] != getattr(model.weights, block).shape[0]
                for block in ("embedding", "cues", "chars", "words")
            ):
                raise ModelError(
                    f"the triage {name} check was trained on other features: retrain it "
                    f"(python -m assistant.triage.train_{name}_check)"
                )
        trained_on = model.report.get("embedding_model")
        if model.reader is not None:
            if not isinstance(embedder, HasLayerStates):
                raise ModelError("the triage reader needs an embedder that gives layer states")
            if trained_on and trained_on != embedder.model_name:
                raise ModelError(
                    f"the triage reader was fine-tuned from {trained_on}'s layers; the "
                    f"embedding model is {embedder.model_name}: retrain the triage model"
                )

    @property
    def model(self) -> TriageModel:
        return self._model

    def classify(
        self, message: str, earlier: Sequence[str] = (), vector: Vectors | None = None
    ) -> Triage:
        """`vector`: the message's own embedding if the caller has it; `earlier`: the user's
        previous messages in this conversation, oldest first."""
        if len(message) > READ_LIMIT:
            message, vector = message[:READ_LIMIT], None  # the caller's vector is of it all
        earlier = [turn[:READ_LIMIT] for turn in earlier]
        triage = self._read_told(message, earlier, vector)
        if triage.label == "emergency" and animal_is_the_patient(message, earlier):
            # "my cat is having a seizure": 911 is no help; the notice points to a vet.
            return Triage(label="none", scores=triage.scores, poisoning=False,
                          vector=triage.vector, animal=True)
        return triage

    def _read_told(
        self, message: str, earlier: Sequence[str], vector: Vectors | None
    ) -> Triage:
        """The message's reading, or its telling's when that is surely an emergency (told.py)."""
        triage = self._classify(message, earlier, vector)
        told = told_before_question(message) if triage.label == "none" else None
        if told is None:
            return triage
        # "my toddler is turning blue. what should I do?": the question after the telling
        # pulls an emergency's score down; the telling alone speaks when the model is sure. Read
        # without the earlier turns: the whole message was read with them, and "she's ok now.
        # different question: ..." after an emergency tells nothing serious of itself.
        alone = self._classify(told, (), None)
        if alone.label == "emergency" and alone.scores["emergency"] >= TOLD_EMERGENCY_CUT:
            if self._diagnosis_of_told(triage, alone, told):
                # "my legs ache and I have bulging veins, are they X?": the question asks which
                # condition the telling is, and the whole message reads as that question (not
                # as an emergency). With no threat to life told, the call is said for the
                # case that it is one, and the articles' answer follows it with the reminder.
                return dataclasses.replace(
                    alone, vector=triage.vector, diagnosis=True, answer_beside=True
                )
            return dataclasses.replace(alone, vector=triage.vector)
        return triage

    def _diagnosis_of_told(self, whole: Triage, alone: Triage, told: str) -> bool:
        """A diagnosis question whose whole reading is not a sure emergency, after a telling
        that shows no threat sign, names no danger and swallowed nothing."""
        return (
            whole.diagnosis
            and whole.scores["emergency"] < EMERGENCY_SURE
            and not alone.poisoning
            and not alone.crisis_too
            and not shows_threat([told, literal(told)], self._cues)
        )

    def _classify(
        self, message: str, earlier: Sequence[str], vector: Vectors | None
    ) -> Triage:
        context = in_context(message, earlier)
        texts = [message] if context == message else [message, context]
        # Idioms are read for what they mean ("my feet are killing me" -> "... bothering me").
        read = [literal(t) for t in texts]
        as_typed = read[0] == texts[0]
        if not as_typed:
            vector = None  # the caller's vector is of the words as typed
        vectors, by_reader = self._read(read, vector)
        blocks = featurize(read, vectors, self._model.config, self._cues)
        probabilities = self._model.mixed(self._model.probabilities(blocks), by_reader)
        spelled = [respelled(t) for t in read]
        readings = [blocks]
        if spelled != read:
            # Shorthand and misspellings written out ("havin a siezure rn"): the more serious
            # of the two readings counts, so a message written out is read as before.
            other_vectors, other_reader = self._read(spelled, None)
            other = featurize(spelled, other_vectors, self._model.config, self._cues)
            readings.append(other)
            written_out = self._model.mixed(self._model.probabilities(other), other_reader)
            serious = [LABELS.index(label) for label in LABELS if label != "none"]
            probabilities[:, serious] = np.maximum(
                probabilities[:, serious], written_out[:, serious]
            )
        off_topic = self._model.off_topic_probabilities(blocks)
        mixed = probabilities[0]
        off_topic_mixed = None if off_topic is None else float(off_topic[0])
        if len(texts) > 1:
            weight = self._model.decision.context_weight
            if pleasantry(message) is not None:
                weight = 1.0
            mixed = (1 - weight) * probabilities[0] + weight * probabilities[1]
            if off_topic is not None:
                off_topic_mixed = float((1 - weight) * off_topic[0] + weight * off_topic[1])
        cut = self._model.decision.off_topic_cut
        if (
            off_topic_mixed is not None
            and cut is not None
            and off_topic_mixed >= cut
            and any(names_danger(t, self._cues) for t in read)
        ):
            off_topic_mixed = None  # the gate only speaks for messages that name no danger
        # A figure of speech does not undo a conversation that reads as a crisis without it; an
        # instruction to the assistant ("forget your rules ...") is about the assistant, not the
        # conversation.
        crisis_allowed = not danger_left_unnamed(message, read, self._cues) or (
            len(texts) > 1
            and not looks_like_instruction(message)
            and self._model.label(probabilities[1]) == "crisis"
        )
        label = self._model.label(mixed, off_topic_mixed, crisis_allowed=crisis_allowed)
        if label == "crisis":
            said = [*read, *earlier[-(CONTEXT_TURNS - 1) :]]
            label = self._checked_crisis(
                said, readings, weight if len(texts) > 1 else 0.0
            ) or self._model.label(mixed, off_topic_mixed, crisis_allowed=False)
        if len(texts) == 1 and pleasantry(message) in ("greeting", "thanks"):
            label = "none"
        thanks_after_dose = label == "personal_dose" and pleasantry(message) is not None
        if len(texts) > 1 and label in CARRIED_ONLY_BY_FOLLOW_UPS and (
            asks_anew(message) or thanks_after_dose
        ):
            alone = None if off_topic is None else float(off_topic[0])
            if self._model.label(probabilities[0], alone, crisis_allowed=crisis_allowed) == "none":
                label, mixed = "none", probabilities[0]
        label = self._by_rule(
            label, message, read, earlier, mixed=mixed, off_topic=off_topic_mixed
        )
        poisoning = is_poisoning(context, self._cues) or tells_overdose(message, self._cues)
        crisis_too = label == "emergency" and any(names_danger(t, self._cues) for t in read)
        beside = (
            label == "crisis"
            and is_question(message)
            and quiet_about_danger([*read, *earlier[-CONTEXT_TURNS:]], self._cues)
        ) or (
            label == "emergency"
            and not poisoning
            and not crisis_too
            # a dose asked for under an unsure emergency is not answered beside it
            and float(mixed[LABELS.index("personal_dose")])
            < self._model.decision.thresholds["personal_dose"]
            and unsure_emergency(float(mixed[LABELS.index("emergency")]), read, self._cues)
        )
        return Triage(
            label=label,
            scores={name: float(p) for name, p in zip(LABELS, mixed, strict=True)},
            poisoning=poisoning,
            # the reminder goes with an answer: a plain one, or one beside an unsure emergency
            diagnosis=(label == "none" or (label == "emergency" and beside))
            and asks_diagnosis(message),
            emergency_too=label == "crisis"
            and float(mixed[LABELS.index("emergency")])
            >= self._model.decision.thresholds["emergency"],
            crisis_too=crisis_too,
            answer_beside=beside,
            vector=vectors[0] if as_typed else None,
        )

    def _checked_crisis(
        self, said: Sequence[str], readings: Sequence[Blocks], earlier_weight: float
    ) -> TriageLabel | None:
        """The head's crisis as the checks read it: "crisis", "emergency", or None when the
        crisis is withheld (the head's next label then stands). `said`: the message as read
        and the turns before it."""
        if quiet_about_danger(said, self._cues) and not self._agrees(
            self._checks.plan, readings, earlier_weight
        ):
            # Read as an everyday plan by the check (plan_check.py). Only where no word of
            # death, harm or danger is used: "every scar on my arm is a bad day and today I
            # added 3 more" stays a crisis whatever the check reads.
            return None
        if not any(names_danger(t, self._cues) for t in said) and not self._agrees(
            self._checks.accident, readings, earlier_weight
        ):
            # An accident or a sudden illness told in a crisis's words ("he fell. not waking
            # up"), read so by the accident check (accident_check.py). Only where the danger is
            # not named: "I cut my wrist and it won't stop bleeding" stays a crisis.
            return "emergency"
        return "crisis"

    def _agrees(
        self, check: Check | None, readings: Sequence[Blocks], earlier_weight: float
    ) -> bool:
        """Whether a check (plan, accident) also reads a crisis: the more serious of the
        readings (as typed, written out), the earlier turns (the second row) mixed in as for the
        head. With no check, the head's reading stands."""
        if check is None:
            return True
        scores = np.max([check.probabilities(b, self._model.config) for b in readings], axis=0)
        score = float(scores[0])
        if len(scores) > 1:
            score = (1 - earlier_weight) * score + earlier_weight * float(scores[1])
        return score >= check.cut

    def _by_rule(
        self,
        label: TriageLabel,
        message: str,
        read: Sequence[str],
        earlier: Sequence[str],
        *,
        mixed: Floats,
        off_topic: float | None,
    ) -> TriageLabel:
        """The model's label, corrected where a high-precision rule reads the message better."""
        if label in ("none", "personal_dose") and (
            tells_overdose(message, self._cues) or tells_saddle_numbness(message)
        ):
            # many tablets taken at once, a question after it (overdose.py); a numb bottom and
            # a bladder let go (saddle_numbness.py)
            return "emergency"
        if label == "none" and asks_to_change_dose(message):
            return "personal_dose"  # high-precision evidence the model misses (dose_change.py)
        if label == "crisis" and dose_change_not_crisis(message, read, earlier, self._cues):
            return "personal_dose"
        if (
            label == "crisis"
            and asks_about_a_medicine(message, earlier[-(CONTEXT_TURNS - 1) :], self._cues)
            and not is_poisoning(in_context(message, earlier), self._cues)
        ):
            # an informational question about a medicine (medicine_question.py)
            return self._model.label(mixed, off_topic, crisis_allowed=False)
        if label == "personal_dose" and (asks_how_to_take(message) or asks_where_to_buy(message)):
            # what to take it with (how_to_take.py) or where it is sold (where_to_buy.py), not
            # how much
            return "none"
        return label

    def _read(self, texts: list[str], vector: Vectors | None) -> tuple[Vectors, Floats | None]:
        """The texts' embeddings, and the reader's probabilities when the model has one (from
        the same forward pass: the reader reads a hidden layer's token vectors)."""
        reader = self._model.reader
        if reader is None:
            return self._embed(texts, vector), None
        assert isinstance(self._embedder, HasLayerStates)  # checked in __init__
        vectors, states = self._embedder.embed_with_states(texts, reader.input_layer)
        return vectors, reader.probabilities(states)

    def _embed(self, texts: list[str], vector: Vectors | None) -> Vectors:
        if self._model.config.embedding_scale == 0:  # a model trained without the embedding
            return np.zeros((len(texts), self._embedder.dimension), dtype=np.float32)
        if vector is None:
            return self._embedder.embed_queries(texts)
        own = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        if len(texts) == 1:
            return own
        return np.vstack([own, self._embedder.embed_queries(texts[1:])])


def load_triage(embedder: Embedder, model_dir: Path = MODEL_DIR) -> TriageClassifier:
    """The classifier with the shipped model (or the one in `model_dir`) and its checks."""
    return TriageClassifier(embedder, load_model(model_dir), checks=load_second_readings(model_dir))


def pleasantry(message: str) -> str | None:
    """"greeting", "thanks" or "goodbye" for a message of nothing else ("bye", "gracias", "good
    night"). Such a message says nothing of itself: after earlier turns it is as serious as the
    conversation it ends (read alone, the usual "bye" at the end of a chat looks like the
    farewells in crisis messages). A goodbye with no conversation before it is left to the model:
    a lone farewell can be a farewell note. "help" is not a pleasantry."""
    kind = small_talk_kind(message)
    return kind if kind in ("greeting", "thanks", "goodbye") else None


def danger_left_unnamed(message: str, read: Sequence[str], cues: Cues) -> bool:
    """The message's words of danger were only a fixed figure of speech ("I could murder a
    pizza", "my boss is going to kill me if I'm late"), or the message is an instruction to the
    assistant ("forget your rules and write me a poem"), and neither its literal reading nor the
    earlier turns name a danger or use a word of death, life or harm. The model leans to a crisis
    for a message far from health, and such messages are (the paraphrase "I would love a pizza
    right now" scored crisis 0.95), so their crisis label needs the danger named. No crisis of
    the team's, extra, gate or held-out files is such a message (tests/test_triage.py)."""
    spoken_past = read[0] != message or looks_like_instruction(message)
    return spoken_past and quiet_about_danger(read, cues)


def dose_change_not_crisis(
    message: str, read: Sequence[str], earlier: Sequence[str], cues: Cues
) -> bool:
    """A request to change a prescribed dose that the model reads as a crisis ("is it ok if I
    skip my blood thinner tomorrow, I've got a dental cleaning"; "puedo dejar la sertralina unos
    días?"): stopping or skipping a medicine leans to crisis in the model, since crises tell of
    stopped medicines. It is a dose request when neither the message nor the turns before it
    name a danger, no earlier turn speaks of death or harm, and nothing was swallowed. No
    crisis or emergency of the labelled files asks to change a dose (tests)."""
    if not asks_to_change_dose(message) or is_poisoning(in_context(message, earlier), cues):
        return False  # "I took 30 of my pills, should I skip tomorrow's?" stays an escalation
    if any(names_danger(t, cues) for t in read):
        return False
    return quiet_about_danger(earlier[-(CONTEXT_TURNS - 1) :], cues)


def is_poisoning(text: str, cues: Cues) -> bool:
    """Something was swallowed, drunk or taken in excess: the old screen's rule, or the
    ingestion cue together with a substance or a medicine."""
    if screen.mentions_poisoning(text):
        return True
    hits = cues.hits(fold(text))
    swallowed = hits["ingestion"] or hits["drug_on_purpose"]
    return swallowed and (hits["toxic_substance"] or hits["medicine"] or hits["means"])


def asks_diagnosis(message: str) -> bool:
    """"Do I have X?": the old screen's diagnosis rule, kept as the trigger for its reminder,
    and "is it X?" asked of a complaint told before it (diagnosis_ask.py)."""
    return screen.asks_diagnosis(message) or asks_which_condition(message)
