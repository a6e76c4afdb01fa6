"""Every quoted sentence belongs to the section its citation names (or to a sub-section the page
puts under that section's heading): a reader who opens the cited section finds it there.

A short section for a group ("Eczema in babies and pregnancy": two sentences) looked like the
one-line introduction of the sections after it, so the page's next section ("Soaps and fabrics")
was read and cited as part of it.
"""

from __future__ import annotations

import re

import pytest

from assistant.compose.citations import check_answer_citations
from assistant.retrieval.subsections import subsections_of
from assistant.understanding.conversation import Conversation
from tests.support.kb import build_article_assistant
from tests.test_subsections import BODY, headings, page

ECZEMA = """# Atopic eczema

Atopic eczema makes the skin itchy, dry and cracked. It is most common in small children.

## Symptoms of eczema

Eczema causes areas of skin to become itchy, dry, cracked and sore. It often appears on the
hands, the insides of the elbows and the backs of the knees.

## Treating eczema

Use emollients every day to keep the skin moist, even when it looks clear. Steroid creams can
calm a flare-up. Keep using emollients while you use a steroid cream.

## Eczema in babies and pregnancy

Babies can be treated in the same way. Ask a pharmacist before using steroid cream on a baby
under 2 or in pregnancy.

## Soaps and fabrics

Soaps, bubble bath and washing powder can dry the skin and bring on a flare-up. Wool and
synthetic fabrics can rub and irritate. Heat, sweat and stress make the itching worse. Dust
mites, pet hair and pollen can set it off in some people.

## Treatment

How eczema is treated depends on how bad it is.

### At home

Wear cotton clothes and keep nails short so scratching does less damage. Keep the bedroom cool
at night.

### From a GP

A GP can prescribe a stronger steroid cream, or refer you to a skin specialist when creams do
not help.
"""


def sections_of(markdown: str) -> dict[str, str]:
    """Each heading's own text, with the text of the deeper headings under it."""
    heads = list(re.finditer(r"^(#+) (.+)$", markdown, re.MULTILINE))
    # The untitled opening: between the title and the first section.
    found = {"": " ".join(markdown[heads[0].end() : heads[1].start()].split())}
    for n, head in enumerate(heads):
        level = len(head.group(1))
        end = len(markdown)
        for later in heads[n + 1 :]:
            if len(later.group(1)) <= level:
                end = later.start()
                break
        found[head.group(2)] = " ".join(re.sub(r"^#+ .*$", "", markdown[head.end() : end],
                                               flags=re.MULTILINE).split())
    return found


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, embedder):
    return build_article_assistant(tmp_path_factory, embedder, "eczema.md", ECZEMA)


def assert_quotes_belong_to_cited_sections(answer) -> None:
    owned = sections_of(ECZEMA)
    for citation in answer.citations:
        text = owned[citation.section]
        for start, end in citation.spans:
            quoted = " ".join(citation.passage[start:end].split())
            assert quoted in text, (citation.section, quoted)


@pytest.mark.parametrize(
    "conversation",
    [
        ["how do I treat eczema", "what about babies?"],
        ["can I use steroid cream on my baby's eczema"],
        ["what triggers eczema"],
        ["how is eczema treated at home"],
    ],
)
def test_every_quoted_sentence_is_in_the_section_its_citation_names(assistant, conversation):
    talk = Conversation()
    for message in conversation:
        answer = assistant.answer(talk, message)
    assert answer.citations, answer.text
    assert_quotes_belong_to_cited_sections(answer)
    assert check_answer_citations(answer).precision == 1.0


def test_a_section_for_a_group_does_not_take_the_next_section_as_its_part(assistant):
    talk = Conversation()
    assistant.answer(talk, "how do I treat eczema")
    answer = assistant.answer(talk, "what about babies?")
    assert "pharmacist" in answer.text
    assert "washing powder" not in answer.text


def test_the_section_after_a_group_section_is_not_its_part_unless_it_names_the_group():
    chunks = page(
        ("Chilblains in children", "Children can be treated in the same way. " + "Ask first."),
        ("Chilblains on the toes", BODY),
    )
    assert subsections_of(chunks[0], chunks) == []
    chunks = page(
        ("Chilblains in children", "What helps depends on the child's age."),
        ("Babies", BODY),
        ("Older children", BODY),
        ("Chilblains on the toes", BODY),
    )
    assert headings(subsections_of(chunks[0], chunks)) == ["Babies", "Older children"]
