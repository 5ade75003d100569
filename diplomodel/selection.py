"""Which article to annotate next: rank a pool by how much a person's correction would teach.

Each article gets four scores in [0, 1]; the rank is informativeness x density x novelty, where
the informativeness is the weighted sum (:data:`WEIGHTS`) of uncertainty and disagreement, each
taken relative to the pool's largest. This is information-density sampling (Settles and Craven,
2008) with a diversity term: an odd page (a menu, a list of headlines) is where the tagger is most
unsure, yet teaches little about the articles it will meet, and a copy of what is annotated
teaches nothing however unsure the tagger is:

- **uncertainty**: the tagger's doubt on the spans that decide a brief (participants, people,
  titles, countries): the mean of ``1 - p`` over them, ``p`` the tagger's probability of the label
  it chose. An article with no such span at all scores 0.5 (the tagger may have missed everyone).
- **disagreement**: how far the extraction rules had to overrule the tagger on who took part
  (their participants before the meeting decision, which empties a non-meeting's list by design):
  the share of mentions on either side with no counterpart sharing a name
  word on the other ("Bourita" and "Nasser Bourita" are one person). With ``summarizer=True`` the
  summarizer's opinion joins in: its format against the rules', and the participants its summary
  does not name.
- **density**: how typical the article is of the pool: its mean ``rapidfuzz`` ``token_set_ratio``
  similarity to (a seeded sample of :data:`DENSITY_SAMPLE`) other pool articles, relative to the
  pool's most typical.
- **novelty**: how unlike the article is to what is already annotated and to what was picked
  before it (``1 -`` the best ``rapidfuzz`` ``token_set_ratio``), so a batch does not spend a
  person's time on ten copies of one story. Picking is greedy: after each pick the novelty of
  the rest is updated.

Example (a rule tagger, so the figures are exact):
    >>> from diplomodel.selection import score_article
    >>> from diplomodel.models.labels import Entity
    >>> s = score_article("Ana Ruiz met Ivo Kral.", [Entity(0, 8, "PARTICIPANT", 0.6, "Ana Ruiz"),
    ...                   Entity(13, 21, "PERSON", 0.9, "Ivo Kral")], ["Ana Ruiz", "Ivo Kral"])
    >>> round(s.uncertainty, 2), round(s.disagreement, 2)
    (0.25, 0.33)
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Sequence

from diplomodel.models.labels import Entity

#: how uncertainty and disagreement add up to an article's informativeness
#: (on the real train split, disagreement follows a brief's participant error with Spearman 0.30,
#: uncertainty with 0.10; this mix, 0.31)
WEIGHTS = {"uncertainty": 0.25, "disagreement": 0.75}
DECIDING = ("PARTICIPANT", "PERSON", "TITLE", "COUNTRY")
#: pool articles an article is compared with to measure how typical it is
DENSITY_SAMPLE = 300


@dataclass
class Candidate:
    """One pool article's scores; ``score`` (informativeness x density x novelty) is what the ranking uses."""

    index: int
    uncertainty: float
    disagreement: float
    novelty: float = 1.0
    density: float = 1.0
    entities: list[Entity] = field(default_factory=list)
    #: the pool's largest uncertainty and disagreement (set by :func:`rank`): each score is taken
    #: relative to the pool's, so a confident tagger's small doubts still order the articles
    scale: tuple[float, float] = (1.0, 1.0)

    @property
    def score(self) -> float:
        return self.novelty * self.density * (WEIGHTS["uncertainty"] * self.uncertainty / self.scale[0]
                                              + WEIGHTS["disagreement"] * self.disagreement / self.scale[1])


def _words(name: str) -> set[str]:
    return {w.lower() for w in name.replace(".", " ").split() if len(w) > 1}


def _name_disagreement(tagged: set[str], listed: Sequence[str]) -> float:
    """Share of the tagger's participant mentions and the brief's participants without a
    counterpart on the other side (a shared name word counts: "Dinh Hue" is "Vuong Dinh Hue")."""
    a, b = [_words(t) for t in tagged], [_words(n) for n in listed]
    alone = sum(not any(x & y for y in b) for x in a) + sum(not any(y & x for x in a) for y in b)
    return alone / (len(a) + len(b)) if a or b else 0.0


