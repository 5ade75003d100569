"""Roles (title wordings), topics, outcomes and other phrase inventories of the synthetic corpus.

Example:
    >>> from diplomodel.data.synth.lexicon import ROLES, TOPICS, OUTCOMES
    >>> ROLES["foreign_minister"].titles[0]
    'Foreign Minister'
    >>> len(TOPICS) > 50 and len(OUTCOMES) > 20
    True
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    """A role: title wordings before a name, lowercase wordings after it, the bare reference and org."""

    key: str
    titles: tuple[str, ...]          # "Foreign Minister Name"
    after: tuple[str, ...]           # "Name, the foreign minister of X"
    org: str | None                  # organisation pattern; {parl} / {c} substituted
    canonical: str                   # title for the brief


ROLES: dict[str, Role] = {r.key: r for r in [
    Role("president", ("President",), ("president", "head of state"), None, "President"),
    Role("prime_minister", ("Prime Minister", "Premier"), ("prime minister", "premier", "head of government"),
         "Government of {c}", "Prime Minister"),
    Role("vice_president", ("Vice President", "Vice-President"), ("vice president",), None, "Vice President"),
    Role("foreign_minister", ("Foreign Minister", "Minister of Foreign Affairs", "Minister for Foreign Affairs",
                              "Foreign Affairs Minister"), ("foreign minister", "minister of foreign affairs",
                                                            "top diplomat"), "Ministry of Foreign Affairs",
         "Foreign Minister"),
    Role("deputy_fm", ("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs", "Vice Foreign Minister"),
         ("deputy foreign minister",), "Ministry of Foreign Affairs", "Deputy Foreign Minister"),
    Role("speaker", ("Speaker", "Parliament Speaker", "Chairman"), ("speaker", "parliament speaker"),
         "{parl}", "Speaker"),
    Role("defense_minister", ("Defense Minister", "Minister of Defence", "Minister of National Defense",
                              "Defence Minister"), ("defense minister", "minister of defence"),
         "Ministry of Defense", "Defense Minister"),
    Role("economy_minister", ("Economy Minister", "Minister of Economy", "Minister of Economic Development"),
         ("economy minister",), "Ministry of Economy", "Economy Minister"),
    Role("trade_minister", ("Trade Minister", "Minister of Trade", "Minister of Commerce and Industry",
                            "Minister of Industry and Trade"), ("trade minister",), "Ministry of Trade",
         "Trade Minister"),
    Role("energy_minister", ("Energy Minister", "Minister of Energy", "Minister of Energy and Natural Resources"),
         ("energy minister",), "Ministry of Energy", "Energy Minister"),
    Role("interior_minister", ("Interior Minister", "Minister of Internal Affairs", "Home Minister"),
         ("interior minister",), "Ministry of Internal Affairs", "Interior Minister"),
    Role("health_minister", ("Health Minister", "Minister of Health"), ("health minister",), "Ministry of Health",
         "Health Minister"),
    Role("education_minister", ("Education Minister", "Minister of Education", "Minister of Science and "
                                "Higher Education"), ("education minister",), "Ministry of Education",
         "Education Minister"),
    Role("agriculture_minister", ("Agriculture Minister", "Minister of Agriculture"), ("agriculture minister",),
         "Ministry of Agriculture", "Agriculture Minister"),
    Role("transport_minister", ("Transport Minister", "Minister of Digital Development and Transport",
                                "Minister of Transport and Communications"), ("transport minister",),
         "Ministry of Transport", "Transport Minister"),
    Role("ambassador", ("Ambassador",), ("ambassador",), "Embassy of {c}", "Ambassador"),
    Role("chief_of_staff", ("Chief of the General Staff",), ("army chief",), "Armed Forces", "Chief of Staff"),
]}

#: Country-specific wordings of the foreign minister's title.
FM_LOCAL = {"United States": ("Secretary of State",), "United Kingdom": ("Foreign Secretary",),
            "India": ("External Affairs Minister",), "Australia": ("Foreign Minister",),
            "Canada": ("Minister of Foreign Affairs",)}

#: Roles of the second side by the first side's role (same rank meets same rank, mostly).
COUNTERPART = {"president": ("president", "prime_minister", "foreign_minister", "speaker"),
               "prime_minister": ("prime_minister", "president", "foreign_minister", "speaker"),
               "speaker": ("speaker", "prime_minister", "ambassador", "president"),
               "foreign_minister": ("foreign_minister", "deputy_fm", "ambassador", "president"),
               "deputy_fm": ("deputy_fm", "ambassador", "foreign_minister"),
               "defense_minister": ("defense_minister", "chief_of_staff", "ambassador"),
               "economy_minister": ("economy_minister", "trade_minister", "ambassador"),
               "trade_minister": ("trade_minister", "economy_minister", "ambassador"),
               "energy_minister": ("energy_minister", "economy_minister", "ambassador"),
               "interior_minister": ("interior_minister", "ambassador"),
               "health_minister": ("health_minister", "ambassador"),
               "education_minister": ("education_minister", "ambassador"),
               "agriculture_minister": ("agriculture_minister", "ambassador"),
               "transport_minister": ("transport_minister", "ambassador")}

# (phrase as written, topic label for the brief)
TOPICS: list[tuple[str, str]] = [
    ("trade and economic cooperation", "trade"), ("bilateral trade", "trade"), ("energy security", "energy"),
    ("cooperation in the energy sector", "energy"), ("renewable energy", "renewable energy"),
    ("gas supplies", "energy"), ("transport and logistics", "transport"), ("the Middle Corridor", "transport"),
    ("railway connectivity", "transport"), ("humanitarian demining", "demining"), ("mine clearance", "demining"),
    ("climate action", "climate"), ("climate finance", "climate"), ("irregular migration", "migration"),
    ("labour migration", "migration"), ("regional security", "security"), ("counter-terrorism", "security"),
    ("defence cooperation", "defence"), ("military-technical cooperation", "defence"),
    ("public health", "health"), ("vaccine production", "health"), ("education and student exchanges",
                                                                    "education"),
    ("scholarships for students", "education"), ("investment", "investment"),
    ("mutual investment protection", "investment"), ("a visa-free regime", "visa regime"),
    ("visa facilitation", "visa regime"), ("tourism", "tourism"), ("agriculture", "agriculture"),
    ("food security", "food security"), ("water management", "water"), ("digital transformation", "digital"),
    ("cybersecurity", "cybersecurity"), ("artificial intelligence", "technology"),
    ("space research", "space"), ("culture and people-to-people contacts", "culture"),
    ("inter-parliamentary cooperation", "parliamentary cooperation"),
    ("the situation in the Middle East", "Middle East"), ("the situation in Gaza", "Middle East"),
    ("the war in Ukraine", "Ukraine"), ("the peace process in the South Caucasus", "South Caucasus"),
    ("nuclear non-proliferation", "non-proliferation"), ("the reform of the UN Security Council", "UN reform"),
    ("maritime security", "maritime security"), ("fisheries", "fisheries"), ("the green hydrogen partnership",
                                                                              "hydrogen"),
    ("critical minerals", "critical minerals"), ("pharmaceuticals", "health"), ("the textile industry",
                                                                                "industry"),
    ("the automotive industry", "industry"), ("customs procedures", "customs"), ("consular issues", "consular"),
    ("the return of displaced persons", "displaced persons"), ("post-conflict reconstruction", "reconstruction"),
    ("disaster risk reduction", "disaster management"), ("judicial cooperation", "justice"),
    ("the fight against drug trafficking", "drug trafficking"), ("youth and sports", "sports"),
    ("women's empowerment", "gender"), ("the civil aviation sector", "aviation"), ("direct flights", "aviation"),
    ("banking and finance", "finance"), ("small and medium-sized enterprises", "SMEs"),
    ("science and innovation", "science"), ("the Black Sea grain corridor", "food security"),
    ("electricity interconnection", "energy"), ("oil and gas exploration", "energy"),
    ("peacekeeping", "peacekeeping"), ("port infrastructure", "ports"), ("free trade agreement talks", "trade"),
]

# (phrase as written after "the sides", outcome for the brief); {t} = a topic phrase
OUTCOMES: list[tuple[str, str]] = [
    ("signed a memorandum of understanding on {t}", "MoU on {t} signed"),
    ("signed an agreement on {t}", "agreement on {t} signed"),
    ("agreed to set up a joint working group on {t}", "joint working group on {t} to be set up"),
    ("agreed to establish an intergovernmental commission", "intergovernmental commission to be established"),
    ("agreed to hold the next session of the joint commission next year", "next joint commission session "
                                                                            "agreed"),
    ("signed a roadmap for {t}", "roadmap for {t} signed"),
    ("adopted a joint declaration on strategic partnership", "joint declaration on strategic partnership"),
    ("agreed to increase bilateral trade to $5 billion", "target to raise trade to $5 billion"),
    ("agreed to launch direct flights between the two capitals", "direct flights to be launched"),
    ("agreed to open a trade mission", "trade mission to be opened"),
    ("signed a protocol on political consultations", "protocol on political consultations signed"),
    ("agreed on a visa waiver for holders of diplomatic passports", "visa waiver for diplomatic passports"),
    ("agreed to hold a business forum", "business forum to be held"),
    ("exchanged documents on {t}", "documents on {t} exchanged"),
    ("signed an action plan on {t}", "action plan on {t} signed"),
    ("agreed to intensify consultations on {t}", "consultations on {t} to intensify"),
    ("signed a programme of cooperation for 2025-2027", "cooperation programme signed"),
    ("agreed to create a joint investment fund", "joint investment fund to be created"),
    ("signed a loan agreement worth $200 million", "$200 million loan agreement signed"),
    ("agreed to open a consulate general", "consulate general to be opened"),
    ("launched a high-level strategic dialogue", "high-level strategic dialogue launched"),
    ("agreed on a joint statement", "joint statement agreed"),
    ("signed an extradition treaty", "extradition treaty signed"),
    ("agreed to step up cooperation on {t}", "closer cooperation on {t}"),
]
INVITE_OUTCOME = "invitation to visit {c} accepted"

DISASTERS = ["the devastating earthquake", "the deadly floods", "the wildfires", "the plane crash",
             "the terrorist attack", "the landslide", "the mine explosion", "the tragic ferry accident"]
FORUMS = ["an international conference on climate", "a business forum", "a university graduation ceremony",
          "the opening of a new session of parliament", "a conference on regional connectivity",
          "an energy forum", "a security conference"]
