"""Participation as it really happens: events, a vote's results per sector, decided projects.

Three optional files. Participation and meeting rows may name the `event_id` of an event, so
that a one-day vote counted in 17 sector rows is one event; a vote's results give its turnout
per sector; the projects chosen by participation (the participatory budget's winners) are
counted per edition, as of 31 December of their edition's year.
"""

from __future__ import annotations

from ogp_metrics.contract.model import AtMost, Distinct, Kind, Rule, SameWithin, Table
from ogp_metrics.contract.model import described as _col
from ogp_metrics.contract.vocabulary import ACTIVITIES, CHANNELS, PROJECT_STATUSES

# Counts of people: any member's electorate but India's fits; 10 million rows of the largest
# still add up exactly (below 2^53, as `schema`'s maxima).
MOST_PEOPLE = 900_000_000
MOST_EUROS = 900_000_000  # one project's budget (Paris's whole participatory budget is ~100 M€ a year)
FIRST_EDITION = 1989  # Porto Alegre's first participatory budget

_COMMITMENT = dict(references=("commitments", "commitment_id"))
_VOTE_GROUP = ("event_id", "sector")

EVENTS = Table(
    "events",
    (
        _col("event_id", Kind.IDENTIFIER, "Identifiant de l'événement", "Event identifier",
             "votation-2025-03-23", required=True),
        _col("title_fr", Kind.TEXT, "Intitulé en français (la question d'une votation)",
             "Title in French (a vote's question)", "Votation citoyenne sur les trottinettes",
             required=True),
        _col("title_en", Kind.TEXT, "Intitulé en anglais", "Title in English",
             "Citizens' vote on e-scooters"),
        _col("activity", Kind.CHOICE, "Type d'activité (comme dans participation.csv)",
             "Activity (as in participation.csv)", "citizens_vote", required=True, choices=ACTIVITIES),
        _col("start_date", Kind.DATE, "Premier jour", "First day", "2023-04-02", required=True),
        _col("end_date", Kind.DATE, "Dernier jour (vide : un seul jour)", "Last day (blank: one day)",
             "2023-04-02"),
        _col("channel", Kind.CHOICE, "Comment on y participe (vide : inconnu)",
             "How people take part (blank: unknown)", "in_person", choices=CHANNELS),
        _col("commitment_id", Kind.IDENTIFIER, "Engagement (vide : tout le plan)",
             "Commitment (blank: the whole plan)", "FRPA0002", **_COMMITMENT),
    ),
    "Les événements de participation (une votation, une consultation, un atelier) : les lignes de "
    "participation.csv et de meetings.csv qui en relèvent donnent leur event_id (fichier facultatif).",
    "Participation events (a vote, a consultation, a workshop): the rows of participation.csv and "
    "meetings.csv that belong to one give its event_id (optional file).",
    optional=True,
    unique=("event_id",),
    rules=(Rule("end_date", "start_date"),),
    default_mode="append",
)

