"""Text assembly with exact entity offsets: a document builder, date phrases and datelines.

Text is only ever built by appending pieces; each labelled piece records its span as it is appended.

Example:
    >>> import datetime, random
    >>> from diplomodel.data.synth.render import Doc, date_phrase
    >>> d = Doc()
    >>> d.add("Talks were held ")
    >>> d.add_segments(date_phrase(random.Random(0), datetime.date(2023, 12, 16), datetime.date(2023, 12, 15)))
    >>> d.add(".")
    >>> [(d.text[s:e], lab) for s, e, lab, _ in d.ents]
    [('yesterday', 'DATE')]
"""
from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

Segment = tuple[str, "str | None", "str | None"]  # (text, label, person key)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
MONTHS_AP = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
MONTHS_3 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@dataclass
class Doc:
    """A growing text with entities ``(start, end, label, person_key)``."""

    text: str = ""
    ents: list[tuple[int, int, str, str | None]] = field(default_factory=list)
    auto_cap: bool = True

    def add(self, piece: str, label: str | None = None, who: str | None = None) -> None:
        """Append ``piece``; capitalise it at a sentence start; record it as an entity if labelled."""
        if not piece:
            return
        if self.auto_cap and piece[0].islower() and self.at_sentence_start():
            piece = piece[0].upper() + piece[1:]
        start = len(self.text)
        self.text += piece
        if label:
            self.ents.append((start, start + len(piece), label, who))

    def add_segments(self, segs: list[Segment]) -> None:
        for text, label, who in segs:
            self.add(text, label, who)

    def at_sentence_start(self) -> bool:
        t = self.text.rstrip(" ")
        return not t or t[-1] in ".!?\n" or t.endswith(("“", "\"", "– ", "— ", ": "))  # noqa

    def drop_trailing_space(self) -> None:
        """Remove one trailing space (used when an optional slot renders empty)."""
        if self.text.endswith(" ") and not (self.ents and self.ents[-1][1] > len(self.text) - 1):
            self.text = self.text[:-1]


def _fmt(rng: random.Random, d: datetime.date, with_year: bool) -> str:
    style = rng.randrange(4)
    if style == 0:
        s = f"{MONTHS[d.month - 1]} {d.day}"
        return s + (f", {d.year}" if with_year else "")
    if style == 1:
        s = f"{d.day} {MONTHS[d.month - 1]}"
        return s + (f" {d.year}" if with_year else "")
    if style == 2:
        s = f"{MONTHS_AP[d.month - 1]} {d.day}"
        return s + (f", {d.year}" if with_year else "")
    return f"{MONTHS[d.month - 1]} {d.day}" + (f" {d.year}" if with_year else "")


def date_phrase(rng: random.Random, published: datetime.date, meeting: datetime.date) -> list[Segment]:
    """A phrase ("on Monday", "yesterday", "on 15 December") naming ``meeting`` as seen on ``published``.

    Weekdays only for the six days before publication (the most recent such day); month-day without a
    year resolves to the publication year, or the year before if that would be after publication.
    """
    k = (published - meeting).days
    wd = WEEKDAYS[meeting.weekday()]
    opts: list[list[Segment]] = []
    if k == 0:
        opts += [[("today", "DATE", None)], [("earlier ", None, None), ("today", "DATE", None)]]
    if k == 1:
        opts += [[("yesterday", "DATE", None)]] * 2 + [[("late ", None, None), ("yesterday", "DATE", None)]]
    if 0 <= k <= 6:
        opts += [[("on ", None, None), (wd, "DATE", None)]] * 3
        opts += [[("on ", None, None), (wd, "DATE", None), (rng.choice([" evening", " morning", " afternoon"]),
                                                             None, None)]]
        opts += [[("on ", None, None), (f"{wd}, {MONTHS[meeting.month - 1]} {meeting.day}", "DATE", None)]]
    with_year = k > 6 and rng.random() < 0.5
    opts += [[("on ", None, None), (_fmt(rng, meeting, with_year), "DATE", None)]] * (2 if k > 6 else 1)
    return rng.choice(opts)


def dateline(rng: random.Random, city: str, country: str, published: datetime.date,
             agency: tuple[str, str]) -> tuple[str, list[Segment]]:
    """An opening dateline in one of many wire styles; returns ``(style_id, segments)``."""
    full, short = agency
    d = published - datetime.timedelta(days=rng.choice([0, 0, 0, 1]))
    md = f"{MONTHS[d.month - 1]} {d.day}"
    style = rng.randrange(12)
    C, L, D, O = "COUNTRY", "LOC", "DATE", "ORG"
    S = {
        0: [("(MENAFN- ", None, None), (full, O, None), (") ", None, None), (city.upper(), L, None), (", ", None, None),
            (country, C, None), (", ", None, None), (md, D, None), (". ", None, None)],
        1: [(city.upper(), L, None), (" (", None, None), (short, O, None), (") – ", None, None)],
        2: [(city, L, None), (", ", None, None), (md, D, None), (" (", None, None), (short, O, None), (") - ", None, None)],
        3: [(city.upper(), L, None), (": ", None, None)],
        4: [],
        5: [(city.upper(), L, None), (", ", None, None), (f"{MONTHS_AP[d.month - 1]} {d.day}", D, None), (" (", None, None),
            (short, O, None), (") - ", None, None)],
        6: [(city, L, None), (", ", None, None), (f"{d.day} {MONTHS[d.month - 1]} {d.year}", D, None), (" (", None, None),
            (short, O, None), (") — ", None, None)],
        7: [(city.upper(), L, None), (" — ", None, None)],
        8: [(city, L, None), (", ", None, None), (country, C, None), (" -- ", None, None)],
        9: [(city.upper(), L, None), (", ", None, None), (md, D, None), (" /", None, None), (short, O, None), ("/. ", None, None)],
        10: [],
        11: [(city, L, None), (", ", None, None), (f"{MONTHS_3[d.month - 1]} {d.day}", D, None), (" (", None, None),
             (full, O, None), ("): ", None, None)],
    }
    return f"dateline/{style}", S[style]


def credit(rng: random.Random, agency: tuple[str, str], editors: list[tuple[str, str]]) -> tuple[str, list[Segment]]:
    """A closing agency credit, or nothing. ``editors``: two ``(name, key)`` of people credited."""
    full, short = agency
    style = rng.randrange(6)
    S = {0: [], 1: [("\n\n— ", None, None), (full, "ORG", None)], 2: [("\n\nSource: ", None, None), (full, "ORG", None)],
         3: [("\n\n(Reporting by ", None, None), (editors[0][0], "PERSON", editors[0][1]), ("; Editing by ", None, None),
             (editors[1][0], "PERSON", editors[1][1]), (")", None, None)],
         4: [("\n\n", None, None), (short, "ORG", None)], 5: []}
    return f"credit/{style}", S[style]
