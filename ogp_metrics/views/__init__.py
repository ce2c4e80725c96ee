"""What each page, the briefing and the site show, built from `figures`: tables with translated
headers, cards, figures (chart, words and data), names of things. Headless: no streamlit."""