VOTE_RESULTS = Table(
    "vote_results",
    (
        _col("event_id", Kind.IDENTIFIER, "Votation (un identifiant de events.csv)",
             "Vote (an id from events.csv)", "votation-2023-04-02", required=True,
             references=("events", "event_id")),
        _col("sector", Kind.SECTOR, "Secteur (vide : toute la ville, quand les résultats ne sont pas "
             "donnés par secteur)", "Sector (blank: city-wide, when results are not given by sector)",
             "Paris Centre"),
        _col("registered", Kind.WHOLE, "Inscrits du secteur (répétés sur chaque option ; vide : "
             "inconnu)", "Registered voters of the sector (repeated on each option; blank: unknown)",
             "68 816", maximum=MOST_PEOPLE),
        _col("voters", Kind.WHOLE, "Votants du secteur (répétés sur chaque option)",
             "Voters of the sector (repeated on each option)", "5 933", required=True,
             maximum=MOST_PEOPLE),
        _col("blank_votes", Kind.WHOLE, "Votes blancs du secteur (la colonne peut s'appeler blank)",
             "Blank votes of the sector (the column may be named blank)", "9", maximum=MOST_PEOPLE,
             also_named=("blank",)),
        _col("null_votes", Kind.WHOLE, "Votes nuls du secteur (la colonne peut s'appeler null)",
             "Null (spoilt) votes of the sector (the column may be named null)", "17",
             maximum=MOST_PEOPLE, also_named=("null",)),
        _col("option", Kind.TEXT, "Réponse proposée, telle que le bulletin l'écrit",
             "Option, as the ballot words it", "Contre", required=True),
        _col("votes", Kind.WHOLE, "Voix de cette réponse dans le secteur",
             "Votes for this option in the sector", "5 157", required=True, maximum=MOST_PEOPLE),
    ),
    "Les résultats d'une votation, une ligne par secteur et par réponse : inscrits, votants, blancs "
    "et nuls répétés sur chaque réponse du secteur (fichier facultatif).",
    "A vote's results, one row per sector and option: registered voters, voters, blank and null "
    "votes repeated on each option of the sector (optional file).",
    optional=True,
    key=("event_id", "sector", "option"),
    default_mode="append",
    group_rules=(
        AtMost(total="registered", once=("voters",)),
        AtMost(total="voters", summed=("votes",), once=("blank_votes", "null_votes"), per=_VOTE_GROUP),
        SameWithin(("registered", "voters", "blank_votes", "null_votes"), per=_VOTE_GROUP),
        Distinct(("event_id", "sector", "option")),
    ),
)

PROJECTS = Table(
    "projects",
    (
        _col("project_id", Kind.IDENTIFIER, "Identifiant du projet", "Project identifier", "10458",
             required=True),
        _col("title", Kind.TEXT, "Intitulé du projet", "Title of the project",
             "Remplacer et rénover les bancs de Paris Centre", required=True),
        _col("edition", Kind.WHOLE, "Édition (année) où le projet a été choisi ; il compte à partir "
             "du 31 décembre de cette année", "Edition (year) in which the project was chosen; it "
             "counts from 31 December of that year", "2022", required=True, minimum=FIRST_EDITION,
             maximum=2100),
        _col("sector", Kind.SECTOR, "Secteur du projet (vide : toute la ville ; 75123 : Paris Centre)",
             "Sector of the project (blank: city-wide; 75123: Paris Centre)", "75011"),
        _col("amount_eur", Kind.WHOLE, "Budget du projet, en euros", "Budget of the project, in euros",
             "1 160 000", maximum=MOST_EUROS),
        _col("status", Kind.CHOICE, "Étape du projet (codes de l'export de la Ville acceptés : FIN, "
             "LIVRAISON, TRAVAUX, ETUDES, PROCEDURES, NON DEMARRE, ABANDONNÉ)",
             "Stage of the project (the City's export codes accepted: FIN, LIVRAISON, TRAVAUX, "
             "ETUDES, PROCEDURES, NON DEMARRE, ABANDONNÉ)", "works", required=True,
             choices=PROJECT_STATUSES, domain="project_status"),
        _col("theme", Kind.TEXT, "Thème", "Theme", "Cadre de vie"),
        _col("lead", Kind.TEXT, "Direction qui pilote le projet", "Directorate leading the project",
             "Direction de la Voirie et des Déplacements"),
        _col("delivery_date", Kind.DATE, "Date de livraison, prévue ou faite (un mois seul, 2025-04, "
             "vaut son dernier jour)", "Delivery date, planned or done (a month alone, 2025-04, "
             "means its last day)", "2025-04", partial_dates="last"),
        _col("commitment_id", Kind.IDENTIFIER, "Engagement (vide : tout le plan)",
             "Commitment (blank: the whole plan)", "FRPA0002", **_COMMITMENT),
    ),
    "Les projets choisis par la participation (les lauréats du budget participatif), avec leur "
    "budget et leur étape (fichier facultatif).",
    "Projects chosen by participation (the participatory budget's winners), with their budget and "
    "stage (optional file).",
    optional=True,
    unique=("project_id",),
    default_mode="upsert",
)

PARTICIPATION_TABLES: tuple[Table, ...] = (EVENTS, VOTE_RESULTS, PROJECTS)
