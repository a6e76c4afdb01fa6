"""The help lines of a safety notice become links a phone can follow; the rest stays escaped."""

from __future__ import annotations

from assistant.triage.notices import SafetyLines, crisis_text, overdose_text
from healthqa.web.help_links import help_markdown


def test_the_crisis_lines_are_links_to_call_text_and_chat():
    shown = help_markdown(crisis_text(SafetyLines()))
    assert "[988](tel:988)" in shown
    assert "[text HOME to 741741](sms:741741?&body=HOME)" in shown
    assert "[988lifeline\\.org](https://988lifeline.org)" in shown
    assert "[911](tel:911)" in shown
    assert "\\(Suicide \\& Crisis Lifeline\\)" in shown  # everything else escaped as before


def test_poison_help_is_dialled_as_digits():
    assert "(tel:18002221222)" in help_markdown(overdose_text(SafetyLines()))


def test_a_deployment_s_own_lines_are_linked_the_same_way():
    lines = SafetyLines(
        emergency_number="999",
        crisis_call="call Samaritans on 116 123",
        crisis_chat="samaritans.org",
        crisis_text="text SHOUT to 85258",
    )
    shown = help_markdown(crisis_text(lines))
    for link in ("(tel:999)", "(tel:116123)", "(sms:85258?&body=SHOUT)", "(https://samaritans.org)"):
        assert link in shown


def test_nothing_else_becomes_a_link():
    shown = help_markdown("Rest for 24 hours [x](javascript:alert(1)) and see www.example.com")
    assert "](javascript" not in shown
    assert "(tel:" not in shown
