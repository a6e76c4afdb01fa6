from assistant.answer import Citation
from assistant.compose.citations import check_citations, cited_statements

PASSAGE = "Gout is a kind of arthritis. It causes sudden pain.\n- swelling\n- redness"


def citation(n, passage=PASSAGE):
    return Citation(
        n=n, chunk_id=n, doc_id="d", title="Gout", section="", passage=passage, spans=()
    )


def test_statements_carry_the_markers_that_follow_them():
    statements = cited_statements(
        "Lead in.\n\nGout is a kind of arthritis. [1] It causes sudden pain. [1][2]"
    )
    assert [(s.text, s.markers) for s in statements] == [
        ("Lead in.", ()),
        ("Gout is a kind of arthritis.", (1,)),
        ("It causes sudden pain.", (1, 2)),
    ]


def test_list_items_are_statements_of_their_own():
    statements = cited_statements("- swelling [1]\n- redness [1]")
    # The bullet is list syntax, not part of the statement the passage must hold.
    assert [s.text for s in statements] == ["swelling", "redness"]


def test_check_counts_resolved_markers_and_coverage():
    body = (
        "Gout is a kind of arthritis. [1] It causes sudden pain. [2] Unsupported claim. [3] Bare."
    )
    check = check_citations(body, [citation(1), citation(2, passage="other text")])
    assert check.markers == 3
    assert check.resolved == 1
    assert check.precision == 1 / 3
    assert check.statements == 4
    assert check.coverage == 3 / 4


def test_whitespace_differences_do_not_break_resolution():
    body = "Gout is a   kind of\narthritis. [1]"
    assert check_citations(body.replace("\n", " "), [citation(1)]).precision == 1.0


def test_a_space_before_a_colon_in_the_passage_still_resolves():
    # The statement reader drops the space before punctuation ("history: An"), as the answer
    # reads it; the passage must be read the same way or a true quote looks made up.
    passage = "Tests may be used:\n- Physical exam and history : An exam of the body."
    body = "- Physical exam and history : An exam of the body. [1]"
    assert check_citations(body, [citation(1, passage=passage)]).precision == 1.0


def test_a_statement_the_passage_does_not_hold_still_fails_after_tightening():
    passage = "Tests may be used:\n- Physical exam and history : An exam of the body."
    body = "- Physical exam and history : A scan of the brain. [1]"
    assert check_citations(body, [citation(1, passage=passage)]).precision == 0.0
