"""Labour revenue: surplus and its split into funds, in whole đồng that add up exactly."""
from __future__ import annotations

from fractions import Fraction

from ...settings.config import DEFAULT_SPLIT  # noqa: F401  (the default of rehabstat.toml's [revenue])

FUND_CODES = {"salary_reform": "TRICH_CCTL", "reward": "QUY_KHEN_THUONG", "welfare": "QUY_PHUC_LOI",
              "development": "QUY_PHAT_TRIEN", "reserve": "QUY_DU_PHONG"}


def largest_remainder(total: int, weights: dict[str, Fraction]) -> dict[str, int]:
    """Split a whole number by exact weights (summing to 1) into whole parts summing to total."""
    exact = {k: total * w for k, w in weights.items()}
    parts = {k: int(v.numerator // v.denominator) for k, v in exact.items()}
    left = total - sum(parts.values())
    by_remainder = sorted(exact, key=lambda k: (exact[k] - parts[k], -list(exact).index(k)), reverse=True)
    for k in by_remainder[:left]:
        parts[k] += 1
    return parts


def split_surplus(revenue: int, costs: int, split: dict | None = None) -> dict[str, int]:
    """{'LOI_NHUAN': surplus, 'TRICH_CCTL': ..., 'QUY_...': ...}. A surplus of zero or a loss
    is reported as LOI_NHUAN alone: nothing to split."""
    split = {**DEFAULT_SPLIT, **(split or {})}
    surplus = int(revenue) - int(costs)
    out = {"LOI_NHUAN": surplus}
    if surplus <= 0:
        return out
    cctl = Fraction(split["salary_reform"]) / 100
    weights = {"salary_reform": cctl}
    for key in ("reward", "welfare", "development", "reserve"):
        weights[key] = (1 - cctl) * Fraction(split[key]) / 100
    for key, value in largest_remainder(surplus, weights).items():
        out[FUND_CODES[key]] = value
    return out
