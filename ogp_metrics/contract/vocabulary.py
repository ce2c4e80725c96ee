"""The coded values the files may hold: each column's allowed codes (their labels are in
`locales/values.py`, their other spellings in `aliases.py`)."""

OGP_VALUES = (
    "access_to_information",
    "civic_participation",
    "public_accountability",
    "technology_innovation",
)
COMPLETION = ("not_started", "limited", "substantial", "complete", "withdrawn")
# Not a value a file may hold: what a commitment shows when it has no self-assessment yet.
NOT_ASSESSED = "not_assessed"
COMPLETION_SHOWN = (*COMPLETION, NOT_ASSESSED)
OPEN_GOVERNMENT = ("worsened", "did_not_change", "marginal", "major", "outstanding")
ASSESSORS = ("self", "independent")
MEETING_TYPES = (
    "steering_committee",
    "stakeholder_meeting",
    "council_presentation",
    "public_meeting",
    "citizen_workshop",
    "neighbourhood_council",
    "consensus_conference",
    "other",
)
PHASES = ("co_creation", "implementation")
ACTIVITIES = (
    "online_consultation",
    "citizen_workshop",
    "citizens_assembly",
    "citizens_vote",
    "participatory_budget",
    "volunteering",
    "public_meeting",
    "other",
)
AGE_GROUPS = ("under_18", "18_24", "25_39", "40_59", "60_plus")
GENDERS = ("female", "male", "other")
INDICATORS = (
    "meetings_held",
    "public_meetings_held",
    "participants",
    "contributions",
    "milestones_complete",
)
MILESTONE_STATUSES = ("complete", "in_progress", "not_started", "overdue")
DATA_STATUSES = ("real", "illustrative")
DECISION_STATUSES = ("open", "done", "dropped")  # a steering committee's decision
# How an import meets the rows already there (see `updates.modes`).
IMPORT_MODES = ("replace", "append", "upsert")

# Paris has reported by sector since 2020: arrondissements 1-4 form "Paris Centre".
CENTRE = "centre"
SECTORS = (CENTRE, *(str(n) for n in range(5, 21)))
CITYWIDE = "citywide"  # a blank arrondissement: city-wide or online
# The files `plan.csv` may call illustrative (a literal: the tables are declared below).
ILLUSTRATIVE_TABLES = ("institutions", "commitments", "milestones", "progress_updates", "assessments",
                       "meetings", "participation", "targets", "plan", "events", "vote_results",
                       "projects")

# Assessments as OGP's Independent Reporting Mechanism (IRM) makes them.
STAGES = ("design", "progress", "end_of_term", "results")  # the report an assessment comes from
POTENTIAL_IMPACT = ("none", "minor", "moderate", "transformative")

# Events, votes and the projects chosen by participation (`participation_tables`).
CHANNELS = ("in_person", "online", "postal", "mixed")
# The City's stages of a participatory-budget project, in order (then abandoned).
PROJECT_STATUSES = ("not_started", "procedures", "studies", "works", "delivery", "done", "abandoned")
DELIVERED = ("delivery", "done")  # a project delivered (being handed over, or open to the public)
