"""Readable units of a passage: the smallest groups of sentences that can be quoted on their own.

A list is quoted whole with the line that introduces it; a sentence that leans on the one before it
("This means ...", "However, ...") is quoted together with that sentence; headings and questions
are never quoted as statements.

A list's items mean what its introduction says they are ("Once kidney function decreases further,
symptoms can include" - often without its colon). A list whose introduction cannot be quoted is
left out: shown under another sentence, its items would seem to belong to that one ("Kidney
disease has no symptoms early on." followed by the late symptoms, read as symptoms of high blood
pressure).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.compose.quotable import adds_to_sentence_before, leans_on_sentence_before
from index.records import Span

_LIST_ITEM = re.compile(r"^\s*(?:[-*•·▪–]\s+|\(?\d{1,2}[.)]\s+|[a-z][.)]\s+)")
# A sentence whose subject is a word pointing back ("He has seen cases...") means nothing alone.
_REFERS_BACK = re.compile(
    r"^(this|these|that|those|it|its|they|their|them|such|he|she|his|her|both|in this case"
    # "If you do, antibiotics during labor can save your baby's life": do what?
    r"|(if|when) (so|not|you do|you don't|they do|it does|this happens)\b"
    # "In osteoporosis, this loss is greater than normal": which loss? A short opening phrase
    # before the pointing word does not give it a subject.
    r"|[^,.;:]{1,40}, (this|these|those|such) (?!as\b)[a-z]+(?<!ing)\b"
    # "On the contrary, people get the flu only once every few years": contrary to what?
    r"|on the contrary|in contrast|by contrast|conversely|on the other hand|in other words"
    r"|even so|that said"
    # "All three of these drugs are given twice": which drugs?
    r"|(all|both|each|either|neither|none|one|two|three|four|five|some|many|most|any)"
    r"( \w+)? of (these|those|them|this|that)"
    # "Apply them twice a day": an instruction whose object is a pronoun pointing back (not
    # "When it rains", "If it hurts": there the pronoun may be the page's topic).
    r"|(?!(?:when|whenever|if|as|because|while|although|though|once|until|unless|before|after"
    r"|since|whether|what|how|why|where|who|is|are|was|does|do|did|can|could|should|will|would"
    r"|may|might|must)\b)[a-z]+ (it|them|these|those)(?! (is|are|was|were|has|have)\b)"
    r")\b",
    re.IGNORECASE,
)
# "It is best to avoid sex until ...", "It's important that you finish the course": an "it" that
# stands for the clause after it, not for something named before; the sentence says its own
# subject and often is an FAQ's whole answer.
_EXPLETIVE_IT = re.compile(
    r"^it(?:'s|’s| is| was)(?: not| usually| often| also| always| generally| very)?"
    r" (?:best|better|important|essential|vital|possible|impossible|likely|unlikely|rare|common"
    r"|normal|usual|unusual|safe|unsafe|advisable|a good idea|a bad idea|worth|clear|unclear"
    r"|hard|difficult|easy|fine|ok|okay|ideal|helpful|sensible|wise|recommended)"
    r" (?:to|that|whether|if|for)\b",
    re.IGNORECASE,
)
# A sentence opening with a connective reads better with the one before, but stands on its own.
_CONNECTS_BACK = re.compile(
    r"^(also|however|but|therefore|thus|hence|so|and|or|in addition|additionally|furthermore|"
    r"moreover|for example|for instance|as a result|otherwise|instead|then|still|yet|"
    r"similarly|likewise|nevertheless|nonetheless|consequently|accordingly|in fact|indeed)\b",
    re.IGNORECASE,
)
# "Other signs include ...", "Another option is ...": more of what the sentence before told, so
# it is quoted with that sentence when it can be, and alone when it cannot.
_ADDS_TO = re.compile(r"^(other|another|additional|further)\b", re.IGNORECASE)
# "These are warning signs of a stroke:" points at the list after it, not at what came before.
_POINTS_AHEAD = re.compile(r"^(these|this|the following)\s+(are|is)\s+\S.*:$", re.IGNORECASE)
_ENDS_STATEMENT = re.compile(r"""[.!;)\]"'”’]\s*$""")
# A sentence that announces what comes next ("Here are treatments for dry eye.", "The following
# is a list of symptoms ...") says nothing without it, even with a period: it is quoted only as
# the introduction of the list it announces.
_ANNOUNCES = re.compile(
    r"^(here(?: is|'s| are)|below (?:is|are)|the following (?:is|are)|listed below are)\b",
    re.IGNORECASE,
)
# A table row the ingest wrote as a list item naming its columns ("- Exercise: Calf stretch;
# How to do it: Stand facing a wall. Lean forwards.; How often: Hold 30 seconds"). Its cells
# run on its line as several sentences of any shape, and it says what it says only whole: its
# first cell alone drops the rest of the row, a later cell alone has lost what it is about.
_TABLE_ROW = re.compile(r"^\s*[-*•·▪–]\s+[^;\n]{1,80}?:\s[^\n]*?;\s+[^;:\n]{1,60}:\s")
# A line that names what it is about before a colon and goes on after it, with no full stop
# ("Irritants: soaps, detergents, wool"): a list item written without a bullet when such lines
# follow one another, as a list's items do. Alone, it may as well be a heading.
_LABEL_LINE = re.compile(r"^[A-Z][\w'’()/&-]*(?: [\w'’()/&-]+){0,3}:\s+\S")
# Unbulleted "Label: text" lines read as a list after a lead-in ending in ":" from this many on,
# and without one from `LABEL_LINES_ALONE` on (fewer could be a heading and a stray line).
LABEL_LINES_AFTER_LEAD_IN = 2
LABEL_LINES_ALONE = 3
# A one-word answer ("No.", "Yes!") that opens an FAQ's answer: quoted with what follows it,
# up to this many words of it (the one word alone is too short to quote, and says nothing
# without the sentence that gives the reason).
_YES_NO = re.compile(r"^(yes|no)\s*[.!]?$", re.IGNORECASE)
# "No, ..." and "Yes - ...", not "No one knows" or "No more than two a day".
_OPENS_YES_NO = re.compile(r"^\s*(?:yes|no)\s*[,;:\u2013\u2014-]\s*\w", re.IGNORECASE)
SHORT_ANSWER_WORDS = 6
# An FAQ answer's first sentence this short answers its question as "Yes." does ("Usually
# not.", "It is rare.", "Sometimes."): quoted with the sentence that says why, never alone.
SHORT_ANSWER_MAX_WORDS = 3
# A list run is cut this long at most; how much of it an answer quotes is the composer's choice
# (a list that fits an answer is quoted whole: 11 signs of an underactive thyroid, not 10).
MAX_LIST_ITEMS = 30
# An item this short, with a full stop, labels the sentences after it on its line.
LABEL_MAX_WORDS = 5
ITEM_SENTENCES_AFTER_LABEL = 2


