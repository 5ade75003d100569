"""Assembly of synthetic diplomatic-meeting articles with gold entity spans and gold briefs.

Example:
    >>> from diplomodel.data.synth.generator import generate
    >>> recs = generate(n=3, seed=1, split="train", data_dir="/nonexistent")
    >>> r = recs[0]
    >>> all(r["text"][e["start"]:e["end"]] for e in r["entities"]) and r["source"]
    'synthetic'
"""
from __future__ import annotations

import datetime
import random
import re
from collections import Counter
from pathlib import Path
from typing import Any

from diplomodel.data.synth import people as P
from diplomodel.data.synth.facts import Official, load_officials
from diplomodel.data.synth.inventory import AGENCIES, COUNTRIES, ORGS_INTL, SUMMITS, country
from diplomodel.data.synth.lexicon import (COUNTERPART, DISASTERS, FORUMS, OUTCOMES, ROLES, TOPICS)
from diplomodel.data.synth.render import Doc, Segment, credit, date_phrase, dateline
from diplomodel.data.synth.templates import VENUES_BY_COUNTRY, VENUES_GENERIC, templates
from diplomodel.schema import Location, MeetingBrief, Participant

_SLOT = re.compile(r"\{(\w+)\}")
_KINDS = [("neg", 15), ("lead_in_person", 20), ("lead_visit", 13), ("lead_received", 11), ("lead_phone", 12),
          ("lead_video", 6), ("lead_sidelines", 13), ("lead_multi", 10)]
_FORMAT = {"lead_in_person": "in_person", "lead_visit": "in_person", "lead_received": "in_person",
           "lead_phone": "phone_call", "lead_video": "video_call", "lead_sidelines": "multilateral_sidelines",
           "lead_multi": "in_person"}


def _join(items: list[list[Segment]]) -> list[Segment]:
    out: list[Segment] = []
    for i, it in enumerate(items):
        if i:
            out.append((" and " if i == len(items) - 1 else ", ", None, None))
        out += it
    return out


