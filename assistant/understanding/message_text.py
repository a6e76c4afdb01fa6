"""Consumer messages as sentences: markup, form labels, contact details, greetings and thanks
removed, and the subject line recognised.

Real questions arrive as a subject line plus a story: greetings, thanks, names and e-mail labels
around one or two actual questions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

_GREETING = re.compile(
    r"^\s*(hi+|hello|hey|hiya|greetings|good (morning|afternoon|evening|day)|dear [\w. ]{0,30}?"
    r"|(dear )?(sir|madam|sir/madam|doctor|dr\.?)( or madam)?|to whom it may concern)\b[\s,.!:;-]*",
    re.IGNORECASE,
)
_CHATTER_SENTENCE = re.compile(
    r"^\s*((many |thanks? (you )?(so |very )?(much )?(in advance )?|thank you|thanks|thx|ty\b"
    r"|cheers|"
    r"regards|best|sincerely|god bless|kind regards|best wishes|appreciate\w*|"
    r"(i )?(would|will) (be|really be) (very )?(grateful|thankful)|hope (to hear|you can help|for)|"
    r"please (reply|respond|answer|get back|help)|looking forward|waiting for (your )?(reply"
    r"|answer)|"
    r"my name is|name\b|sent from my|call me|contact me|email me|e-mail me)\b)",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    # Bounded: "\S+@\S+" backtracks cubically on "@.@.@." (a 2,000-character message took 30 s
    # and, holding the regex engine, stalled every other visitor's question).
    r"[^\s@]{1,64}@[^\s@]{1,255}\.\w+|https?://\S+|www\.\S+|\+?\d[\d\s().-]{7,40}\d|\bNAME\b"
    r"|\b(LOCATION|DATE|PHONE"
    r"|EMAIL)\b"
)
_LABEL = re.compile(r"\b(SUBJECT|MESSAGE|QUESTION|Subject|Message|Re|Fwd?|FW|RE)\s*:\s*")
_FORM_PREFIX = re.compile(r"^\s*[\w.-]+\.(gov|org|com|net|edu)\s*-\s*", re.IGNORECASE)
_FORM_CATEGORY = re.compile(
    r"^\s*(question|compliment|complaint|general complaint|suggestion|inquiry|enquiry|request|"
    r"(general )?information|urgent|help|feedback)(\s*-\s*(question|general information"
    r"|other))?\s*[.:-]",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+|\n+|(?<=[a-z)])\s*(?=\d\)\s)")
QUESTION_CUE = re.compile(
    r"\?|^\s*(what|why|how|when|where|which|who|whom|whose|is|are|can|could|does|do|did|will|would|"
    r"should|may|might|has|have)\b|\b(can you|could you|i would like to know|i want(ed)? to know|"
    r"wonder\w*|please (tell|let|suggest|advise|send|help|explain|introduce)|looking for|"
    r"need (some )?(info\w*|help|advice)|any (info\w*|advice|suggestions?|help|cure|treatment)|"
    r"know more|learn more|is there)\b",
    re.IGNORECASE,
)

_GLUED_SUBJECT = re.compile(
    r"^([A-Za-z0-9][\w' -]{1,60}?)[ ,]+(?=(I|i|My|Does|Do|Can|Could|What|How|Is|Are|Why|When|Where"
    r"|Which|Who|Please|Hi|Hello|Dear|A|An|The|We|Our|He|She|Her|His|Thank|Hey|Sir"
    r"|hi|hello|hey|dear|please|sir)\b)"
)

def clean(message: str) -> str:
    """The message with markup, labels, contact details and run-on spacing repaired."""
    text = html.unescape(message).replace("’", "'").replace("\u00a0", " ")
    text = _FORM_PREFIX.sub("", text)
    text = _LABEL.sub("\n", text)
    text = _CONTACT.sub(" ", text)
    text = re.sub(r"([?!.])\1+", r"\1", text)
    text = re.sub(r"\.{2,}|…", ".", text)
    text = re.sub(r"(?<=[a-z])([.?!,;])(?=[A-Za-z])(?!(gov|org|com|net|edu)\b)", r"\1 ", text)
    text = re.sub(r"(?<=[a-z])(\d\))", r". \1", text)
    text = re.sub(r"(?<=[?.])(\d\))", r" \1", text)
    text = re.sub(r"[ \t]+", " ", text)
    return text.strip()


def sentences_of(message: str, has_content: Callable[[str], bool]) -> tuple[list[str], str | None]:
    """Meaningful sentences (chatter dropped) and the subject line, if one starts the message."""
    text = _FORM_CATEGORY.sub("", clean(message))
    text = _split_glued_subject(text)
    parts = [p.strip(" -,;:") for p in _SENTENCE_END.split(text) if p and p.strip(" -,;:")]
    sentences: list[str] = []
    for part in parts:
        sentence = _GREETING.sub("", re.sub(r"^\d\)\s*", "", part)).strip()
        if re.match(r"my name is\b", sentence, re.IGNORECASE) and len(sentence.split()) <= 6:
            continue
        sentence = _CHATTER_SENTENCE.sub("", sentence).lstrip(" ,.!-")
        if sentence and has_content(sentence):
            sentences.append(sentence)
    subject = None
    if sentences and _looks_like_subject(sentences[0]):
        subject = sentences[0].rstrip(".:")
        sentences[0] = subject
    return sentences, subject


def _split_glued_subject(text: str) -> str:
    """'Absence seizures Does any damage ...' -> 'Absence seizures. Does any damage ...'."""
    glued = _GLUED_SUBJECT.match(text)
    if glued and _looks_like_subject(glued.group(1)):
        return f"{glued.group(1)}. {text[glued.end():]}"
    return text


def _looks_like_subject(sentence: str) -> bool:
    words = sentence.split()
    return (
        0 < len(words) <= 6
        and not sentence.endswith("?")
        and not QUESTION_CUE.search(sentence)
        and not re.match(r"(i|my|we|our|he|she|it|this|they)\b", sentence, re.IGNORECASE)
    )




def is_question(sentence: str) -> bool:
    """Asks something: a question mark, a question word first, or a request for information."""
    return QUESTION_CUE.search(sentence) is not None