@dataclass(frozen=True)
class Unit:
    sentences: tuple[int, ...]  # indexes into the passage's sentence spans, in reading order
    is_list: bool = False
    rows: frozenset[int] = frozenset()  # the items that are table rows, quoted whole or not at all


def is_yes_or_no(sentence: str) -> bool:
    """A one-word answer: "No.", "Yes!"."""
    return bool(_YES_NO.match(sentence.strip()))


def is_short_answer(sentence: str) -> bool:
    """A yes, a no, or a statement as short ("Usually not.", "It is rare."): opening an FAQ's
    answer, it answers the FAQ's question."""
    text = sentence.strip()
    return is_yes_or_no(text) or (
        len(text.split()) <= SHORT_ANSWER_MAX_WORDS
        and text.endswith((".", "!"))
        and not is_list_item(text)
    )


def opens_with_yes_or_no(sentence: str) -> bool:
    """An answer that starts by saying yes or no to a question: "No, it is not contagious."."""
    return bool(_OPENS_YES_NO.match(sentence))


def is_list_item(sentence: str) -> bool:
    return bool(_LIST_ITEM.match(sentence))


def readable_units(
    text: str,
    spans: Sequence[Span],
    quotable: Callable[[str], bool] = lambda _: True,
    *,
    under_question: bool = False,
) -> list[Unit]:
    """`quotable`: sentences never quoted (an attribution, say) are left out of units, so a
    sentence leaning on one is judged on its own. `under_question`: the text answers an FAQ
    heading, whose question is what its first sentence's "it" points back to ("It is rare to
    get it more than once" under "Can you catch X twice?"): that sentence is quoted."""
    sentences = [text[a:b].strip() for a, b in spans]
    units: list[Unit] = []
    i = 0
    while i < len(sentences):
        sentence = sentences[i]
        if is_list_item(sentence):
            rows = frozenset(
                k for k, line in _item_lines(text, spans, sentences, i) if _TABLE_ROW.match(line)
            )
            run = _list_run(
                sentences,
                i,
                # Not the next list's introduction run onto the item's line ("... or back
                # Other symptoms can include:").
                lambda k: continues_line(text, spans, k) and not is_lead_in(sentences[k]),
                row_goes_on=lambda k: continues_line(text, spans, k),
                rows=rows,
            )
            intro = (
                ()
                if _rows_after_statement(sentences, i, rows)
                else _introduction(sentences, units, i, quotable)
            )
            # A flattened copy ends its list: the page's conversion runs the copy into what
            # follows, often the next list's introduction, so the items after it belong to a
            # list whose introduction is lost ("avoid contact with - pregnant women ...").
            end = min(_flattened_copies(sentences, run), default=run[-1] + 1)
            items = [k for k in run if k < end]
            items = _whole_rows(sentences, items, MAX_LIST_ITEMS, rows)
            if intro is None and _rows_under_heading(sentences, i, items, rows):
                # A table's rows name their columns ("Signs: ...; What to do: Call 999"): under
                # their own heading they say what they are without an introduction.
                intro = ()
            if intro is not None and items:
                units.append(
                    Unit(sentences=(*intro, *items), is_list=True, rows=rows & set(items))
                )
            i = run[-1] + 1
            continue
        labels = _label_lines(text, spans, sentences, i)
        led_in = i > 0 and sentences[i - 1].endswith(":") and is_lead_in(sentences[i - 1])
        if len(labels) >= (LABEL_LINES_AFTER_LEAD_IN if led_in else LABEL_LINES_ALONE):
            # Quoted like a bulleted list, with the line that introduces it.
            intro = _introduction(sentences, units, i, quotable)
            if intro is not None:
                units.append(Unit(sentences=(*intro, *labels[:MAX_LIST_ITEMS]), is_list=True))
            i = labels[-1] + 1
            continue
        if sentence.endswith("?") or not (
            _ENDS_STATEMENT.search(sentence) or sentence.endswith(":")
        ):
            i += 1  # a heading or a question: context, not a statement to quote
            continue
        if not quotable(sentence):
            i += 1
            continue
        if (
            (_YES_NO.match(sentence) or (under_question and i == 0 and is_short_answer(sentence)))
            and i + 1 < len(sentences)
            and not is_list_item(sentences[i + 1])
        ):
            # "No." opening an FAQ's answer is the answer ("Usually not." as well, under the
            # FAQ's question); the sentences after it say why.
            end = _short_answer_end(sentences, i, quotable)
            units.append(Unit(sentences=tuple(range(i, end))))
            i = end
            continue
        refers = (
            _REFERS_BACK.match(sentence) or leans_on_sentence_before(sentence)
        ) and not (_POINTS_AHEAD.match(sentence) or _EXPLETIVE_IT.match(sentence))
        connects = (
            _CONNECTS_BACK.match(sentence)
            or _ADDS_TO.match(sentence)
            or adds_to_sentence_before(sentence)
        )
        if refers or connects:
            if units and not units[-1].is_list and units[-1].sentences[-1] == i - 1:
                previous = units.pop()
                units.append(Unit(sentences=(*previous.sentences, i)))
            elif connects or (under_question and i == 0):
                units.append(Unit(sentences=(i,)))
            # else: its subject is in a sentence the answer cannot quote; it is left out too.
            i += 1
            continue
        units.append(Unit(sentences=(i,)))
        i += 1
    # An introduction with nothing after it ("Symptoms include:") says nothing on its own.
    return [
        u
        for u in units
        if u.is_list
        or not (
            sentences[u.sentences[-1]].endswith(":")
            or any(_ANNOUNCES.match(sentences[k]) for k in u.sentences)
        )
    ]