class _Ctx:
    """Everything one article needs to fill its slots, and what it has said so far (for the brief)."""

    def __init__(self, rng: random.Random, split: str, officials: list[Official], kind: str,
                 published: datetime.date):
        self.rng, self.split, self.officials, self.kind, self.published = rng, split, officials, kind, published
        self.taken: set[str] = set()
        self.tids: list[str] = []
        cs = rng.sample(COUNTRIES, 3)
        self.cA, self.cB, self.c3 = cs
        role_a = rng.choice(list(COUNTERPART))
        role_b = rng.choice(COUNTERPART[role_a])
        if kind in ("lead_multi",):
            role_a = role_b = "foreign_minister"
        if kind == "lead_received" and rng.random() < 0.3:
            role_b = "ambassador"
        elif kind != "lead_received" and role_b == "ambassador":
            role_b = "foreign_minister"
        self.A = self.person(self.cA.name, role_a)
        self.B = self.person(self.cB.name, role_b)
        self.others: list[P.Person] = []
        if kind == "lead_multi":
            extra = rng.sample([c for c in COUNTRIES if c not in cs], rng.randint(1, 10))
            self.others = [self.B] + [self.person(c.name, "foreign_minister") for c in extra]
        self.mentioned: dict[str, P.Person] = {}
        self.seen: set[str] = set()
        self.meeting = published - datetime.timedelta(days=rng.choice([0, 1, 1, 1, 2, 3, 4, 5, 6, 9, 14, 30]))
        self.date_used = False
        self.city: str | None = None
        self.loc_country: str | None = None
        self.topics: list[str] = []
        self.topic_pool = rng.sample(TOPICS, 12)
        self.outcomes: list[str] = []
        self.countries_said: list[str] = []
        self.summit = rng.choice(SUMMITS)
        self.agency = rng.choice(AGENCIES)
        self.participant_keys = {self.A.key, self.B.key} | {o.key for o in self.others}
        self.is_meeting = kind != "neg"

    def person(self, cname: str, role: str) -> P.Person:
        return P.make_person(self.rng, cname, role, self.split, self.officials, self.taken)

    def extra_person(self, slot: str) -> P.Person:
        if slot not in self.mentioned:
            c = {"P": self.cB if self.is_meeting else self.cA, "P2": self.c3}.get(slot) or \
                self.rng.choice([self.cA, self.cB])
            role = self.rng.choice(["president", "prime_minister", "foreign_minister", "speaker"])
            if slot == "spok":  # a ministry spokesperson: an invented name of the host country
                self.mentioned[slot] = P.make_person(self.rng, self.cA.name, "deputy_fm", self.split, [],
                                                     self.taken, real_ok=False)
            else:
                self.mentioned[slot] = self.person(c.name, role)
        return self.mentioned[slot]

    def label(self, p: P.Person) -> str:
        return "PARTICIPANT" if self.is_meeting and p.key in self.participant_keys else "PERSON"

    def mention(self, p: P.Person, later: bool, next_lit: str) -> list[Segment]:
        first = p.key not in self.seen
        self.seen.add(p.key)
        if first or not later and self.rng.random() < 0.3:
            return P.full_mention(self.rng, p, self.label(p), host=self.cA.name, next_lit=next_lit)
        return P.later_mention(self.rng, p, self.label(p))

    def country_segs(self, c) -> list[Segment]:
        if c.name not in self.countries_said:
            self.countries_said.append(c.name)
        return P.country_mention(self.rng, c)

    def topics_segs(self, k: int) -> list[Segment]:
        picks = []
        for _ in range(k):
            if not self.topic_pool:
                break
            phrase, lab = self.topic_pool.pop()
            picks.append([(phrase, None, None)])
            if lab not in self.topics:
                self.topics.append(lab)
        return _join(picks) or [("bilateral relations", None, None)]

    def where_segs(self) -> list[Segment]:
        if self.kind in ("lead_phone", "lead_video", "lead_sidelines", "neg") or self.city or self.loc_country:
            return []
        if self.rng.random() < 0.25:
            return []
        tid, tpl = self.rng.choice(templates("where", self.split))
        self.tids.append(tid)
        return self.sub(tpl)

    def sub(self, tpl: str) -> list[Segment]:
        d = Doc(auto_cap=False)
        render(d, tpl, self)
        segs, pos = [], 0
        for s, e, lab, who in d.ents:
            if s > pos:
                segs.append((d.text[pos:s], None, None))
            segs.append((d.text[s:e], lab, who))
            pos = e
        if pos < len(d.text):
            segs.append((d.text[pos:], None, None))
        return segs

    def fill(self, slot: str, next_lit: str) -> list[Segment]:  # noqa: C901 - one branch per slot
        rng, cA, cB = self.rng, self.cA, self.cB
        if slot in ("A", "B", "a", "b"):
            return self.mention(self.A if slot.lower() == "a" else self.B, slot.islower(), next_lit)
        if slot in ("A_name", "B_name"):
            p = self.A if slot[0] == "A" else self.B
            self.seen.add(p.key)
            return [(p.name, self.label(p), p.key)]
        if slot in ("Ac", "Bc", "C3"):
            c = {"Ac": cA, "Bc": cB, "C3": self.c3}[slot]
            if slot == "Ac" and self.kind == "lead_visit":
                self.loc_country = cA.name
            return self.country_segs(c)
        if slot in ("Ad", "Bd", "dem"):
            c = cB if slot == "Bd" else cA
            if slot == "dem":
                self.loc_country = cA.name
            self.country_segs(c)
            return [(c.demonym, "COUNTRY", None)]
        if slot in ("Acap", "Bcap", "cap", "city2"):
            c = cB if slot == "Bcap" else cA
            if slot == "cap" or (slot == "Acap" and self.kind == "lead_visit"):
                self.city, self.loc_country = c.capital, c.name
            return [(c.capital, "LOC", None)]
        if slot == "ctry":
            self.loc_country = cA.name
            return self.country_segs(cA)
        if slot in ("Ah", "Bh", "Ph", "P2h"):
            p = {"Ah": self.A, "Bh": self.B, "Ph": self.extra_person("P"), "P2h": self.extra_person("P2")}[slot]
            return [(p.his, None, None)]
        if slot == "venue":
            v = VENUES_BY_COUNTRY.get(cA.name) if rng.random() < 0.5 else None
            return [(v or rng.choice(VENUES_GENERIC), "LOC", None)]
        if slot == "where":
            return self.where_segs()
        if slot == "date":
            if self.date_used and self.is_meeting:
                return []
            self.date_used = True
            return date_phrase(rng, self.published, self.meeting)
        if slot in ("topics", "topic"):
            return self.topics_segs(rng.randint(2, 4) if slot == "topics" else 1)
        if slot == "outcome":
            phrase, brief = rng.choice(OUTCOMES)
            t = self.topics_segs(1)[0][0]
            self.outcomes.append(brief.replace("{t}", t))
            return [(phrase.replace("{t}", t), None, None)]
        if slot == "summit":
            name, city, ctry = self.summit
            core = name[: -len(" summit")] if name.lower().endswith(" summit") else name
            segs: list[Segment] = [(core, "ORG", None)] + ([(name[len(core):], None, None)] if core != name else [])
            if name == "UN General Assembly" and rng.random() < 0.5:
                segs = [(f"{rng.randint(69, 80)}th session of the ", None, None), (name, "ORG", None)]
            if rng.random() < 0.7:
                self.city, self.loc_country = city, ctry
                segs += [(" in ", None, None), (city, "LOC", None)]
            return segs
        if slot in ("P", "P2"):
            p = self.extra_person(slot)
            return self.mention(p, False, next_lit)
        if slot == "P2_role":
            return [(ROLES[self.extra_person("P2").role].after[0], "TITLE", None)]
        if slot == "spok":
            p = self.extra_person("spok")
            org = rng.choice([[("Foreign Ministry", "ORG", None)], [(cA.demonym, "COUNTRY", None),
                                                                     (" Foreign Ministry", None, None)],
                              [("Ministry of Foreign Affairs", "ORG", None)]])
            if org[0][1] == "COUNTRY":
                org = [org[0], (" ", None, None), ("Foreign Ministry", "ORG", None)]
            word = rng.choice(["spokesperson", "spokesman" if p.gender == "m" else "spokeswoman"])
            return org + [(" ", None, None), (word, "TITLE", None), (" ", None, None), (p.name, "PERSON", p.key)]
        if slot == "org":
            return [(rng.choice(ORGS_INTL), "ORG", None)]
        if slot == "Aorg":
            o = ROLES[self.A.role].org
            o = cA.parliament if o == "{parl}" else "Presidential Administration" if not o or "{" in o else o
            return [(o, "ORG", None)]
        if slot == "agency":
            return [(self.agency[1], "ORG", None)]
        if slot == "year":
            return [(str(rng.randint(1992, self.published.year - 1)), "DATE", None)]
        if slot == "ago":
            return rng.choice([[("last week", "DATE", None)], [("last month", "DATE", None)],
                               [("earlier ", None, None), ("this year", "DATE", None)],
                               [("in ", None, None), (rng.choice(["March", "May", "October"]), "DATE", None)]])
        if slot == "num":
            return [(str(rng.randint(2, 95) * 10), None, None)]
        if slot in ("disaster", "forum"):
            return [(rng.choice(DISASTERS if slot == "disaster" else FORUMS), None, None)]
        if slot == "countries":
            cs = [cA] + [country(o.country) for o in self.others]
            return _join([self.country_segs(c) for c in cs])
        if slot == "list":
            ppl = self.others if "{A}" in self.cur else [self.A] + self.others
            return _join([self.mention(p, False, ",") for p in ppl])
        raise KeyError(f"unknown slot {slot!r}")


