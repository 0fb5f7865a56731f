"""Renderers: one per output format, all fed the same Report."""
