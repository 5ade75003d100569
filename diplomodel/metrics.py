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

from typing import Any

from diplomodel.knowledge.geo import country_name
from diplomodel.knowledge.names import clean_name, name_keys, title_f1
from diplomodel.knowledge.text import fold
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

def name_score(pred: str, gold_names: list[str]) -> int:
    """2: same name (honorifics, accents, case, transliteration aside); 1: partial (surname or a
    subset of the words); 0: no match.

    >>> name_score("Ms Gafarova", ["Sahiba Gafarova"]), name_score("Sahiba Gafarova", ["Sahiba Gafarova"])
    (1, 2)
    >>> name_score("Bin Salman", ["Mohammed bin Salman", "MBS"]), name_score("Lavrov", ["Hakan Fidan"])
    (1, 0)
    """
    pk = name_keys(pred)
    best = 0
    for g in gold_names:
        gk = name_keys(g)
        if not pk or not gk:
            continue
        if pk == gk or fold(clean_name(pred)) == fold(clean_name(g)):
            return 2
        small, big = (pk, gk) if len(pk) <= len(gk) else (gk, pk)
        if set(small) <= set(big) and (small[-1] == big[-1] or len(small) > 1 or small[0] != big[0]):
            best = 1
    return best


def _match(pred_names: list[str], gold_names: list[list[str]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (pred index, gold index): exact matches first, then partial."""
    pairs: list[tuple[int, int]] = []
    used_p: set[int] = set()
    used_g: set[int] = set()
    for level in (2, 1):
        for i, p in enumerate(pred_names):
            if i in used_p:
                continue
            for j, g in enumerate(gold_names):
                if j not in used_g and name_score(p, g) >= level:
                    pairs.append((i, j))
                    used_p.add(i)
                    used_g.add(j)
                    break
    return pairs


# ---------------------------------------------------------------------------------------- briefs

def _as_dict(b: MeetingBrief | dict[str, Any]) -> dict[str, Any]:
    return b.to_dict() if isinstance(b, MeetingBrief) else b


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}


def _country(c: str | None) -> str | None:
    return (country_name(c) or c) if c else None


def score_briefs(pred_briefs: list[MeetingBrief | dict[str, Any]],
                 gold_briefs: list[MeetingBrief | dict[str, Any]]) -> dict[str, Any]:
    """Brief-level scores of paired briefs (same order; gold may carry ``aliases`` per participant).

    participants / mentioned: micro P/R/F1 with tolerant name matching; participant_country_acc and
    participant_title_f1 over matched pairs whose gold value is set; is_meeting_acc over all
    documents; date_acc, location_country_acc and format_acc over documents the gold calls a meeting.
    """
    if len(pred_briefs) != len(gold_briefs):
        raise ValueError(f"{len(pred_briefs)} predicted briefs for {len(gold_briefs)} gold briefs")
    tp = n_pred = n_gold = 0
    mtp = m_pred = m_gold = 0
    country_hits = country_n = 0
    title_sum = 0.0
    title_n = 0
    acc = {k: [0, 0] for k in ("is_meeting", "date", "location_country", "format")}
    for pb, gb in zip(pred_briefs, gold_briefs):
        p, g = _as_dict(pb), _as_dict(gb)
        pparts, gparts = p.get("participants") or [], g.get("participants") or []
        pairs = _match([x["name"] for x in pparts],
                       [[x["name"]] + list(x.get("aliases") or []) for x in gparts])
        tp, n_pred, n_gold = tp + len(pairs), n_pred + len(pparts), n_gold + len(gparts)
        for i, j in pairs:
            if gparts[j].get("country"):
                country_n += 1
                country_hits += _country(pparts[i].get("country")) == _country(gparts[j]["country"])
            if gparts[j].get("title"):
                title_n += 1
                title_sum += title_f1(pparts[i].get("title"), gparts[j]["title"])
        pm, gm = p.get("mentioned") or [], g.get("mentioned") or []
        mtp += len(_match(pm, [[x] for x in gm]))
        m_pred, m_gold = m_pred + len(pm), m_gold + len(gm)
        _count(acc, "is_meeting", bool(p.get("is_meeting")) == bool(g.get("is_meeting")))
        if g.get("is_meeting"):
            _count(acc, "date", p.get("date") == g.get("date"))
            _count(acc, "format", p.get("format") == g.get("format"))
            ploc, gloc = p.get("location") or {}, g.get("location") or {}
            _count(acc, "location_country", _country(ploc.get("country")) == _country(gloc.get("country")))
    out: dict[str, Any] = {
        "documents": len(gold_briefs),
        "participants": _prf(tp, n_pred, n_gold),
        "participant_country_acc": country_hits / country_n if country_n else None,
        "participant_title_f1": title_sum / title_n if title_n else None,
        "mentioned": _prf(mtp, m_pred, m_gold),
    }
    for k, (hit, n) in acc.items():
        out[f"{k}_acc"] = hit / n if n else None
    return out


def _count(acc: dict[str, list[int]], key: str, ok: bool) -> None:
    acc[key][0] += int(ok)
    acc[key][1] += 1


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
