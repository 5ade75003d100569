"""Sentence templates of the synthetic corpus, grouped by slot, partitioned into train and held-out.

Placeholders (filled by ``generator``): ``{A}``/``{B}`` a participant with title (style varies), ``{a}``/``{b}``
a later reference (surname, "Mr. X", "the Prime Minister", pronoun), ``{A_name}`` the bare name, ``{Ac}``
``{Ad}`` ``{Acap}`` country / demonym / capital (same for B), ``{date}`` the meeting date phrase,
``{where}`` the meeting place, ``{topics}``/``{topic}``, ``{outcome}``, ``{summit}``, ``{P}`` a person only
mentioned, ``{spok}`` a spokesperson, ``{C3}`` another country, ``{org}`` an international organisation,
``{Aorg}`` A's ministry or parliament, ``{cpB}`` "his Moroccan counterpart", ``{list}`` attendees,
``{year}``, ``{ago}`` a past date expression. An empty optional slot swallows the space before it.

Example:
    >>> from diplomodel.data.synth.templates import templates, TEMPLATES
    >>> tr, ho = templates("lead_in_person", "train"), templates("lead_in_person", "heldout")
    >>> set(t for t, _ in tr).isdisjoint(t for t, _ in ho) and len(ho) >= 1
    True
"""
from __future__ import annotations

import hashlib
from functools import lru_cache

