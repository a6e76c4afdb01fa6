"""A yes-or-no question about something the articles never name is not answered from its topic.

"can my dog get lyme disease", "do tomatoes trigger gout attacks", "can celiac disease cause
infertility", "are demodex mites the cause of rosacea": the topic is covered and scores well, so
the answer was the page's prevention list or its complications, which never say whether dogs,
tomatoes or infertility come into it. What the question turns on is its subject (the words
after "can my", "do", "are") or what is said to be caused: when that is a word no article uses
in any form, the articles cannot answer yes or no. Other words the articles lack are left alone:
they are the visitor's ("already", "husband") or another name for what a page covers ("crib"
where the page says "cot", "imodium" for anti-diarrhoea medicine), and do not decide the answer.

What the question turns on must be named by the articles that would answer it, not merely by
some article: "can pinworms cause weight loss" was answered with the pinworm symptoms because
the gout page says "lose weight"; "is there a vaccine for ..." turns on "vaccine", past "there a".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.retrieval.coverage import american
from assistant.understanding.conversation import group_of
from assistant.understanding.vocabulary import CHATTER, FOCUS_STOP, NOT_A_TOPIC
from healthqa.text.words import STOPWORDS, stem

# A question that opens with one of these asks yes or no.
_AUXILIARIES = frozenset({
    "can", "could", "do", "does", "did", "is", "are", "was", "were", "will", "would", "may",
    "might",
})
# Skipped before the subject: "can my dog ...", "is there a vaccine ...", "are there any pills".
_POSSESSIVES = frozenset({"my", "your", "his", "her", "their", "our"})
_LEADING = frozenset({"there", "a", "an", "any", "the", "some"})
# What "is there a link between ..." asks about is the two things it links, not the word "link":
# a page says "linked to", "associated with", "raises the risk of".
_RELATIONS = frozenset({
    "link", "links", "connection", "connections", "relationship", "association", "correlation",
})
# "is there a pill that cures ...": the lay words for a medicine ask what treats it, which the
# page's treatment section answers in its own words ("no medicine cures tinnitus").
_REMEDIES = frozenset({"pill", "pills", "tablet", "tablets", "drug", "drugs", "remedy", "remedies"})
# "can i put steroid cream on ...": the subject is the visitor, and what they do is not a thing.
# "is it necessary to see a doctor ...", "is it contagious", "are they safe": the subject is a
# pronoun, and the word after it says something of it (or of what follows "to"), not a thing.
_VISITOR = frozenset({
    "i", "we", "you", "it", "this", "that", "they", "these", "those", "he", "she",
})
# The subject of "are demodex mites the cause" is at most two words.
SUBJECT_SLOT = 2
# What is said to be caused: "can celiac disease cause infertility".
_CAUSING = frozenset({"cause", "causes", "trigger", "triggers"})
# The way something is said to pass: "can lyme disease be passed on through breast milk". The
# question turns on that route as on its subject. Not "from": "can i catch lyme disease from my
# dog" is answered by "you cannot catch it from pets", in other words than the visitor's.
_ROUTE = frozenset({"through", "via"})
# What the topic is asked to reach, harm or be tied to, and what is eaten or drunk: "can
# ringworm affect your nails", "can ringworm spread to my scalp", "is eczema linked to ...",
# "... when i eat bread". The question turns on that thing as on what is said to be caused: a
# page that never names it answers with its general text, which says nothing of it.
_AFFECTING = frozenset({"affect", "affects", "damage", "damages", "harm", "harms"})
_REACHING = frozenset({
    "spread", "spreads", "move", "moves", "travel", "travels", "linked", "related", "connected",
})
_EATING = frozenset({"eat", "eats", "eating", "ate", "drink", "drinks", "drinking"})
# How often or how surely, said of the subject, not a thing: "do gallstones always need surgery".
_QUALIFIERS = frozenset({
    "always", "ever", "never", "usually", "normally", "often", "sometimes", "really", "still",
    "actually", "definitely", "necessarily", "just", "only", "also", "even", "generally",
})
# A judgement asked of the subject, not a thing: "is melatonin safe for kids" turns on melatonin,
# and a page answers it without saying "safe" ("do not give it to children unless ...").
_JUDGED = frozenset({"safe", "unsafe", "risky", "effective"})
_WORD = re.compile(r"[a-z0-9']+")
# "does <a symptom> mean <a condition>", "is <a symptom> a sign of ...": the symptom is the
# words before these, at most DESCRIPTION_WORDS of them.
_MEANING = frozenset({"mean", "means", "indicate", "indicates", "sign", "signs"})
DESCRIPTION_WORDS = 10
# Two words sharing this many first letters are forms of one word ("expire", "expiry").
SAME_START = 5
# A word at least this long that ends an article's word is named by it ("bands", "wristbands").
COMPOUND_END = 4


def asks_yes_or_no(question: str) -> bool:
    words = _yes_or_no_words(question)
    return bool(words) and words[0] in _AUXILIARIES


# "how do i know if my nose is broken", "how can you tell whether a wrist is sprained": a yes-or-
# no question put inside another, which turns on the same words as "is my nose broken".
_EMBEDDING = re.compile(
    r"^\s*how\s+(?:do|can|could|would|will|should)\s+(?:i|you|we|one)\s+(?:know|tell)"
    r"\s+(?:if|whether)\s+(?P<clause>.+)$"
)
# The verb of such a clause is among its first words: "my nose is", "the bone has".
VERB_WITHIN = 4


def _yes_or_no_words(question: str) -> list[str]:
    """The question's words, an embedded yes-or-no question put as one ("is my nose broken")."""
    text = question.lower()
    embedded = _EMBEDDING.match(text)
    if embedded is None:
        return _WORD.findall(text)
    clause = _WORD.findall(embedded.group("clause"))
    verb = next((k for k, w in enumerate(clause[:VERB_WITHIN]) if w in _AUXILIARIES), None)
    if verb is None:
        return _WORD.findall(text)
    return [clause[verb], *clause[:verb], *clause[verb + 1 :]]


