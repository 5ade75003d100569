"""The ``diplomodel`` command: brief one article or a JSONL batch, show the model in use.

Examples (shell)::

    diplomodel brief examples/phone_call.txt                 # JSON brief on stdout
    diplomodel brief article.txt --format markdown --published 2024-05-03
    cat article.txt | diplomodel brief -
    diplomodel brief --input in.jsonl --output out.jsonl     # batched, resumable
    diplomodel brief --input in.jsonl --output out.jsonl --ray auto   # the same on a Ray cluster
    diplomodel info
    diplomodel select --input pool.jsonl --n 50 --out tasks.json       # what to annotate next
    diplomodel train --annotations export.json --out models/mine       # retrain on your annotations

Bad input (non-UTF-8, malformed JSONL, missing ``text``, unknown date) prints one message naming
the file, line and field on stderr and exits with status 2; nothing is written in that case. A
second batch on an output file another process is writing is refused the same way (a lock).

>>> from diplomodel.cli import main
>>> main(["brief", "--published", "yesterday-ish", "x.txt"])  # doctest: +SKIP
2
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from diplomodel.errors import DiplomodelError, InputError

EXIT_OK, EXIT_BAD_INPUT, EXIT_INTERRUPTED = 0, 2, 130


def build_parser() -> argparse.ArgumentParser:
    """The argparse tree: ``brief``, ``info``, ``select`` and ``train``."""
    from diplomodel import __version__

    parser = argparse.ArgumentParser(prog="diplomodel", description="Structured meeting briefs "
                                     "from diplomatic news: who met whom, when, where, about what.")
    parser.add_argument("--version", action="version", version=f"diplomodel {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def model_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--model", metavar="DIR", help="model dir (default: $DIPLOMODEL_MODEL_DIR "
                       "or models/default)")
        p.add_argument("--device", default="auto", help="auto (cuda if available), cpu, cuda, cuda:1 ...")
        p.add_argument("--int8", action=argparse.BooleanOptionalAction, default=None,
                       help="int8 encoder weights on CPU (default: the model's CPU default; "
                       "--no-int8 forces fp32)")
        p.add_argument("--threads", type=int, metavar="N", help="CPU workers, one core each (default: $OMP_NUM_THREADS or the usable cores)")

    p = sub.add_parser("brief", help="brief an article (FILE or - for stdin) or a JSONL batch (--input)")
    p.add_argument("file", nargs="?", metavar="FILE", help="article text file, or - for stdin")
    p.add_argument("--input", metavar="IN.jsonl", help='JSONL, one {"id", "text", "published"?} per line')
    p.add_argument("--output", metavar="OUT.jsonl", help="JSONL briefs; rerunning resumes (default: stdout)")
    p.add_argument("--format", choices=("json", "markdown"), default="json", help="single-article output")
    p.add_argument("--published", metavar="DATE", help="publication date YYYY-MM-DD (resolves 'on Monday'); "
                   "for --input, the default of records without one")
    p.add_argument("--batch-size", type=int, default=16, metavar="N", help="documents per batch (16)")
    p.add_argument("--no-summary", action="store_true", help="skip the summary (faster)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    p.add_argument("--ray", nargs="?", const="", default=None, metavar="ADDRESS",
                   help="run --input on Ray Data: a local instance, or the cluster at ADDRESS "
                   "('auto' inside one, ray://head:10001 from outside); needs diplomodel[distributed]")
    p.add_argument("--ray-actors", type=int, metavar="N", help="with --ray: model actors (default: "
                   "one per cluster CPU)")
    p.add_argument("--shards", action="store_true", help="with --ray: --output is a directory the "
                   "workers write JSONL shards into (default: one file in input order)")
    model_args(p)

    p = sub.add_parser("info", help="show the model dir, versions, base weights and device")
    model_args(p)

    p = sub.add_parser("select", help="rank unlabelled articles for annotation; write Label Studio tasks")
    p.add_argument("--input", required=True, metavar="POOL.jsonl", help='JSONL of {"id", "text", "published"?}')
    p.add_argument("--n", type=int, default=50, help="how many articles to pick (50)")
    p.add_argument("--out", required=True, metavar="TASKS.json", help="Label Studio tasks with the "
                   "model's predictions; the labelling config is written beside it (TASKS.xml)")
    p.add_argument("--annotated", nargs="*", default=[], metavar="FILE",
                   help="annotation files already done (their articles count against novelty)")
    p.add_argument("--summarizer", action="store_true", help="also weigh the summarizer's disagreement (slow)")
    model_args(p)

    p = sub.add_parser("train", help="retrain on annotation files (runs training/retrain.py)")
    p.add_argument("--annotations", nargs="+", required=True, metavar="FILE",
                   help="Label Studio JSON, doccano JSONL, brief JSONL, records JSONL or CoNLL")
    p.add_argument("--from", dest="init_from", metavar="DIR", help="model dir to continue (models/default)")
    p.add_argument("--out", required=True, metavar="DIR", help="the new model dir")
    p.add_argument("--skip-invalid", action="store_true", help="leave bad records out and count them")
    p.add_argument("--heldout", type=float, help="part of the annotations held out to compare on (0.2)")
    p.add_argument("--seed", type=int)
    p.add_argument("--weight", type=float, help="copies of the annotations in the training mix")
    p.add_argument("--max-steps", type=int, help="training steps")
    p.add_argument("--dev", metavar="GOLD.jsonl", help="gold briefs to compare old and new on")
    p.add_argument("--data-config", metavar="YAML", help="the base data and mixture (configs/data.yaml)")
    p.add_argument("--tagger-config", metavar="YAML", help="the schedule (configs/tagger_finetune.yaml)")
    p.add_argument("--summarizer", action="store_true", help="retrain the summarizer on briefs with summaries too")
    p.add_argument("--summarizer-config", metavar="YAML", help="its recipe (configs/summarizer_more.yaml)")
    p.add_argument("--summarizer-steps", type=int, help="summarizer training steps")
    p.add_argument("--resume", action="store_true", help="continue a killed run")
    p.add_argument("--overwrite", action="store_true", help="replace an existing --out dir")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``diplomodel`` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "info":
            return _info(args)
        if args.command == "select":
            return _select(args)
        if args.command == "train":
            return _train(args)
        return _brief(args, parser)
    except DiplomodelError as exc:
        print(f"diplomodel: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("diplomodel: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK


def _log_to_stderr(quiet: bool) -> None:
    """diplomodel's warnings (the grounding guard's drops) as ``diplomodel: ...`` lines on stderr;
    ``--quiet`` keeps errors only."""
    import logging

    log = logging.getLogger("diplomodel")
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("diplomodel: %(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.ERROR if quiet else logging.WARNING)


def _load(args: argparse.Namespace, batch_size: int = 16):
    from transformers.utils import logging as hf_logging

    from diplomodel.briefer import Briefer

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()  # the CLI's own bar is the only one
    _log_to_stderr(quiet=bool(getattr(args, "quiet", False)))

    if args.threads is not None and args.threads < 1:
        raise InputError("must be at least 1", field="--threads")
    return Briefer.from_pretrained(args.model, device=args.device, batch_size=batch_size,
                                   quantize=args.int8, threads=args.threads)


def _info(args: argparse.Namespace) -> int:
    print(json.dumps(_load(args).info(), indent=2, ensure_ascii=False))
    return EXIT_OK


def _select(args: argparse.Namespace) -> int:
    from diplomodel.data.annotations import read_annotations
    from diplomodel.data.export import labeling_config, to_labelstudio, write_labelstudio
    from diplomodel.jsonl import read_records
    from diplomodel.selection import select

    if args.n < 1:
        raise InputError("must be at least 1", field="--n")
    out = Path(args.out)
    if not out.resolve().parent.is_dir():
        raise InputError("output folder does not exist", file=args.out)
    pool = read_records(args.input)
    done, _ = read_annotations(args.annotated) if args.annotated else ([], 0)
    briefer = _load(args)
    records = [{"id": r.id, "text": r.text, "published": r.published.isoformat() if r.published else None}
               for r in pool]
    picked = select(briefer, records, args.n, [d["text"] for d in done], summarizer=args.summarizer)
    tasks = to_labelstudio([records[c.index]["text"] for c in picked], [c.entities for c in picked],
                           ids=[records[c.index]["id"] for c in picked],
                           published=[records[c.index]["published"] for c in picked],
                           model_version=f"{briefer.name} {briefer.version}")
    for task, c in zip(tasks, picked):
        task["meta"] = {"selection_score": round(c.score, 4), "uncertainty": round(c.uncertainty, 4),
                        "disagreement": round(c.disagreement, 4), "novelty": round(c.novelty, 4)}
    write_labelstudio(out, tasks)
    out.with_suffix(".xml").write_text(labeling_config() + "\n", "utf-8")
    print(f"diplomodel: {len(tasks)} of {len(pool)} articles -> {out} (labelling config "
          f"{out.with_suffix('.xml')})", file=sys.stderr)
    return EXIT_OK


def _train(args: argparse.Namespace) -> int:
    from diplomodel.train import run

    options = {k: getattr(args, k) for k in ("init_from", "skip_invalid", "heldout", "seed", "weight",
                                              "max_steps", "dev", "data_config", "tagger_config",
                                              "summarizer", "summarizer_config", "summarizer_steps",
                                              "resume", "overwrite")}
    return run(args.annotations, args.out, **options)


def _brief(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from diplomodel.jsonl import parse_published, read_records, read_text

    if (args.file is None) == (args.input is None):
        parser.error("brief needs exactly one of FILE (or -) and --input IN.jsonl")
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    if args.input is None and args.output is not None:
        parser.error("--output goes with --input; a single brief prints to stdout")
    if args.input is not None and args.format != "json":
        parser.error("--format markdown is for a single article; --input writes JSONL")
    published = parse_published(args.published, field="--published")
    if args.ray is not None or args.shards or args.ray_actors is not None:
        return _run_ray(args, parser)

    if args.file is not None:  # one article
        text = read_text(args.file)
        briefer = _load(args)
        result = briefer([text], published=published, summary=not args.no_summary)[0]
        result.id = None if args.file == "-" else Path(args.file).name
        out = result.to_markdown() if args.format == "markdown" else result.to_json(indent=2) + "\n"
        sys.stdout.write(out)
        sys.stdout.flush()
        return EXIT_OK

    records = read_records(args.input)  # validates every line before any output
    if args.output is None or args.output == "-":
        briefer = _load(args, args.batch_size)
        for b in range(0, len(records), briefer.pool_size):
            for item in briefer(records[b:b + briefer.pool_size], published=published, summary=not args.no_summary):
                sys.stdout.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return EXIT_OK
    return _run_batch(args, records, published)


def _run_ray(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.ray is None:
        parser.error("--shards and --ray-actors go with --ray")
    if args.input is None or args.output in (None, "-"):
        parser.error("--ray needs --input IN.jsonl and --output (a file, or a directory with --shards)")
    if args.ray_actors is not None and args.ray_actors < 1:
        parser.error("--ray-actors must be at least 1")
    from diplomodel.distributed.ray_data import brief_with_ray

    n = brief_with_ray(args.input, args.output, model_dir=args.model, address=args.ray or None,
                       concurrency=args.ray_actors, batch_size=args.batch_size, published=args.published,
                       summary=not args.no_summary, quantize=args.int8, shards=args.shards)
    if not args.quiet:
        print(f"diplomodel: briefed {n} records on Ray into {args.output}", file=sys.stderr)
    return EXIT_OK


def _run_batch(args: argparse.Namespace, records: list, published) -> int:
    from diplomodel.lock import OutputLock

    if args.input != "-" and Path(args.output).resolve() == Path(args.input).resolve():
        raise InputError("the output file must differ from the input file", file=args.output)
    if not Path(args.output).resolve().parent.is_dir():
        raise InputError("output folder does not exist", file=args.output)
    import signal

    def stop(signum: int, frame: object) -> None:  # SIGTERM: close the output and drop the lock first
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        with OutputLock(args.output):  # a second writer of this file refuses before loading anything
            return _write_batch(args, records, published)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write_batch(args: argparse.Namespace, records: list, published) -> int:
    from diplomodel.jsonl import ResumableWriter

    briefer = _load(args, args.batch_size)  # a missing model fails before the output is touched
    writer = ResumableWriter(args.output)
    try:
        todo = [r for r in records if r.id not in writer.done]
        if writer.done and not args.quiet:
            print(f"diplomodel: resuming: {len(records) - len(todo)} of {len(records)} already in "
                  f"{args.output}", file=sys.stderr)
        if not todo:
            return EXIT_OK
        bar = None
        if not args.quiet and sys.stderr.isatty():
            from tqdm.auto import tqdm

            bar = tqdm(total=len(records), initial=len(records) - len(todo), unit="doc", desc="briefing")
        try:
            for b in range(0, len(todo), briefer.pool_size):
                chunk = todo[b:b + briefer.pool_size]
                briefs = briefer(chunk, published=published, summary=not args.no_summary)
                writer.write_batch(x.to_dict() for x in briefs)
                if bar is not None:
                    bar.update(len(chunk))
        finally:
            if bar is not None:
                bar.close()
    finally:
        writer.close()
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
