"""Altair chart functions, one module per kind of chart; `palette` and `base` hold what they share,
`render` draws the same charts as PNG or SVG for the briefing and the site."""
