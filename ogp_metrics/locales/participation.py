"""Words of the Participation page and of the map of Paris's sectors."""

LABELS: dict[str, tuple[str, str]] = {
    "participation.intro": ("Participation enregistrée jusqu'au {date}.",
                            "Participation recorded up to {date}."),
    "participation.empty": ("Aucune participation n'est encore enregistrée. Ajoutez les chiffres "
                            "de chaque activité dans participation.csv : ils apparaîtront ici.",
                            "No participation is recorded yet. Add each activity's figures to "
                            "participation.csv: they will appear here."),
    "participation.none_match": ("Aucune participation ne correspond aux filtres choisis à cette "
                                 "date.",
                                 "No participation matches the chosen filters on this date."),
    "participation.activity": ("Activité", "Activity"),
    "participation.records": ("Activités enregistrées", "Activities recorded"),
    "participation.citywide_share": ("{pct} des participations", "{pct} of participations"),
    "participation.trend": ("Participation par mois et par activité",
                            "Participation by month and activity"),
    "participation.trend_caption": ("Quelques grandes consultations (votations, budget participatif) "
                                    "dominent : choisissez une activité dans le filtre pour voir les "
                                    "autres à leur échelle.",
                                    "A few large consultations (votes, participatory budget) dominate: "
                                    "choose an activity in the filter to see the others at their own "
                                    "scale."),
    "participation.measure": ("Compter", "Count"),
    "participation.cumulative": ("Participations et contributions cumulées, comparées aux cibles",
                                 "Participations and contributions to date, against the targets"),
    "participation.targets_whole_plan": ("Les cibles de tout le plan s'affichent quand aucun "
                                         "filtre n'est choisi.",
                                         "The whole plan's targets show when no filter is chosen."),
    "participation.by_sector": ("Participations par secteur", "Participations by sector"),
    "participation.map_caption": ("Paris Centre regroupe les 1er, 2e, 3e et 4e arrondissements. "
                                  "Chaque secteur porte son nombre de participations ; plus il est "
                                  "grand, plus la couleur est foncée.",
                                  "Paris Centre groups the 1st, 2nd, 3rd and 4th arrondissements. "
                                  "Each sector shows its number of participations; the larger it is, "
                                  "the darker the colour."),
    "participation.boundaries_caption": ("Limites des arrondissements : fichier "
                                         "arrondissements.geojson du dossier de données.",
                                         "Arrondissement boundaries: arrondissements.geojson in the "
                                         "data folder."),
    "participation.citywide_caption": ("Activités en ligne ou à l'échelle de tout Paris, sans "
                                       "arrondissement : elles ne figurent pas sur la carte.",
                                       "Online or Paris-wide activities, with no arrondissement: "
                                       "they are not on the map."),
    "participation.diversity": ("Qui a participé", "Who took part"),
    "participation.diversity_caption": ("Part de toutes les participations. Quand l'âge ou le genre n'a "
                                        "pas été relevé, la personne est comptée comme inconnue.",
                                        "Share of all participations. When age or gender was not "
                                        "recorded, the person is counted as unknown."),
    "participation.by_age": ("Par tranche d'âge", "By age group"),
    "participation.by_gender": ("Par genre", "By gender"),
    "participation.unknown_short": ("{pct} inconnu", "{pct} unknown"),
    "participation.small_cells": ("Les effectifs de moins de 5 personnes sont masqués (« < 5 »).",
                                  "Counts under 5 people are hidden (\"< 5\")."),
    "participation.col.age_group": ("Tranche d'âge", "Age group"),
    "participation.col.gender": ("Genre", "Gender"),
    "sectors_map.centre_short": ("Centre", "Centre"),
    "sectors_map.number_short": ("{number}e", "{number}th"),
}
