from assistant.compose.units import readable_units


def spans_of(lines):
    text, spans = "", []
    for line in lines:
        start = len(text)
        text += line
        spans.append((start, len(text)))
        text += "\n"
    return text, spans


def spans_at(text, cuts):
    """The spans of `cuts` in `text`, in order: sentences a splitter cut from lines."""
    spans, position = [], 0
    for cut in cuts:
        start = text.index(cut, position)
        spans.append((start, start + len(cut)))
        position = start + len(cut)
    return spans


def quoted(text, spans, unit):
    return [text[spans[i][0] : spans[i][1]] for i in unit.sentences]


def test_list_is_quoted_whole_with_its_introduction():
    text, spans = spans_of(
        ["Shingles is a rash.", "Symptoms include:", "- pain", "- itching", "It can last weeks."]
    )
    units = readable_units(text, spans)
    lists = [u for u in units if u.is_list]
    assert len(lists) == 1
    assert quoted(text, spans, lists[0]) == ["Symptoms include:", "- pain", "- itching"]


def test_sentence_leaning_back_travels_with_its_antecedent():
    text, spans = spans_of(["Gout is a kind of arthritis.", "It causes sudden pain."])
    units = readable_units(text, spans)
    assert [u.sentences for u in units] == [(0, 1)]


def test_a_sentence_whose_subject_is_missing_is_never_a_unit():
    # "This" points at text the passage does not hold: quoted alone it would say nothing.
    text, spans = spans_of(["This means the joint swells.", "Gout is common."])
    units = readable_units(text, spans)
    assert [u.sentences for u in units] == [(1,)]


def test_an_unquotable_sentence_takes_the_one_pointing_at_it_along():
    text, spans = spans_of(
        [
            "Not everyone is right, he tells WebMD.",
            "He has seen second opinions change a diagnosis.",
            "But such cases are in the minority.",
        ]
    )
    units = readable_units(text, spans, quotable=lambda s: "tells" not in s)
    # The connective sentence stands on its own; the one whose subject is the speaker does not.
    assert [u.sentences for u in units] == [(2,)]


def test_headings_questions_and_dangling_introductions_are_never_units():
    text, spans = spans_of(
        ["Why Get a Second Opinion?", "Treatment Options", "A second opinion helps.", "Steps:"]
    )
    units = readable_units(text, spans)
    assert [quoted(text, spans, u) for u in units] == [["A second opinion helps."]]


def test_a_lead_in_without_its_colon_still_introduces_its_list():
    text, spans = spans_of(
        [
            "Kidney disease has no symptoms in the early stages.",
            "Once kidney function decreases further, symptoms can include",
            "- nausea",
            "- itching",
        ]
    )
    units = readable_units(text, spans)
    lists = [u for u in units if u.is_list]
    assert [quoted(text, spans, u) for u in lists] == [
        ["Once kidney function decreases further, symptoms can include", "- nausea", "- itching"]
    ]


def test_a_list_is_never_left_under_a_sentence_that_does_not_introduce_it():
    # The list's own introduction is a question the answer cannot quote: shown after the first
    # statement, its items would read as that statement's.
    text, spans = spans_of(
        ["High blood pressure rarely causes symptoms.", "What does kidney damage do?", "- nausea",
         "- itching"]
    )
    units = readable_units(text, spans)
    assert not any(u.is_list for u in units)
    assert all(2 not in u.sentences for u in units)


def test_a_list_at_the_start_of_a_passage_is_introduced_by_its_heading():
    text, spans = spans_of(["- fever", "- sore throat", "Most people recover in a week."])
    units = readable_units(text, spans)
    assert [quoted(text, spans, u) for u in units if u.is_list] == [["- fever", "- sore throat"]]


def test_a_lead_in_pointing_back_takes_its_antecedent_along():
    text, spans = spans_of(
        ["Symptoms of flu come on suddenly.", "They may include", "- chills", "- cough"]
    )
    units = readable_units(text, spans)
    assert [u.sentences for u in units] == [(0, 1, 2, 3)]


