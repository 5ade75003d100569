"""training/train_tagger.py under `accelerate launch`: 2 CPU processes (DDP over gloo), a tiny model."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from test_train_tagger import ROOT, _tiny_setup


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_two_process_cpu_accelerate_run_trains_and_saves(tmp_path: Path):
    cfg = _tiny_setup(tmp_path, max_steps=3, save_steps=100)
    env = dict(os.environ, PYTHONUNBUFFERED="1", CUDA_VISIBLE_DEVICES="", OMP_NUM_THREADS="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    cmd = [sys.executable, "-m", "accelerate.commands.launch", "--config_file",
           str(ROOT / "configs" / "accelerate_cpu.yaml"), "--main_process_port", str(_free_port()),
           str(ROOT / "training" / "train_tagger.py"), "--config", str(cfg)]
    proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    assert out.count("train windows:") == 2                      # both ranks ran the script
    meta = json.loads((tmp_path / "model" / "diplomodel.json").read_text())
    training = meta["tagger"]["training"]
    assert training["processes"] == 2 and training["max_steps"] == 3
    assert (tmp_path / "model" / "tagger" / "adapter_model.safetensors").exists()
