"""A question about a term a passage says something of is answered even when it scores low.

"what is denosumab" scores 0.83 against the calibrated cut of 1.296 (`abstain.py`) although the
osteoporosis leaflet says "Denosumab is an injection given every 6 months": a question of one or
two words carries little for the embedding to match, and a term named only inside a list item
has no heading to match either. The score cannot tell such a question from an out-of-scope one
(the audits' out-of-scope questions scored up to 1.33), but the words can. A question naming a
word the articles never use ("how much does a dexa scan cost without insurance": "insurance")
is about something they lack, and is left to the score. Otherwise a short question's rarest word
in the index is what it is about, and a passage answers it that says what that word is
("Denosumab is an injection ...", "called a DEXA scan"), or opens a sentence with it and holds
the question's other topic words ("Use the 60/60 rule with headphones", "Refrigerate leftovers
within 2 hours" beside "Keep your fridge at 5°C"). A question of any length that quotes a
passage ("with the first steps in the morning") is answered from it too. A passage that only
names the word ("medicines, such as metformin", "... or kidney stones" late in a sentence) does
not answer: that is how a neighbouring topic shows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from assistant.retrieval.coverage import SUBJECT_WORDS, american
from assistant.retrieval.described_thing import all_known, described_words, names_described
from assistant.retrieval.hybrid import Passage, Retrieval
from assistant.retrieval.lay_name import gives_as_name
from assistant.understanding.conversation import group_of
from assistant.understanding.spelling import english_words
from assistant.understanding.vocabulary import FOCUS_STOP, NOT_A_TOPIC
from healthqa.text.words import STOPWORDS, stem
from index.records import Chunk

# As in topic.py: a longer message is a story, whose rarest word is as likely a detail of it
# as its topic.
SHORT_QUESTION_WORDS = 12
_WORD = re.compile(r"[a-z0-9]+")
# "a bone density scan, called a DEXA scan": the word after these is what a thing is named. Not
# "such as": "diabetes medicines, such as metformin" says nothing of what metformin does.
# The name is the few words after them, up to a punctuation mark: "called nasal irrigation, which".
_NAMING = re.compile(
    r"\b(?:called|known as|named)\s+(?:an?\s+|the\s+)?([a-z0-9]+(?:[ -][a-z0-9]+){0,2})"
)
# A term in brackets right after words names what they say: "benign paroxysmal positional vertigo
# (BPPV)", "lumps of crystals under the skin (tophi)", "an inner ear infection (labyrinthitis or
# vestibular neuritis)". The first word in the brackets is the name; a bracket that goes on
# longer is an aside ("(see below)", "(about 1 in 100 to 1 in 200)").
_BRACKETED = re.compile(r"[a-z0-9]\s+\(([a-z0-9]+)(?:\s+or\s+[a-z0-9 ]{1,40})?\)")
# Examples in brackets right after what a sentence opens with are what it speaks of: "Proton pump
# inhibitors (PPIs) (such as omeprazole and esomeprazole) block acid ... They are taken ...". Not
# an example in passing later on, nor one after a comma ("diabetes medicines, such as metformin").
_EXAMPLES = re.compile(r"\((?:such as|for example|e\.g\.,?|eg|like|including)\s+([^()]{1,80})\)")
# A sentence that opens with the word and says within a few words what it "is" defines it.
_DEFINING_VERBS = frozenset({"is", "are", "means", "refers"})
DEFINED_WITHIN = 6
_ASIDE = re.compile(r",[^,.;:]{1,80},")
# A list of treatments or tests says what each is in a clause after its name: "shockwave
# lithotripsy (SWL), which uses shockwaves ...", "ureteroscopy, where a thin telescope is
# passed ...", "percutaneous nephrolithotomy (PCNL), keyhole surgery through the back". A self-help
# list says it after a colon: "Eat more fibre: aim for 30g a day".
_CLAUSE_AFTER = re.compile(
    r"\s*(?:\([a-z0-9]{2,8}\)\s*,|,\s*(?:which|where|in which)\b|:\s+[a-z0-9])"
)
# A run of words a question shares with a passage that holds this many content words is a quote.
QUOTED_WORDS = 3
# What the visitor asks the page to judge, which it says in its own words ("not reliable"), never
# as "good".
_JUDGING = frozenset({"good", "bad", "ok", "okay", "fine", "worth", "worthwhile"})
# What the visitor asks about a term, not a word of it: "what does INR mean", "what does ADHD
# stand for", "the meaning of ...".
_ASKING_WHAT_IT_IS = frozenset({
    "mean", "means", "meaning", "meant", "stand", "stands", "definition", "define", "defined",
})
# A page speaks to its reader, the visitor of themself: "in time with my heartbeat" quotes "in
# time with your heartbeat".
_AS_THE_PAGE_SAYS = {"my": "your", "i": "you", "me": "you", "myself": "yourself", "im": "you"}


def rarest_term(retrieval: Retrieval, vocabulary: Mapping[str, int]) -> str | None:
    """The question's content word the index uses least, when the question is short and the
    index uses that word at all; None otherwise (a word it never uses is a topic it lacks)."""
    rarest = rarest_asked(retrieval, vocabulary)
    return rarest[0] if rarest is not None and rarest[1] else None


def rarest_asked(retrieval: Retrieval, vocabulary: Mapping[str, int]) -> tuple[str, int] | None:
    """The short question's content word the index uses least, with how often it does (0: a
    topic the articles lack); None for a long question or one of no content word."""
    analysis = retrieval.analysis
    asked = analysis.asked or analysis.text
    if len(asked.split()) > SHORT_QUESTION_WORDS:
        return None
    found = _named_words(analysis.keywords)
    if not found:
        return None
    rarest = min(found, key=lambda w: _frequency(w, vocabulary))
    return rarest, _frequency(rarest, vocabulary)


def _frequency(word: str, vocabulary: Mapping[str, int]) -> int:
    """How often the index uses the word, or else another form of it: "absorbed" is not a word
    the articles lack where they say "harder to absorb iron", nor "kid" where they say "child"."""
    exact = max(vocabulary.get(word, 0), vocabulary.get(american(word), 0))
    found = exact or _stem_counts(vocabulary).get(stem(american(word)), 0)
    group = None if found else group_of(word)
    if group is not None:
        # A group said in other words: "my kid" where the articles say "children".
        return max((n for w, n in vocabulary.items() if group.fullmatch(w)), default=0)
    return found


def _stem_counts(vocabulary: Mapping[str, int]) -> dict[str, int]:
    """Each stem's count in the index, a part of a hyphenated word counted as a word ("score"
    of "T-score": the question's words are read apart at hyphens, the index's are not)."""
    cached = _STEMMED.get(id(vocabulary))
    if cached is not None and cached[0] is vocabulary:
        return cached[1]
    counts: dict[str, int] = {}
    for word, count in vocabulary.items():
        parts = [part for part in word.split("-") if len(part) >= 3] if "-" in word else []
        for said in (word, *parts):
            key = stem(american(said))
            counts[key] = max(counts.get(key, 0), count)
    _STEMMED.clear()  # the one index in use; a test's small one replaces it
    _STEMMED[id(vocabulary)] = (vocabulary, counts)
    return counts


# One index's vocabulary stemmed once: it is the same object for every question.
_STEMMED: dict[int, tuple[Mapping[str, int], dict[str, int]]] = {}


def passages_defining(retrieval: Retrieval, vocabulary: Mapping[str, int]) -> tuple[Passage, ...]:
    """The ranked passages that define the question's rarest word (`rarest_term`) or give it as
    what their page's topic is (`lay_name`), say every content word of it about that word
    (`says_all`), or that it quotes (`quotes`); none when it names a word the index never uses."""
    analysis = retrieval.analysis
    described = _naming_described(retrieval, vocabulary)
    if described:
        return described
    if any(not _frequency(w, vocabulary) for w in _named_words(analysis.keywords)):
        return ()
    term = rarest_term(retrieval, vocabulary)
    asked = _topic_words(analysis.keywords)
    # Below the ranked passages too, for a term no everyday English word: what the lexical search
    # found for it (`lexical`), a term in one list item of a long section ("called the Epley
    # manoeuvre"). The embedding reads an everyday word well, and a passage it ranks low that
    # opens a sentence with one ("An accurate diagnosis is needed") is about something else.
    deeper = term is not None and _technical(term)
    found = retrieval.passages + (retrieval.lexical if deeper else ())
    return tuple(
        p
        for p in found
        if not p.context_only
        and (
            (term is not None and defines(term, p.stored.chunk))
            or (term is not None and gives_as_name(term, p.stored.chunk))
            or (term is not None and says_all(asked, p.stored.chunk, term))
            or (term is not None and headed_by(term, asked, p.stored.chunk))
            or quotes(analysis.asked or analysis.text, asked, p.stored.chunk)
        )
    )


def _naming_described(retrieval: Retrieval, vocabulary: Mapping[str, int]) -> tuple[Passage, ...]:
    """For a question describing what it cannot name ("what are the little white things stuck
    in my kids hair"), the ranked passages with a sentence naming it (`described_thing`)."""
    words = described_words(retrieval.analysis.asked or retrieval.analysis.text)
    if words is None or not all_known(words, lambda w: _frequency(w, vocabulary)):
        return ()
    return tuple(
        p
        for p in retrieval.passages
        if not p.context_only and names_described(words, p.stored.chunk)
    )


def defines(word: str, chunk: Chunk) -> bool:
    """Some sentence of the chunk says what the word is: it opens with the word and goes on
    with "is" or "are" ("Denosumab is an injection", "Bisphosphonates, such as alendronic acid
    or risedronate, are the most common medicines") or a clause on it ("ureteroscopy, where a
    thin telescope is passed ..."), or names it as what something is called ("called a DEXA
    scan")."""
    for said in _clauses(chunk):
        # An aside between commas does not part the word from its verb: "Bisphosphonates, such
        # as alendronic acid or risedronate, are ...".
        for text in (said, _ASIDE.sub("", said, count=1)):
            sentence = _WORD.findall(text)
            named = [k for k, w in enumerate(sentence) if _is(word, w)]
            following = set(sentence[named[0] + 1 :][:DEFINED_WITHIN]) if named else set()
            if named and named[0] < SUBJECT_WORDS and _DEFINING_VERBS & following:
                return True
        if any(_is(word, w) for name in _NAMING.findall(said) for w in _WORD.findall(name)):
            return True
        if any(_is(word, name) for name in _BRACKETED.findall(said)):
            return True
        if _example_of_subject(word, said):
            return True
        if _described_after(word, said):
            return True
    return False


def _clauses(chunk: Chunk) -> list[str]:
    """The chunk's sentences, lower-cased, each split at its semicolons: what follows one is a
    sentence of its own ("Used as directed, they are safe; the fingertip unit is a guide")."""
    return [
        clause.strip()
        for start, end in chunk.sentence_spans
        for clause in chunk.text[start:end].lower().split(";")
    ]


def _example_of_subject(word: str, sentence: str) -> bool:
    """The word is one of the examples in brackets after the sentence's opening words
    (`_EXAMPLES`): what the sentence says, it says of them."""
    for examples in _EXAMPLES.finditer(sentence):
        if len(_WORD.findall(sentence[: examples.start()])) >= SUBJECT_WORDS:
            return False
        if any(_is(word, w) for w in _WORD.findall(examples.group(1))):
            return True
    return False


def _described_after(word: str, sentence: str) -> bool:
    """The sentence opens with the word, and a clause after it says what it is (`_CLAUSE_AFTER`).
    A term no everyday English word may come anywhere in it: a list of treatments often opens
    with other words ("This can include laser or a trabeculectomy, which makes a channel ..."),
    and such a term is named with a clause on it only where it is explained. An everyday word
    late in a sentence ("... or kidney stones, which ...") is how a neighbouring topic shows."""
    technical = _technical(word)
    for k, found in enumerate(_WORD.finditer(sentence)):
        if k >= SUBJECT_WORDS and not technical:
            return False
        if _is(word, found.group()):
            if _CLAUSE_AFTER.match(sentence, found.end()):
                return True
            if not technical:
                return False
    return False


def _technical(word: str) -> bool:
    return american(word) not in english_words() and word not in english_words()


def says_all(words: list[str], chunk: Chunk, term: str | None = None) -> bool:
    """The chunk says every one of the words (two at least), or another form of each, about
    them: one sentence holds them all and opens with one of them ("Use the 60/60 rule with
    headphones" for "what is the 60/60 rule"), or one opens with the rarest, `term`, and the
    chunk holds the rest ("Refrigerate leftovers within 2 hours" in a list with "Keep your
    fridge at 5°C" for "how long are leftovers ok in the fridge"). Not "... or kidney stones"
    late in a sentence on gout for "kidney stones"."""
    if len(words) < 2:
        return False  # one word named once is a passing mention
    sentences = [_WORD.findall(chunk.text[a:b].lower()) for a, b in chunk.sentence_spans]
    for sentence in sentences:
        at = [[k for k, found in enumerate(sentence) if _is(w, found)] for w in words]
        if all(at) and min(k for ks in at for k in ks) < SUBJECT_WORDS:
            return True
    if term is None or not any(_opens_with(term, sentence) for sentence in sentences):
        return False
    said = [found for sentence in sentences for found in sentence]
    return all(any(_is(w, found) for found in said) for w in words)


def headed_by(term: str, words: list[str], chunk: Chunk) -> bool:
    """The chunk's heading names the term, and its title, heading or text every other of the
    `words` (two at least): a section or table titled "Staying off school or nursery" on the
    hand, foot and mouth page is what "can my kid go to nursery with hand foot and mouth" asks
    for, though it only lists when a child may go back."""
    if len(words) < 2 or not any(_is(term, w) for w in _WORD.findall(chunk.section.lower())):
        return False
    said = _WORD.findall(f"{chunk.title} {chunk.section} {chunk.text}".lower())
    return all(any(_is(w, found) or _same_group(w, found) for found in said) for w in words)


def _same_group(word: str, found: str) -> bool:
    """Both name one group of people: "kid" and "child"."""
    group = group_of(word)
    return group is not None and bool(group.fullmatch(found))


def quotes(question: str, words: list[str], chunk: Chunk) -> bool:
    """The question repeats a phrase of the chunk holding `QUOTED_WORDS` content words ("first
    steps in the morning" of "why does my heel hurt so much with the first steps in the
    morning"), and the chunk holds the rest of the `words` ("heel"): a symptom described in the
    page's own words, without the condition's name."""
    asked = [_AS_THE_PAGE_SAYS.get(w, w) for w in _WORD.findall(question.lower())]
    sentences = [_WORD.findall(chunk.text[a:b].lower()) for a, b in chunk.sentence_spans]
    if not any(_longest_shared(asked, sentence) >= QUOTED_WORDS for sentence in sentences):
        return False
    said = {found for sentence in sentences for found in sentence}
    return all(any(_is(w, found) for found in said) for w in words)


def _longest_shared(asked: list[str], sentence: list[str]) -> int:
    """The most content words in a run of words the two share in the same order."""
    best = 0
    for i in range(len(asked)):
        for j in range(len(sentence)):
            run = 0
            while (
                i + run < len(asked)
                and j + run < len(sentence)
                and asked[i + run] == sentence[j + run]
            ):
                run += 1
            best = max(best, sum(w not in STOPWORDS for w in asked[i : i + run]))
    return best


def _opens_with(word: str, sentence: list[str]) -> bool:
    return any(_is(word, found) for found in sentence[:SUBJECT_WORDS])


def _named_words(keywords: tuple[str, ...]) -> list[str]:
    return [w for w in _topic_words(keywords) if len(w) >= 3 and not w.isdigit()]


def _topic_words(keywords: tuple[str, ...]) -> list[str]:
    """The words that may name a topic: not "long", "cause", "symptoms", "first" ..., nor the
    visitor's judgement asked for ("are home test kits any good")."""
    return [
        w
        for w in keywords
        if w not in FOCUS_STOP
        and w not in NOT_A_TOPIC
        and w not in _JUDGING
        and w not in _ASKING_WHAT_IT_IS
    ]


def _is(word: str, found: str) -> bool:
    """`found` is `word`, in either spelling or another form of it."""
    word, found = american(word), american(found)
    return word == found or stem(word) == stem(found)
