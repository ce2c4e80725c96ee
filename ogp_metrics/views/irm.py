"""The IRM's view beside the City's: each commitment's latest completion according to the City
(its self-assessment) and according to OGP's Independent Reporting Mechanism, and what the IRM
said of it (potential impact, starred, did it open government). See `figures.irm_queries`."""

from __future__ import annotations

import pandas as pd

from ogp_metrics import text
from ogp_metrics.figures import rows_of
from ogp_metrics.views.commitments import assessment_text
from ogp_metrics.views.figure import Card
from ogp_metrics.views.labels import commitment_label
from ogp_metrics.views.wording import missing


def starred_text(value: object, lang: str) -> str:
    if missing(value):
        return "—"
    return text.t("irm.starred_yes" if bool(value) else "irm.starred_no", lang)


def _judged(domain: str, code: object, lang: str) -> str:
    return "—" if missing(code) else text.value_label(domain, code, lang)


def stage_text(row: dict, lang: str) -> str:
    """`Rapport d'étape 2025`: the OGP report the IRM's completion comes from."""
    if missing(row["independent_stage"]) and missing(row["report_year"]):
        return "—"
    stage = text.value_label(
        "stage", None if missing(row["independent_stage"]) else row["independent_stage"], lang
    )
    return stage if missing(row["report_year"]) else f"{stage} {int(row['report_year'])}"


def side_by_side(assessed: pd.DataFrame, lang: str, public: bool = False) -> pd.DataFrame:
    """Per commitment: the City's latest completion, the IRM's, the IRM's report, potential impact,
    star and "did it open government?"."""
    rows = rows_of(assessed)
    return pd.DataFrame(
        {
            text.t("col.commitment", lang): [commitment_label(row, lang, public) for row in rows],
            text.t("irm.col.self", lang): [
                assessment_text(r["self_completion"], r["self_date"], lang) for r in rows
            ],
            text.t("irm.col.independent", lang): [
                assessment_text(r["independent_completion"], r["independent_date"], lang) for r in rows
            ],
            text.t("irm.col.report", lang): [stage_text(r, lang) for r in rows],
            text.t("irm.col.potential_impact", lang): [
                _judged("potential_impact", r["potential_impact"], lang) for r in rows
            ],
            text.t("irm.col.starred", lang): [starred_text(r["starred"], lang) for r in rows],
            text.t("irm.col.opened_government", lang): [
                _judged("did_it_open_government", r["opened_government"], lang) for r in rows
            ],
        }
    )


def agreement_text(assessed: pd.DataFrame, lang: str) -> str:
    """How many commitments the IRM assessed, and on how many it gives the City's completion."""
    reviewed = assessed[assessed["independent_completion"] != "not_assessed"]
    same = int((reviewed["independent_completion"] == reviewed["self_completion"]).sum())
    return text.t(
        "irm.agreement",
        lang,
        assessed=text.tn("irm.commitments_count", len(reviewed), lang),
        same=text.format_number(same, lang),
    )


def commitment_cards(row: dict, lang: str) -> list[Card]:
    """What the IRM said of one commitment (its completion is among the commitment's own cards):
    potential impact, star, did it open government; the report they come from under the first."""
    report = stage_text(row, lang)
    return [
        Card(
            text.t("irm.col.potential_impact", lang),
            _judged("potential_impact", row["potential_impact"], lang),
            caption=None if report == "—" else text.t("irm.latest_report", lang, report=report),
        ),
        Card(text.t("irm.col.starred", lang), starred_text(row["starred"], lang)),
        Card(
            text.t("irm.card.opened_government", lang),
            _judged("did_it_open_government", row["opened_government"], lang),
            help=text.t("irm.col.opened_government", lang),
        ),
    ]
