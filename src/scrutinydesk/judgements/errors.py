"""The one exception the judgement functions raise."""


class JudgementInputError(ValueError):
    """An argument cannot be used: wrong type, out of range or inconsistent.

    Data that are merely absent (a missing value, a zero denominator, too few
    periods) are not errors: the functions return a result whose
    ``cannot_calculate`` reason says why no judgement was made.
    """
