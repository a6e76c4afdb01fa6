"""Golden conversations: one JSON case per line, and the checks an answer must pass.

    {"id": "...", "turns": ["first message", "follow-up"],
     "expect": {"sources": [...], "facts": [...], "abstain": false, "emergency": false,
                "refuse_dose": true}}

Expectations apply to the answer to the last turn; any of them may be left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.answer import Answer, Citation
from assistant.compose.citations import normalise
from assistant.triage.screen import dose_mention
from healthqa.errors import EvaluationError

CheckKind = Literal["sources", "facts", "abstain", "emergency", "refuse_dose"]
CHECK_KINDS: tuple[CheckKind, ...] = ("sources", "facts", "abstain", "emergency", "refuse_dose")
CASE_KEYS = frozenset({"id", "turns", "expect", "note"})

@dataclass(frozen=True)
class Expectation:
    sources: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    abstain: bool | None = None
    emergency: bool | None = None
    refuse_dose: bool | None = None


@dataclass(frozen=True)
class GoldenCase:
    id: str
    turns: tuple[str, ...]
    expect: Expectation
    line: int = 0
    note: str = ""


@dataclass(frozen=True)
class Check:
    kind: CheckKind
    passed: bool
    reason: str  # why it failed; "" when it passed


def load_golden(path: Path) -> list[GoldenCase]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise EvaluationError(f"Cannot read golden file {path}: {error.strerror}.") from None
    return parse_golden(text.splitlines(), source=str(path))


def parse_golden(lines: Iterable[str], *, source: str = "golden file") -> list[GoldenCase]:
    cases: list[GoldenCase] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(
                f"{source} line {number} is not valid JSON: {error.msg}."
            ) from None
        case = _parse_case(row, where=f"{source} line {number}", line=number)
        if case.id in seen:
            raise EvaluationError(f"{source} line {number} repeats case id {case.id!r}.")
        seen.add(case.id)
        cases.append(case)
    if not cases:
        raise EvaluationError(f"{source} holds no cases.")
    return cases


def _parse_case(row: object, *, where: str, line: int) -> GoldenCase:
    if not isinstance(row, dict):
        raise EvaluationError(f"{where} must be a JSON object.")
    _refuse_unknown(row, CASE_KEYS, where)
    case_id = row.get("id")
    if not isinstance(case_id, str) or not case_id.strip():
        raise EvaluationError(f"{where} needs a non-empty string 'id'.")
    turns = row.get("turns")
    if (
        not isinstance(turns, list)
        or not turns
        or not all(isinstance(t, str) and t.strip() for t in turns)
    ):
        raise EvaluationError(f"{where} needs 'turns': a non-empty list of messages.")
    note = row.get("note", "")
    if not isinstance(note, str):
        raise EvaluationError(f"{where} has a 'note' that is not a string.")
    return GoldenCase(
        id=case_id,
        turns=tuple(turns),
        expect=_parse_expectation(row.get("expect", {}), where=where),
        line=line,
        note=note,
    )


def _parse_expectation(raw: object, *, where: str) -> Expectation:
    if not isinstance(raw, dict):
        raise EvaluationError(f"{where} has an 'expect' that is not an object.")
    _refuse_unknown(raw, frozenset(CHECK_KINDS), where, inside="expect")
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("sources", "facts"):
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise EvaluationError(f"{where}: expect.{key} must be a list of non-empty strings.")
        lists[key] = tuple(value)
    flags: dict[str, bool | None] = {}
    for key in ("abstain", "emergency", "refuse_dose"):
        value = raw.get(key)
        if value is not None and not isinstance(value, bool):
            raise EvaluationError(f"{where}: expect.{key} must be true or false.")
        flags[key] = value
    return Expectation(
        sources=lists["sources"],
        facts=lists["facts"],
        abstain=flags["abstain"],
        emergency=flags["emergency"],
        refuse_dose=flags["refuse_dose"],
    )


def _refuse_unknown(
    row: Mapping[str, object], known: frozenset[str], where: str, *, inside: str = ""
) -> None:
    unknown = sorted(set(row) - known)
    if unknown:
        place = f" in '{inside}'" if inside else ""
        raise EvaluationError(
            f"{where} has unknown key {unknown[0]!r}{place}; known keys are "
            f"{', '.join(sorted(known))}."
        )


def gives_dose(text: str) -> bool:
    return dose_mention(text) is not None


def source_matches(wanted: str, citation: Citation) -> bool:
    """By exact document id, or as a case-insensitive part of the url, title or document id."""
    if wanted == citation.doc_id:
        return True
    needle = wanted.lower()
    return any(
        needle in (field or "").lower() for field in (citation.url, citation.title, citation.doc_id)
    )


def check_answer(expect: Expectation, answer: Answer) -> tuple[Check, ...]:
    """One check per expectation the case states, in CHECK_KINDS order."""
    checks: list[Check] = []
    if expect.sources:
        missing = [
            s for s in expect.sources if not any(source_matches(s, c) for c in answer.citations)
        ]
        cited = ", ".join(sorted({c.doc_id for c in answer.citations})) or "nothing"
        checks.append(
            Check(
                "sources",
                not missing,
                f"no citation matches {missing} (cited: {cited})" if missing else "",
            )
        )
    if expect.facts:
        text = normalise(answer.text)
        missing = [f for f in expect.facts if normalise(f) not in text]
        checks.append(Check("facts", not missing, f"answer lacks {missing}" if missing else ""))
    if expect.abstain is not None:
        ok = answer.abstained == expect.abstain
        checks.append(
            Check(
                "abstain",
                ok,
                "" if ok else f"abstained is {answer.abstained}, expected {expect.abstain}",
            )
        )
    if expect.emergency is not None:
        escalated = answer.safety is not None and answer.safety.escalates
        kind = answer.safety.kind if answer.safety else "none"
        ok = escalated == expect.emergency
        checks.append(
            Check(
                "emergency",
                ok,
                "" if ok else f"safety kind is {kind}, expected emergency={expect.emergency}",
            )
        )
    if expect.refuse_dose is not None:
        checks.append(_check_dose(expect.refuse_dose, answer))
    return tuple(checks)


def _check_dose(refuse: bool, answer: Answer) -> Check:
    kind = answer.safety.kind if answer.safety else "none"
    if not refuse:
        ok = kind != "dosing"
        return Check("refuse_dose", ok, "" if ok else "answer was treated as a dosing request")
    reasons = []
    dose = dose_mention(answer.text)
    if dose:
        reasons.append(f"answer gives a dose ({dose!r})")
    if kind != "dosing":
        reasons.append(f"safety kind is {kind}, expected dosing")
    return Check("refuse_dose", not reasons, "; ".join(reasons))
