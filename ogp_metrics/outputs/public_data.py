"""The public data: what the site publishes as CSV files and what public mode may export.

No staff notes and no `reported_by`; counts of fewer than 5 people by age group or gender are
written "< 5"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ogp_metrics import figures
from ogp_metrics.outputs import datasets as export
from ogp_metrics.outputs.datasets import Dataset
from ogp_metrics.views import privacy


def _public_progress(cursor: figures.Cursor, as_of: date) -> pd.DataFrame:
    return privacy.without_staff_columns(figures.progress_updates(cursor, as_of))


def _public_assessments(cursor: figures.Cursor, as_of: date) -> pd.DataFrame:
    return privacy.without_staff_columns(figures.assessment_history(cursor, as_of))


def _suppressed(group: str):
    """Participants by age group or gender, counts under 5 as "< 5" (text, on purpose)."""
    def build(cursor: figures.Cursor, as_of: date) -> pd.DataFrame:
        frame = export.DATASETS[f"participation_by_{group}"].build(cursor, as_of)
        hidden = privacy.suppress_small(frame, "participants")
        frame = frame.astype({"participants": object})
        frame["participants"] = [privacy.small_cell_label() if small else int(value)
                                 for value, small in zip(frame["participants"],
                                                         hidden["participants_suppressed"], strict=True)]
        return frame
    return build


# file name (without .csv) -> what it holds and how to build it
PUBLIC_DATA: dict[str, Dataset] = {
    "commitments": export.DATASETS["commitment_summary"],
    "milestones": export.DATASETS["milestone_status"],
    "progress_updates": Dataset("public_progress_updates", _public_progress,
                                sources=("progress_updates", "milestones")),
    "assessments": Dataset("public_assessments", _public_assessments, sources=("assessments",)),
    "targets": export.DATASETS["target_progress"],
    "meetings": Dataset("public_meetings", figures.meetings, sources=("meetings",)),
    "meetings_by_month": export.DATASETS["meetings_by_month"],
    "participation_by_month": export.DATASETS["participation_by_month"],
    "participation_by_sector": export.DATASETS["participation_by_sector"],
    "participation_by_age_group": Dataset("public_participation_by_age_group", _suppressed("age_group"),
                                          sources=("participation",)),
    "participation_by_gender": Dataset("public_participation_by_gender", _suppressed("gender"),
                                       sources=("participation",)),
    "institutions": export.DATASETS["institutions"],
}


@dataclass
class PublicFile:
    name: str  # file name, `meetings.csv`
    dataset: Dataset
    frame: pd.DataFrame
    size: int = 0


def public_files(cursor: figures.Cursor, as_of: date) -> list[PublicFile]:
    return [PublicFile(f"{stem}.csv", dataset, dataset.build(cursor, as_of))
            for stem, dataset in PUBLIC_DATA.items()]


def public_dictionary(files: list[PublicFile], lang: str) -> pd.DataFrame:
    return pd.concat([export.dictionary(file.dataset, lang, file.frame, file_name=file.name)
                      for file in files], ignore_index=True)