def test_a_flattened_copy_of_the_list_is_not_one_of_its_items():
    text, spans = spans_of(
        [
            "Scientists are:",
            "- studying cell transplants",
            "- evaluating families with AMD",
            "- looking at new drugs studying cell transplants evaluating families with AMD",
        ]
    )
    units = readable_units(text, spans)
    assert [quoted(text, spans, u) for u in units] == [
        ["Scientists are:", "- studying cell transplants", "- evaluating families with AMD"]
    ]


def test_a_flattened_copy_is_found_with_the_first_item_left_inside_the_lead_in():
    text, spans = spans_of(
        [
            "For example, scientists are - studying cell transplants",
            "- evaluating families with AMD",
            "- looking at new drugs studying cell transplants evaluating families with AMD",
        ]
    )
    units = readable_units(text, spans)
    assert [u.sentences for u in units] == [(0, 1)]


def test_a_sentence_conditional_on_the_one_before_travels_with_it():
    text, spans = spans_of(
        ["A test in pregnancy shows if you carry group B strep.", "If you do, antibiotics help."]
    )
    assert [u.sentences for u in readable_units(text, spans)] == [(0, 1)]
    text, spans = spans_of(["Strep throat is common.", "If so, see a doctor."])
    units = readable_units(text, spans, quotable=lambda s: "common" not in s)
    assert [u.sentences for u in units] == []


def test_a_list_ends_at_its_flattened_copy_and_the_next_list_is_not_run_into_it():
    # The conversion ran the first list's copy into the second list's introduction, so the
    # items after the copy must not be read as more of what "If you have shingles," introduces.
    text, spans = spans_of(
        [
            "If you have shingles, - keep the rash covered",
            "- avoid scratching the rash",
            "- wash your hands often. keep the rash covered avoid scratching the rash wash your"
            " hands often. Until the rash crusts, avoid contact with - pregnant women",
            "- premature infants",
            "- people with weakened immune systems",
        ]
    )
    units = readable_units(text, spans)
    assert [quoted(text, spans, u) for u in units] == [
        ["If you have shingles, - keep the rash covered", "- avoid scratching the rash"]
    ]


def test_a_sentence_set_against_the_one_before_is_never_quoted_without_it():
    # "On the contrary" and "in other words" say nothing until the sentence they answer is read.
    text, spans = spans_of(
        [
            "Many parents think a fever always needs medicine.",
            "On the contrary, a mild fever helps the body fight infection.",
            "What is a fever?",
            "In other words, most fevers can be watched at home.",
        ]
    )
    units = readable_units(text, spans)
    assert [u.sentences for u in units] == [(0, 1)]


def test_a_sentence_about_some_of_these_travels_with_what_they_are():
    text, spans = spans_of(
        [
            "Head lice are treated with permethrin, malathion or ivermectin lotion.",
            "Each one of these is put on dry hair and rinsed off later.",
            "Combing out nits helps too.",
        ]
    )
    units = readable_units(text, spans)
    assert [u.sentences for u in units] == [(0, 1), (2,)]
    text, spans = spans_of(["All three of these drugs are given twice.", "Lice spread by contact."])
    assert [u.sentences for u in readable_units(text, spans)] == [(1,)]


def test_a_sentence_announcing_a_list_is_quoted_only_with_that_list():
    # "Here are ..." ends with a period but, like "Symptoms include:", says nothing alone.
    text, spans = spans_of(
        [
            "Sunburn damages the skin.",
            "Here are ways to protect your skin outdoors.",
            "- wear a wide-brimmed hat",
            "- use sunscreen with SPF 30 or more",
            "The following is a summary of what dermatologists advise.",
            "Shade helps most at midday.",
        ]
    )
    units = readable_units(text, spans)
    assert [quoted(text, spans, u) for u in units] == [
        ["Sunburn damages the skin."],
        [
            "Here are ways to protect your skin outdoors.",
            "- wear a wide-brimmed hat",
            "- use sunscreen with SPF 30 or more",
        ],
        ["Shade helps most at midday."],
    ]


