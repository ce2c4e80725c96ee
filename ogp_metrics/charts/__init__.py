"""Altair charts, one module per subject; `base` holds what they share."""