def render(doc: Doc, tpl: str, ctx: _Ctx) -> None:
    """Append ``tpl`` to ``doc`` with its slots filled from ``ctx``; empty slots swallow a space."""
    ctx.cur = tpl
    pos = 0
    for m in _SLOT.finditer(tpl):
        doc.add(tpl[pos:m.start()])
        segs = ctx.fill(m.group(1), tpl[m.end():m.end() + 1])
        if not segs or not "".join(s[0] for s in segs):
            doc.drop_trailing_space()
        else:
            doc.add_segments(segs)
        pos = m.end()
    doc.add(tpl[pos:])


def _sentence(doc: Doc, ctx: _Ctx, slot: str) -> None:
    opts = templates(slot, ctx.split)
    fresh = [o for o in opts if o[0] not in ctx.tids]
    tid, tpl = ctx.rng.choice(fresh or opts)
    ctx.tids.append(tid)
    render(doc, tpl, ctx)


def _article(rng: random.Random, ctx: _Ctx) -> Doc:
    doc = Doc()
    place = ctx.summit[1] if ctx.kind == "lead_sidelines" and rng.random() < 0.5 else ctx.cA.capital
    pc = ctx.summit[2] if place == ctx.summit[1] else ctx.cA.name
    tid, segs = dateline(rng, place, pc or ctx.cA.name, ctx.published, ctx.agency)
    ctx.tids.append(tid)
    doc.add_segments(segs)
    if ctx.kind == "neg":
        _sentence(doc, ctx, "neg_lead")
        body = ["neg_body", "neg_body", "background", "neg_body", "background"][: rng.randint(2, 5)]
    else:
        _sentence(doc, ctx, ctx.kind)
        if not ctx.date_used and rng.random() < 0.8:
            doc.add(" ")
            _sentence(doc, ctx, "date_sentence")
        if ctx.kind in ("lead_in_person", "lead_visit", "lead_received") and not ctx.loc_country and \
                rng.random() < 0.75:
            doc.add(" ")
            _sentence(doc, ctx, "loc_sentence")
        pool = ["discuss", "say_a", "say_b", "quote", "greet", "background", "outcome", "discuss", "say_a"]
        if ctx.kind == "lead_multi":
            pool = ["multi_body", "multi_body", "discuss", "background", "quote"]
        body = rng.sample(pool, rng.randint(2, min(7, len(pool))))
        if rng.random() < 0.4:
            body.append("close")
    for slot in body:
        doc.add("\n\n")
        _sentence(doc, ctx, slot)
        if rng.random() < 0.35:
            doc.add(" ")
            _sentence(doc, ctx, rng.choice(["discuss", "background", "say_a"] if ctx.is_meeting else
                                           ["neg_body", "background"]))
    editors = [ctx.person(rng.choice(COUNTRIES).name, "ambassador") for _ in range(2)]
    tid, segs = credit(rng, ctx.agency, [(e.name, e.key) for e in editors])
    ctx.tids.append(tid)
    ctx.editors = editors
    doc.add_segments(segs)
    return doc


