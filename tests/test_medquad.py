"""MedQuAD loader: both schemas, messy answers, safe parsing, and the whole shared collection."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from healthqa.errors import IngestError
from ingest.medquad import load_medquad, looks_like_medquad, normalise_answer, tidy_question


def test_current_schema(fixtures_dir: Path) -> None:
    article = load_medquad(fixtures_dir / "articles" / "medquad-document.xml")
    assert article.doc_id == "medquad/ExampleNIH/0000042"
    assert article.title == "Gout"
    assert article.source == "ExampleNIH"
    assert article.url == "https://www.example.nih.gov/health/gout"
    assert article.metadata == {
        "source": "ExampleNIH",
        "document_id": "0000042",
        "focus": "Gout",
        "collection": "articles",
    }
    # the pair with an empty answer is skipped
    assert [s.metadata["pair_id"] for s in article.sections] == ["1", "3"]
    first = article.sections[0]
    assert first.heading == "What is Gout?"  # the template's "(are)" is left out
    assert first.metadata == {"pair_id": "1", "qid": "0000042-1", "qtype": "information"}
    assert first.text.splitlines() == [
        "Gout is a form of arthritis that causes sudden, severe attacks of pain and swelling in "
        "the joints. Common signs include:",
        "- A hot, swollen big toe.",
        "- Redness over the joint.",
        "- Pain that peaks within a day.",
        "Attacks often start at night.",
    ]
    assert article.sections[1].text == (
        "Medicines can ease the pain of an attack.\n\n"
        "Changing your diet may help prevent new attacks."
    )


def test_old_ninds_schema(fixtures_dir: Path) -> None:
    article = load_medquad(fixtures_dir / "articles" / "medquad-old-ninds.xml")
    assert article.doc_id == "medquad/ExampleNINDS/0000042"
    assert article.title == "Essential Tremor"
    assert article.source == "ExampleNINDS"
    assert article.sections[0].heading == "What is essential tremor?"
    assert article.sections[0].text == (
        "Essential tremor is a nervous system disorder that causes rhythmic shaking. "
        "It most often affects the hands."
    )
    assert article.sections[1].metadata["qtype"] == "outlook"


def test_ids_repeat_across_collections_but_doc_ids_do_not(fixtures_dir: Path) -> None:
    a = load_medquad(fixtures_dir / "articles" / "medquad-document.xml")
    b = load_medquad(fixtures_dir / "articles" / "medquad-old-ninds.xml")
    assert a.metadata["document_id"] == b.metadata["document_id"]
    assert a.doc_id != b.doc_id


def test_sub_document_files_get_their_own_id(tmp_path: Path, fixtures_dir: Path) -> None:
    data = (fixtures_dir / "articles" / "medquad-document.xml").read_bytes()
    (tmp_path / "0000042_1.xml").write_bytes(data)
    assert load_medquad(tmp_path / "0000042_1.xml").doc_id == "medquad/ExampleNIH/0000042_1"


def test_file_without_answers_still_yields_an_article(tmp_path: Path) -> None:
    path = tmp_path / "0000001.xml"
    path.write_text(
        '<Document id="0000001" source="X" url="https://x.gov/a"><Focus>Foot care</Focus>'
        "<QAPairs></QAPairs></Document>"
    )
    article = load_medquad(path)
    assert article.metadata["unanswered"] == "true"
    assert article.sections[0].text == "Foot care"


def test_text_after_an_element_inside_an_answer_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "0000002.xml"
    path.write_text(
        '<Document id="0000002" source="X" url="https://x.gov/f"><Focus>Fictomol <i>tablets</i>'
        '</Focus><QAPairs><QAPair pid="1"><Question qid="2-1" qtype="information">Is '
        "<b>Fictomol</b> safe ?</Question><Answer>Fictomol relieves pain in adults.<br/>It must "
        "never be given to children under 12.<p>Take at most <b>8</b> tablets a day.</p>"
        "Ask a pharmacist.</Answer></QAPair></QAPairs></Document>"
    )
    article = load_medquad(path)
    assert article.title == "Fictomol tablets"
    [section] = article.sections
    assert section.heading == "Is Fictomol safe?"
    assert section.text.splitlines() == [
        "Fictomol relieves pain in adults.",
        "It must never be given to children under 12.",
        "Take at most 8 tablets a day.",
        "Ask a pharmacist.",
    ]


def test_an_answer_nested_thousands_deep_is_read_without_recursion(tmp_path: Path) -> None:
    path = tmp_path / "0000003.xml"
    depth = 5_000
    path.write_text(
        '<Document id="0000003" source="X"><Focus>Deep</Focus><QAPairs><QAPair pid="1">'
        '<Question qid="3-1" qtype="information">Deep ?</Question><Answer>'
        + "<i>x " * depth
        + "</i>" * depth
        + "</Answer></QAPair></QAPairs></Document>"
    )
    assert load_medquad(path).sections[0].text == " ".join(["x"] * depth)


def test_a_doctype_is_recognised_as_medquad_and_refused_for_safety(tmp_path: Path) -> None:
    path = tmp_path / "0000004.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE Document SYSTEM "http://127.0.0.1:9/evil.dtd">\n'
        '<Document id="0000004" source="X"><Focus>Gout</Focus></Document>'
    )
    assert looks_like_medquad(path.read_bytes())  # not passed over as some other XML
    with pytest.raises(IngestError) as refused:
        load_medquad(path)
    assert str(refused.value) == (
        f"{path} uses XML entities or a DTD (<!DOCTYPE>), which are refused for safety."
    )


def test_entities_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xml"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<Document id="1" source="X"><Focus>&b;</Focus></Document>'
    )
    with pytest.raises(IngestError, match=r"bomb\.xml uses XML entities"):
        load_medquad(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<Document id='1' source='X'><Focus>Gout", "not well-formed XML"),
        ("<rss><channel/></rss>", "not a MedQuAD document"),
    ],
)
def test_bad_xml_is_one_sentence(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content)
    with pytest.raises(IngestError, match=message):
        load_medquad(path)


def test_sniff() -> None:
    assert looks_like_medquad(b'<?xml version="1.0"?>\n<!-- x -->\n<doc docid="1">')
    assert looks_like_medquad(b'<Document id="1">')
    assert not looks_like_medquad(b"<svg xmlns='http://www.w3.org/2000/svg'/>")


def test_normalise_answer_keeps_run_in_list_items_whole() -> None:
    messy = "Symptoms:     -  fever and chills    -  a dry cough\n\n\n   Rest   helps."
    assert normalise_answer(messy) == "Symptoms:\n- fever and chills\n- a dry cough\n\nRest helps."


def test_a_list_after_a_single_dash_and_its_pasted_copy() -> None:
    # NIHSeniorHealth's shape: the first item after a single-spaced dash, the others after a
    # run of spaces, then the items again as one run-on sentence.
    messy = (
        "You may have cataracts if - lights look too bright   - colors seem faded. "
        "lights look too bright colors seem faded. See an eye doctor."
    )
    assert normalise_answer(messy) == (
        "You may have cataracts if\n- lights look too bright\n- colors seem faded.\n"
        "See an eye doctor."
    )


def test_a_dash_in_prose_or_inside_an_item_is_not_a_list() -> None:
    prose = "The test - which is quick - shows how well the kidneys work."
    assert normalise_answer(prose) == prose
    defined = "Eye problems include   -  Glaucoma - high pressure in the eye   - Cataracts"
    assert normalise_answer(defined) == (
        "Eye problems include\n- Glaucoma - high pressure in the eye\n- Cataracts"
    )


def test_template_questions_read_as_questions() -> None:
    assert tidy_question("What is (are) Cataract ?") == "What is Cataract?"
    assert tidy_question("Who is at risk for Cataract? ?") == "Who is at risk for Cataract?"


_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
_sentence = st.lists(_words, min_size=1, max_size=8).map(lambda w: " ".join(w).capitalize() + ".")
_pair = st.tuples(_sentence, st.lists(_sentence, min_size=1, max_size=4))


@settings(max_examples=40, deadline=None)
@given(pairs=st.lists(_pair, min_size=1, max_size=5))
def test_round_trip_of_generated_pairs(
    tmp_path_factory: pytest.TempPathFactory, pairs: list[tuple[str, list[str]]]
) -> None:
    qa = "".join(
        f'<QAPair pid="{i}"><Question qid="q-{i}" qtype="information">{escape(q)}</Question>'
        f"<Answer>\n      {'    '.join(escape(s) for s in answer)}\n   </Answer></QAPair>"
        for i, (q, answer) in enumerate(pairs, start=1)
    )
    path = tmp_path_factory.mktemp("mq") / "0000009.xml"
    path.write_text(
        f'<Document id="0000009" source="Gen" url="https://gen.gov/x"><Focus>Topic</Focus>'
        f"<QAPairs>{qa}</QAPairs></Document>"
    )
    article = load_medquad(path)
    assert len(article.sections) == len(pairs)
    for section, (question, answer) in zip(article.sections, pairs, strict=True):
        assert section.heading == question
        assert " ".join(section.text.split()) == " ".join(answer)


@pytest.mark.shared_data
@pytest.mark.parametrize(
    ("relative", "doc_id", "title"),
    [
        ("6_NINDS_QA/0000007.xml", "medquad/NINDS/0000007", "Holmes-Adie"),
        ("9_CDC_QA/0000397.xml", "medquad/CDC/0000397", "Parasites - Taeniasis"),
        ("1_CancerGov_QA/0000013_2_1.xml", "medquad/CancerGov/0000013_2_1", "Polycythemia Vera"),
        ("5_NIDDK_QA/0000056.xml", "medquad/NIDDK/0000056", None),
    ],
)
def test_shared_files_of_every_shape(
    shared_data: Path, relative: str, doc_id: str, title: str | None
) -> None:
    """The old NINDS schema, the one <DiseaseFile> root, a CancerGov sub-document, and a file
    without pairs (the full 5,497-file check is run outside the test suite)."""
    article = load_medquad(shared_data / "medquad" / relative)
    assert article.doc_id == doc_id
    if title is not None:
        assert article.title == title
    assert all(section.text for section in article.sections)
    assert article.sections
