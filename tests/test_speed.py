"""Faster paths of issue 16 give exactly what the plain code gives (no timings here:
speed is measured by benchmarks/run.py)."""
from rehabstat.issues import _shape, _shapes


def test_shapes_in_one_pass_equal_shapes_one_by_one():
    values = ["LC-202103-003", "HV_0012", "Nguyễn Văn 12", "x", "\u0661\u0662ab3", "12", "", "Đ9-x_y", "a b",
              "K001", "k-1/2021", "A1\u00b2", "ǅ7"]
    assert _shapes(values) == {_shape(v) for v in values}
    assert _shapes(values) >= {"A-9-9", "A_9", "A A 9", "A9", "\u0661\u0662A9"}
    # a value holding the separator: one by one
    assert _shapes(["a\x00b", "c1"]) == {_shape("a\x00b"), "A9"}
    assert _shapes([]) == set()


def _corpus_with(tmp_path, codes):
    import broken
    corpus = broken.build_corpus(tmp_path)
    return [corpus[c][0] for c in codes]


def test_checks_beside_in_a_worker_give_the_same_issues(tmp_path, monkeypatch):
    """The slow rules run in a forked worker on big data (checks._run_rules): the same issues in
    the same order as one after the other, and the same again when the worker fails."""
    from rehabstat import checks, sandbox
    from rehabstat.dataset import read_paths
    codes = ["P001", "P002", "P003", "P004", "O001", "I001", "I004"]
    datasets = [read_paths([folder], jobs=1) for folder in _corpus_with(tmp_path, codes)]
    serial = [checks.run_checks(ds) for ds in datasets]
    assert [c in {i.code for i in found} for c, found in zip(codes, serial)] == [True] * len(codes)
    if not sandbox.forks():
        return
    monkeypatch.setattr(checks, "BESIDE_ROWS", 0)
    assert [checks.run_checks(ds) for ds in datasets] == serial
    monkeypatch.setattr(sandbox, "ITEM_SECONDS", 0.0)  # every worker runs out of time: the rules run here
    assert [checks.run_checks(ds) for ds in datasets] == serial
