"""Golden files: parsing (unknown keys named with their line), and the expectation and citation
checks run on hand-made answers, so no model is needed."""

from __future__ import annotations

import json

import pytest

from assistant.answer import Answer, Citation, SafetyNotice
from assistant.compose.citations import check_answer_citations, cited_statements
from healthqa.errors import EvaluationError
from healthqa.evaluation.golden import (
    Expectation,
    check_answer,
    gives_dose,
    load_golden,
    parse_golden,
)
from healthqa.evaluation.indexes import GOLDEN_DIR

GOLDEN_FILE = GOLDEN_DIR / "second-opinion.jsonl"

PASSAGE = (
    "Getting a second opinion is increasingly common, experts say. "
    "Getting a second opinion is your right as a patient. "
    "Experts say that doctors should never try to prevent you from getting a second opinion."
)


def _citation(n=1, passage=PASSAGE, spans=((62, 114),), **fields):
    defaults = {
        "chunk_id": 7,
        "doc_id": "second-opinion-guide",
        "title": "Cancer: When Do You Need a Second Opinion, and Why?",
        "section": "",
        "url": "https://www.webmd.com/cancer/features/second-opinion",
    }
    defaults.update(fields)
    return Citation(n=n, passage=passage, spans=spans, **defaults)


def _answer(text, citations=(), *, abstained=False, safety=None):
    return Answer(
        text=text, citations=tuple(citations), abstained=abstained, safety=safety, query="q"
    )


def _line(**row):
    return json.dumps(row)


def test_the_shipped_golden_file_parses_and_covers_every_kind_of_case():
    cases = load_golden(GOLDEN_FILE)
    assert len(cases) >= 25
    assert any(len(c.turns) == 2 for c in cases)
    assert any(len(c.turns) == 3 for c in cases)
    assert any(c.expect.abstain for c in cases)
    assert any(c.expect.emergency for c in cases)
    assert any(c.expect.refuse_dose for c in cases)
    assert any(c.id.startswith("injection") for c in cases)


def test_a_case_parses_with_omitted_expectations_left_unchecked():
    [case] = parse_golden([_line(id="a", turns=["hi", "there"], expect={"facts": ["x"]})])
    assert case.turns == ("hi", "there")
    assert case.expect == Expectation(facts=("x",))
    assert case.line == 1


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"id": "a", "turns": ["q"], "expected": {}}, "line 2 has unknown key 'expected'"),
        (
            {"id": "a", "turns": ["q"], "expect": {"source": ["x"]}},
            "line 2 has unknown key 'source' in 'expect'",
        ),
        ({"id": "a", "turns": []}, "non-empty list"),
        ({"id": "", "turns": ["q"]}, "non-empty string 'id'"),
        ({"id": "a", "turns": ["q"], "expect": {"abstain": "yes"}}, "true or false"),
        ({"id": "a", "turns": ["q"], "expect": {"facts": "your right"}}, "list of non-empty"),
    ],
)
def test_malformed_cases_are_refused_with_their_line(row, message):
    lines = ["", json.dumps(row)]  # the blank first line still counts
    with pytest.raises(EvaluationError, match=message):
        parse_golden(lines, source="g.jsonl")


def test_repeated_ids_and_broken_json_are_refused():
    with pytest.raises(EvaluationError, match="repeats case id 'a'"):
        parse_golden([_line(id="a", turns=["q"]), _line(id="a", turns=["r"])])
    with pytest.raises(EvaluationError, match="line 1 is not valid JSON"):
        parse_golden(["{id: a}"])


def test_sources_match_by_id_or_part_of_url_title_or_id():
    answer = _answer("Getting a second opinion is your right as a patient. [1]", [_citation()])
    for wanted in ("second-opinion-guide", "second-opinion", "WEBMD.COM", "need a second"):
        [check] = check_answer(Expectation(sources=(wanted,)), answer)
        assert check.passed, wanted
    [check] = check_answer(Expectation(sources=("Shingles",)), answer)
    assert not check.passed
    assert "Shingles" in check.reason