def is_label_line(sentence: str) -> bool:
    """"Irritants: soaps, detergents, wool": a short label, a colon, then what it labels, with no
    full stop (a statement with a colon in it, "Note: take it with food.", is quoted as one)."""
    text = sentence.strip()
    return (
        bool(_LABEL_LINE.match(text))
        and not text.endswith(("?", ":"))
        and not _ENDS_STATEMENT.search(text)
        and not is_list_item(text)
    )


def _label_lines(
    text: str, spans: Sequence[Span], sentences: Sequence[str], start: int
) -> list[int]:
    """The "Label: text" lines from `start` on, each a whole line of its own."""
    run: list[int] = []
    k = start
    while (
        k < len(sentences)
        and is_label_line(sentences[k])
        and not continues_line(text, spans, k)
        and not (k + 1 < len(sentences) and continues_line(text, spans, k + 1))
    ):
        run.append(k)
        k += 1
    return run


def _rows_under_heading(
    sentences: Sequence[str], first_item: int, items: Sequence[int], rows: frozenset[int]
) -> bool:
    """The list's items are all table rows and the line before them is a heading or a question
    ("How worried should I be?"), not a statement the list would seem to belong to."""
    listed = [k for k in items if is_list_item(sentences[k])]
    before = sentences[first_item - 1].strip() if first_item > 0 else ""
    return (
        bool(listed)
        and all(k in rows for k in listed)
        and bool(before)
        and (before.endswith("?") or not (_ENDS_STATEMENT.search(before) or before.endswith(":")))
    )


