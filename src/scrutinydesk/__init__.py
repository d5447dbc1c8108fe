"""Scrutiny Desk: overview & scrutiny for local government."""

__version__ = "0.1.0"
