"""Benchmark site for B3: the product's settings and URLs plus one bare view.

Used only by ``bench/b3_apply.py`` (with ``bench/`` on ``PYTHONPATH``); the product's own
settings and URLs are untouched.
"""