# A statement that points at the table after it: "The table shows ...", "as below".
_POINTS_AT_TABLE = re.compile(r"\b(table|below|following|these|this)\b", re.IGNORECASE)


def _rows_after_statement(sentences: Sequence[str], first_item: int, rows: frozenset[int]) -> bool:
    """The list is a table (its first item a row) after a full statement that neither ends in
    ":" nor points at it ("Some people find the patches itch."): the rows name their columns
    and need no introduction, and the statement is not one: quoted as the table's opening, it
    would lead an answer the table gives."""
    before = sentences[first_item - 1].strip() if first_item > 0 else ""
    return (
        first_item in rows
        and bool(_ENDS_STATEMENT.search(before))
        and not before.endswith(":")
        and not _POINTS_AT_TABLE.search(before)
    )


def _short_answer_end(
    sentences: Sequence[str], start: int, quotable: Callable[[str], bool]
) -> int:
    """The end of a "Yes."/"No." answer: the statements after it up to `SHORT_ANSWER_WORDS`
    words ("No. Keep breastfeeding. Breast milk is easy to digest.")."""
    end = start + 1
    count = 0
    while end < len(sentences) and count < SHORT_ANSWER_WORDS:
        following = sentences[end]
        if is_list_item(following) or following.endswith((":", "?")) or not quotable(following):
            break
        count += len(following.split())
        end += 1
    return end


def _list_run(
    sentences: Sequence[str],
    start: int,
    continues: Callable[[int], bool],
    *,
    row_goes_on: Callable[[int], bool] = lambda _: False,
    rows: frozenset[int] = frozenset(),
) -> list[int]:
    """The items from `start` on, with what the splitter cut from an item that opens with a
    label ("- Poor diet. Getting too little calcium can increase your risk. ..."): its next
    `ITEM_SENTENCES_AFTER_LABEL` sentences on the line go with it. Not more: a line that runs
    on is more often prose a page's conversion glued to the item ("- Do some sounds seem too
    loud? Sudden sensorineural hearing loss ... Who Should I See? ..."). A table row's line
    is all its cells, and goes with it whole."""
    run = [start]
    after_label = 0
    while run[-1] + 1 < len(sentences):
        following = run[-1] + 1
        if is_list_item(sentences[following]):
            after_label = 0
        elif _item_of(sentences, run) in rows and row_goes_on(following):
            pass
        elif (
            continues(following)
            and after_label < ITEM_SENTENCES_AFTER_LABEL
            and _is_label(sentences[_item_of(sentences, run)])
        ):
            after_label += 1
        elif continues(following) and _REFERS_BACK.match(sentences[following]):
            # "- Erythema migrans rash, in 70 to 80 percent. It begins at the bite ...": a
            # sentence on the item's line that points back has the item for its subject.
            pass
        else:
            break
        run.append(following)
    return run


