"""Words of the commitments page: the list, its filters, and one commitment in detail."""

LABELS: dict[str, tuple[str, str]] = {
    "commitments.intro": ("Chaque engagement du plan, qui le pilote et où il en est au {date}.",
                          "Each commitment of the plan, who leads it and where it stands on {date}."),
    "commitments.empty": ("Ce plan n'a encore aucun engagement.", "This plan has no commitments yet."),
    "commitments.filter_institution": ("Institution pilote", "Lead institution"),
    "commitments.filter_value": ("Valeur du gouvernement ouvert", "Open government value"),
    "commitments.count": ("Engagements affichés : {shown} sur {total}",
                          "Commitments shown: {shown} of {total}"),
    "commitments.none_match": ("Aucun engagement ne correspond à ces filtres.",
                               "No commitment matches these filters."),
    "commitments.col.id": ("N°", "No."),
    "commitments.col.lead": ("Pilote", "Lead"),
    "commitments.col.values": ("Valeurs du gouvernement ouvert", "Open government values"),
    "commitments.col.self": ("Évaluation de la Ville", "City's assessment"),
    "commitments.col.independent": ("Évaluation indépendante", "Independent assessment"),
    "commitments.col.progress": ("Avancement des jalons", "Milestone progress"),
    "commitments.col.complete": ("Jalons terminés", "Milestones complete"),
    "commitments.col.overdue": ("Jalons en retard", "Milestones overdue"),
    "commitments.progress_help": ("Moyenne de l'avancement des jalons, chacun compté selon son poids ; "
                                  "un jalon terminé compte pour 100 %.",
                                  "Average progress of the milestones, each counted by its weight; "
                                  "a complete milestone counts as 100%."),
    "commitments.assessment_help": ("Niveau d'achèvement sur l'échelle du Partenariat pour un "
                                    "gouvernement ouvert, avec la date de l'évaluation.",
                                    "Completion on the Open Government Partnership's scale, with "
                                    "the date of the assessment."),
    # one commitment
    "commitments.detail": ("Un engagement en détail", "One commitment in detail"),
    "commitments.choose": ("Engagement", "Commitment"),
    "commitments.choose_placeholder": ("Choisissez un engagement", "Choose a commitment"),
    "commitments.choose_help": ("Le lien de la page mène directement à l'engagement choisi : "
                                "copiez-le pour le partager.",
                                "The page's link leads straight to the chosen commitment: copy it "
                                "to share it."),
    "commitments.choose_hint": ("Choisissez un engagement ci-dessus pour voir ses jalons, son "
                                "avancement, ses évaluations, ses réunions et sa participation.",
                                "Choose a commitment above to see its milestones, progress, "
                                "assessments, meetings and participation."),
    "commitments.unknown": ("Aucun engagement « {id} » dans ce plan : choisissez-en un dans la liste.",
                            "There is no commitment “{id}” in this plan: choose one from the list."),
    "commitments.lead_line": ("Pilote : {lead}", "Led by {lead}"),
    "commitments.values_line": ("Valeurs du gouvernement ouvert : {values}",
                                "Open government values: {values}"),
    "commitments.no_values": ("aucune", "none"),
    "commitments.no_description": ("Pas de description.", "No description."),
    "commitments.assessed_on": ("le {date}", "on {date}"),
    "commitments.never_assessed": ("pas encore d'évaluation", "no assessment yet"),
    "commitments.tab.timeline": ("Calendrier des jalons", "Milestone timeline"),
    "commitments.tab.progress": ("Avancement", "Progress"),
    "commitments.tab.assessments": ("Évaluations", "Assessments"),
    "commitments.no_milestones": ("Cet engagement n'a pas encore de jalon.",
                                  "This commitment has no milestones yet."),
    "commitments.no_progress": ("Aucun point d'avancement n'est enregistré pour cet engagement à "
                                "cette date.",
                                "No progress has been recorded for this commitment by this date."),
    "commitments.progress_caption": ("L'avancement déclaré de chaque jalon ; un jalon terminé passe à "
                                     "100 % à sa date d'achèvement.",
                                     "Each milestone's reported progress; a complete milestone "
                                     "reaches 100% on its completion date."),
    "commitments.no_assessments": ("Cet engagement n'a pas encore été évalué à cette date.",
                                   "This commitment had not been assessed by this date."),
    "commitments.assessment_caption": ("Niveau d'achèvement selon la Ville et selon l'évaluation "
                                       "indépendante, à chaque évaluation.",
                                       "Completion according to the City and to the independent "
                                       "assessment, at each assessment."),
    "commitments.no_meetings": ("Aucune réunion n'est rattachée à cet engagement.",
                                "No meeting is linked to this commitment."),
    "commitments.meetings_caption": ("Réunions tenues au {date} : {held} · prévues ensuite : {planned}",
                                     "Meetings held by {date}: {held} · planned after: {planned}"),
    "commitments.no_participation": ("Aucune participation n'est enregistrée pour cet engagement à "
                                     "cette date.",
                                     "No participation has been recorded for this commitment by "
                                     "this date."),
    "commitments.participation_caption": ("{participants} participations et {contributions} "
                                          "contributions au {date}.",
                                          "{participants} participations and {contributions} "
                                          "contributions as of {date}."),
    # columns of the detail tables
    "commitments.col.date": ("Date", "Date"),
    "commitments.col.meeting_type": ("Type de réunion", "Meeting type"),
    "commitments.col.title": ("Intitulé", "Title"),
    "commitments.col.access": ("Accès", "Access"),
    "commitments.col.attendees": ("Personnes présentes", "Attendees"),
    "commitments.col.state": ("État", "State"),
    "commitments.minutes_link": ("Lire", "Read"),
    "commitments.col.assessor": ("Évaluation", "Assessment"),
    "commitments.col.completion": ("Achèvement", "Completion"),
    "commitments.col.opened": ("A-t-il ouvert l'action publique ?", "Did it open government?"),
    "commitments.col.note": ("Commentaire interne", "Internal note"),
    "commitments.col.reported_by": ("Saisi par", "Reported by"),
    "commitments.col.month": ("Mois", "Month"),
    "commitments.col.activity": ("Activité", "Activity"),
    "commitments.col.participants": ("Participations", "Participations"),
    "commitments.col.contributions": ("Contributions", "Contributions"),
}
