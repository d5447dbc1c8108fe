"""Figures as a reader writes them."""

from decimal import Decimal


def figure(value) -> str:
    """A figure as a reader would write it: 43.1, 3,553, 51."""
    if value is None:
        return "—"
    d = Decimal(value)
    if d == d.to_integral():
        return f"{int(d):,}"
    whole, _, fraction = format(d.normalize(), "f").partition(".")
    return f"{int(whole):,}.{fraction}" if whole not in ("-0",) else f"-0.{fraction}"
