"""Word-level BIO tags -> entity spans that index the text exactly (the tagger's last step).

The tagger (``diplomodel.models.tagger``) predicts one BIO tag and one score per word; this module
joins them into :class:`~diplomodel.models.labels.Entity` spans. Decoding is lenient (a stray I- opens
an entity), never runs across a line break, and keeps a person whole when the tagger splits the
roles of their words or a hyphen glues them.

Example:
    >>> from diplomodel.models.decode import decode_words
    >>> [e.text for e in decode_words(["B-PERSON", "I-PERSON"], [0.9, 0.8], [(0, 3), (4, 9)], "Ana Lopez")]
    ['Ana Lopez']
"""

from __future__ import annotations

from diplomodel.models.labels import Entity, bio_to_entity_label

__all__ = ["EDGE_WORDS", "PEOPLE", "decode_words"]


#: Labels of one kind of span: a name the tagger half calls PARTICIPANT, half PERSON is one person.
PEOPLE: frozenset[str] = frozenset({"PARTICIPANT", "PERSON"})


#: Words a title never starts or ends with: the tagger's stray "the", "and", "of" at a title's edge.
EDGE_WORDS: frozenset[str] = frozenset({"the", "of", "and", "for", "to", "a", "an", "&", ",", "-"})


def decode_words(tags: list[str], scores: list[float], words: list[tuple[int, int]],
                 text: str) -> list[Entity]:
    r"""Word-level BIO tags (lenient: a stray I- opens an entity) -> entities with char spans.

    A person's words stay one span when their roles disagree ("B-PARTICIPANT I-PERSON") or a
    hyphen glues them ("Jean" "-" "Luc"); the span takes the role whose words score highest in sum.
    A title loses the :data:`EDGE_WORDS` at its edges, and one made of nothing else is dropped.

    >>> text = "Ana Lopez\nRabat"
    >>> [(e.text, e.label) for e in decode_words(["B-PERSON", "I-PERSON", "I-PERSON"], [0.9] * 3,
    ...                                          [(0, 3), (4, 9), (10, 15)], text)]
    [('Ana Lopez', 'PERSON'), ('Rabat', 'PERSON')]
    >>> [(e.text, e.label) for e in decode_words(["B-PARTICIPANT", "I-PERSON", "I-PERSON"], [0.9, 0.4, 0.4],
    ...                                          [(0, 3), (3, 4), (4, 7)], "Ali-Can")]
    [('Ali-Can', 'PARTICIPANT')]
    >>> [e.text for e in decode_words(["B-TITLE", "I-TITLE", "I-TITLE", "B-TITLE"], [0.9] * 4,
    ...                               [(0, 8), (9, 11), (12, 19), (20, 23)], "Minister of Economy the")]
    ['Minister of Economy']
    """
    entities: list[Entity] = []
    cur_label, cur_start, cur_end, cur_scores = None, 0, 0, []
    votes: dict[str, float] = {}

    def close() -> None:
        if cur_label is None:
            return
        first, last = cur_start, cur_end
        if cur_label == "TITLE":  # "Minister of Economy of" -> "Minister of Economy"; a lone "the" is no title
            while first <= last and text[words[first][0]:words[first][1]].lower() in EDGE_WORDS:
                first += 1
            while last >= first and text[words[last][0]:words[last][1]].lower() in EDGE_WORDS:
                last -= 1
            if first > last:
                return
        s, e = words[first][0], words[last][1]
        label = max(votes, key=votes.__getitem__) if len(votes) > 1 else cur_label
        kept = cur_scores[first - cur_start:last - cur_start + 1]
        entities.append(Entity(s, e, label, sum(kept) / len(kept), text[s:e]))

    for i, tag in enumerate(tags):
        label = bio_to_entity_label(tag)
        gap = text[words[i - 1][1]:words[i][0]] if i else "\n"
        if label is None:
            close()
            cur_label = None
        elif cur_label is not None and "\n" not in gap and (
                (label == cur_label and tag.startswith("I-"))
                or (label in PEOPLE and cur_label in PEOPLE and (tag.startswith("I-") or _hyphen_glued(
                    text, words, i)))):
            cur_end = i
            cur_scores.append(scores[i])
            votes[label] = votes.get(label, 0.0) + scores[i]
        else:  # an entity never runs across a line break
            close()
            cur_label, cur_start, cur_end, cur_scores = label, i, i, [scores[i]]
            votes = {label: scores[i]}
    close()
    return entities


def _hyphen_glued(text: str, words: list[tuple[int, int]], i: int) -> bool:
    """Is word ``i`` glued by a hyphen to the word before it ("Jean" "-" "Luc", "-" or "Luc")?"""
    prev_s, prev_e = words[i - 1]
    if prev_e != words[i][0]:
        return False
    return text[prev_s:prev_e] == "-" or text[words[i][0]:words[i][1]] == "-"
