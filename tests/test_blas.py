"""Models multiply with numpy's BLAS; the annotations stay those of blis."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from thinc.api import NumpyOps, get_current_ops, set_current_ops
from threadpoolctl import threadpool_info, threadpool_limits

import newscorp
from newscorp.pipeline.blas import numpy_matmul, one_blas_thread
from newscorp.pipeline.resolve import BUNDLED_DIR, build_pipeline

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
ATTRS = [POS, TAG, LEMMA, MORPH, HEAD, DEP, ENT_TYPE, ENT_IOB]


def test_numpy_matmul_switches_plain_numpy_ops_and_restores_them():
    before = get_current_ops()
    assert type(before) is NumpyOps and before.use_blis
    with numpy_matmul() as switched:
        inside = get_current_ops()
        assert switched and type(inside) is NumpyOps and not inside.use_blis
    assert get_current_ops() is before


def test_numpy_matmul_leaves_other_ops_alone():
    class OtherOps(NumpyOps):
        name = "other"

    before, other = get_current_ops(), OtherOps()
    set_current_ops(other)
    try:
        with numpy_matmul() as switched:
            assert not switched and get_current_ops() is other
    finally:
        set_current_ops(before)


def test_numpy_matmul_gives_blis_products():
    x = NumpyOps().alloc2f(3, 4) + 0.5
    y = NumpyOps().alloc2f(4, 2) + 2.0
    assert NumpyOps(use_blis=False).gemm(x, y).tolist() == NumpyOps().gemm(x, y).tolist()
    assert NumpyOps(use_blis=False).gemm(x, y).tolist() == [[4.0, 4.0]] * 3


def test_bundled_pipeline_multiplies_with_numpy_and_annotates_as_with_blis(nlp):
    assert all(not proc.model.ops.use_blis for _, proc in nlp.pipeline if hasattr(proc, "model"))
    blis = build_pipeline(str(BUNDLED_DIR), blis=True)
    assert blis.get_pipe("parser").model.ops.use_blis
    text = (CORPUS / "000_67afc78a396a1445.txt").read_text(encoding="utf-8")
    ours, theirs = nlp(text), blis(text)
    assert len(ours) == len(theirs) > 500
    assert ours.to_array(ATTRS).tolist() == theirs.to_array(ATTRS).tolist()


def _blas_threads() -> list[int]:
    return [p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"]


def test_one_blas_thread_holds_numpy_blas_to_one_thread_and_restores_it():
    before = _blas_threads()
    assert before  # numpy's OpenBLAS
    with one_blas_thread():
        assert _blas_threads() == [1] * len(before)
    assert _blas_threads() == before
    with threadpool_limits(limits=threadpool_info()):  # as they are now, restored on exit
        one_blas_thread()  # a worker's initializer: for good
        assert _blas_threads() == [1] * len(before)
    assert _blas_threads() == before


def test_one_blas_thread_limits_a_fresh_process_before_numpy_is_imported():
    code = (
        "from newscorp.pipeline.blas import one_blas_thread\n"
        "from threadpoolctl import threadpool_info\n"
        "with one_blas_thread():\n"
        "    print([p['num_threads'] for p in threadpool_info() if p['user_api'] == 'blas'])\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout == "[1]\n"


def test_kwic_without_a_store_parses_on_one_blas_thread():
    before = _blas_threads()
    corpus = newscorp.analyze([str(CORPUS)], notify=lambda message: None)
    sources = corpus.token_sources()
    doc, _, tokens = next(sources)
    assert (doc, _blas_threads()) == ("000_67afc78a396a1445.txt", [1] * len(before))
    assert tokens[:2] == [[0, 3, "Der", "der"], [4, 10, "Gipfel", "Gipfel"]]
    sources.close()
    assert _blas_threads() == before