def score_article(text: str, entities: Sequence[Entity], participants: Sequence[str],
                  opinion: dict[str, Any] | None = None, brief_format: str | None = None) -> Candidate:
    """Uncertainty and disagreement of one article (density and novelty are set by :func:`rank`).

    ``participants``: the names the rules took as participants (before the meeting decision);
    ``opinion``: the summarizer's result for the article (its ``format`` and ``summary``), if any.
    """
    deciding = [e for e in entities if e.label in DECIDING]
    uncertainty = sum(1.0 - e.score for e in deciding) / len(deciding) if deciding else 0.5
    tagged = {e.text or text[e.start:e.end] for e in entities if e.label == "PARTICIPANT"}
    parts = [_name_disagreement(tagged, participants)]
    if opinion is not None:
        if opinion.get("format") and brief_format:
            parts.append(float(opinion["format"] != brief_format))
        summary = opinion.get("summary") or ""
        if participants:
            parts.append(sum(name.split()[-1] not in summary for name in participants) / len(participants))
    return Candidate(-1, uncertainty, sum(parts) / len(parts), entities=list(entities))


def rank(texts: Sequence[str], candidates: Sequence[Candidate], n: int,
         annotated: Sequence[str] = ()) -> list[Candidate]:
    """The ``n`` best candidates, greedily: each pick lowers the novelty of articles like it.

    >>> c = [Candidate(0, 0.5, 0.0), Candidate(1, 0.5, 0.0), Candidate(2, 0.4, 0.0)]
    >>> [x.index for x in rank(["a b c", "a b c", "x y z"], c, 2)]
    [0, 2]
    """
    from rapidfuzz import fuzz, process

    seen = list(annotated)
    pool = list(candidates)
    scale = (max([c.uncertainty for c in pool] + [1e-9]), max([c.disagreement for c in pool] + [1e-9]))
    reference = random.Random(0).sample(pool, min(len(pool), DENSITY_SAMPLE))
    if len(pool) > 1:
        sims = process.cdist([texts[c.index] for c in pool], [texts[c.index] for c in reference],
                             scorer=fuzz.token_set_ratio, workers=1)
        ref = {c.index for c in reference}
        dens = [float(row.sum() - 100.0 * (c.index in ref)) / max(1, len(ref) - (c.index in ref)) / 100.0
                for c, row in zip(pool, sims)]  # an article in the sample is not compared with itself
        top = max(dens) or 1.0
        for c, d in zip(pool, dens):
            c.density = d / top
    for c in pool:
        c.scale = scale
    best_sim = [0.0] * len(pool)
    if seen:
        sims = process.cdist([texts[c.index] for c in pool], seen, scorer=fuzz.token_set_ratio, workers=1)
        best_sim = [float(row.max()) / 100.0 for row in sims]
    picked: list[Candidate] = []
    while pool and len(picked) < n:
        for c, s in zip(pool, best_sim):
            c.novelty = 1.0 - s
        i = max(range(len(pool)), key=lambda k: (pool[k].score, -pool[k].index))
        chosen = pool.pop(i)
        best_sim.pop(i)
        picked.append(chosen)
        if pool:
            sims = process.cdist([texts[c.index] for c in pool], [texts[chosen.index]],
                                 scorer=fuzz.token_set_ratio, workers=1)
            best_sim = [max(b, float(row[0]) / 100.0) for b, row in zip(best_sim, sims)]
    return picked


def select(briefer: Any, records: Sequence[dict[str, Any]], n: int, annotated: Sequence[str] = (),
           summarizer: bool = False) -> list[Candidate]:
    """Score every record of the pool with ``briefer``'s tagger (and summarizer) and pick ``n``.

    ``records``: ``{"id", "text", "published"?}`` dicts; ``annotated``: texts already annotated.
    """
    from diplomodel.extraction import extract, to_brief
    from diplomodel.jsonl import parse_published

    texts = [r["text"] for r in records]
    entities = briefer.tagger.predict(texts, batch_size=briefer.batch_size)
    docs = [extract(t, ents, parse_published(r.get("published"))) for t, ents, r in zip(texts, entities, records)]
    opinions: list[dict[str, Any] | None] = [None] * len(texts)
    if summarizer and briefer.has_summarizer:
        briefs = [to_brief(d) for d in docs]
        meetings = [i for i, b in enumerate(briefs) if b.is_meeting]
        for i, res in zip(meetings, briefer.summarizer.summarize([texts[i] for i in meetings],
                                                                 [briefs[i] for i in meetings])):
            opinions[i] = res
    cands = []
    for i, (t, ents, d) in enumerate(zip(texts, entities, docs)):
        # the people the rules took as participants, before the meeting decision (a non-meeting's
        # brief lists none by design: that is not the rules overruling the tagger on who)
        c = score_article(t, ents, [p.name for p in d.participants], opinions[i], d.format)
        c.index = i
        cands.append(c)
    return rank(texts, cands, n, annotated)