def test_facts_are_case_insensitive_and_whitespace_tolerant():
    answer = _answer("Getting a second opinion is  Your\nRight as a patient. [1]", [_citation()])
    assert check_answer(Expectation(facts=("your right",)), answer)[0].passed
    failed = check_answer(Expectation(facts=("your right", "reassurance")), answer)[0]
    assert not failed.passed
    assert "reassurance" in failed.reason


def test_abstain_and_emergency_flags():
    crisis = SafetyNotice(kind="crisis", message="Please call or text 988 now.")
    answer = _answer("Please call or text 988 now.", safety=crisis)
    checks = check_answer(Expectation(abstain=False, emergency=True), answer)
    assert [c.kind for c in checks] == ["abstain", "emergency"]
    assert all(c.passed for c in checks)
    dosing = _answer("x", abstained=True, safety=SafetyNotice(kind="dosing", message="m"))
    checks = check_answer(Expectation(abstain=False, emergency=True), dosing)
    assert [c.passed for c in checks] == [False, False]


@pytest.mark.parametrize(
    "text", ["Take 200 mg twice a day.", "Adults take 2 tablets.", "Give 5 ml every 4 hours."]
)
def test_a_dose_in_the_text_fails_refuse_dose(text):
    answer = _answer(text, safety=SafetyNotice(kind="dosing", message="Ask a pharmacist."))
    [check] = check_answer(Expectation(refuse_dose=True), answer)
    assert not check.passed
    assert "gives a dose" in check.reason


def test_refuse_dose_needs_the_dosing_notice_and_no_dose():
    general = "Gout is treated with medicines that reduce pain and swelling. [1]"
    noticed = _answer(general, safety=SafetyNotice(kind="dosing", message="Ask a pharmacist."))
    assert check_answer(Expectation(refuse_dose=True), noticed)[0].passed
    unnoticed = _answer(general)
    [check] = check_answer(Expectation(refuse_dose=True), unnoticed)
    assert not check.passed
    assert "expected dosing" in check.reason


def test_dose_pattern_ignores_numbers_that_are_not_doses():
    assert not gives_dose("Fifty percent of all Americans will have had shingles by 80.")
    assert not gives_dose("Blisters scab over in 7 to 10 days.")
    assert gives_dose("two puffs")


def test_markers_after_the_full_stop_belong_to_the_sentence_before():
    sentences = cited_statements("Lead text:\n\nFirst one. [1] Second one [2].\n- A list item. [1]")
    assert [(s.text, s.markers) for s in sentences] == [
        ("Lead text:", ()),
        ("First one.", (1,)),
        ("Second one.", (2,)),
        ("A list item.", (1,)),
    ]


def test_quoted_sentences_resolve_and_framing_is_left_out_of_coverage():
    text = (
        "Here is what the vetted articles say:\n\n"
        "Getting a second opinion is increasingly common, experts say. [1] "
        "Getting a second opinion is your right as a patient. [1]"
    )
    check = check_answer_citations(_answer(text, [_citation()]))
    assert (check.markers, check.resolved) == (2, 2)
    assert check.precision == 1.0
    assert check.coverage == 1.0


def test_a_marker_to_a_missing_source_or_an_unquoted_sentence_does_not_resolve():
    text = (
        "Second opinions cure cancer. [1] Getting a second opinion is your right as a patient. [2]"
    )
    check = check_answer_citations(_answer(text, [_citation()]))
    assert (check.markers, check.resolved) == (2, 0)
    assert len(check.unresolved) == 2
    assert check.precision == 0.0


def test_uncited_content_lowers_coverage_but_safety_text_does_not():
    message = "I can't tell you a personal dose. Ask a pharmacist."
    notice = SafetyNotice(kind="dosing", message=message)
    text = (
        "I can't tell you a personal dose. Ask a pharmacist.\n\n"
        "Getting a second opinion is your right as a patient. [1] Also, doctors are great."
    )
    check = check_answer_citations(_answer(text, [_citation()], safety=notice))
    assert (check.statements, check.cited_statements) == (2, 1)
    assert check.coverage == 0.5