TEMPLATES: dict[str, list[str]] = {
    "lead_in_person": [
        "{A} met with {B} {date} {where}.", "{A} held talks with {B} {date} {where}.",
        "{A} and {B} met {date} {where} to discuss {topics}.", "{A} has met {B} {where}, {agency} reports.",
        "{B} held a meeting with {A} {date} {where}.", "{A} sat down with {B} {date} {where} for talks on {topics}.",
        "{A} and {B} held talks {date} {where}, focusing on {topics}.",
        "{A} met {B} {where} {date}, with {topics} high on the agenda.",
        "Talks between {A} and {B} took place {date} {where}.",
        "{A} and {B} discussed {topics} at a meeting {date} {where}.",
        "{A} held one-on-one talks with {B} {date}, followed by talks in an expanded format {where}.",
        "{A} and {B} reviewed the state of bilateral ties during talks {where} {date}.",
        "Bilateral relations were the focus of talks between {A} and {B} {date} {where}.",
        "{B} and {A} met {date} {where} and pledged to deepen cooperation in {topics}.",
    ],
    "lead_visit": [
        "{B}, who is on an official visit to {Ac}, met with {A} {date}.",
        "{A} received {B}, who is paying a working visit to {Ac}, {date} {where}.",
        "{B} arrived in {Acap} {date} on a two-day official visit and held talks with {A}.",
        "{B} began a state visit to {Ac} {date} with talks with {A} {where}.",
        "On {Bh} first official visit to {Ac}, {B} met {A} {date} {where}.",
        "{A} welcomed {B} to {Acap} {date} at the start of a three-day visit.",
        "{B} was received by {A} {date} {where} as part of {Bh} visit to {Ac}.",
        "During {Bh} visit to {Ac}, {B} held talks with {A} {date}.",
        "{B} is in {Ac} on a working visit and met {A} {date} {where}.",
        "{A} hosted {B} {where} {date} during the latter's official trip to {Ac}.",
    ],
    "lead_received": [
        "{A} received {B} {date} {where}.", "{A} has received {B} {where}, the press service said.",
        "{B} paid a courtesy call on {A} {date} {where}.", "{A} hosted {B} {date} {where}.",
        "{A} {date} received a delegation led by {B} {where}.",
        "{B} called on {A} {where} {date} and the two discussed {topics}.",
        "{A} received the credentials of {B} {date} {where}.",
        "A delegation headed by {B} was received by {A} {date} {where}.",
        "{A} received {B} {where} {date} at the latter's request.",
    ],
    "lead_phone": [
        "{A} held a phone call with {B} {date}.", "{A} and {B} spoke by phone {date}.",
        "{A} had a telephone conversation with {B} {date}, discussing {topics}.",
        "In a phone call {date}, {A} and {B} discussed {topics}.",
        "{B} phoned {A} {date}, the {Aorg} said.", "{A} spoke over the phone with {B} {date}.",
        "{A} received a phone call from {B} {date}.", "{A} and {B} held telephone talks {date}.",
        "{B} called {A} {date} to discuss {topics}.",
    ],
    "lead_video": [
        "{A} held a video call with {B} {date}.", "{A} and {B} held talks via videoconference {date}.",
        "{A} and {B} met virtually {date} to discuss {topics}.",
        "{A} held an online meeting with {B} {date}.", "In a video conference {date}, {A} and {B} reviewed {topics}.",
        "{B} and {A} held a virtual meeting {date}, the {Aorg} said.",
        "{A} joined {B} for video talks {date} on {topics}.",
    ],
    "lead_sidelines": [
        "{A} met {B} on the sidelines of the {summit} {date}.",
        "On the margins of the {summit}, {A} held talks with {B} {date}.",
        "{A} and {B} met {date} on the sidelines of the {summit}.",
        "{A} held a bilateral meeting with {B} on the fringes of the {summit} {date}.",
        "On the sidelines of the {summit} {date}, {A} met with {B}.",
        "{B} and {A} held talks {date} on the margins of the {summit} to discuss {topics}.",
        "{A} held a brief meeting with {B} {date} while attending the {summit}.",
    ],
    "lead_multi": [
        "{A} hosted a meeting {date} {where} attended by {list}.",
        "The foreign ministers of {countries} met {date} {where}: {list}.",
        "A trilateral meeting of {list} took place {date} {where}.",
        "{list} met {date} {where} to coordinate positions on {topics}.",
        "{A} chaired a meeting {date} {where} with {list}.",
        "Leaders including {list} gathered {date} {where} for talks on {topics}.",
    ],
    "where": ["in {cap}", "in {cap}, {ctry}", "at the {venue} in {cap}", "in the {dem} capital", "in {cap}",
              "in {ctry}"],
    "date_sentence": ["The meeting took place {date}.", "The talks were held {date}.", "The sides met {date}.",
                      "The meeting was held {date}, the ministry said.", "The conversation took place {date}."],
    "loc_sentence": ["The talks took place in {cap}.", "The meeting was held at the {venue} in {cap}.",
                     "The meeting took place in {cap}, the {dem} capital.", "The talks were held in {cap}.",
                     "The sides met at the {venue} in {cap}."],
    "discuss": [
        "The sides discussed {topics}.", "The two discussed prospects for cooperation in {topics}.",
        "During the meeting, the parties exchanged views on {topics}.",
        "The officials reviewed cooperation in {topics} and noted the potential for further growth.",
        "They also touched upon {topics}.", "Particular attention was paid to {topics}.",
        "The agenda included {topics}.", "Issues of {topics} were also on the table.",
        "The meeting also focused on {topics}, according to a statement.",
        "The sides noted the importance of {topic} for both countries.",
        "Discussions covered {topics} as well as regional developments.",
        "The parties underlined the need to expand ties in {topics}.",
        "Opportunities in {topics} were explored during the talks.",
    ],
    "say_a": [
        "{a} stressed that {Ac} attaches great importance to relations with {Bc}.",
        "{a} noted that {Ac} is ready to expand cooperation in {topic}.",
        "{a} said bilateral trade had grown steadily but remained below its potential.",
        "According to {a}, the two countries share a common vision on {topic}.",
        "{a} praised the role of {Bc} in promoting {topic} in the region.",
        "{a} briefed {b} on {Ac}'s priorities in {topic}.",
        "{a} highlighted the importance of high-level reciprocal visits.",
        "{a} thanked {Bc} for its support on {topic}.",
        "{a} pointed to {topic} as a promising area for joint projects.",
    ],
    "say_b": [
        "{b} conveyed {Bd} interest in strengthening ties with {Ac}.",
        "For {Bh} part, {b} expressed gratitude for the warm hospitality.",
        "{b} said {Bc} values its partnership with {Ac} and wants to increase investment.",
        "{b} noted that {Bd} companies are interested in projects in {topic}.",
        "{b} underlined {Bc}'s commitment to {topic}.",
        "{b} invited {a} to visit {Bc}, and the invitation was accepted.",
        "{b} said the two governments would work on {topic} in the coming months.",
    ],
    "quote": [
        "“We see great potential in {topic},” {a} said.", "\"Our relations are developing dynamically,\" {b} said.",
        "“{Bc} is a reliable partner for us,” {a} told reporters after the talks.",
        "\"We agreed to move forward on {topic},\" {b} said at a joint press conference.",
        "“There is political will on both sides,” {a} stated.",
        "\"This visit opens a new chapter in our relations,\" {b} told journalists.",
        "“We will continue our dialogue on {topic},” {a} wrote on X after the meeting.",
    ],
    "outcome": [
        "Following the talks, the sides {outcome}.", "At the end of the meeting, the two sides {outcome}.",
        "The two countries also {outcome}.", "In the presence of {a} and {b}, officials {outcome}.",
        "After the meeting, the delegations {outcome}.",
    ],
    "greet": [
        "{b} conveyed the greetings of {P} to {a}.", "{a} asked {b} to convey {Ah} best wishes to {P}.",
        "At the start of the meeting, {b} passed on warm regards from {P}.",
        "{a} recalled {Ah} meeting with {P} last year.",
        "{b} delivered a letter from {P} to {a}.",
    ],
    "background": [
        "Diplomatic relations between {Ac} and {Bc} were established in {year}.",
        "The visit comes after {P} travelled to {C3} {ago}.",
        "{P} is expected to attend a summit in {C3} later this year.",
        "Trade between {Ac} and {Bc} amounted to about ${num} million in {year}.",
        "The two countries are members of the {org} and cooperate closely within it.",
        "{Bc} opened an embassy in {Acap} in {year}.",
        "Earlier, {P} said that relations with {C3} remained a priority.",
        "The initiative was launched by {P} in {year}.",
        "The last round of consultations took place {ago} in {C3}.",
        "{spok} said {ago} that the government welcomed the dialogue.",
        "Speaking at a briefing {ago}, {spok} said the two countries were preparing new agreements.",
    ],
    "close": [
        "{b} is also scheduled to meet {P} during the visit.",
        "The sides agreed to continue contacts at various levels.",
        "The talks ended with a joint press statement.",
        "{a} and {b} later made a joint press statement.",
        "The next round of talks is planned in {Bcap}.",
        "{b} will also visit {city2} before leaving {Ac}.",
    ],
    "multi_body": [
        "The participants discussed {topics}.", "The ministers adopted a joint statement on {topic}.",
        "The meeting focused on {topics} and regional stability.",
        "Participants agreed to meet again next year in {Bcap}.",
        "They exchanged views on {topics} and coordination within the {org}.",
    ],
    # negatives: no meeting reported
    "neg_lead": [
        "{P} sent a message of condolence to {P2} over {disaster} in {C3}.",
        "{spok} said {date} that {Ac} rejected the accusations made by {C3}.",
        "{Ac} announced new sanctions against {C3} {date}, {P} said.",
        "{P} won the presidential election in {Ac}, the election commission said {date}.",
        "{P} addressed {forum} in {Acap} {date}, calling for stronger action on {topic}.",
        "{P} congratulated {P2} on {P2h} election victory in a letter sent {date}.",
        "{P} said in an interview published {date} that {Ac} would not change its policy on {topic}.",
        "{Ac} recalled its ambassador from {C3} {date}, {spok} said.",
        "The {Aorg} issued a statement {date} on {topic}.",
        "{P} signed a decree {date} on {topic}, the presidential press service reported.",
        "{P} announced {Ph} resignation {date} after weeks of protests in {Ac}.",
    ],
    "neg_body": [
        "{P2} thanked {Ac} for its support.", "{P} said {Ac} would continue to support {C3} on {topic}.",
        "The statement called on all parties to show restraint.",
        "{spok} told reporters that the decision was final.",
        "Observers said the move could affect {topic} in the region.",
        "The decision followed {disaster} in {C3} {ago}.",
        "{P} recalled that {Ac} had raised the issue at the {org}.",
        "Opposition politicians criticised the move, saying it would hurt {topic}.",
        "The {org} has not yet commented on the matter.",
        "{P2}, {P2_role} of {C3}, is expected to respond later this week.",
    ],
}

