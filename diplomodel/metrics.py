"""Scores: entity-level seqeval scores for tag sequences, and brief-level scores.

Example:
    >>> from diplomodel.metrics import entity_scores, score_briefs, format_scores
    >>> entity_scores([["B-PERSON", "I-PERSON", "O"]], [["B-PERSON", "I-PERSON", "O"]])["overall"]["f1"]
    1.0
    >>> gold = [{"is_meeting": True, "format": "in_person", "date": "2023-12-15",
    ...          "location": {"city": None, "country": "Morocco"},
    ...          "participants": [{"name": "Aziz Akhannouch", "aliases": [], "title": "Prime Minister",
    ...                            "country": "Morocco"}], "mentioned": ["Ilham Aliyev"]}]
    >>> pred = [{"is_meeting": True, "format": "in_person", "date": "2023-12-15",
    ...          "location": {"city": "Rabat", "country": "Morocco"},
    ...          "participants": [{"name": "Mr Akhannouch", "title": "Prime Minister", "country": "Morocco"}],
    ...          "mentioned": []}]
    >>> s = score_briefs(pred, gold)
    >>> s["participants"]["f1"], s["participant_country_acc"], s["mentioned"]["recall"]
    (1.0, 1.0, 0.0)
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from diplomodel.knowledge.geo import country_name
from diplomodel.knowledge.names import title_f1  # noqa: F401  (scored here too; its home is knowledge.names)
from diplomodel.schema import MeetingBrief

# ---------------------------------------------------------------------------------------- tags


def entity_scores(true_tags: list[list[str]], pred_tags: list[list[str]]) -> dict[str, Any]:
    """Entity-level precision/recall/F1 (seqeval, conlleval-style), overall and per label.

    >>> s = entity_scores([["B-COUNTRY", "O", "B-DATE"]], [["B-COUNTRY", "O", "O"]])
    >>> s["overall"]["precision"], s["overall"]["recall"], s["DATE"]["support"]
    (1.0, 0.5, 1)
    """
    from seqeval.metrics import classification_report

    if not any(any(t != "O" for t in seq) for seq in true_tags):
        return {"overall": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}}
    rep = classification_report(true_tags, pred_tags, output_dict=True, zero_division=0)
    out: dict[str, Any] = {}
    for label, row in rep.items():
        key = "overall" if label == "micro avg" else label
        if label in ("macro avg", "weighted avg"):
            continue
        out[key] = {"precision": float(row["precision"]), "recall": float(row["recall"]),
                    "f1": float(row["f1-score"]), "support": int(row["support"])}
    return out


# ---------------------------------------------------------------------------------------- names
# The definitions of ../shared/eval/score.py (its README), the scorer behind every acceptance
# figure: names compared as token sets with case, accents, forms of address and name particles
# folded away; countries compared as ISO codes.

#: Words a name match ignores: forms of address and the ranks written before a name.
NAME_HONORIFICS = frozenset("""mr mrs ms dr h.e he his her excellency highness majesty hon honourable
honorable prof professor sir madam shri smt gen general lt col admiral amb ambassador president minister
prime speaker king queen emir crown prince senator rep""".split())
NAME_PARTICLES = frozenset({"al", "bin", "ibn", "el", "de", "da", "van", "von"})


def _fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return "".join(c for c in s if not unicodedata.combining(c)).lower().strip()


def name_tokens(name: str | None) -> list[str]:
    """The words a name match compares (all of them if only honorifics are left).

    >>> name_tokens("Dr Mohammed bin Salman"), name_tokens("President")
    (['mohammed', 'salman'], ['president'])
    """
    toks = re.findall(r"[a-z0-9]+", _fold(name).replace("-", " "))
    return [t for t in toks if t not in NAME_HONORIFICS and t not in NAME_PARTICLES] or toks


def name_match(pred: str | None, gold_names: list[str]) -> bool:
    """Whether ``pred`` names one of ``gold_names``: the token sets share a word and one holds the
    other or they overlap by half (Jaccard).

    >>> name_match("Ms Gafarova", ["Sahiba Gafarova"]), name_match("Sergey Lavrov", ["Sergei Lavrov"])
    (True, False)
    >>> name_match("Bin Salman", ["Mohammed bin Salman", "MBS"]), name_match("Lavrov", ["Hakan Fidan"])
    (True, False)
    """
    p = set(name_tokens(pred))
    if not p:
        return False
    for g in gold_names:
        gt = set(name_tokens(g))
        inter = p & gt
        if inter and (p <= gt or gt <= p or len(inter) / len(p | gt) >= 0.5):
            return True
    return False


def _pairs(pred_names: list[str], gold_names: list[list[str]]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index): each prediction takes the first free gold it names."""
    pairs, used = [], set()
    for i, p in enumerate(pred_names):
        j = next((j for j, g in enumerate(gold_names) if j not in used and name_match(p, g)), None)
        if j is not None:
            used.add(j)
            pairs.append((i, j))
    return pairs


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    """Our English short names (``country_name``) -> ISO alpha-3, through the names pycountry knows."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            canonical = country_name(getattr(c, attr, None))
            if canonical:
                out.setdefault(canonical, c.alpha_3)
    return out


def country_key(name: str | None) -> str | None:
    """An ISO 3166 alpha-3 code for a country name, official name or common alias; a nationality
    adjective is not a country name and, like anything unknown, stays its folded self.

    >>> [country_key(x) for x in ["the U.S.", "Viet Nam", "Türkiye", "Turkey", "Kingdom of Morocco", "Moroccan", None]]
    ['USA', 'VNM', 'TUR', 'TUR', 'MAR', 'moroccan', None]
    """
    if not name:
        return None
    import pycountry

    from diplomodel.data.importers._common import is_country, is_demonym

    folded = _fold(name)
    folded = folded[4:] if folded.startswith("the ") else folded
    if is_demonym(name) and not is_country(name):
        return folded
    canonical = country_name(name)
    if canonical in _codes():
        return _codes()[canonical]
    try:
        return pycountry.countries.lookup(folded).alpha_3
    except LookupError:
        pass
    try:
        return pycountry.countries.search_fuzzy(folded)[0].alpha_3
    except LookupError:
        return folded


_TOPIC_STOP = frozenset("""the of and a an in on for to with between two countries bilateral cooperation
relations ties issues matters sides their its as at by from further development developing enhancing
strengthening 's s""".split())


