"""The spellings a file may use for a coded value, besides the code itself.

Declared here only: the on-screen labels (`locales/values.py`) are words to show, never a
source of what a file may hold, so a label can be reworded without changing which files are
valid (a test checks that every label of an allowed value is also listed here).

Spellings are written as `spelling_key` makes them: case, accents, surrounding spaces
ignored, spaces and hyphens as `_`. The loader's SQL twin is the `ogp_key` macro.
"""

from __future__ import annotations

import unicodedata

from ogp_metrics.contract.schema import TABLES, Column

ALIASES: dict[str, dict[str, str]] = {
    "activity": {
        # French labels
        "consultation_en_ligne": "online_consultation",
        "atelier_citoyen": "citizen_workshop",
        "assemblee_citoyenne": "citizens_assembly",
        "votation_citoyenne": "citizens_vote",
        "budget_participatif": "participatory_budget",
        "benevolat": "volunteering",
        "reunion_publique": "public_meeting",
        "autre_activite": "other",
        # English labels
        "citizens'_assembly": "citizens_assembly",
        "citizens'_vote": "citizens_vote",
        "other_activity": "other",
    },
    "age_group": {
        "moins_de_18_ans": "under_18",
        "moins_de_18": "under_18",
        "<18": "under_18",
        "18_24_ans": "18_24",
        "25_39_ans": "25_39",
        "40_59_ans": "40_59",
        "60_ans_et_plus": "60_plus",
        "60_et_plus": "60_plus",
        "60+": "60_plus",
        "60_and_over": "60_plus",
    },
    "assessor": {
        # OGP's Independent Reporting Mechanism
        "irm": "independent",
        "independent_reporting_mechanism": "independent",
        "mecanisme_d'evaluation_independant": "independent",
        "ville_de_paris": "self",
        "auto": "self",
        "auto_evaluation": "self",
        "city_of_paris": "self",
        "evaluation_independante": "independent",
        "independant": "independent",
        "independent_assessment": "independent",
    },
    "completion": {
        "non_commence": "not_started",
        "limite": "limited",
        "substantiel": "substantial",
        "acheve": "complete",
        "retire": "withdrawn",
    },
    "did_it_open_government": {
        "worsens": "worsened",  # OGP's export
        "recul": "worsened",
        "aucun_changement": "did_not_change",
        "important": "major",
        "exceptionnel": "outstanding",
    },
    "data_status": {
        "donnees_reelles": "real",
        "reel": "real",
        "reelles": "real",
        "real_data": "real",
        "donnees_d'illustration": "illustrative",
        "illustratif": "illustrative",
        "illustration": "illustrative",
        "illustrative_data": "illustrative",
    },
    "channel": {
        "en_presentiel": "in_person",
        "presentiel": "in_person",
        "sur_place": "in_person",
        "en_ligne": "online",
        "par_courrier": "postal",
        "courrier": "postal",
        "by_post": "postal",
        "mixte": "mixed",
    },
    "gender": {
        "femmes": "female",
        "femme": "female",
        "f": "female",
        "women": "female",
        "hommes": "male",
        "homme": "male",
        "h": "male",
        "m": "male",
        "men": "male",
        "autre": "other",
    },
    "illustrative_tables": {
        "engagements": "commitments",
        "jalons": "milestones",
        "points_d'avancement": "progress_updates",
        "evaluations": "assessments",
        "reunions": "meetings",
        "cibles": "targets",
        "evenements": "events",
        "resultats_de_votes": "vote_results",
        "projets": "projects",
        "projets_decides": "projects",
        "decided_projects": "projects",
    },
    "indicator": {
        "reunions_tenues": "meetings_held",
        "reunions_publiques_tenues": "public_meetings_held",
        "jalons_termines": "milestones_complete",
        "participations": "participants",
    },
    "meeting_type": {
        "comite_de_pilotage": "steering_committee",
        "reunion_des_parties_prenantes": "stakeholder_meeting",
        "presentation_au_conseil_de_paris": "council_presentation",
        "paris_council_presentation": "council_presentation",
        "reunion_publique": "public_meeting",
        "atelier_citoyen": "citizen_workshop",
        "conseil_de_quartier": "neighbourhood_council",
        "conference_de_consensus": "consensus_conference",
        "autre_reunion": "other",
        "other_meeting": "other",
    },
    "ogp_values": {
        "acces_a_l'information": "access_to_information",
        "participation_citoyenne": "civic_participation",
        "redevabilite": "public_accountability",
        "technologie_et_innovation": "technology_innovation",
        "technology_and_innovation": "technology_innovation",
    },
    "potential_impact": {
        "aucun": "none",
        "mineur": "minor",
        "modere": "moderate",
        "transformateur": "transformative",
    },
    "stage": {
        "conception": "design",
        "action_plan_review": "design",
        "revue_du_plan_d'action": "design",
        "rapport_d'etape": "progress",
        "progress_report": "progress",
        "mid_term": "progress",
        "midterm": "progress",
        "rapport_de_fin_de_mandat": "end_of_term",
        "fin_de_mandat": "end_of_term",
        "end_of_term_report": "end_of_term",
        "eot": "end_of_term",
        "rapport_de_resultats": "results",
        "resultats": "results",
        "results_report": "results",
    },
    # A participatory-budget project's stage: the French labels, and the City's export codes
    # (`avancement_projet` of `bp_projets_gagnants`), which write "not started" two ways.
    "project_status": {
        "non_demarre": "not_started",
        "(non_demarre)": "not_started",
        "etudes": "studies",
        "travaux": "works",
        "livraison": "delivery",
        "livre": "delivery",
        "delivered": "delivery",
        "fin": "done",
        "termine": "done",
        "abandonne": "abandoned",
    },
    "status": {  # decisions
        "ouverte": "open",
        "en_cours": "open",
        "realisee": "done",
        "faite": "done",
        "abandonnee": "dropped",
    },
    "phase": {
        "co_construction": "co_creation",
        # NFKD does not take œ apart: both spellings are listed.
        "mise_en_œuvre": "implementation",
        "mise_en_oeuvre": "implementation",
    },
}


def spelling_key(value: str) -> str:
    """How a name or a coded value is compared: case, accents and surrounding spaces ignored."""
    text = unicodedata.normalize("NFKD", value.strip().lstrip("\ufeff"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return "_".join(text.replace("-", " ").split())


def header_key(name: str) -> str:
    """How a file's column name is matched to the contract: as `spelling_key`, the other names a
    column may have (`opened_government`) read as its own."""
    key = spelling_key(name)
    return HEADER_NAMES.get(key, key)


def _other_names() -> dict[str, str]:
    return {spelling_key(other): column.name for table in TABLES for column in table.columns
            for other in column.also_named}


def accepted_spellings(column: Column) -> dict[str, str]:
    """Every spelling of the column's values (as `spelling_key` makes it) -> its code."""
    keys = {code: code for code in column.choices}
    for alias, code in ALIASES.get(column.choice_domain, {}).items():
        keys.setdefault(alias, code)
    return keys


# A column's other names, as keys -> its name (`opened_government` -> `did_it_open_government`).
HEADER_NAMES: dict[str, str] = _other_names()
