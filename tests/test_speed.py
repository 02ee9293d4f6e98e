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
