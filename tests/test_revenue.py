"""Labour revenue: the surplus split into whole đồng that add up exactly."""
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from rehabstat.computing.indicators import largest_remainder, split_surplus

FUNDS = ("TRICH_CCTL", "QUY_KHEN_THUONG", "QUY_PHUC_LOI", "QUY_PHAT_TRIEN", "QUY_DU_PHONG")


def test_seed_000_split():
    assert split_surplus(5_122_732_200, 3_122_732_200) == {
        "LOI_NHUAN": 2_000_000_000, "TRICH_CCTL": 800_000_000, "QUY_KHEN_THUONG": 120_000_000,
        "QUY_PHUC_LOI": 660_000_000, "QUY_PHAT_TRIEN": 300_000_000, "QUY_DU_PHONG": 120_000_000}


def test_odd_amount_is_split_to_the_dong():
    parts = split_surplus(1_000_001, 0)
    assert parts["TRICH_CCTL"] == 400_001  # 400.000,4 gets the odd đồng (largest remainder)
    assert sum(parts[k] for k in FUNDS) == 1_000_001


def test_loss_or_zero_is_not_split():
    assert split_surplus(100, 250) == {"LOI_NHUAN": -150}
    assert split_surplus(7, 7) == {"LOI_NHUAN": 0}


def test_custom_percentages():
    parts = split_surplus(1_000, 0, {"salary_reform": 35, "reward": 20, "welfare": 30, "development": 30,
                                     "reserve": 20})
    assert parts["TRICH_CCTL"] == 350 and parts["QUY_KHEN_THUONG"] == 130 and parts["QUY_PHUC_LOI"] == 195
    assert sum(parts[k] for k in FUNDS) == 1_000


@settings(max_examples=300, deadline=None)
@given(revenue=st.integers(0, 10**13), costs=st.integers(0, 10**13),
       reward=st.integers(0, 100), welfare=st.integers(0, 100))
def test_parts_always_add_up_and_stay_within_one_dong(revenue, costs, reward, welfare):
    if reward + welfare > 100:
        reward, welfare = 100 - welfare, welfare
    development = (100 - reward - welfare) // 2
    reserve = 100 - reward - welfare - development
    split = {"salary_reform": 40, "reward": reward, "welfare": welfare, "development": development,
             "reserve": reserve}
    parts = split_surplus(revenue, costs, split)
    surplus = revenue - costs
    assert parts["LOI_NHUAN"] == surplus
    if surplus <= 0:
        assert set(parts) == {"LOI_NHUAN"}
        return
    assert sum(parts[k] for k in FUNDS) == surplus
    exact = {"TRICH_CCTL": Fraction(surplus * 40, 100)}
    rest = surplus * Fraction(60, 100)
    for code, pct in zip(FUNDS[1:], (reward, welfare, development, reserve)):
        exact[code] = rest * pct / 100
    for code in FUNDS:
        assert abs(parts[code] - exact[code]) < 1


def test_largest_remainder_ties_go_to_the_first():
    assert largest_remainder(2, {"a": Fraction(1, 3), "b": Fraction(1, 3), "c": Fraction(1, 3)}) == \
        {"a": 1, "b": 1, "c": 0}