def _summary(ctx: _Ctx, parts: list[P.Person], fmt: str | None) -> str:
    rng = ctx.rng
    top = " and ".join(ctx.topics[:2]) or "bilateral relations"
    if not ctx.is_meeting:
        who = ", ".join(p.name for p in ctx.mentioned.values()) or "Officials"
        return f"No meeting is reported: the article covers statements involving {who} on {top}."
    named = [f"{p.name} ({ROLES[p.role].canonical}, {p.country})" for p in parts[:4]]
    names = ", ".join(named[:-1]) + " and " + named[-1] if len(named) > 1 else "".join(named)
    if len(parts) > 4:
        names = ", ".join(named) + f" and {len(parts) - 4} other participants"
    how = {"in_person": "met", "phone_call": "spoke by phone", "video_call": "held a video call",
           "multilateral_sidelines": "met on the sidelines of a multilateral event"}[fmt or "in_person"]
    where = f" in {ctx.city or ctx.loc_country}" if fmt == "in_person" and (ctx.city or ctx.loc_country) else ""
    s = rng.choice([f"{names} {how}{where} to discuss {top}", f"In talks{where}, {names} {how} and focused on {top}"])
    if ctx.outcomes:
        s += f"; outcome: {ctx.outcomes[0]}"
    return s + "."


