"""The data contract: every file, column, type and allowed value.

This module is the one source of truth for what the CSV files hold. The loader
validates against it, the Data page and `data/README.md` are generated from it,
and a test fails when the README and this module disagree. What a column and a table are is
`model`; the allowed codes are `vocabulary` (both re-exported here); events, votes and decided
projects are declared in `participation_tables`.
"""

from __future__ import annotations

import dataclasses

from ogp_metrics.contract.model import AtMost, Column, Distinct, Kind, Rule, SameWithin, Table
from ogp_metrics.contract.model import described as _col
from ogp_metrics.contract.participation_tables import PARTICIPATION_TABLES
from ogp_metrics.contract.vocabulary import (
    ACTIVITIES,
    AGE_GROUPS,
    ASSESSORS,
    CENTRE,
    CHANNELS,
    CITYWIDE,
    COMPLETION,
    COMPLETION_SHOWN,
    DATA_STATUSES,
    DECISION_STATUSES,
    DELIVERED,
    GENDERS,
    ILLUSTRATIVE_TABLES,
    IMPORT_MODES,
    INDICATORS,
    MEETING_TYPES,
    MILESTONE_STATUSES,
    NOT_ASSESSED,
    OGP_VALUES,
    OPEN_GOVERNMENT,
    PHASES,
    POTENTIAL_IMPACT,
    PROJECT_STATUSES,
    SECTORS,
    STAGES,
)

__all__ = [
    "ACTIVITIES", "AGE_GROUPS", "ASSESSORS", "CENTRE", "CHANNELS", "CITYWIDE", "COMPLETION",
    "COMPLETION_SHOWN", "DATA_STATUSES", "DECISION_STATUSES", "INTERNAL_TABLES", "DELIVERED", "GENDERS",
    "ILLUSTRATIVE_TABLES", "IMPORT_MODES",
    "INDICATORS", "MEETING_TYPES", "MILESTONE_STATUSES", "NOT_ASSESSED", "OGP_VALUES", "OPEN_GOVERNMENT",
    "PHASES", "POTENTIAL_IMPACT", "PROJECT_STATUSES", "SECTORS", "STAGES", "TABLES", "TABLES_BY_NAME",
    "MAX_ATTENDEES", "MAX_CONTRIBUTIONS", "MAX_ORGANISATIONS", "MAX_PARTICIPANTS",
    "MAX_TARGET", "MAX_WEIGHT", "AtMost", "Column", "Distinct", "Kind", "Rule", "SameWithin", "Table",
]

# Plausibility bounds: a value past them is a typing or export error (a 400-digit weight was read
# as infinity; 9 x 10^18 participants made totals lose precision). Every number column has one,
# and every total stays exact (10 million rows at the largest count stay below 2^53).
MAX_WEIGHT = 1_000  # weights are relative: 1, 2, 5... or percentages of the commitment
MAX_ATTENDEES = 1_000_000  # a meeting
MAX_ORGANISATIONS = 100_000
MAX_PARTICIPANTS = 10_000_000  # one row of participation; Paris has 2.1 million inhabitants
MAX_CONTRIBUTIONS = 10_000_000
MAX_TARGET = 1_000_000_000


