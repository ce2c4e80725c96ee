"""Words of the "Votes and projects" page, the IRM's view on the Overview and Commitments pages,
and their sections of the site and the briefing (issue 12, presentation), French then English."""

LABELS: dict[str, tuple[str, str]] = {
    "nav.votes_projects": ("Votes et projets", "Votes and projects"),
    "votes_page.intro": (
        "Les votations, leurs résultats et leur participation par secteur, et les projets décidés par "
        "les Parisiens (budget participatif), au {date}.",
        "Citizens' votes, their results and turnout per sector, and the projects Parisians decided "
        "(participatory budget), as of {date}.",
    ),
    "votes_page.empty": (
        "Aucun événement, vote ou projet décidé à cette date.",
        "No event, vote or decided project on this date.",
    ),
    "votes_page.events": ("Événements", "Events"),
    "votes_page.events_summary": (
        "{events}, dont {votes} ; {rows} de participation les nomment.",
        "{events}, {votes} among them; {rows} of participation name them.",
    ),
    "votes_page.events_count": ("{count} événements", "{count} events"),
    "votes_page.events_count.one": ("{count} événement", "{count} event"),
    "votes_page.votes_count": ("{count} votations avec résultats", "{count} votes with results"),
    "votes_page.votes_count.one": ("{count} votation avec résultats", "{count} vote with results"),
    "votes_page.rows_count": ("{count} lignes", "{count} rows"),
    "votes_page.rows_count.one": ("{count} ligne", "{count} row"),
    "votes_page.events_caption": (
        "Participations et secteurs : ceux des lignes de participation qui nomment l'événement ; pour "
        "une votation qu'aucune ligne ne nomme, ses votants et ses secteurs d'après ses résultats.",
        "Participants and sectors: those of the participation rows that name the event; for a vote "
        "that no row names, its voters and sectors from its results."),
    "votes_page.col.event": ("Événement", "Event"),
    "votes_page.col.dates": ("Dates", "Dates"),
    "votes_page.col.channel": ("Modalité", "Channel"),
    "votes_page.col.sectors": ("Secteurs", "Sectors"),
    "votes_page.votes": ("Votations", "Citizens' votes"),
    "votes_page.choose_vote": ("Votation", "Vote"),
    "votes_page.vote_heading": ("{title} ({date})", "{title} ({date})"),
    "votes_page.turnout": ("Participation", "Turnout"),
    "votes_page.turnout_text": (
        "{pct} ({voters} votants sur {registered} inscrits)",
        "{pct} ({voters} voters of {registered} registered)",
    ),
    "votes_page.turnout_unknown": (
        "{voters} votants (inscrits inconnus)",
        "{voters} voters (registered voters unknown)",
    ),
    "votes_page.turnout_caption": ("Votants rapportés aux inscrits", "Voters over registered voters"),
    "votes_page.turnout_line": (
        "Participation : {turnout} · {blank_null}",
        "Turnout: {turnout} · {blank_null}",
    ),
    "site.card_line": ("{label} : {value}", "{label}: {value}"),
    "site.page.votes": ("Votes et projets", "Votes and projects"),
    "votes_page.blank_null": ("{blank} blancs · {null} nuls", "{blank} blank · {null} null"),
    "votes_page.blank_null_label": ("Blancs et nuls", "Blank and null"),
    "votes_page.result": ("Résultat par réponse", "Result per option"),
    "votes_page.result_alt": ("« {question} » : {result}.", "“{question}”: {result}."),
    "votes_page.result_note": (
        "Part des suffrages exprimés (hors blancs et nuls).",
        "Share of the votes cast for an option (blank and null votes left out).",
    ),
    "votes_page.col.votes": ("Voix", "Votes"),
    "votes_page.col.option": ("Réponse", "Option"),
    "votes_page.col.share": ("Part des exprimés", "Share of votes cast"),
    "votes_page.col.registered": ("Inscrits", "Registered"),
    "votes_page.col.voters": ("Votants", "Voters"),
    "votes_page.col.turnout": ("Participation (votants / inscrits)", "Turnout (voters / registered)"),
    "votes_page.map_measure": ("La carte montre", "The map shows"),
    "votes_page.map_legend.turnout_pct": ("Participation (% des inscrits)", "Turnout (% of registered)"),
    "votes_page.map_legend.voters": ("Votants (nombre)", "Voters (number)"),
    "votes_page.map_title.turnout_pct": ("Participation par secteur", "Turnout per sector"),
    "votes_page.map_title.voters": ("Votants par secteur", "Voters per sector"),
    "votes_page.map_alt": (
        "Carte des secteurs de Paris, {measure} ; les plus élevés : {top}.",
        "Map of Paris's sectors, {measure}; highest: {top}.",
    ),
    "votes_page.map_note.turnout_pct": (
        "Un taux : votants rapportés aux inscrits du secteur, comparable d'un secteur à l'autre.",
        "A rate: voters over the sector's registered voters, comparable from one sector to another.",
    ),
    "votes_page.map_note.voters": (
        "Un nombre : les secteurs les plus peuplés ont le plus de votants ; comparez la participation.",
        "A count: the most populous sectors have the most voters; compare turnout instead.",
    ),
    "votes_page.ticks_note": (
        "Un triangle et un trait marquent le jour d'un événement d'un jour (une votation) et ses "
        "participants, qui ne sont pas comptés dans les barres des mois.",
        "A triangle and a rule mark the day of a one-day event (a vote) and its participants, who "
        "are not counted in the months' bars.",
    ),
    "participation.event_row": ("{date} : {title}", "{date}: {title}"),
    "briefing_outcomes.result": (
        "Résultat (suffrages exprimés) : {result}.",
        "Result (votes cast): {result}.",
    ),
    "briefing_outcomes.turnout_range": (
        "Participation la plus forte : {high} ({high_pct}) ; la plus faible : {low} ({low_pct}).",
        "Highest turnout: {high} ({high_pct}); lowest: {low} ({low_pct}).",
    ),
    "briefing_outcomes.more_votes": (
        "{count} votations plus anciennes : voir le site et le tableau de bord.",
        "{count} older votes: see the site and the dashboard.",
    ),
    # Decided projects
    "projects_page.heading": (
        "Projets décidés (budget participatif)",
        "Decided projects (participatory budget)",
    ),
    "projects_page.won": ("Projets lauréats", "Projects won"),
    "projects_page.editions": ("sur {count} éditions", "over {count} editions"),
    "projects_page.editions.one": ("sur {count} édition", "over {count} edition"),
    "projects_page.amount": ("Budget des projets", "Projects' budget"),
    "projects_page.delivered_share": ("Part livrée", "Share delivered"),
    "projects_page.delivered_of": ("{count} livrés sur {total}", "{count} delivered of {total}"),
    "projects_page.delivered_of.one": ("{count} livré sur {total}", "{count} delivered of {total}"),
    "projects_page.col.edition": ("Édition", "Edition"),
    "projects_page.col.sector": ("Secteur", "Sector"),
    "projects_page.col.projects": ("Projets", "Projects"),
    "projects_page.col.amount": ("Budget", "Budget"),
    "projects_page.col.delivered": ("Livrés", "Delivered"),
    "projects_page.col.delivered_share": ("Part livrée", "Share delivered"),
    "projects_page.col.delivered_month": ("Livrés dans le mois", "Delivered that month"),
    "projects_page.col.status": ("Étape", "Stage"),
    "projects_page.col.title": ("Projet", "Project"),
    "projects_page.col.delivery": ("Livraison (prévue ou faite)", "Delivery (planned or done)"),
    "projects_page.edition_bar": (
        "{projects} · {amount} · {pct} livrés",
        "{projects} · {amount} · {pct} delivered",
    ),
    "projects_page.by_edition": ("Projets lauréats par édition", "Projects won per edition"),
    "projects_page.by_edition_alt": (
        "Projets lauréats par édition, budget et part livrée : {detail}.",
        "Projects won per edition, budget and share delivered: {detail}.",
    ),
    "projects_page.by_edition_note": (
        "Un projet compte à partir du 31 décembre de son édition ; livré : étape « Livré » ou "
        "« Terminé », à sa date de livraison.",
        "A project counts from 31 December of its edition; delivered: stage “Delivered” or “Done”, "
        "from its delivery date.",
    ),
    "projects_page.map_legend": ("Projets lauréats (nombre)", "Projects won (number)"),
    "projects_page.by_sector": ("Projets lauréats par secteur", "Projects won per sector"),
    "projects_page.by_sector_alt": (
        "Carte des secteurs de Paris, projets lauréats ; les plus nombreux : {top}.",
        "Map of Paris's sectors, projects won; most: {top}.",
    ),
    "projects_page.citywide_note": (
        "{count} projets concernent tout Paris (hors carte, voir le tableau).",
        "{count} projects concern the whole of Paris (not on the map; see the table).",
    ),
    "projects_page.citywide_note.one": (
        "{count} projet concerne tout Paris (hors carte, voir le tableau).",
        "{count} project concerns the whole of Paris (not on the map; see the table).",
    ),
    "projects_page.by_status": ("Projets par étape", "Projects per stage"),
    "projects_page.by_status_alt": ("Projets par étape : {detail}.", "Projects per stage: {detail}."),
    "projects_page.deliveries": ("Livraisons au fil du temps", "Deliveries over time"),
    "projects_page.delivered_series": ("Projets livrés (cumul)", "Projects delivered (to date)"),
    "projects_page.deliveries_alt": (
        "Projets livrés en cumul : {count} à fin {date}.",
        "Projects delivered to date: {count} by {date}.",
    ),
    "projects_page.deliveries_note": (
        "Projets sans date de livraison non comptés ici.",
        "Projects with no delivery date are not counted here.",
    ),
    "projects_page.list": ("Les projets", "The projects"),
    "projects_page.none": ("Aucun projet décidé à cette date.", "No decided project on this date."),
    # The IRM's view
    "irm.heading": ("Selon la Ville et selon le MRI (OGP)", "According to the City and to the IRM (OGP)"),
    "irm.detail_heading": ("Ce qu'en dit le MRI (OGP)", "What the IRM (OGP) says"),
    "irm.caption": (
        "La Ville s'auto-évalue ; le Mécanisme de rapport indépendant (MRI, IRM en anglais) d'OGP "
        "évalue chaque engagement à ses propres étapes (conception, étape, fin de mandat).",
        "The City assesses itself; OGP's Independent Reporting Mechanism (IRM) assesses each "
        "commitment at its own stages (design, progress, end of term).",
    ),
    "irm.col.self": ("Achèvement selon la Ville", "Completion according to the City"),
    "irm.col.independent": ("Achèvement selon le MRI (OGP)", "Completion according to the IRM (OGP)"),
    "irm.col.report": ("Rapport du MRI", "IRM report"),
    "irm.col.potential_impact": ("Impact potentiel (MRI)", "Potential impact (IRM)"),
    "irm.col.starred": ("Étoilé (MRI)", "Starred (IRM)"),
    "irm.col.opened_government": ("A-t-il ouvert l'action publique ? (MRI)", "Did it open government? (IRM)"),
    "irm.card.opened_government": ("Ouverture (MRI)", "Opened government? (IRM)"),
    "irm.latest_report": ("Dernier rapport du MRI : {report}", "Latest IRM report: {report}"),
    "irm.starred_yes": ("Oui ★", "Yes ★"),
    "irm.starred_no": ("Non", "No"),
    "irm.agreement": (
        "Le MRI a évalué {assessed} ; il rejoint la Ville sur {same}.",
        "The IRM assessed {assessed}; it agrees with the City on {same}.",
    ),
    "irm.commitments_count": ("{count} engagements", "{count} commitments"),
    "irm.commitments_count.one": ("{count} engagement", "{count} commitment"),
}