def test_the_sentences_of_a_long_item_stay_with_it():
    # A paragraph behind a bullet is cut into sentences (on one line); they are the item's,
    # not prose after a one-word list.
    text = (
        "Risks you can change:\n"
        "- Diet. Too little calcium weakens bones. Vitamin D helps you absorb it.\n"
        "- Smoking. Smokers absorb less calcium.\n"
        "Ask your doctor about a bone density test."
    )
    cuts = ["Risks you can change:", "- Diet.", "Too little calcium weakens bones.",
            "Vitamin D helps you absorb it.", "- Smoking.", "Smokers absorb less calcium.",
            "Ask your doctor about a bone density test."]
    spans = spans_at(text, cuts)
    units = readable_units(text, spans)
    assert [quoted(text, spans, u) for u in units] == [
        cuts[:6],
        ["Ask your doctor about a bone density test."],
    ]
    assert units[0].is_list


def test_the_next_lists_introduction_on_an_items_line_starts_that_list():
    text = "Signs include:\n- Chest pain that spreads to the arm Other signs can include:\n- Nausea"
    cuts = ["Signs include:", "- Chest pain that spreads to the arm",
            "Other signs can include:", "- Nausea"]
    spans = spans_at(text, cuts)
    units = readable_units(text, spans)
    assert [quoted(text, spans, u) for u in units] == [cuts[:2], cuts[2:]]


def test_a_lead_in_pointing_at_its_list_introduces_it_after_a_heading():
    text, spans = spans_of(
        [
            "Early Warning Signs",
            "These are the first signs of a heat stroke:",
            "- a body temperature above 103 F",
            "- hot, red skin",
            "This is why shade matters.",
        ]
    )
    lists = [u for u in readable_units(text, spans) if u.is_list]
    assert [quoted(text, spans, u) for u in lists] == [
        ["These are the first signs of a heat stroke:", "- a body temperature above 103 F",
         "- hot, red skin"]
    ]


def test_a_lead_in_that_only_points_back_still_needs_its_antecedent():
    text, spans = spans_of(["Treatment", "These include:", "- rest", "- fluids"])
    assert [u for u in readable_units(text, spans) if u.is_list] == []


def test_more_of_the_same_is_quoted_with_what_it_adds_to():
    text, spans = spans_of(
        [
            "Lupus most often causes joint pain and a rash across the cheeks.",
            "Other signs include",
            "- fever",
            "- hair loss",
            "Another sign is a sore mouth.",
        ]
    )
    units = readable_units(text, spans)
    assert [quoted(text, spans, u) for u in units] == [
        ["Lupus most often causes joint pain and a rash across the cheeks.",
         "Other signs include", "- fever", "- hair loss"],
        ["Another sign is a sore mouth."],
    ]


def test_a_one_word_answer_is_quoted_with_the_sentences_that_give_its_reason():
    text, spans = spans_of(
        ["Can I eat oats?", "No.", "Keep oats out.", "Most oats are mixed with wheat.", "Ok."]
    )
    units = readable_units(text, spans)
    assert quoted(text, spans, units[0]) == [
        "No.", "Keep oats out.", "Most oats are mixed with wheat."
    ]


def test_a_sentence_pointing_back_on_an_items_line_is_the_items():
    # Not a label: the item is a whole sentence, and the next one on its line says more of it.
    text = (
        "Early signs:\n- Fever and aches\n- A rash, which occurs in most people. It begins at "
        "the bite and expands over days.\nSee a doctor if you have a rash."
    )
    cuts = ["Early signs:", "- Fever and aches", "- A rash, which occurs in most people.",
            "It begins at the bite and expands over days.", "See a doctor if you have a rash."]
    spans = spans_at(text, cuts)
    units = readable_units(text, spans)
    assert [quoted(text, spans, u) for u in units] == [cuts[:4], cuts[4:]]