def _content_tokens(s: str | None) -> set[str]:
    out = set()
    for t in re.findall(r"[a-z0-9]+", _fold(s)):
        if t in _TOPIC_STOP:
            continue
        for suf in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "es", "s"):
            if len(t) > len(suf) + 3 and t.endswith(suf):
                t = t[:-len(suf)]
                break
        out.add(t)
    return out


def title_token_f1(pred: str | None, gold: str | None) -> float:
    """Token F1 of two titles over their content words (common words dropped, plurals and
    -ation/-ment endings folded), as the acceptance scorer counts it.

    >>> round(title_token_f1("Foreign Minister", "Minister of Foreign Affairs"), 3), title_token_f1(None, "Speaker")
    (0.8, 0.0)
    """
    a, b = _content_tokens(pred), _content_tokens(gold)
    if not a and not b:
        return 1.0
    inter = len(a & b)
    if not inter:
        return 0.0
    p, r = inter / len(a), inter / len(b)
    return 2 * p * r / (p + r)


# ---------------------------------------------------------------------------------------- briefs

def _as_dict(b: MeetingBrief | dict[str, Any]) -> dict[str, Any]:
    return b.to_dict() if isinstance(b, MeetingBrief) else b


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def score_briefs(pred_briefs: list[MeetingBrief | dict[str, Any]],
                 gold_briefs: list[MeetingBrief | dict[str, Any]]) -> dict[str, Any]:
    """Brief-level scores of paired briefs (same order; gold may carry ``aliases`` per participant).

    The definitions of the acceptance scorer (``../shared/eval/score.py``, see its README):
    participants micro P/R/F1 by :func:`name_match` (any alias counts, one gold person per
    prediction); participant country accuracy (:func:`country_key`) and title token-F1
    (:func:`title_token_f1`) over matched participants whose gold has one; date accuracy over
    briefs whose gold has a date, ``date_false_positives`` the briefs given a date where gold has
    none; location country and city accuracy over briefs whose gold has one; format accuracy over
    briefs whose gold has one; is_meeting accuracy over all (a prediction without ``is_meeting``
    is a meeting when it names participants). ``mentioned`` P/R/F1 is ours.
    """
    if len(pred_briefs) != len(gold_briefs):
        raise ValueError(f"{len(pred_briefs)} predicted briefs for {len(gold_briefs)} gold briefs")
    tp = n_pred = n_gold = 0
    mtp = m_pred = m_gold = 0
    country, title, acc = [0, 0], [0.0, 0], {k: [0, 0] for k in (
        "is_meeting", "date", "location_country", "location_city", "format")}
    date_false = 0
    for pb, gb in zip(pred_briefs, gold_briefs):
        p, g = _as_dict(pb), _as_dict(gb)
        pparts = [x if isinstance(x, dict) else {"name": x} for x in p.get("participants") or []]
        gparts = g.get("participants") or []
        pairs = _pairs([x.get("name") or "" for x in pparts],
                       [[x["name"]] + list(x.get("aliases") or []) for x in gparts])
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(pparts), n_gold + len(gparts)
        for i, j in pairs:
            if gparts[j].get("country"):
                _count(country, country_key(pparts[i].get("country")) == country_key(gparts[j]["country"]))
            if gparts[j].get("title"):
                title[0] += title_token_f1(pparts[i].get("title"), gparts[j]["title"])
                title[1] += 1
        pm, gm = p.get("mentioned") or [], g.get("mentioned") or []
        mtp += len(_pairs(pm, [[x] for x in gm]))
        m_pred, m_gold = m_pred + len(pm), m_gold + len(gm)
        _count(acc["is_meeting"], bool(p.get("is_meeting", bool(pparts))) == bool(g.get("is_meeting")))
        if g.get("date"):
            _count(acc["date"], (p.get("date") or "")[:10] == g["date"])
        elif p.get("date"):
            date_false += 1
        gloc, ploc = g.get("location") or {}, p.get("location") or {}
        if isinstance(ploc, str):
            ploc = {"city": ploc, "country": ploc}
        if gloc.get("country"):
            _count(acc["location_country"], country_key(ploc.get("country")) == country_key(gloc["country"]))
        if gloc.get("city"):
            _count(acc["location_city"], bool(ploc.get("city")) and name_match(ploc.get("city"), [gloc["city"]]))
        if g.get("format"):
            _count(acc["format"], (p.get("format") or "") == g["format"])
    out: dict[str, Any] = {
        "documents": len(gold_briefs),
        "participants": _prf(tp, n_pred, n_gold),
        "participant_country_acc": country[0] / country[1] if country[1] else None,
        "participant_title_f1": title[0] / title[1] if title[1] else None,
        "mentioned": _prf(mtp, m_pred, m_gold),
    }
    for k, (hit, n) in acc.items():
        out[f"{k}_acc"] = hit / n if n else None
    out["date_false_positives"] = date_false
    return out


