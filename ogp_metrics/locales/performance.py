"""Words of issue 14 (speed at scale): the cache's messages, the paged tables, the timeline."""

LABELS: dict[str, tuple[str, str]] = {
    # Command line
    "cli.from_cache": ("Réponse tirée du cache : les fichiers n'ont pas changé depuis leur "
                       "vérification du {date} ({path}). --no-cache relit et revérifie tout.",
                       "Answered from the cache: the files have not changed since they were "
                       "checked on {date} ({path}). --no-cache reads and checks everything again."),
    "cli.read_in_full": ("Tous les fichiers ont été lus et vérifiés ({seconds} s).",
                         "Every file was read and checked ({seconds} s)."),
    # Tables shown a page at a time
    "paged.search": ("Rechercher", "Search"),
    "paged.search_placeholder": ("Un mot du titre, un identifiant…", "A word of the title, an identifier…"),
    "paged.page": ("Page (sur {pages})", "Page (of {pages})"),
    "paged.rows": ("Lignes {first} à {last} sur {total}.", "Rows {first} to {last} of {total}."),
    "paged.download": ("Télécharger les {count} lignes (CSV)", "Download the {count} rows (CSV)"),
    "paged.none": ("Aucune ligne ne correspond à cette recherche.", "No row matches this search."),
    # The Milestones page's timeline of a large plan
    "milestones.by_commitment": (
        "{count} jalons : trop pour les dessiner tous. Chaque engagement est une barre, de son "
        "premier début à sa dernière échéance, dans l'état de son jalon le moins avancé (en retard "
        "si l'un l'est). Choisissez un engagement sous la frise pour voir ses jalons.",
        "{count} milestones: too many to draw them all. Each commitment is one bar, from its "
        "first start to its last due date, in the status of its least advanced milestone (overdue "
        "if any is). Pick a commitment below the timeline to see its milestones."),
    "milestones.pick_commitment": ("Voir les jalons d'un engagement", "See the milestones of a commitment"),
    "milestones.pick_placeholder": ("Choisir un engagement", "Choose a commitment"),
    "milestones.col.count": ("Jalons", "Milestones"),
    # The Overview's points of attention in a large plan: the first ones, then how many more
    "attention.more": ("… et {count} autres points d'attention : voir la page Jalons.",
                       "… and {count} more points of attention: see the Milestones page."),
    "attention.more.one": ("… et un autre point d'attention : voir la page Jalons.",
                           "… and one more point of attention: see the Milestones page."),
    # Long lists in the briefing and on the public site: the first ones, then a count
    "briefing.more_listed": ("… et {count} autres, non listés ici.", "… and {count} more, not listed here."),
    "briefing.more_listed.one": ("… et un autre, non listé ici.", "… and one more, not listed here."),
    "briefing.commitments_as_lines": (
        "Ce plan compte {count} engagements : une ligne chacun ; le détail de chacun (jalons, "
        "évaluations) est sur la page Engagements du tableau de bord.",
        "This plan has {count} commitments: one line each; each one's detail (milestones, "
        "assessments) is on the dashboard's Commitments page."),
    "site.more_listed": ("… et {count} autres, tous dans le fichier de données",
                         "… and {count} more, all in the data file"),
}
