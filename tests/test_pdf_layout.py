"""The page layout taken out of extracted PDF text: running lines, page numbers, wrapped lines."""

from __future__ import annotations

from ingest.pdf_layout import largest_text, reflowed, without_running_lines


def test_lines_repeated_at_the_page_edges_go_and_the_rest_stays() -> None:
    bodies = [
        "Gout is a kind of arthritis.\nIt causes sudden pain.\nOften in the big toe.",
        "Attacks last 3 to 10 days.\nRest the joint.\nRaise it.",
        "Cherries may help.\nDrink water.\nLimit beer.",
    ]
    pages = [f"Riverside Clinic leaflet\n{b}\nLeaflet 7 - {n}" for n, b in enumerate(bodies, 1)]
    assert without_running_lines(pages) == bodies


def test_a_repeated_line_in_the_middle_of_pages_is_article_text() -> None:
    middle = "Drink plenty of water."
    pages = [f"Top {n}\nA\nB\nC\n{middle}\nD\nE\nF\nBottom" for n in "xyz"]
    assert all(middle in page for page in without_running_lines(pages))


def test_page_numbers_go_even_from_a_single_page() -> None:
    assert without_running_lines(["3\nGout is a kind of arthritis.\nPage 3 of 9"]) == [
        "Gout is a kind of arthritis."
    ]


def test_wrapped_lines_join_but_headings_and_items_stay_apart() -> None:
    text = (
        "What is croup?\n"
        "Croup is a common childhood illness that affects the windpipe and the voice box, and\n"
        "it is usually caused by a virus.\n"
        "Looking after your child\n"
        "• Keep your child calm; crying can make breathing harder. Sit them upright on\n"
        "your lap if the cough is bad.\n"
        "• Give them plenty of fluids to drink."
    )
    assert reflowed(text).splitlines() == [
        "What is croup?",
        "Croup is a common childhood illness that affects the windpipe and the voice box, and "
        "it is usually caused by a virus.",
        "Looking after your child",
        "- Keep your child calm; crying can make breathing harder. Sit them upright on your lap "
        "if the cough is bad.",
        "- Give them plenty of fluids to drink.",
    ]


def test_a_full_line_continues_into_a_capitalised_word() -> None:
    text = (
        "Scans such as X-rays and magnetic resonance imaging of the lower back and\n"
        "MRI are not usually needed.\nShort line\nNext paragraph."
    )
    assert reflowed(text).splitlines() == [
        "Scans such as X-rays and magnetic resonance imaging of the lower back and MRI are not "
        "usually needed.",
        "Short line",
        "Next paragraph.",
    ]


def test_the_lead_in_of_the_next_list_is_not_joined_to_a_full_last_item() -> None:
    text = (
        "Call your midwife if:\n"
        "• you have a headache that does not go away with paracetamol or rest at home\n"
        "Call 999 if:\n"
        "• you have a fit"
    )
    assert reflowed(text).splitlines() == [
        "Call your midwife if:",
        "- you have a headache that does not go away with paracetamol or rest at home",
        "Call 999 if:",
        "- you have a fit",
    ]


def test_the_title_is_the_first_run_of_the_largest_letters() -> None:
    segments = [
        (8.0, "Hospital header"),
        (18.0, "Croup: a guide"),
        (18.0, "for parents"),
        (10.5, "Body text " * 20),
        (18.0, "Later big text"),
    ]
    assert largest_text(segments) == "Croup: a guide for parents"
    assert largest_text([(11.0, "All the same size " * 5), (11.0, "still")]) is None
    assert largest_text([]) is None