def _count(cell: list, ok: bool) -> None:
    cell[0] += int(ok)
    cell[1] += 1


def format_scores(scores: dict[str, Any]) -> str:
    """A readable block of ``score_briefs`` (or ``entity_scores``) output.

    >>> print(format_scores({"documents": 2, "date_acc": 0.5, "format_acc": None}))
    documents                  2
    date_acc               0.500
    format_acc               n/a
    """
    lines = []
    for k, v in scores.items():
        if isinstance(v, dict):
            inner = "  ".join(f"{ik}={iv:.3f}" if isinstance(iv, float) else f"{ik}={iv}" for ik, iv in v.items())
            lines.append(f"{k:<22} {inner}")
        elif v is None:
            lines.append(f"{k:<22} {'n/a':>5}")
        elif isinstance(v, float):
            lines.append(f"{k:<22} {v:>5.3f}")
        else:
            lines.append(f"{k:<22} {v:>5}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ summaries

def phrase_covered(gold_phrase: str, pred_phrases: list[str]) -> bool:
    """Whether a predicted phrase holds at least half of ``gold_phrase``'s content words (a phrase
    of common words only, such as "bilateral relations", is compared on its plain words), as the
    acceptance scorer counts topics and outcomes.

    >>> phrase_covered("economic ties", ["trade and economic cooperation"]), phrase_covered("tourism", ["trade"])
    (True, False)
    """
    g = _content_tokens(gold_phrase)
    raw = not g
    if raw:
        g = set(re.findall(r"[a-z0-9]+", _fold(gold_phrase)))
        if not g:
            return False
    for p in pred_phrases:
        pt = set(re.findall(r"[a-z0-9]+", _fold(p))) if raw else _content_tokens(p)
        if pt and len(g & pt) / len(g) >= 0.5:
            return True
    return False


def summary_scores(pred_briefs: list[MeetingBrief | dict[str, Any]],
                   gold_briefs: list[MeetingBrief | dict[str, Any]]) -> dict[str, Any]:
    """Topic recall/precision and outcome recall (:func:`phrase_covered`, pooled over briefs) and
    mean ROUGE-1/2/L F of summaries against gold briefs that have one (``rouge-score``, stemmed).

    >>> s = summary_scores([{"topics": ["trade", "energy"], "summary": "A met B."}],
    ...                    [{"topics": ["trade"], "outcomes": ["a deal"], "summary": "A met B in Rabat."}])
    >>> s["topic_recall"], s["topic_precision"], s["outcome_recall"], round(s["rougeL"], 3)
    (1.0, 0.5, 0.0, 0.75)
    """
    from rouge_score import rouge_scorer

    rs = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    cov = [0, 0, 0, 0, 0, 0]   # topic hits, gold topics, precise preds, pred topics, outcome hits, gold outcomes
    rouge: dict[str, list[float]] = {"rouge1": [], "rouge2": [], "rougeL": []}
    for pb, gb in zip(pred_briefs, gold_briefs):
        p, g = _as_dict(pb), _as_dict(gb)
        pt, gt = p.get("topics") or [], g.get("topics") or []
        cov[0] += sum(phrase_covered(t, pt) for t in gt)
        cov[1] += len(gt)
        cov[2] += sum(phrase_covered(t, gt) for t in pt)
        cov[3] += len(pt)
        go = g.get("outcomes") or []
        cov[4] += sum(phrase_covered(o, p.get("outcomes") or []) for o in go)
        cov[5] += len(go)
        if g.get("summary"):
            for k, v in rs.score(g["summary"], p.get("summary") or "").items():
                rouge[k].append(v.fmeasure)
    out: dict[str, Any] = {"topic_recall": cov[0] / cov[1] if cov[1] else None,
                           "topic_precision": cov[2] / cov[3] if cov[3] else None,
                           "outcome_recall": cov[4] / cov[5] if cov[5] else None}
    out.update({k: sum(v) / len(v) if v else None for k, v in rouge.items()})
    out["summaries"] = len(rouge["rougeL"])
    return out
