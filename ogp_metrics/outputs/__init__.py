"""What leaves the dashboard: the briefing PDF, the static public site, safe spreadsheets,
the exportable datasets, and synthetic plans for benchmarks."""