VENUES_GENERIC = ["Presidential Palace", "Foreign Ministry", "Government House", "Parliament building",
                  "Prime Minister's Office", "State Guest House", "Ministry of Foreign Affairs"]
VENUES_BY_COUNTRY = {"Russia": "Kremlin", "Kazakhstan": "Akorda", "France": "Élysée Palace",
                     "China": "Great Hall of the People", "United States": "White House", "Turkey": "Beştepe "
                     "Presidential Complex", "India": "Hyderabad House", "Azerbaijan": "Zagulba residence"}


def _h(s: str) -> int:
    return int.from_bytes(hashlib.md5(s.encode("utf-8")).digest()[:4], "big")


@lru_cache(maxsize=None)
def _partition(slot: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    items = [(f"{slot}/{i}", t) for i, t in enumerate(TEMPLATES[slot])]
    ranked = sorted(items, key=lambda it: _h(it[0]))
    k = max(1, round(0.2 * len(items)))
    held = {tid for tid, _ in ranked[:k]}
    return (tuple(it for it in items if it[0] not in held), tuple(it for it in items if it[0] in held))


def templates(slot: str, split: str) -> list[tuple[str, str]]:
    """``[(template_id, template)]`` of ``slot`` for ``split`` ("train" or "heldout")."""
    train, held = _partition(slot)
    return list(held if split == "heldout" else train)


def template_inventory() -> dict[str, dict[str, int]]:
    """Number of templates per slot and split.

    >>> template_inventory()["lead_phone"]["train"] > 0
    True
    """
    return {slot: {"train": len(_partition(slot)[0]), "heldout": len(_partition(slot)[1])} for slot in TEMPLATES}
