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


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("aZĐễ٣²_-/ 09\x00"), max_size=6), max_size=12))
def test_shapes_digits_then_letters_equal_shapes_one_by_one(values):
    assert _shapes(values) == {_shape(v) for v in values}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(alphabet=st.sampled_from("aAbĐđ01 \x00-"), max_size=4)), max_size=15))
def test_ranked_codes_sort_as_sort_values(values):
    """checks._ranked: sorting by the codes gives sort_values' order (blanks last, ties kept in order)."""
    import numpy as np
    import pandas as pd
    from rehabstat.checks import _ranked
    s = pd.Series(values, dtype="str") if values else pd.Series([], dtype="str")
    codes = _ranked(*pd.factorize(s.to_numpy(dtype=object)))
    expected = s.sort_values(kind="stable", na_position="last").index.to_numpy()
    assert list(np.argsort(codes, kind="stable")) == list(expected)
