"""The quality benchmark: how much of the article a cleaner keeps, and how much junk it lets through.

Not part of the installed package; run it with ``python benchmarks/quality.py`` from the project root.
"""
