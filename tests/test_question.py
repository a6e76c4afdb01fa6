"""Question analysis on hand-written consumer messages in the style of real ones: subject lines,
stories, greetings, thanks, misspellings and e-mail labels."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.understanding.message_text import clean
from assistant.understanding.question import QuestionType, analyze, question_type
from assistant.understanding.vocabulary import CHATTER
from healthqa.text.words import STOPWORDS

Q = QuestionType

FOCUS = [
    ("What is shingles?", "shingles"),
    # A relative who has it names the topic, whoever they are.
    ("My grandpa has gout now. How is that treated?", "gout"),
    ("my sister has lupus, is it genetic?", "lupus"),
    # Text-speak "what" is a question word, not the topic.
    ("wat is psoriasis", "psoriasis"),
    ("wats a migraine", "migraine"),
    # The topic ends where what someone does about it begins.
    ("what drinks should people with kidney disease avoid", "kidney disease"),
    ("can kids with asthma eat peanuts", "asthma"),
    # What is asked about a topic is not the topic.
    ("what is the life expectancy for someone with cystic fibrosis", "cystic fibrosis"),
    ("what is the survival rate for ovarian cancer", "ovarian cancer"),
    # The subject of a yes/no question about how a condition behaves.
    ("Does macular degeneration hurt?", "macular degeneration"),
    ("will psoriasis go away on its own?", "psoriasis"),
    ("is glaucoma painful?", "glaucoma"),
    ("does it hurt?", None),
    ("what are the symptoms of type 2 diabetes", "type 2 diabetes"),
    ("What causes gout?", "gout"),
    ("treatment for plantar fasciitis", "plantar fasciitis"),
    ("How is celiac disease diagnosed?", "celiac disease"),
    ("how to prevent kidney stones", "kidney stones"),
    ("Is impetigo contagious?", "impetigo"),
    ("Hi, my son was diagnosed with Kawasaki disease last week. What is the outlook?",
     "kawasaki disease"),
    ("Rosacea. Hello I am 34 and my cheeks get red all the time. What can I do? Thanks", "rosacea"),
    ("SUBJECT: sarcoidosis MESSAGE: My husband has it in his lungs, will it go away?",
     "sarcoidosis"),
    ("Restless legs I cant sleep at night because of my legs. Is there any medicine for this??",
     "restless legs"),
    ("my mother is suffering from Meniere's disease and gets dizzy, please help",
     "meniere's disease"),
    ("Can a 60 year old get chickenpox twice?", "chickenpox"),
    ("When should I get a second opinion?", "second opinion"),
    ("Can you help me please?", None),
    ("What is a second opinion?", "second opinion"),
    ("I'd like more information about COPD please", "COPD"),
    ("what are some early signs of lyme disease", "lyme disease"),
    ("My toe swelled up overnight. The doctor called it gout. Will it last?", "gout"),
    ("The nurse told me it was a UTI. Do I need antibiotics?", "UTI"),
    ("She said it is nothing to worry about. Should I worry?", None),
]

QTYPES = [
    ("What is shingles?", Q.information),
    ("what causes migraines in teenagers", Q.causes),
    ("Why do my knees hurt when it rains?", Q.causes),
    ("What are the signs of dehydration in babies?", Q.symptoms),
    ("How do doctors diagnose lupus?", Q.diagnosis),
    ("is there a cure for psoriasis", Q.treatment),
    # How long healing takes is the outlook, not the treatment; a heading "What to do if ..."
    # and "does X work for Y" ask what helps.
    ("how long does a broken wrist take to heal", Q.outlook),
    ("What to do if your child has a nosebleed", Q.treatment),
    ("does cranberry juice work for cystitis", Q.treatment),
    ("What medicine for acid reflux works best?", Q.treatment),
    ("How can I prevent the flu?", Q.prevention),
    ("How do I stop it from coming back?", Q.prevention),
    ("is there a way to keep attacks from happening", Q.prevention),
    ("What is the life expectancy with cystic fibrosis?", Q.outlook),
    ("prognosis of pancreatic cancer", Q.outlook),
    ("Is hemophilia inherited from the mother?", Q.inheritance),
    ("Can colour blindness be passed down to my kids?", Q.inheritance),
    ("Which gene mutation causes Marfan syndrome?", Q.genetic_changes),
    ("How common is celiac disease?", Q.frequency),
    ("Is strep throat contagious?", Q.contagion),
    ("What are the side effects of metformin?", Q.side_effects),
    ("Can I take ibuprofen together with warfarin?", Q.interaction),
    ("How much does an MRI cost without insurance?", Q.cost),
    ("What complications can diabetes lead to?", Q.complications),
    ("Are there any clinical trials for ALS?", Q.research),
    ("Is there a support group for parents of children with autism?", Q.support),
    ("Who is at risk for osteoporosis?", Q.susceptibility),
    ("Tell me about asthma", Q.information),
    # "How do I get ..." asks how one catches it, unless what follows is "rid of".
    ("how do you get pink eye", Q.causes),
    ("how do I get rid of bed bugs bites", Q.treatment),
    ("getting rid of warts on my hands", Q.treatment),
    ("how can my son stop getting nosebleeds", Q.prevention),
    ("how is ovarian cancer found", Q.diagnosis),
    ("how do doctors find out if a child has asthma", Q.diagnosis),
    ("where is vitamin b12 found", Q.information),
]


@pytest.mark.parametrize(("message", "focus"), FOCUS)
def test_focus(message: str, focus: str | None) -> None:
    assert analyze(message).focus == focus


@pytest.mark.parametrize(("message", "qtype"), QTYPES)
def test_question_type(message: str, qtype: QuestionType) -> None:
    assert analyze(message).qtype is qtype


MESSY = [
    (
        "Psoriatic arthritis. Dear Sir/Madam, my name is Jo. I am 52 and was diagnosed with "
        "psoriatic arthritis 3 years ago.My fingers are swollen every morning.What is the best "
        "treatment for this?? Thank you so much for your help. Regards, Jo jo@example.com",
        "psoriatic arthritis",
        Q.treatment,
    ),
    (
        "hello doctor i have a question about my daughter she is 9 and has alopecia areata. "
        "will her hair grow back? how long does it take. many thanks",
        "alopecia areata",
        Q.outlook,
    ),
    (
        "SUBJECT: Bell's palsy MESSAGE: Hi, last monday half of my face went numb, the ER said "
        "it is Bell's palsy. Is it contagious to my kids? Please reply asap. Tel 555-123-4567",
        "bell's palsy",
        Q.contagion,
    ),
    (
        "Hepatitis C I have a few questions.1) How do you catch it2) Can it be cured "
        "3) What are the long term effects",
        "hepatitis C",
        Q.causes,
    ),
]


@pytest.mark.parametrize(("message", "focus", "qtype"), MESSY)
def test_messy_consumer_messages(message: str, focus: str, qtype: QuestionType) -> None:
    analysis = analyze(message)
    assert analysis.focus is not None
    assert analysis.focus.lower() == focus.lower()
    assert analysis.qtype is qtype
    text = analysis.text.lower()
    dropped = ("thank you", "regards", "@", "555", "dear", "subject:", "message:", "many thanks")
    for chatter in dropped:
        assert chatter not in text
    assert focus.lower() in text


def test_cleaning_keeps_question_and_condition_sentences_only() -> None:
    message = (
        "Gallstones. Hi there. I hope you are well. My GP found gallstones on an ultrasound. "
        "I work nights at a warehouse and my manager is not happy. Do I need surgery or can diet "
        "help? Thanks in advance!"
    )
    analysis = analyze(message)
    assert "Do I need surgery or can diet help?" in analysis.text
    assert "My GP found gallstones on an ultrasound." in analysis.text
    assert "warehouse" not in analysis.text
    assert "Thanks" not in analysis.text


def test_keywords_are_lowercase_content_words_in_order() -> None:
    analysis = analyze("Hi! Please tell me, what are the treatments for Plantar Fasciitis? Thanks")
    assert analysis.keywords == ("treatments", "plantar", "fasciitis")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Is it bad?????", "Is it bad?"),
        ("I have asthma.It is worse at night", "I have asthma. It is worse at night"),
        ("see MedlinePlus.gov for more", "see MedlinePlus.gov for more"),
        ("a few questions.1) why2) how", "a few questions. 1) why. 2) how"),
        ("It&#39;s &quot;bad&quot;", 'It\'s "bad"'),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_the_question_sentences_stand_apart_from_the_story() -> None:
    analysis = analyze(
        "My dad is 70 and has had blisters on his back since Monday. His GP says it is "
        "shingles. What can be done to treat it?"
    )
    assert analysis.question == "shingles. What can be done to treat it?"
    assert analyze("What is gout?").question == "What is gout?"


def test_default_type_is_information() -> None:
    assert question_type("gallbladder") is QuestionType.information


@given(st.text(max_size=400))
def test_analysis_invariants(message: str) -> None:
    analysis = analyze(message)
    assert analysis == analyze(message)
    assert len(set(analysis.keywords)) == len(analysis.keywords)
    for word in analysis.keywords:
        assert word == word.lower()
        assert word not in STOPWORDS
        assert word not in CHATTER
    if message.strip():
        assert analysis.text or not any(c.isalnum() for c in message)


@given(
    st.lists(st.sampled_from(["what", "is", "shingles", "rash", "please", "the", "thanks", "?"]))
)
def test_keywords_are_drawn_from_the_message(words: list[str]) -> None:
    message = " ".join(words)
    assert set(analyze(message).keywords) <= {w.lower() for w in words}
