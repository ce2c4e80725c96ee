"""Words of the milestones page and of the milestone timeline (also drawn on the commitments page)."""

LABELS: dict[str, tuple[str, str]] = {
    "milestones.intro": ("Tous les jalons du plan au {date}, regroupés par engagement.",
                         "Every milestone of the plan as of {date}, grouped by commitment."),
    "milestones.empty": ("Aucun jalon n'a encore été défini pour ce plan.",
                         "No milestone has been set for this plan yet."),
    "milestones.none_match": ("Aucun jalon ne correspond à ces filtres.",
                              "No milestone matches these filters."),
    "milestones.count": ("Jalons affichés : {shown} sur {total}", "Milestones shown: {shown} of {total}"),
    "milestones.no_owner": ("Non attribué", "Unassigned"),
    "milestones.timeline": ("Calendrier du plan", "The plan's timeline"),
    "milestones.due_soon": ("À échéance dans les {days} prochains jours",
                            "Due in the next {days} days"),
    "milestones.due_soon_none": ("Aucun jalon à terminer n'arrive à échéance dans les {days} jours "
                                 "qui suivent le {date}.",
                                 "No unfinished milestone falls due in the {days} days after {date}."),
    "milestones.filters_apply": ("Les filtres s'appliquent au calendrier et à ce tableau.",
                                 "The filters apply to the timeline and to this table."),
    "milestones.col.days_left": ("Jours restants", "Days left"),
    "milestones.col.id": ("N°", "No."),
    # the timeline chart
    "milestones.chart.period": ("Période prévue, du début à l'échéance",
                                "Planned period, from start to due date"),
    "milestones.chart.overdue_label": ("En retard · {days} j", "Overdue · {days} d"),
    "milestones.gantt_caption": ("Chaque barre va du début prévu à l'échéance. Le symbole indique le "
                                 "statut : rond à la date d'achèvement pour un jalon terminé, losange "
                                 "pour un jalon en cours, carré s'il n'a pas commencé, triangle et "
                                 "mention « En retard » s'il a dépassé son échéance ; « ◆ À risque » "
                                 "signale un jalon à risque. La ligne pointillée marque le {date}.",
                                 "Each bar runs from the planned start to the due date. The symbol "
                                 "tells the status: a circle on the completion date for a complete "
                                 "milestone, a diamond when in progress, a square when not started, "
                                 "a triangle and the word “Overdue” when past its due date; "
                                 "“◆ At risk” marks a milestone at risk. The dashed line marks {date}."),
}
