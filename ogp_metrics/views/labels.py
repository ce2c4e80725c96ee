"""How things are named on screen: institutions, commitments, owners, groups of a figure."""

from __future__ import annotations

import pandas as pd

from ogp_metrics import text
from ogp_metrics.figures import rows_of
from ogp_metrics.views.wording import items

# A milestone without an owner: an option of the owner filter like the institution codes.
NO_OWNER = ""


def institution_names(institutions: pd.DataFrame, lang: str) -> dict[str, str]:
    """Institution code -> its name in the language (French when no English name)."""
    names = {}
    for row in institutions.itertuples(index=False):
        english = row.name_en if isinstance(row.name_en, str) and row.name_en.strip() else None
        names[row.code] = (english if lang == "en" and english else row.name_fr)
    return names


def owner_name(names: dict[str, str], code: object, lang: str) -> str:
    """An institution's name (`institution_names`); "no owner" when there is none."""
    if not isinstance(code, str) or not code:
        return text.t("milestones.no_owner", lang)
    return names.get(code, code)


def commitment_label(row, lang: str, public: bool = False, limit: int | None = None) -> str:
    """How a commitment is named in a list: `FRPA0001 · Assemblée citoyenne de Paris`.

    The public reads commitments by name alone; `limit` cuts long titles (for tables, where
    they would crowd the rest).
    """
    title = text.localised(row, lang)
    if limit is not None and len(title) > limit:
        title = title[: limit - 1].rstrip() + "…"
    return title if public else f"{row['commitment_id']} · {title}"


def commitment_labels(commitments: pd.DataFrame, lang: str, public: bool = False,
                      limit: int | None = None) -> dict[str, str]:
    """Commitment id -> its name in a list (`commitment_label`)."""
    return {row["commitment_id"]: commitment_label(row, lang, public, limit)
            for row in rows_of(commitments)}


def value_labels(values: object, lang: str) -> list[str]:
    """A commitment's OGP values, labelled; `aucune` when it has none."""
    return ([text.value_label("ogp_values", value, lang) for value in items(values)]
            or [text.t("commitments.no_values", lang)])


GROUP_DOMAINS = {"meeting_type": "meeting_type", "sector": "sector", "phase": "phase",
                 "visibility": "is_public", "activity": "activity", "age_group": "age_group",
                 "gender": "gender"}


def group_label(group: str, key: object, lang: str, commitments: dict[str, str] | None = None) -> str:
    """The label of a `group_key` of `figures.meetings_by` / `figures.participation_by`."""
    if group == "commitment":
        if key is None or (isinstance(key, float) and pd.isna(key)):
            return text.t("meetings.whole_plan", lang)
        return (commitments or {}).get(key, str(key))
    return text.value_label(GROUP_DOMAINS[group], key, lang)
