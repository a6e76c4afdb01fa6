from hypothesis import given
from hypothesis import strategies as st

from assistant.understanding.spelling import (
    MAX_LENGTH,
    Speller,
    correct_spelling,
    correct_word,
    english_words,
)

VOCABULARY = {
    "second": 40,
    "opinion": 30,
    "cancer": 50,
    "diagnosis": 12,
    "shingles": 5,
    "singles": 1,
}


def test_misspelled_words_become_the_article_words():
    text = "is it ok to get a secnd opinon after a Canser diagnosys?"
    assert correct_spelling(text, VOCABULARY) == (
        "is it ok to get a second opinion after a Cancer diagnosis?"
    )


def test_known_short_and_hopeless_words_are_kept():
    assert correct_word("shingles", VOCABULARY) is None
    assert correct_word("ok", VOCABULARY) is None
    assert correct_word("xylophone", VOCABULARY) is None


def test_the_most_frequent_candidate_wins():
    assert correct_word("shingle", {"shingles": 5, "single": 9}) == "single"


@given(st.lists(st.sampled_from(sorted(VOCABULARY)), max_size=8))
def test_text_made_of_article_words_is_unchanged(words):
    text = " ".join(words)
    assert correct_spelling(text, VOCABULARY) == text


def test_real_english_words_are_never_corrected():
    vocabulary = {"onset": 20}
    assert correct_spelling("be unset", vocabulary) == "be onset"
    assert correct_spelling("be unset", vocabulary, english={"unset"}) == "be unset"


def test_the_english_word_list_knows_english_words():
    known = english_words()
    assert {"upset", "second", "opinion"} <= known
    assert "secnd" not in known


def test_a_real_english_word_is_kept_by_default():
    assert Speller({"onset": 20}).correct("I feel upset") == "I feel upset"


def test_overlong_words_are_left_as_typed():
    word = "a" * (MAX_LENGTH + 1)
    assert Speller({"a" * MAX_LENGTH: 3}).correct_word(word) is None


def test_a_typo_the_articles_make_once_is_corrected_toward_the_word_they_mean():
    vocabulary = {"symptoms": 900, "symtoms": 1, "glaucoma": 120, "ileus": 2, "ileum": 3}
    assert correct_spelling("symtoms of glaucoma", vocabulary) == "symptoms of glaucoma"
    # Two rare article words a letter apart are both real: neither is the other's typo.
    assert correct_spelling("ileus or ileum", vocabulary) == "ileus or ileum"


def test_a_short_word_missing_two_adjacent_letters_finds_its_article_word():
    # Written as heard: a silent pair inside the word is left out.
    assert correct_word("ecma", {"eczema": 20}) == "eczema"


def test_a_short_word_is_not_stretched_by_two_scattered_or_leading_letters():
    assert correct_word("ezma", {"eczema": 20}) is None  # two letters, not together
    assert correct_word("asma", {"plasma": 20}) is None  # the pair would lead the word
    assert correct_word("gut", {"gutter": 20}) is None  # under the shortest corrected length


@given(st.sampled_from(["eczema", "bronchi", "measles", "thought", "rhythm"]), st.integers(1, 4))
def test_a_pair_dropped_after_the_first_letter_is_restored(word, start):
    short = word[:start] + word[start + 2 :]
    if len(short) >= 4:
        assert correct_word(short, {word: 10}) == word