def _brief(doc: Doc, ctx: _Ctx) -> dict[str, Any]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for s, e, lab, who in doc.ents:
        if lab == "PARTICIPANT":
            spans.setdefault(who, []).append((s, e))
    everyone = {p.key: p for p in [ctx.A, ctx.B, *ctx.others, *ctx.mentioned.values(), *ctx.editors]}
    parts = sorted((everyone[k] for k in spans), key=lambda p: spans[p.key][0][0])
    fmt = _FORMAT.get(ctx.kind)
    if fmt == "in_person" and ctx.kind == "lead_multi" and ctx.city and ctx.loc_country != ctx.cA.name:
        fmt = "multilateral_sidelines"
    mentioned = []
    for s, e, lab, who in doc.ents:
        if lab == "PERSON" and everyone[who].name not in mentioned:
            mentioned.append(everyone[who].name)

    def org(p: P.Person) -> str | None:
        o = ROLES[p.role].org
        return None if not o else o.replace("{parl}", country(p.country).parliament).replace("{c}", p.country)

    def title(p: P.Person) -> str:
        return f"Speaker of the {country(p.country).parliament}" if p.role == "speaker" else ROLES[p.role].canonical

    loc = None
    if ctx.is_meeting and fmt in ("in_person", "multilateral_sidelines") and (ctx.city or ctx.loc_country):
        loc = Location(city=ctx.city, country=ctx.loc_country)
    countries = list(dict.fromkeys([p.country for p in parts] + ([ctx.loc_country] if loc and ctx.loc_country
                                                                    else [])))
    if not ctx.is_meeting:
        countries = list(ctx.countries_said)
    b = MeetingBrief(is_meeting=ctx.is_meeting, format=fmt if ctx.is_meeting else None,
                     date=ctx.meeting.isoformat() if ctx.is_meeting and ctx.date_used else None, location=loc,
                     participants=[Participant(name=p.name, title=title(p), country=p.country, organization=org(p),
                                               spans=spans[p.key]) for p in parts],
                     mentioned=mentioned, countries=countries, topics=list(ctx.topics),
                     outcomes=list(ctx.outcomes) if ctx.is_meeting else [], summary=_summary(ctx, parts, fmt),
                     model={"name": "synthetic", "version": "1"})
    return b.to_dict()


def generate_one(seed: int, split: str, index: int, officials: list[Official]) -> dict[str, Any]:
    """One record; depends only on ``(seed, split, index)`` and the officials list."""
    rng = random.Random(f"{seed}:{split}:{index}")
    kind = rng.choices([k for k, _ in _KINDS], [w for _, w in _KINDS])[0]
    published = datetime.date(2014, 1, 1) + datetime.timedelta(days=rng.randrange(12 * 365))
    ctx = _Ctx(rng, split, officials, kind, published)
    doc = _article(rng, ctx)
    ents = [{"start": s, "end": e, "label": lab} for s, e, lab, _ in sorted(doc.ents)]
    brief = _brief(doc, ctx)
    rid = f"synth-{split}-{seed}-{index:06d}"
    brief["id"] = rid
    return {"id": rid, "text": doc.text, "published": published.isoformat(), "source": "synthetic",
            "entities": ents, "brief": brief, "meta": {"split": split, "kind": kind, "templates": ctx.tids}}


def generate(n: int = 2000, seed: int = 13, split: str = "train",
             data_dir: str | Path | None = None) -> list[dict[str, Any]]:
    """``n`` synthetic annotation records; same arguments give identical records.

    ``split="heldout"`` uses only held-out templates and person names (disjoint from ``"train"``).
    ``data_dir`` holds ``historyatstate`` (default ``../shared/data``); without it, built-in names are used.
    """
    if split not in ("train", "heldout"):
        raise ValueError(f"split must be 'train' or 'heldout', got {split!r}")
    officials = load_officials(data_dir)
    return [generate_one(seed, split, i, officials) for i in range(n)]


def stats(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Dataset-card numbers: distinct templates, names, countries, format and negative shares."""
    tids, names, ctrs, fmts = set(), set(), set(), Counter()
    for r in records:
        tids.update((r.get("meta") or {}).get("templates", []))
        b = r.get("brief") or {}
        names.update(p["name"] for p in b.get("participants", []))
        names.update(b.get("mentioned", []))
        ctrs.update(b.get("countries", []))
        fmts[b.get("format") if b.get("is_meeting") else "negative"] += 1
    n = max(1, len(records))
    return {"records": len(records), "distinct_templates": len(tids), "distinct_names": len(names),
            "distinct_countries": len(ctrs), "format_share": {k: round(v / n, 3) for k, v in sorted(fmts.items())},
            "negative_share": round(fmts["negative"] / n, 3)}
