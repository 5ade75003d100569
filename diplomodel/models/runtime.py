"""How a model runs on this machine: CPU threads from the cores we may use, int8 encoder weights.

``usable_cores`` counts the cores this process may run on (its CPU affinity, not the machine's
total), ``set_threads`` gives torch that many intra-op threads unless the user already chose
(``OMP_NUM_THREADS`` / ``MKL_NUM_THREADS``, or an explicit count), and ``quantize_encoder`` turns
the encoder's ``nn.Linear`` layers into dynamic int8 ones (``torch.ao.quantization.quantize_dynamic``:
int8 weights with one scale per output channel, activations quantized per call); the
classification head stays fp32. Per-channel weight scales matter: with one scale per tensor the
shipped model lost 0.012 participant F1 on the real dev split, with one per channel none
(bench/RESULTS.md).

Example:
    >>> from diplomodel.models.runtime import quantize_encoder, usable_cores
    >>> from diplomodel.models.tagger import Tagger
    >>> usable_cores() >= 1
    True
    >>> model = Tagger.tiny_random().model
    >>> n = quantize_encoder(model); n > 0 and is_quantized(model)
    True
"""
from __future__ import annotations

import os
import warnings

import torch

#: Environment variables through which a user (or Ray, for an actor) fixes the thread count.
THREAD_ENV = ("OMP_NUM_THREADS", "MKL_NUM_THREADS")


def usable_cores() -> int:
    """Cores this process may run on: its CPU affinity where the OS reports one, else ``cpu_count``.

    >>> usable_cores() <= (os.cpu_count() or 1)
    True
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux
        return max(1, os.cpu_count() or 1)


def set_threads(threads: int | None = None) -> int:
    """Give torch ``threads`` intra-op threads (default: :func:`usable_cores`); returns the count used.

    Without an explicit count, a thread count set in the environment (``OMP_NUM_THREADS``,
    ``MKL_NUM_THREADS``: what a Ray actor or a job scheduler sets) is left alone.

    >>> set_threads(1)
    1
    """
    if threads is None:
        if any(os.environ.get(var, "").strip() for var in THREAD_ENV):
            return torch.get_num_threads()
        threads = usable_cores()
    threads = max(1, int(threads))
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)
    return threads


def quantize_encoder(model: torch.nn.Module) -> int:
    """Dynamic int8 quantization of the encoder's linear layers, in place; returns how many.

    The encoder is ``model.base_model`` (the BERT body of a token classifier); the head outside it
    keeps its fp32 weights. CPU only: quantized linear layers have no CUDA kernels.
    """
    if next(model.parameters(), torch.zeros(0)).device.type != "cpu":
        raise ValueError("int8 dynamic quantization runs on CPU only; load the model with device='cpu'")
    encoder = getattr(model, "base_model", None)
    encoder = encoder if isinstance(encoder, torch.nn.Module) and encoder is not model else model
    linears = [m for m in encoder.modules() if type(m) is torch.nn.Linear]
    if not linears:
        return 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # torch.ao's migration notice is not the user's business
        from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

        quantize_dynamic(encoder, {torch.nn.Linear: per_channel_dynamic_qconfig}, dtype=torch.qint8,
                         inplace=True)
    return len(linears)


def is_quantized(model: torch.nn.Module) -> bool:
    """True when some layer of ``model`` is a dynamically quantized linear layer."""
    from torch.ao.nn.quantized.dynamic import Linear as DynamicLinear

    return any(isinstance(m, DynamicLinear) for m in model.modules())
