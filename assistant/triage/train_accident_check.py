"""Train the accident check (`accident_check.py`) beside the shipped model and write it into
`model/`.

    python -m assistant.triage.train_accident_check

Crises against emergencies (`fit_check.py`): the train split's single messages and
`data/accidents/` scored out of fold, the `data/extra/` phrasings in every fitting fold. Its cut
keeps 99% of the crises it may read (those that name no danger, `danger.names_danger`) out of
fold: the check can only take crises away. Only the train split is read; the head is not
retrained.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np

from assistant.triage import train
from assistant.triage.accident_check import AccidentCheck, save_accident_check
from assistant.triage.danger import names_danger
from assistant.triage.examples import Example, accident_examples
from assistant.triage.features import read_cues
from assistant.triage.figurative import literal
from assistant.triage.fit_check import fit_check, train_and_save, with_texts
from index.embedder import Embedder

PAIR = ("crisis", "emergency")
RECALL_TARGET = 0.99  # of the crises the check may read, out of fold (the head's is 0.98)


def may_read(example: Example) -> bool:
    """A crisis the check may take away: it names no danger, as typed or read literally."""
    cues = read_cues()
    return not any(names_danger(t, cues) for t in (example.text, literal(example.text)))


def train_accident_check(embedder: Embedder) -> AccidentCheck:
    accidents = accident_examples()
    data = with_texts(train.collect(embedder), accidents, embedder)
    scored = [e for e in data.messages if e.label in PAIR] + accidents
    extra = [e for e in data.extra if e.label in PAIR]
    weights, oof = fit_check(data, scored, extra, positive="crisis")
    crisis = np.array([e.label == "crisis" for e in scored])
    readable = crisis & np.array([may_read(e) for e in scored])
    scores = np.sort(oof[readable])
    cut = float(scores[int(np.floor((1 - RECALL_TARGET) * len(scores)))])
    report = {
        "trained": dt.date.today().isoformat(),
        "accidents": len(accidents),
        "readable_crises_kept_out_of_fold": f"{int((oof[readable] >= cut).sum())}"
        f"/{int(readable.sum())}",
        "emergencies_read_as_emergencies_out_of_fold": f"{int((oof[~crisis] < cut).sum())}"
        f"/{int((~crisis).sum())}",
    }
    return AccidentCheck(weights, cut, report)


def main(argv: Sequence[str] | None = None) -> int:
    return train_and_save(
        argv,
        module="assistant.triage.train_accident_check",
        description=__doc__,
        train_check=train_accident_check,
        save=save_accident_check,
    )


if __name__ == "__main__":
    raise SystemExit(main())