def _item_lines(
    text: str, spans: Sequence[Span], sentences: Sequence[str], start: int
) -> list[tuple[int, str]]:
    """(item, the text of its line) for the list items from `start` to the end of the passage."""
    found = []
    for k in range(start, len(sentences)):
        if is_list_item(sentences[k]):
            end = text.find("\n", spans[k][0])
            found.append((k, text[spans[k][0] : end if end >= 0 else len(text)]))
    return found


def _whole_rows(
    sentences: Sequence[str], run: Sequence[int], keep: int, rows: frozenset[int]
) -> list[int]:
    """The first `keep` sentences of a list `run`, less a table row the cut would split."""
    kept = list(run[:keep])
    if len(kept) < len(run) and not is_list_item(sentences[run[len(kept)]]):
        last = next((k for k in reversed(kept) if is_list_item(sentences[k])), None)
        if last is not None and last in rows:
            kept = kept[: kept.index(last)]
    return kept


def _item_of(sentences: Sequence[str], run: Sequence[int]) -> int:
    """The last item that `run` holds."""
    return next(k for k in reversed(run) if is_list_item(sentences[k]))


def _is_label(item: str) -> bool:
    """A short item closed by a full stop: "- Poor diet.", "- Physical inactivity."."""
    return item.endswith(".") and len(item.split()) <= LABEL_MAX_WORDS + 1


def continues_line(text: str, spans: Sequence[Span], k: int) -> bool:
    """Sentence `k` goes on the line of the sentence before it (no line break between)."""
    return k > 0 and "\n" not in text[spans[k - 1][1] : spans[k][0]]


def item_count(sentences: Sequence[str], indexes: Sequence[int]) -> int:
    return sum(1 for k in indexes if is_list_item(sentences[k]))


def _flattened_copies(sentences: Sequence[str], run: Sequence[int]) -> set[int]:
    """Items that repeat two or more other items of their list run together: a copy of the
    list flattened into one line by the page's conversion ("looking at treatments studying the
    possibility of ... evaluating families ..."), which reads as garble."""
    texts = {k: _LIST_ITEM.sub("", sentences[k]).strip().lower() for k in run}
    before = sentences[run[0] - 1] if run[0] > 0 else ""
    # A first item the sentence splitter left inside its lead-in ("scientists are - studying").
    inline = before.split(" - ", 1)[1].strip().lower() if " - " in before else ""
    return {
        k
        for k in run
        if sum(1 for j in run if j != k and texts[j] and texts[j] in texts[k])
        + (bool(inline) and inline in texts[k])
        >= 2
    }


def _introduction(
    sentences: Sequence[str], units: list[Unit], first_item: int, quotable: Callable[[str], bool]
) -> tuple[int, ...] | None:
    """The sentences that introduce the list starting at `first_item` (taken off `units`), () for
    a list with nothing quotable before it in the passage (its section heading introduces it), or
    None when the text just before it cannot be quoted."""
    before = first_item - 1
    if units and not units[-1].is_list and units[-1].sentences[-1] == before:
        return units.pop().sentences
    if before >= 0 and is_lead_in(sentences[before]) and quotable(sentences[before]):
        lead_in = sentences[before]
        adjacent = units and not units[-1].is_list and units[-1].sentences[-1] == before - 1
        if _ADDS_TO.match(lead_in) and adjacent:
            return (*units.pop().sentences, before)
        if not _REFERS_BACK.match(lead_in) or _POINTS_AHEAD.match(lead_in):
            return (before,)
        # "They may include" leans on the statement before it, like any sentence pointing back.
        if units and not units[-1].is_list and units[-1].sentences[-1] == before - 1:
            return (*units.pop().sentences, before)
        return None
    return None if units else ()


def adds_to_what_came_before(sentence: str) -> bool:
    """"Other signs include", "Another option is ...": more of what the sentence before told."""
    return bool(_ADDS_TO.match(sentence))


def is_lead_in(sentence: str) -> bool:
    """A line that announces what follows ("Symptoms include:", "symptoms can include"): it
    neither ends a statement nor asks a question."""
    text = sentence.strip()
    return bool(text) and not text.endswith("?") and (
        text.endswith(":") or not _ENDS_STATEMENT.search(text)
    ) and not is_list_item(text) and not is_label_line(text)
