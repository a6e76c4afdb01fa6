"""A sentence opening with a quoted term ('"Shin splints" is a common name for ...') is a
statement about the term and is quoted; one opening with someone's words is not, so an answer
does not start on the sentence after the term with a dangling "it"."""

from __future__ import annotations

import pytest

from assistant.compose.quotable import is_quotable


@pytest.mark.parametrize(
    ("sentence", "quotable"),
    [
        ('"Shin splints" is not a medical term.', True),
        ("“Sciatica” describes pain that runs down the back of the leg.", True),
        ("‘Glue ear’ (otitis media with effusion) is common in young children.", True),
        ('"I felt like I was dying," she says.', False),
        ('"I could not walk for a week."', False),
        ('"It gets better," the physiotherapist explained.', False),
    ],
)
def test_a_quoted_term_opens_a_statement(sentence, quotable):
    assert is_quotable(sentence) is quotable