def unnamed_subject(question: str, vocabulary: Mapping[str, int]) -> str | None:
    """The subject of a yes-or-no question, or what it asks is caused, in the visitor's words,
    when no article uses it in any form; None otherwise."""
    words = _yes_or_no_words(question)
    if not words or words[0] not in _AUXILIARIES:
        return None
    rest = words[1:]
    while rest and (rest[0] in _POSSESSIVES or rest[0] in _LEADING):
        rest = rest[1:]
    known = _Known(vocabulary)
    described = _description(rest)
    visitor = bool(rest) and rest[0] in _VISITOR
    slots = [rest[:SUBJECT_SLOT]] if described is None and not visitor else []
    if described:
        # A symptom described in the visitor's words is named when any word of it is.
        things = [w for w in described if _names_a_thing(w)]
        if things and not any(known(w) for w in things):
            return " ".join(things)
    slots += [words[k + 1 : k + 2] for k, w in enumerate(words) if w in _CAUSING]
    slots += [_after_route(words[k + 1 :]) for k, w in enumerate(words) if w in _ROUTE]
    slots += [
        _after_route(words[k + 1 :])[:1]
        for k, w in enumerate(words)
        if w in _AFFECTING or w in _EATING
    ]
    slots += [
        _after_route(words[k + 2 :])[:1]
        for k, w in enumerate(words[:-1])
        if w in _REACHING and words[k + 1] == "to"
    ]
    for slot in slots:
        unknown = [w for w in slot if _names_a_thing(w) and not known(w)]
        if unknown:
            return " ".join(unknown)
    return None


def _after_route(rest: list[str]) -> list[str]:
    """The first words of the route: "breast milk" of "through breast milk"."""
    while rest and (rest[0] in _POSSESSIVES or rest[0] in _LEADING):
        rest = rest[1:]
    return rest[:SUBJECT_SLOT]


def _description(rest: list[str]) -> list[str] | None:
    """The words before "mean" or "a sign of" in "does a shooting stabbing pain in the heel mean
    plantar fasciitis": a symptom described in the visitor's own words, which they pile up
    ("shooting", "stabbing") where a page picks one; None when the question is not of that
    form, and what it turns on is its first words ("can my dog get ...")."""
    for k, word in enumerate(rest[:DESCRIPTION_WORDS]):
        if word in _MEANING:
            return rest[:k]
    return None


def _names_a_thing(word: str) -> bool:
    return (
        len(word) >= 3
        and not word.isdigit()
        and word not in STOPWORDS
        and word not in CHATTER
        and word not in NOT_A_TOPIC
        and word not in FOCUS_STOP
        and word not in _AUXILIARIES
        and word not in _CAUSING
        and word not in _RELATIONS
        and word not in _REMEDIES
        and word not in _QUALIFIERS
        and word not in _JUDGED
        and word not in _ROUTE
        and word not in _AFFECTING
        and word not in _REACHING
        and word not in _EATING
    )


class _Known:
    """Whether the articles use a word in some form: itself, its other spelling, another form
    with the same stem, one sharing its first letters ("expire" where they say "expiry"), or
    one it ends ("bands" where they say "wristbands")."""

    def __init__(self, vocabulary: Mapping[str, int]) -> None:
        self.words = {american(w) for w, count in vocabulary.items() if count}
        self.stems = {stem(w) for w in self.words}
        self.starts = {w[:SAME_START] for w in self.words if len(w) >= SAME_START}

    def __call__(self, word: str) -> bool:
        word = american(word)
        if word in self.words or stem(word) in self.stems:
            return True
        if len(word) >= SAME_START and word[:SAME_START] in self.starts:
            return True
        # A group said in other words: "toddler" where the articles say "young children".
        group = group_of(word)
        if group is not None and any(group.fullmatch(w) for w in self.words):
            return True
        # The end of a word run together with another: "bands" of "wristbands".
        return len(word) >= COMPOUND_END and any(w.endswith(word) for w in self.words)
