"""Idioms about dying and killing are read for what they mean; danger is never rewritten away."""

import pytest

from assistant.triage.examples import extra_examples, team_examples
from assistant.triage.figurative import literal


@pytest.mark.parametrize(
    ("message", "gone"),
    [
        ("My feet are killing me after work, any stretches?", "killing"),
        ("I nearly died laughing at that video", "died"),
        ("ugh this heat is going to be the death of me", "death"),
        ("I'd kill for a good night's sleep", "kill"),
        ("I'm so hungry I could die", "die"),
        ("bored to death in the waiting room", "death"),
        ("I'm dying to try that new restaurant", "dying"),
        ("drowning in paperwork this week", "drowning"),
        ("Me muero de hambre, ¿es malo saltarse el desayuno?", "muero"),
        ("estoy muerta de cansancio", "muerta"),
        ("these stairs are murder on my knees", "murder"),
        ("over my dead body will I get a tattoo", "dead"),
        ("it's a matter of life and death that I get coffee lol", "death"),
        ("we absolutely killed it at trivia night", "killed"),
        ("you're killing it at work lately", "killing"),
        ("he shot me a text saying he's running late", "shot"),
        ("just killing time in the waiting room", "killing"),
        ("my shins are murdering me since I started running, shin splints?", "murdering"),
        ("this sinus headache is absolutely murdering me", "murdering"),
        ("lol this meme is slaying me", "slaying"),
        ("this exam is going to kill me, how do I stop stress headaches", "kill"),
        ("the commute is gonna murder me one day lol", "murder"),
        ("I could murder a burger right now, is that a craving thing?", "murder"),
        ("I really shot myself in the foot at that interview", "shot"),
        ("esta reunión me está matando, me duele la cabeza", "matando"),
        ("can I cut my sertraline from 100 to 50 by myself?", "cut"),
        ("my mom wants to cut her blood pressure pills, is that ok", "cut"),
        ("that spin class was murder, are sore thighs normal?", "murder"),
        ("casi me muero de la risa con mi sobrino", "muero"),
        ("these antihistamines leave me dead to the world all morning", "dead"),
        ("the baby finally slept like the dead after the party", "dead"),
        ("me voy a morir de vergüenza si se entera", "morir"),
        ("mi entrenador me mata de risa", "mata"),
        ("mi mamá me va a matar cuando vea la nota", "matar"),
    ],
)
def test_idioms_lose_their_death_words(message, gone):
    assert gone not in literal(message).lower()


@pytest.mark.parametrize(
    "message",
    [
        "he is bleeding to death, the cut won't stop",
        "I feel like I'm dying, my chest is crushing",
        "I'm so sad I could die",
        "I'm so tired of everything I want to die",
        "she is killing me, she hit me again",
        "he is murdering me, he won't stop hitting me",
        "my husband is going to kill me, he has a gun",
        "these pills are going to kill me tonight",
        "mi novio me está matando a golpes",
        "I shot myself in the hand cleaning my gun",
        "I cut my arm down to the bone",
        "I want to cut my wrists tonight",
        "my son is drowning in the pool",
        "I want to disappear forever",
        "me quiero morir",
        "he shot me in the leg",
        "someone shot me, I'm bleeding",
        "I think I killed it, the cat isn't moving",
    ],
)
def test_literal_danger_is_left_as_written(message):
    assert literal(message) == message


def test_no_crisis_or_emergency_message_of_the_set_is_rewritten():
    serious = [e for e in (*team_examples(), *extra_examples())
               if e.label in ("crisis", "emergency")]
    assert len(serious) > 500
    changed = [e.text for e in serious if any(literal(t) != t for t in (e.text, *e.earlier))]
    assert changed == []
