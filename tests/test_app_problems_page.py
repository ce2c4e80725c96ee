"""A folder that does not load: the dashboard says how many problems keep it from loading, in
the singular or the plural, before listing them."""

from __future__ import annotations

from helpers import new_app, set_cell


def test_one_problem_in_the_singular_two_in_the_plural(tiny, monkeypatch):
    set_cell(tiny, "milestones.csv", 2, "due_date", "pas une date")  # C1-M1
    app = new_app(monkeypatch, tiny)
    app.run()
    assert app.error[0].value.startswith("1 problème empêche de charger le dossier ")
    assert "tant qu'il n'est pas corrigé : corrigez le fichier ci-dessous" in app.error[0].value
    set_cell(tiny, "milestones.csv", 3, "due_date", "pas une date")  # C1-M2
    app = new_app(monkeypatch, tiny, lang="en")
    app.run()
    assert app.error[0].value.startswith("2 problems keep the folder ")
    assert "until they are fixed: fix the files below" in app.error[0].value
