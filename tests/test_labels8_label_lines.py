"""Unbulleted "Label: text" lines after a lead-in, and table rows under a question heading, are
quoted as lists (fixtures on asthma and migraine, not on any audited document)."""

from assistant.compose.units import is_lead_in, readable_units
from tests.test_units import spans_of


def quoted(text, spans, unit):
    return [text[spans[i][0] : spans[i][1]] for i in unit.sentences]


ASTHMA = [
    "Asthma narrows the airways.",
    "Things that can set off an attack include:",
    "Allergies: pollen, dust mites and animal fur",
    "Smoke: cigarette smoke and wood fires",
    "Weather: cold air and sudden changes in temperature",
]


def test_label_lines_after_a_lead_in_are_one_list_with_it():
    text, spans = spans_of(ASTHMA)
    units = readable_units(text, spans)
    lists = [u for u in units if u.is_list]
    assert len(lists) == 1
    assert quoted(text, spans, lists[0]) == ASTHMA[1:]
    assert [u.sentences for u in units if not u.is_list] == [(0,)]


def test_two_label_lines_after_a_lead_in_are_enough():
    lines = ["Common migraine triggers are:", "Food: cheese and chocolate", "Sleep: too little"]
    text, spans = spans_of(lines)
    assert [quoted(text, spans, u) for u in readable_units(text, spans)] == [lines]


def test_a_lone_label_line_stays_a_heading():
    lines = ["Migraine is a severe headache.", "Treatment: what helps", "Rest in a dark room."]
    text, spans = spans_of(lines)
    assert [quoted(text, spans, u) for u in readable_units(text, spans)] == [
        ["Migraine is a severe headache."],
        ["Rest in a dark room."],
    ]


def test_two_label_lines_without_a_lead_in_are_not_a_list():
    lines = ["Migraine is a severe headache.", "Type: chronic", "Updated: May 2024"]
    text, spans = spans_of(lines)
    assert [u.sentences for u in readable_units(text, spans)] == [(0,)]


def test_a_label_line_is_not_a_lead_in_but_a_short_introduction_is():
    assert not is_lead_in("Smoke: cigarette smoke and wood fires")
    assert is_lead_in("Triggers include:")
    assert is_lead_in("symptoms can include")


def test_table_rows_under_a_question_heading_are_quoted_without_an_introduction():
    lines = [
        "Most migraines ease with rest.",
        "When should I get help?",
        "- Symptom: Headache eased by painkillers; What to do: Rest at home",
        "- Symptom: Sudden worst headache of your life; What to do: Call 999 now",
    ]
    text, spans = spans_of(lines)
    lists = [u for u in readable_units(text, spans) if u.is_list]
    assert len(lists) == 1
    assert quoted(text, spans, lists[0]) == lines[2:]


def test_bullets_under_a_question_heading_after_prose_still_need_an_introduction():
    # Plain items do not say what they are; under a statement they would seem to belong to it.
    lines = ["Most migraines ease with rest.", "When should I get help?", "- numbness", "- fever"]
    text, spans = spans_of(lines)
    assert not [u for u in readable_units(text, spans) if u.is_list]


TRIGGERS_ARTICLE = """# Asthma

Asthma is a long-term condition that narrows the airways in the lungs.

## What triggers an asthma attack

Attacks often start after contact with something that irritates the airways.

Common asthma triggers include:

Allergies: pollen, dust mites and animal fur

Smoke: cigarette smoke and wood fires

Weather: cold air and sudden changes in temperature

Exercise: running in cold weather

## Treatment

Inhalers relieve symptoms and prevent attacks.
"""


def test_label_lines_quoted_in_an_answer_are_one_item_per_line(tmp_path_factory, embedder):
    from assistant.compose.citations import check_answer_citations
    from assistant.understanding.conversation import Conversation
    from tests.support.kb import build_article_assistant

    assistant = build_article_assistant(
        tmp_path_factory, embedder, "asthma-triggers.md", TRIGGERS_ARTICLE
    )
    answer = assistant.answer(Conversation(), "what triggers an asthma attack?")
    assert answer.citations
    lines = answer.text.splitlines()
    assert any(line.startswith("- Smoke: cigarette smoke") for line in lines), answer.text
    assert any(line.startswith("- Weather: cold air") for line in lines)
    assert check_answer_citations(answer).precision == 1.0
