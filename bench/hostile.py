"""Hostile but well-formed inputs for the fuzz suite (tests/test_robustness.py) and bench/fuzz.py.

:func:`corpus` is the fixed list of named cases: empty, whitespace, 1 MB of text, one
50,000-character word, control characters and NUL, Arabic/Cyrillic/CJK, RTL marks, HTML and
markdown pages, emoji, numbers only, one sentence 10,000 times, impossible and far-off dates.
:func:`random_case` draws a random one from fragments of all of them (seeded, reproducible).
All sentences are our own.

Example:
    >>> import random
    >>> from hostile import corpus, random_case
    >>> names = [c.name for c in corpus()]
    >>> "empty" in names and "one_mb" in names and len(names) >= 25
    True
    >>> c = random_case(random.Random(0), 0); isinstance(c.text, str)
    True
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass
from typing import Any

SENTENCE = "Foreign Minister Ana Lopez met her counterpart Ali Khan in Rabat on Monday."
ARABIC = "\u0627\u0644\u062a\u0642\u0649 \u0648\u0632\u064a\u0631 \u0627\u0644\u062e\u0627\u0631\u062c\u064a\u0629 \u0639\u0644\u064a \u062e\u0627\u0646 \u0628\u0622\u0646\u0627 \u0644\u0648\u0628\u064a\u0632 \u0641\u064a \u0627\u0644\u0631\u0628\u0627\u0637."
CYRILLIC = "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432 \u0432\u0441\u0442\u0440\u0435\u0442\u0438\u043b\u0441\u044f \u0441 \u0410\u043d\u043d\u043e\u0439 \u041b\u043e\u043f\u0435\u0441 \u0432 \u041c\u043e\u0441\u043a\u0432\u0435."
CJK = "\u5916\u52a1\u5927\u81e3\u4f50\u85e4\u6d0b\u5b50\u661f\u671f\u4e00\u5728\u4e1c\u4eac\u4f1a\u89c1\u4e86\u5b89\u5a1c\u3002\u4f1a\u8ac7\u306f\u6771\u4eac\u3067\u884c\u308f\u308c\u305f\u3002\ud55c\uad6d \uc678\uad50\ubd80 \uc7a5\uad00."
RTL = "\u200fAna Lopez\u200e met \u202eAli Khan\u202c in \u2067Rabat\u2069 \u061c on \u200dMonday\ufeff."
HTML = ("<!DOCTYPE html><html><head><title>Talks</title><script>var s = '</p><p>'; if (a < b) {}</script>"
        "<style>p { color: red }</style></head><body><h1>RABAT, May 2 (MAP) &mdash; Talks</h1>"
        "<p>Foreign Minister <b>Ana Lopez</b> met <a href='/x?a=1&amp;b=2'>Ali Khan</a> on Monday.</p>"
        "<!-- a comment --><table><tr><td>1</td></tr></table><br/><img src=x onerror=alert(1)></body></html>")
MARKDOWN = ("# Talks in Rabat\n\n> **RABAT**, May 2 -- *Ana Lopez* met [Ali Khan](https://example.org) "
            "on Monday.\n\n* item one\n* item two\n\n```python\nprint('Minister met')\n```\n\n"
            "| who | where |\n|---|---|\n| Ana Lopez | Rabat |\n\n---\n![img](x.png)\n")
EMOJI = ("\U0001f1f2\U0001f1e6\U0001f91d\U0001f1ea\U0001f1f8 Ana Lopez \U0001f600 met Ali Khan "
         "\U0001f44d\U0001f3fd in Rabat \U0001f3db\ufe0f. \U0001f469\u200d\U0001f469\u200d\U0001f467 \u2764\ufe0f")
CONTROL = "".join(chr(c) for c in range(32)) + "\x7f Ana\x00Lopez met\x0bAli\x0cKhan\x1c in\x1dRabat\x1e.\x00"
SEPARATORS = "Ana Lopez met\u2028Ali Khan\u0085in Rabat\u2029on Monday.\r\nThey spoke.\rAgain."
DATES = ["Ana Lopez met Ali Khan on 31 February 2024.", "Talks were held on February 30.",
         "They met on 29 February 2023 and again on 0 March.", "The summit of 32/13/2024 ended.",
         "Ali Khan met Ana Lopez on Monday, 31 April, in year 99999.", "On 1 January 0001 they met.",
         "Talks on 31 December 9999, then next Monday and last Friday, yesterday and tomorrow."]
FRAGMENTS = [SENTENCE, ARABIC, CYRILLIC, CJK, RTL, HTML, MARKDOWN, EMOJI, CONTROL, SEPARATORS, *DATES,
             "RABAT, March 4 (MAP) - ", "BAKU, Dec. 16 (Trend) -- ", "NEW YORK (UN) : ", "\n\n", "   ",
             "1234567890", "3.14159 -2 1e10 0x1F", "Mr. Dr. H.E. ", "the President of the Republic of ",
             "(((", ")))", "[[", "\"\u201c\u201d'", "--", "\u2014\u2013", "...", "\t", "\u00a0", "\u3000",
             "spoke by phone", "held a video call", "on the sidelines of the summit", "received", "met"]
PUBLISHED = [None, "2024-03-05", "2099-12-31", "9999-12-31", "0001-01-01", "2024-02-29", "1900-01-01"]


@dataclass
class Case:
    """One hostile input: a text and the publication date that goes with it."""

    name: str
    text: str
    published: str | None = "2024-03-05"


def corpus() -> list[Case]:
    """The named hostile cases (every kind the issue lists), one ``Case`` each."""
    para = " ".join([SENTENCE, "They discussed trade, energy and water.", "Both sides agreed to meet again."])
    one_mb = (para + "\n") * (1_000_000 // (len(para) + 1) + 1)
    cases = [
        Case("empty", ""), Case("whitespace", " \n\t\r\u3000\u00a0\u2028 \u200b "),
        Case("one_mb", one_mb[:1_000_000]), Case("word_50k", "a" * 50_000),
        Case("word_50k_mixed", ("Ab" * 25_000) + " met Ali Khan."), Case("control_nul", CONTROL),
        Case("arabic", ARABIC), Case("cyrillic", CYRILLIC), Case("cjk", CJK), Case("rtl_marks", RTL),
        Case("mixed_scripts", " ".join([SENTENCE, ARABIC, CYRILLIC, CJK])), Case("html", HTML * 3),
        Case("markdown", MARKDOWN * 3), Case("emoji", EMOJI * 5), Case("numbers_only", "1234567890 3.14 -2 " * 200),
        Case("sentence_x10000", (SENTENCE + " ") * 10_000), Case("separators", SEPARATORS),
        Case("dateline_only", "RABAT, March 4 (MAP) - "), Case("punctuation", ".,;:!?-()[]{}\"'" * 300),
        Case("one_char", "A"), Case("newlines", "\n" * 5000), Case("long_line_no_space", "Ana.Lopez," * 5000),
        Case("title_soup", "Minister " * 3000), Case("name_soup", "Ana Lopez, " * 3000 + "met."),
        Case("future_published", SENTENCE, "2099-12-31"), Case("far_future_published", SENTENCE, "9999-12-31"),
        Case("ancient_published", "They met last Monday, yesterday.", "0001-01-01"),
        Case("leap_published", "They met on Monday.", "2024-02-29"), Case("no_published", SENTENCE, None),
    ]
    cases += [Case(f"date_{i}", d) for i, d in enumerate(DATES)]
    cases += [Case(f"date_{i}_far", d, "9999-12-31") for i, d in enumerate(DATES)]
    return cases


#: Publication dates that are not valid: each must give one clear error naming the field.
MALFORMED_PUBLISHED = ["31 February", "2024-02-30", "2024-13-01", "yesterday", "2024/03/05", "05.03.2024",
                       "99999-01-01", "2024-3-5T", " - "]


def random_case(rng: random.Random, i: int, max_pieces: int = 24) -> Case:
    """A random mix of fragments, random characters and numbers (any code point but surrogates)."""
    pieces = []
    for _ in range(rng.randint(0, max_pieces)):
        kind = rng.random()
        if kind < 0.6:
            pieces.append(rng.choice(FRAGMENTS))
        elif kind < 0.85:
            pieces.append("".join(_char(rng) for _ in range(rng.randint(1, 40))))
        elif kind < 0.95:
            pieces.append(" ".join(rng.choice(["Ana", "LOPEZ", "met", "Khan", "Minister", "of", "the", "in",
                                               "Rabat", "Monday", "March", "4", ",", "."])
                                   for _ in range(rng.randint(1, 30))))
        else:
            pieces.append(rng.choice(FRAGMENTS) * rng.randint(2, 50))
    sep = rng.choice(["", " ", "\n", ". "])
    return Case(f"random_{i}", sep.join(pieces), rng.choice(PUBLISHED))


def _char(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.5:
        return chr(rng.randint(32, 126))
    if r < 0.8:
        return chr(rng.randint(0x80, 0x2FFF))
    while True:
        c = rng.randint(0, 0x10FFFF)
        if not 0xD800 <= c <= 0xDFFF:
            return chr(c)


def problems(brief: dict[str, Any], text: str) -> list[str]:
    """What is wrong with a brief of ``text`` (empty when nothing): schema, round trip, UTF-8,
    spans outside the text, a summary that is not the text it points at, the parser's view."""
    from diplomodel.data.views import linearize_brief, normalize_brief, parse_linearized
    from diplomodel.schema import MeetingBrief, validate_brief_dict

    out: list[str] = []
    try:
        validate_brief_dict(brief)
        if MeetingBrief.from_dict(brief).to_dict() != brief:
            out.append("does not round-trip through MeetingBrief")
        (json.dumps(brief, ensure_ascii=False) + "\n").encode("utf-8")
        spans = [sp for p in brief["participants"] for sp in p["spans"]]
        spans += [sp for v in brief["evidence"].values() for sp in v]
        out += [f"span {sp} outside the text ({len(text)} chars)" for sp in spans
                if not 0 <= sp[0] <= sp[1] <= len(text)]
        out += [f"empty participant name {p['name']!r}" for p in brief["participants"] if not p["name"].strip()]
        if brief["summary"] and len(brief["evidence"].get("summary", [])) == 1:
            s, e = brief["evidence"]["summary"][0]
            if text[s:e] != brief["summary"]:
                out.append("summary differs from the text at its evidence span")
        validate_brief_dict(MeetingBrief.from_dict(parse_linearized(linearize_brief(brief))).to_dict())
        once = normalize_brief(brief)
        if normalize_brief(once) != once:
            out.append("linearised form is not a fixed point")
    except Exception as exc:  # any failure of a check is a finding, named
        out.append(f"{type(exc).__name__}: {str(exc)[:200]}")
    return out