TABLES: tuple[Table, ...] = (
    Table(
        "institutions",
        (
            _col("code", Kind.IDENTIFIER, "Code court de l'institution", "Short code of the institution",
                 "DDCT", required=True),
            _col("name_fr", Kind.TEXT, "Nom en français", "Name in French",
                 "Direction de la démocratie, des citoyen·ne·s et des territoires", required=True),
            _col("name_en", Kind.TEXT, "Nom en anglais", "Name in English",
                 "Directorate for Democracy, Citizens and Territories"),
        ),
        "Les institutions qui portent les engagements et les jalons.",
        "The institutions that lead commitments and own milestones.",
        unique=("code",),
    ),
    Table(
        "commitments",
        (
            _col("commitment_id", Kind.IDENTIFIER, "Identifiant OGP de l'engagement",
                 "OGP identifier of the commitment", "FRPA0001", required=True),
            _col("title_fr", Kind.TEXT, "Titre en français", "Title in French",
                 "Assemblée citoyenne de Paris", required=True),
            _col("title_en", Kind.TEXT, "Titre en anglais", "Title in English",
                 "Paris citizens' assembly"),
            _col("lead_institution", Kind.IDENTIFIER, "Institution pilote (un code de institutions.csv)",
                 "Lead institution (a code from institutions.csv)", "CAB_PARTICIPATION",
                 required=True, references=("institutions", "code")),
            _col("ogp_values", Kind.CHOICE_LIST, "Valeurs OGP, séparées par |",
                 "OGP values, separated by |", "access_to_information|civic_participation",
                 choices=OGP_VALUES),
            _col("start_date", Kind.DATE, "Date de début", "Start date", "2021-10-01", required=True),
            _col("end_date", Kind.DATE, "Date de fin (au plus tôt la date de début)",
                 "End date (not before the start date)", "2026-10-31", required=True),
            _col("description_fr", Kind.TEXT, "Description en français", "Description in French"),
            _col("description_en", Kind.TEXT, "Description en anglais", "Description in English"),
        ),
        "Les engagements du plan d'action.",
        "The action plan's commitments.",
        unique=("commitment_id",),
        rules=(Rule("end_date", "start_date"),),
    ),
    Table(
        "milestones",
        (
            _col("milestone_id", Kind.IDENTIFIER, "Identifiant du jalon", "Milestone identifier",
                 "FRPA0001-M1", required=True),
            _col("commitment_id", Kind.IDENTIFIER, "Engagement (un identifiant de commitments.csv)",
                 "Commitment (an id from commitments.csv)", "FRPA0001", required=True,
                 references=("commitments", "commitment_id")),
            _col("title_fr", Kind.TEXT, "Titre en français", "Title in French",
                 "Tirage au sort des 100 membres", required=True),
            _col("title_en", Kind.TEXT, "Titre en anglais", "Title in English",
                 "Random selection of the 100 members"),
            _col("owner", Kind.IDENTIFIER, "Responsable (un code de institutions.csv)",
                 "Owner (a code from institutions.csv)", "DDCT",
                 references=("institutions", "code")),
            _col("start_date", Kind.DATE, "Date de début prévue", "Planned start date", "2024-04-01",
                 required=True),
            _col("due_date", Kind.DATE, "Échéance (au plus tôt la date de début)",
                 "Due date (not before the start date)", "2024-12-31", required=True),
            _col("completed_date", Kind.DATE, "Date d'achèvement (vide si pas terminé)",
                 "Completion date (blank if not done)", "2024-11-15"),
            _col("weight", Kind.DECIMAL, "Poids dans l'avancement de l'engagement (> 0, 1 si vide)",
                 "Weight in the commitment's progress (> 0, 1 if blank)", "1",
                 minimum=0, exclusive_minimum=True, maximum=MAX_WEIGHT, default="1"),
            _col("evidence_url", Kind.URL, "Lien vers une preuve (http ou https)",
                 "Link to evidence (http or https)", "https://www.paris.fr/"),
        ),
        "Les jalons de chaque engagement, avec leurs échéances.",
        "Each commitment's milestones, with their due dates.",
        unique=("milestone_id",),
        rules=(Rule("due_date", "start_date"),),
    ),
    Table(
        "progress_updates",
        (
            _col("update_date", Kind.DATE, "Date du point d'avancement", "Date of the update",
                 "2025-06-30", required=True),
            _col("milestone_id", Kind.IDENTIFIER, "Jalon (un identifiant de milestones.csv)",
                 "Milestone (an id from milestones.csv)", "FRPA0001-M1", required=True,
                 references=("milestones", "milestone_id")),
            _col("progress_pct", Kind.PERCENT, "Avancement en % (0 à 100, décimales permises)",
                 "Progress in % (0 to 100, decimals allowed)", "62,5", required=True,
                 minimum=0, maximum=100),
            _col("note", Kind.TEXT, "Commentaire interne", "Internal note"),
            _col("reported_by", Kind.TEXT, "Qui a fait ce point", "Who reported it", "DDCT"),
        ),
        "L'avancement déclaré de chaque jalon, daté (un point par jalon et par date).",
        "Reported progress of each milestone, dated (one update per milestone per date).",
        unique=("milestone_id", "update_date"),
    ),
    Table(
        "assessments",
        (
            _col("assessment_date", Kind.DATE, "Date de l'évaluation", "Date of the assessment",
                 "2025-06-30", required=True),
            _col("commitment_id", Kind.IDENTIFIER, "Engagement (un identifiant de commitments.csv)",
                 "Commitment (an id from commitments.csv)", "FRPA0001", required=True,
                 references=("commitments", "commitment_id")),
            _col("assessor", Kind.CHOICE,
                 "Qui évalue : la Ville (self) ou l'organe de suivi indépendant (independent ; IRM, "
                 "le mécanisme d'évaluation indépendant d'OGP)",
                 "Who assesses: the City (self) or the independent monitoring body (independent; IRM, "
                 "OGP's Independent Reporting Mechanism)", "self",
                 required=True, choices=ASSESSORS),
            _col("completion", Kind.CHOICE,
                 "Niveau d'achèvement (échelle OGP ; vide, NA, ND ou NR : pas évalué à cette étape)",
                 "Completion (OGP scale; blank, NA, ND or NR: not assessed at this stage)",
                 "substantial", choices=COMPLETION, not_reviewed=True),
            _col("did_it_open_government", Kind.CHOICE,
                 "L'engagement a-t-il ouvert l'action publique ? (échelle OGP ; la colonne peut "
                 "s'appeler opened_government ; vide, NA, ND ou NR : pas évalué)",
                 "Did it open government? (OGP scale; the column may be named opened_government; "
                 "blank, NA, ND or NR: not assessed)", "major", choices=OPEN_GOVERNMENT,
                 also_named=("opened_government",), not_reviewed=True),
            _col("note", Kind.TEXT, "Commentaire interne", "Internal note"),
            _col("stage", Kind.CHOICE,
                 "Étape d'OGP dont vient l'évaluation (conception, rapport d'étape, fin de mandat, "
                 "résultats ; vide : non précisée)",
                 "The OGP stage the assessment comes from (design, progress report, end of term, "
                 "results; blank: not said)", "end_of_term", choices=STAGES, not_reviewed=True),
            _col("potential_impact", Kind.CHOICE,
                 "Impact potentiel (échelle OGP, jugé à la conception ; NA, ND, NR : pas évalué)",
                 "Potential impact (OGP scale, judged at design; NA, ND, NR: not assessed)",
                 "moderate", choices=POTENTIAL_IMPACT, not_reviewed=True),
            _col("starred", Kind.BOOLEAN,
                 "Engagement « étoilé » par l'IRM (oui/non ; NA, ND, NR : pas évalué)",
                 "Commitment \"starred\" by the IRM (yes/no; NA, ND, NR: not assessed)", "non",
                 not_reviewed=True),
            _col("report_year", Kind.WHOLE, "Année de publication du rapport d'évaluation",
                 "Year the assessment's report was published", "2025", minimum=2011, maximum=2100,
                 not_reviewed=True),
            _col("report_url", Kind.URL, "Lien vers le rapport (ou la page de l'engagement chez OGP)",
                 "Link to the report (or the commitment's page at OGP)",
                 "https://www.opengovpartnership.org/members/paris-france/", not_reviewed=True),
        ),
        "Les évaluations de chaque engagement, par la Ville et par l'organe indépendant (l'IRM "
        "d'OGP) ; la plus récente de chacun, qui donne un niveau d'achèvement, est celle qui compte.",
        "Assessments of each commitment, by the City and by the independent body (OGP's IRM); the "
        "latest of each that gives a completion level is the one that counts.",
        key=("commitment_id", "assessor", "assessment_date", "stage"),
    ),
    Table(
        "meetings",
        (
            _col("meeting_id", Kind.IDENTIFIER, "Identifiant de la réunion", "Meeting identifier",
                 "M001", required=True),
            _col("date", Kind.DATE, "Date de la réunion", "Date of the meeting", "2025-03-12",
                 required=True),
            _col("meeting_type", Kind.CHOICE, "Type de réunion", "Meeting type",
                 "steering_committee", required=True, choices=MEETING_TYPES),
            _col("phase", Kind.CHOICE, "Phase (mise en œuvre si vide)",
                 "Phase (implementation if blank)", "implementation", choices=PHASES,
                 default="implementation"),
            _col("title", Kind.TEXT, "Intitulé", "Title", "Comité de pilotage n° 3"),
            _col("commitment_id", Kind.IDENTIFIER, "Engagement (vide : tout le plan)",
                 "Commitment (blank: the whole plan)", "FRPA0002",
                 references=("commitments", "commitment_id")),
            _col("arrondissement", Kind.SECTOR, "Arrondissement (vide : toute la ville ou en ligne)",
                 "Arrondissement (blank: city-wide or online)", "11"),
            _col("is_public", Kind.BOOLEAN, "Ouverte au public (oui/non)", "Open to the public (yes/no)",
                 "oui", required=True),
            _col("attendees", Kind.WHOLE, "Nombre de personnes présentes (vide : inconnu)",
                 "Number of attendees (blank: unknown)", "45", maximum=MAX_ATTENDEES),
            _col("organisations", Kind.WHOLE, "Nombre d'organisations représentées (vide : inconnu)",
                 "Number of organisations represented (blank: unknown)", "8",
                 maximum=MAX_ORGANISATIONS),
            _col("minutes_url", Kind.URL, "Lien vers le compte rendu", "Link to the minutes",
                 "https://www.paris.fr/"),
            _col("event_id", Kind.IDENTIFIER, "Événement (un identifiant de events.csv ; vide : aucun)",
                 "Event (an id from events.csv; blank: none)", "votation-2025-03-23",
                 references=("events", "event_id")),
        ),
        "Les réunions de co-construction et de suivi du plan (passées et prévues).",
        "Co-creation and monitoring meetings of the plan (past and planned).",
        unique=("meeting_id",),
        default_mode="append",
    ),
    Table(
        "participation",
        (
            _col("date", Kind.DATE, "Date de l'activité", "Date of the activity", "2025-09-15",
                 required=True),
            _col("activity", Kind.CHOICE, "Type d'activité", "Activity", "participatory_budget",
                 required=True, choices=ACTIVITIES),
            _col("commitment_id", Kind.IDENTIFIER, "Engagement (vide : tout le plan)",
                 "Commitment (blank: the whole plan)", "FRPA0002",
                 references=("commitments", "commitment_id")),
            _col("arrondissement", Kind.SECTOR, "Arrondissement (vide : toute la ville ou en ligne)",
                 "Arrondissement (blank: city-wide or online)", "75011"),
            _col("participants", Kind.WHOLE, "Nombre de participations (une personne venue deux fois compte "
                 "deux fois)", "Number of participations (a person who took part twice counts twice)",
                 "12 345", required=True, maximum=MAX_PARTICIPANTS),
            _col("contributions", Kind.WHOLE, "Nombre de contributions (0 si vide)",
                 "Number of contributions (0 if blank)", "230", default="0",
                 maximum=MAX_CONTRIBUTIONS),
            _col("age_group", Kind.CHOICE, "Tranche d'âge (vide : inconnue)",
                 "Age group (blank: unknown)", "25_39", choices=AGE_GROUPS),
            _col("gender", Kind.CHOICE, "Genre (vide : inconnu)", "Gender (blank: unknown)",
                 "female", choices=GENDERS),
            _col("record_id", Kind.IDENTIFIER,
                 "Identifiant de la ligne, quand deux lignes ont la même date, activité, engagement, "
                 "secteur, tranche d'âge et genre (deux ateliers le même jour)",
                 "Row identifier, when two rows share date, activity, commitment, sector, age group "
                 "and gender (two workshops on the same day)", "atelier-2025-09-15-a"),
            _col("event_id", Kind.IDENTIFIER, "Événement (un identifiant de events.csv ; vide : aucun)",
                 "Event (an id from events.csv; blank: none)", "votation-2025-03-23",
                 references=("events", "event_id")),
        ),
        "Les chiffres de participation, par activité, secteur et profil.",
        "Participation figures, by activity, sector and profile.",
        key=("date", "activity", "commitment_id", "arrondissement", "age_group", "gender", "record_id"),
        default_mode="append",
    ),
    Table(
        "targets",
        (
            _col("indicator", Kind.CHOICE, "Indicateur", "Indicator", "participants", required=True,
                 choices=INDICATORS),
            _col("target", Kind.DECIMAL, "Valeur cible", "Target value", "150 000", required=True,
                 minimum=0, maximum=MAX_TARGET),
            _col("deadline", Kind.DATE, "Échéance", "Deadline", "2026-12-31", required=True),
            _col("commitment_id", Kind.IDENTIFIER, "Engagement (vide : tout le plan)",
                 "Commitment (blank: the whole plan)", "FRPA0001",
                 references=("commitments", "commitment_id")),
        ),
        "Les cibles chiffrées (fichier facultatif).",
        "Numeric targets (optional file).",
        optional=True,
        key=("indicator", "commitment_id", "deadline"),
    ),
    Table(
        "plan",
        (
            _col("name_fr", Kind.TEXT, "Nom du plan en français", "Plan name in French",
                 "Plan d'action de Paris 2024-2026", required=True),
            _col("name_en", Kind.TEXT, "Nom du plan en anglais", "Plan name in English",
                 "Paris action plan 2024–2026"),
            _col("member", Kind.TEXT, "Membre OGP", "OGP member", "Paris, France"),
            _col("submitted_date", Kind.DATE, "Date de dépôt", "Submission date", "2024-03-29"),
            _col("start_date", Kind.DATE, "Début du plan", "Start of the plan", "2024-04-01"),
            _col("end_date", Kind.DATE, "Fin du plan (celle qu'utilise le tableau de bord)",
                 "End of the plan (the one the dashboard uses)", "2026-12-31"),
            _col("alternative_end_date", Kind.DATE, "Autre date de fin citée par la source",
                 "Other end date the source gives", "2026-10-31"),
            _col("source_url", Kind.URL, "Page officielle du plan", "Official page of the plan",
                 "https://www.opengovpartnership.org/members/paris-france/"),
            _col("data_status", Kind.CHOICE,
                 "Statut des données : real (réelles) ou illustrative (inventées pour montrer le "
                 "tableau de bord) ; vide : réelles",
                 "Status of the data: real, or illustrative (made up to show the dashboard); "
                 "blank: real", "real", choices=DATA_STATUSES),
            _col("illustrative_tables", Kind.CHOICE_LIST,
                 "Fichiers d'illustration quand le reste est réel, séparés par |",
                 "Files that are illustrative while the rest is real, separated by |",
                 "participation|targets", choices=ILLUSTRATIVE_TABLES),
        ),
        "Le plan lui-même, sur une seule ligne (fichier facultatif : sans lui, le plan couvre les "
        "dates de ses engagements).",
        "The plan itself, on one row (optional file: without it, the plan spans its commitments' "
        "dates).",
        optional=True,
        single_row=True,
    ),
    Table(
        "decisions",
        (
            _col("decision_id", Kind.IDENTIFIER, "Identifiant de la décision", "Decision identifier",
                 "D2026-01-1", required=True),
            _col("date", Kind.DATE, "Date du comité de pilotage qui l'a prise",
                 "Date of the steering committee that took it", "2026-01-20", required=True),
            _col("text", Kind.TEXT, "La décision, en une phrase", "The decision, in one sentence",
                 "Publier les résultats de la votation en données ouvertes", required=True),
            _col("owner", Kind.IDENTIFIER, "Qui la porte (un code de institutions.csv)",
                 "Who carries it out (a code from institutions.csv)", "DDCT", required=True,
                 references=("institutions", "code")),
            _col("due_date", Kind.DATE, "Échéance (au plus tôt la date du comité ; vide : aucune)",
                 "Due date (not before the committee's date; blank: none)", "2026-03-31"),
            _col("status", Kind.CHOICE, "État : ouverte, réalisée ou abandonnée",
                 "Status: open, done or dropped", "open", required=True, choices=DECISION_STATUSES),
            _col("done_date", Kind.DATE, "Date de réalisation (au plus tôt la date du comité)",
                 "Date it was done (not before the committee's date)", "2026-02-15"),
            _col("commitment_id", Kind.IDENTIFIER, "Engagement concerné (vide : tout le plan)",
                 "Commitment concerned (blank: the whole plan)", "FRPA0002",
                 references=("commitments", "commitment_id")),
        ),
        "Les décisions du comité de pilotage et leur suivi (fichier facultatif, interne : jamais "
        "publié ni montré en mode public).",
        "The steering committee's decisions and their follow-up (optional file, internal: never "
        "published nor shown in public mode).",
        optional=True,
        unique=("decision_id",),
        rules=(Rule("due_date", "date"), Rule("done_date", "date")),
    ),
)


def _with_provenance(table: Table) -> Table:
    """Every file may say, row by row, where its data comes from and under which licence."""
    provenance = (
        _col("source", Kind.TEXT, "Source de la ligne (qui publie ces données, où)",
             "Source of the row (who publishes this data, where)",
             "Ville de Paris, opendata.paris.fr"),
        _col("licence", Kind.TEXT, "Licence des données de la ligne (l'ODbL demande de citer la source)",
             "Licence of the row's data (ODbL requires attribution)", "ODbL"),
    )
    return dataclasses.replace(table, columns=(*table.columns, *provenance))


TABLES = tuple(_with_provenance(table) for table in (*TABLES, *PARTICIPATION_TABLES))
# Internal files: never shown in public mode, on the public site or in public exports.
INTERNAL_TABLES = frozenset({"decisions"})

TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
