"""How a model runs on this machine: one single-threaded worker per core, int8 encoder weights.

``usable_cores`` counts the cores this process may run on (its CPU affinity, not the machine's
total). ``cpu_workers`` says how many encoder workers to run: an explicit count, else
``OMP_NUM_THREADS`` / ``MKL_NUM_THREADS`` (what a Ray actor or a job scheduler sets), else the usable
cores. Each worker is a thread running whole batches with one intra-op thread
(:class:`WorkerPool`): on a 2-core machine shared with a training run, torch's own 2-thread
parallelism waited on its descheduled half at every op (40 dev articles: 39 s with 2 intra-op
threads, 3.8 s with 1, 4.2 s with 2 single-threaded workers; bench/RESULTS.md), while on an idle
machine two workers use both cores. ``quantize_encoder`` turns the encoder's ``nn.Linear`` layers
into dynamic int8 ones (``torch.ao.quantization.quantize_dynamic``: int8 weights with one scale per
output channel, activations quantized per call); the classification head stays fp32. Per-channel
weight scales matter: with one scale per tensor the shipped model lost 0.012 participant F1 on the
real dev split, with one per channel none (bench/RESULTS.md).

Example:
    >>> from diplomodel.models.runtime import WorkerPool, cpu_workers, quantize_encoder, usable_cores
    >>> from diplomodel.models.tagger import Tagger
    >>> usable_cores() >= 1 and cpu_workers(3) == 3
    True
    >>> WorkerPool(2).map(lambda x: x * x, [1, 2, 3])
    [1, 4, 9]
    >>> model = Tagger.tiny_random().model
    >>> n = quantize_encoder(model); n > 0 and is_quantized(model)
    True
"""
from __future__ import annotations

import os
import warnings
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Iterable, TypeVar

import torch

T = TypeVar("T")
R = TypeVar("R")

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


def cpu_workers(threads: int | None = None) -> int:
    """Encoder workers to run: ``threads`` if given, else the environment's count, else the cores.

    >>> cpu_workers(2)
    2
    """
    if threads is not None:
        return max(1, int(threads))
    for var in THREAD_ENV:
        value = os.environ.get(var, "").strip()
        if value.isdigit() and int(value) > 0:
            return int(value)
    return usable_cores()


class WorkerPool:
    """Threads that each run torch with one intra-op thread; ``map`` keeps the input order.

    Torch ops release the GIL, so the workers' forwards run in parallel on separate cores. The pool
    starts on first use and again in a forked child (threads do not survive a fork).
    """

    def __init__(self, workers: int) -> None:
        self.workers = max(1, int(workers))
        self._pool: ThreadPoolExecutor | None = None
        self._pid = 0

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
        """``[fn(x) for x in items]``, run on the workers, each under ``torch.inference_mode``."""
        if self._pool is None or self._pid != os.getpid():
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="diplomodel",
                                            initializer=torch.set_num_threads, initargs=(1,))
            self._pid = os.getpid()

        def run(x: T) -> R:
            with torch.inference_mode():
                return fn(x)

        return list(self._pool.map(run, items))


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
