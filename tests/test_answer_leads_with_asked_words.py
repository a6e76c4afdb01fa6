"""A question asking one thing is answered first by the part of its section that says the
question's own words: the table row it names or whose rare words it holds, the list item saying
them (or forbidding, when it asks what not to do), the prose sentence holding them, and, for
"how long", the duration said of what it asks about. A statement that merely comes before a
table does not introduce it, so it does not lead the table's answer either."""

from __future__ import annotations

import pytest

from assistant.compose.units import readable_units
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant

ARTICLE = """# Migraine

## What a migraine is

A migraine is a moderate or severe headache felt as a throbbing pain on one side of the head. Many people also feel sick and are sensitive to light or sound.

## Causes of migraine

Migraine is thought to be caused by changes in the chemicals and blood vessels of the brain. It often runs in families. Many women get migraines around their period. Attacks can be triggered by missing meals, lack of sleep, stress or bright lights.

## Things you can do during an attack

To ease an attack:

- lie down in a quiet, dark room
- put a cool flannel on your forehead
- drink plenty of fluids, especially if you have been sick
- sleep if you can
- do not look at screens such as phones or laptops

## Medicines for migraine

Medicines can ease an attack quickly.

| Medicine | How it is taken | Notes |
|---|---|---|
| Painkillers such as ibuprofen | Tablets taken at the start of an attack | Not suitable if you have a stomach ulcer |
| Triptans | Tablets, a nasal spray or an injection | Can cause tingling or warmth |
| Anti-sickness medicines | Tablets or suppositories | Help with feeling sick |

## Recovering from an attack

Rest for 1 to 2 hours after taking your medicine. The headache usually eases within 4 hours. The tiredness can last for up to 2 days after the attack.
"""  # noqa: E501 (one paragraph per line, as pages have them)


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "migraine.md", ARTICLE)


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        # The row whose first cell the question names.
        ("how is a triptan taken for migraine", "Medicine: Triptans"),
        # The row holding the question's rare words in a later cell.
        ("which migraine medicine is not suitable with a stomach ulcer", "Medicine: Painkillers"),
        # The list item saying the question's own words.
        ("should I look at my phone during a migraine", "Do not look at screens"),
        # The prose sentence saying them, last of its section.
        ("what can trigger a migraine", "Attacks can be triggered"),
        # The duration said of what is asked, not the first duration of the section.
        ("how long does the tiredness last after a migraine attack", "The tiredness can last"),
    ],
)
def test_what_says_the_asked_words_leads(assistant, question, opening):
    answer = assistant.answer(Conversation(), question)
    assert answer.text.strip().startswith(opening), answer.text


def _table_unit(lines):
    text, spans = "", []
    for line in lines:
        spans.append((len(text), len(text) + len(line)))
        text += line + "\n"
    units = readable_units(text, spans)
    table = next(u for u in units if u.is_list)
    return [text[spans[k][0] : spans[k][1]] for k in table.sentences]


ROWS = [
    "- Medicine: Triptans; How it is taken: Tablets or a nasal spray",
    "- Medicine: Painkillers; How it is taken: Tablets at the start of an attack",
]


def test_a_statement_before_a_table_does_not_introduce_it():
    # As its introduction, "Many people also feel sick." would lead every answer the table gives.
    assert _table_unit(["Many people also feel sick.", *ROWS]) == ROWS


def test_a_line_pointing_at_the_table_introduces_it():
    for intro in ("The table shows how each medicine is taken.", "Medicines used include:"):
        assert _table_unit([intro, *ROWS]) == [intro, *ROWS]
