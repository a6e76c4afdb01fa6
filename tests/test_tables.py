"""Tables become list items a composer can quote: each names its columns, or a column is a list."""

from __future__ import annotations

from pathlib import Path

from ingest.html import load_html
from ingest.tables import Row, table_text


def test_rows_of_short_values_name_their_columns() -> None:
    rows = [
        Row(("Medicine", "Adult dose", "How often"), header=True),
        Row(("Amoxicillin", "500 mg", "every 8 hours")),
        Row(("Nitrofurantoin", "100 mg", "")),
    ]
    assert table_text(rows) == (
        "- Medicine: Amoxicillin; Adult dose: 500 mg; How often: every 8 hours\n"
        "- Medicine: Nitrofurantoin; Adult dose: 100 mg"
    )


def test_a_first_column_under_an_empty_header_labels_each_row() -> None:
    rows = [
        Row(("", "Cold", "Flu"), header=True),
        Row(("Fever", "rare", "usual, lasting 3 to 4 days")),
        Row(("Onset", "gradual", "sudden")),
    ]
    assert table_text(rows) == (
        "- Fever: Cold: rare; Flu: usual, lasting 3 to 4 days\n"
        "- Onset: Cold: gradual; Flu: sudden"
    )


def test_columns_of_phrases_under_labels_become_one_list_each() -> None:
    rows = [
        Row(("Helps", "Does not help"), header=True),
        Row(("keep the room cool and well aired", "wrapping the baby in extra blankets")),
        Row(("give small sips of water often", "")),
    ]
    assert table_text(rows) == (
        "Helps:\n- keep the room cool and well aired\n- give small sips of water often\n\n"
        "Does not help:\n- wrapping the baby in extra blankets"
    )


def test_long_category_labels_over_columns_of_different_lengths_are_lists() -> None:
    rows = [
        Row(("Foods high in calcium", "Foods and drinks that reduce how much calcium you absorb"),
            header=True),
        Row(("milk, cheese and yoghurt", "drinks with a lot of caffeine")),
        Row(("tinned fish with soft bones", "too much salt in cooking")),
        Row(("green leafy vegetables such as broccoli", "")),
    ]
    assert table_text(rows) == (
        "Foods high in calcium:\n- milk, cheese and yoghurt\n- tinned fish with soft bones\n"
        "- green leafy vegetables such as broccoli\n\n"
        "Foods and drinks that reduce how much calcium you absorb:\n"
        "- drinks with a lot of caffeine\n- too much salt in cooking"
    )


def test_a_header_that_is_a_sentence_keeps_its_table_as_rows() -> None:
    rows = [
        Row(("Step one.", "Step two."), header=True),
        Row(("wash the wound with clean water", "cover it with a clean dressing")),
        Row(("keep the area dry for two days", "")),
    ]
    assert table_text(rows).startswith("- Step one.: wash the wound")


def test_columns_of_phrases_that_end_together_stay_rows() -> None:
    rows = [
        Row(("Who", "When"), header=True),
        Row(("all babies born in the country", "a first dose within 24 hours of birth")),
        Row(("adults at higher risk of infection", "three doses over six months if not done")),
    ]
    assert table_text(rows) == (
        "- Who: all babies born in the country; When: a first dose within 24 hours of birth\n"
        "- Who: adults at higher risk of infection; When: three doses over six months if not "
        "done"
    )


def test_a_caption_introduces_its_rows_and_a_header_free_pair_is_name_and_value() -> None:
    rows = [
        Row(("Shingles at a glance", ""), header=True),
        Row(("Incubation", "the virus stays dormant for years")),
        Row(("Contagious", "only to people who never had chickenpox")),
    ]
    assert table_text(rows) == (
        "Shingles at a glance:\n"
        "- Incubation: the virus stays dormant for years\n"
        "- Contagious: only to people who never had chickenpox"
    )


def test_a_row_with_only_its_first_cell_filled_stays_a_row() -> None:
    rows = [
        Row(("Do", "Don't"), header=True),
        Row(("rest the ankle for the first two days", "do not run on it until it stops hurting")),
        Row(("raise the ankle on a pillow when sitting down", "")),
    ]
    text = table_text(rows)
    assert "- raise the ankle on a pillow when sitting down" in text
    assert not any(line.startswith("raise") for line in text.splitlines())


def test_empty_tables_and_rows_say_nothing() -> None:
    assert table_text([]) == ""
    assert table_text([Row(("", "")), Row(("  ", ""))]) == ""


def test_every_cell_word_is_kept() -> None:
    rows = [
        Row(("Symptom", "Bladder", "Kidney"), header=True),
        Row(("Pain when peeing", "common", "sometimes")),
        Row(("Back pain", "", "common, often one side")),
    ]
    text = table_text(rows)
    for row in rows:
        for cell in row.cells:
            assert cell in text


def test_an_html_table_is_read_as_items(tmp_path: Path) -> None:
    page = tmp_path / "sprain.html"
    page.write_text(
        "<html><head><title>Sprains</title></head><body><article><h1>Sprains</h1>"
        "<p>" + "A sprain is a stretched or torn ligament around a joint. " * 4 + "</p>"
        "<h2>Looking after a sprain</h2><p>Most sprains get better at home.</p>"
        "<table><thead><tr><th>Do</th><th>Don't</th></tr></thead><tbody>"
        "<tr><td>rest the ankle for the first two or three days</td>"
        "<td>do not use heat packs for the first two days</td></tr>"
        "<tr><td>wrap an ice pack in a towel and hold it on the ankle</td><td></td></tr>"
        "</tbody></table></article></body></html>",
        encoding="utf-8",
    )
    text = "\n".join(s.text for s in load_html(page).sections)
    assert "Do:\n- rest the ankle for the first two or three days" in text
    assert "Don't:\n- do not use heat packs for the first two days" in text
    assert " | " not in text
