"""A follow-up that brings up a new topic is answered only from passages that speak of it."""

from assistant.retrieval.coverage import (
    distinctive_words,
    focus_is_covered,
    names_in_passing,
    passages_about,
    rarest_word,
)
from assistant.retrieval.hybrid import Passage
from index.records import Chunk, StoredChunk


def _passage(title: str, text: str, *, context_only: bool = False) -> Passage:
    chunk = Chunk(doc_id=title, ordinal=0, section_index=0, text=text, title=title,
                  section=f"What is {title}?", start=0, end=len(text), sentence_spans=())
    return Passage(chunk_id=1, doc_id=title, score=2.0, similarity=0.7,
                   stored=StoredChunk(chunk_id=1, chunk=chunk), context_only=context_only)


DOWN = _passage("Down syndrome", "Down syndrome is a chromosome disorder.")


def test_a_neighbouring_topic_does_not_cover_the_one_asked_about():
    assert not focus_is_covered("kabuki syndrome", [DOWN])


def test_the_topic_is_found_by_the_start_of_its_words():
    hepatitis = _passage("Hepatitis B", "Hepatitis B is a liver infection.")
    assert focus_is_covered("hep b", [hepatitis])
    assert focus_is_covered("down syndrome", [DOWN])


def test_kind_words_alone_and_no_focus_never_refuse():
    assert distinctive_words("syndrome") == []
    assert focus_is_covered("syndrome", [DOWN])
    assert focus_is_covered(None, [DOWN])


def test_a_neighbour_added_only_for_reading_does_not_count():
    kabuki = _passage("Kabuki syndrome", "Kabuki syndrome is rare.", context_only=True)
    assert not focus_is_covered("kabuki syndrome", [DOWN, kabuki])




TYPE_1 = _passage("Type 1 diabetes", "Type 1 diabetes runs in families; its pattern is unknown.")
TYPE_2 = _passage("Type 2 diabetes", "Type 2 diabetes is the most common type of diabetes.")


def test_a_numbered_kind_is_told_from_its_neighbour_by_the_number():
    assert not focus_is_covered("type 2", [TYPE_1])
    assert focus_is_covered("type 2", [TYPE_1, TYPE_2])
    assert not focus_is_covered("stage 3 melanoma", [_passage("Melanoma", "Stage 1 is small.")])


def test_only_the_passages_that_speak_of_the_topic_are_kept_in_their_order():
    hepatitis = _passage("Hepatitis B", "Hepatitis B is a liver infection.")
    assert passages_about("type 2", [TYPE_1, hepatitis, TYPE_2]) == (TYPE_2,)
    assert passages_about("hep b", [DOWN, hepatitis]) == (hepatitis,)
    assert passages_about(None, [DOWN, TYPE_1]) == (DOWN, TYPE_1)
    assert passages_about("syndrome", [DOWN, TYPE_1]) == (DOWN, TYPE_1)


def test_a_numbered_kind_is_the_same_in_roman_numerals():
    type_2 = _passage("Type 2 diabetes", "Type 2 diabetes affects how the body uses sugar.")
    stage_iii = _passage("Colon cancer stages", "In stage III, cancer has reached lymph nodes.")
    assert focus_is_covered("type ii diabetes", [type_2])
    assert not focus_is_covered("type i diabetes", [type_2])
    assert focus_is_covered("stage 3 colon cancer", [stage_iii])


def test_a_first_question_is_held_to_the_rarest_word_of_its_focus():
    counts = {"kidney": 120, "stones": 3, "tooth": 9, "loss": 400}
    kidney_disease = _passage("Chronic kidney disease", "Kidney disease damages the kidneys.")
    decay = _passage("Tooth decay", "Untreated tooth decay can make a tooth fall out.")
    assert rarest_word("kidney stones", counts) == ["stones"]
    stones = rarest_word("kidney stones", counts)
    assert passages_about("kidney stones", [kidney_disease], stones) == ()
    assert passages_about("tooth loss", [decay], rarest_word("tooth loss", counts)) == (decay,)
    # A word the index has never seen is the rarest of all.
    assert rarest_word("ozempic hair loss", counts) == ["ozempic"]


def test_another_form_of_the_word_names_the_topic():
    # A question in the plural, a page in the singular (and the reverse): the same topic.
    pinworm = _passage("Enterobiasis", "Treatment for pinworm is two doses of mebendazole.")
    assert focus_is_covered("pinworms", [pinworm])
    babies = _passage("Newborn care", "Babies need their first checkup within days.")
    assert focus_is_covered("baby", [babies])
    assert not focus_is_covered("tapeworms", [pinworm])


def _chunk(title: str, section: str, sentences: list[str]) -> Chunk:
    text, spans = "", []
    for sentence in sentences:
        start = len(text) + (1 if text else 0)
        text = f"{text} {sentence}" if text else sentence
        spans.append((start, len(text)))
    return Chunk(doc_id=title, ordinal=0, section_index=0, text=text, title=title,
                 section=section, start=0, end=len(text), sentence_spans=tuple(spans))


def test_a_topic_dropped_once_late_in_a_sentence_is_named_only_in_passing():
    ehrlichiosis = _chunk("Ehrlichiosis", "What are the symptoms of Ehrlichiosis?", [
        "Fever and muscle aches are common.",
        "A rash is rare, and may mean an infection with the germ that causes tularemia too.",
    ])
    assert names_in_passing("tularemia", ehrlichiosis)
    assert not names_in_passing("rash", _chunk("Ehrlichiosis", "Symptoms", [
        "A rash is rare.", "Fever is common."]))  # what a sentence opens with
    assert not names_in_passing("tularemia", _chunk("Tick-borne diseases", "Overview", [
        "Ticks spread several diseases, among them tularemia.",
        "Rabbits can carry tularemia as well.",
    ]))  # named twice
    assert not names_in_passing("ehrlichiosis", ehrlichiosis)  # in its title
    # A page whose headings spell the acronym out is about it.
    adhd = _chunk("Attention Deficit-Hyperactivity Disorder", "Treatments", [
        "Medicines and behavior therapy are used together.",
        "Most experts agree that treatment should fit the person with ADHD.",
    ])
    assert not names_in_passing("adhd", adhd)


def test_british_and_american_spellings_name_the_same_topic():
    apnea = _passage("Sleep apnea", "Sleep apnea makes breathing stop during sleep.")
    oesophagus = _passage("Barrett's oesophagus", "The oesophagus lining changes.")
    assert focus_is_covered("sleep apnoea", [apnea])
    assert focus_is_covered("barrett's esophagus", [oesophagus])
    assert not names_in_passing("apnoea", apnea.stored.chunk)
    # A word ending in the digraph is not a spelling variant of anything.
    assert not focus_is_covered("toe", [_passage("Gout", "Gout hurts the big tee.")])


def test_a_short_word_is_not_named_by_a_longer_word_it_begins():
    # "flu" is not in "a flushed face" or "body fluids"; a page titled with the full name is
    # still found by its clipped form ("hep b").
    fever = _passage("Lassa fever", "A flushed face is common. Body fluids carry the virus.")
    assert not focus_is_covered("flu", [fever])
    flu = _passage("Seasonal illness", "Flu-like aches and flus spread in winter.")
    assert focus_is_covered("flu", [flu])
    hepatitis = _passage("Hepatitis B", "It is spread by blood.")
    assert focus_is_covered("hep b", [hepatitis])
