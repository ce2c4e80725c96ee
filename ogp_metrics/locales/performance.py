"""Words of issue 14 (speed at scale): the cache's messages, the paged tables, the timeline."""

LABELS: dict[str, tuple[str, str]] = {
    # Command line
    "cli.from_cache": ("Réponse tirée du cache : les fichiers n'ont pas changé depuis leur "
                       "vérification du {date} ({path}). --no-cache relit et revérifie tout.",
                       "Answered from the cache: the files have not changed since they were "
                       "checked on {date} ({path}). --no-cache reads and checks everything again."),
    "cli.read_in_full": ("Tous les fichiers ont été lus et vérifiés ({seconds} s).",
                         "Every file was read and checked ({seconds} s)."),
}
