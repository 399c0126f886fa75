"""Matrix products of spaCy's CPU models through numpy's BLAS instead of blis.

thinc's ``NumpyOps`` multiplies matrices with blis, and ``NumpyOps(use_blis=False)`` with
``numpy.dot``, whose bundled OpenBLAS picks kernels for the CPU it runs on. For the shapes of
newscorp's pipelines (96-wide tok2vec, parser and NER layers) numpy was 2.3-3.8x faster on one
core of the 2-core AMD EPYC machine this was built on (``python benchmarks/gemm.py``), and
the whole bundled pipeline about 1.4x faster. The products differ only in rounding order: the
annotations of 300 10kGNAD articles were identical with either (docs/benchmarks.md).

Only model layers built while :func:`numpy_matmul` is active use it, and only when thinc's
current ops are its plain CPU ``NumpyOps`` (a GPU or Apple ops choice is left alone).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager


@contextmanager
def numpy_matmul() -> Iterator[bool]:
    """Within the block, thinc's current ops multiply with ``numpy.dot``; yields whether
    they were switched (False when the current ops are not thinc's CPU ``NumpyOps``)."""
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    current = get_current_ops()
    if type(current) is not NumpyOps or not getattr(current, "use_blis", False):
        yield False
        return
    set_current_ops(NumpyOps(use_blis=False))
    try:
        yield True
    finally:
        set_current_ops(current)


def one_blas_thread() -> AbstractContextManager[object]:
    """Hold numpy's BLAS to one thread (threadpoolctl): as a context, until its end (each
    analysed batch, so ``--workers N`` means N cores and no BLAS threads wait on one
    another); called plainly (a benchmark process), for good."""
    import numpy  # noqa: F401  (loads numpy's BLAS, which threadpoolctl can only limit once loaded)
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")
