"""Words of issue 15 (hardening): sign-in settings, public-only access, workbook and file limits,
identifiers, the history log and its repair, the cache folder."""

LABELS: dict[str, tuple[str, str]] = {
    # Sign-in kept off by settings copied from the example (ui.sign_in_settings)
    "auth.disabled": ("Connexion des agents désactivée, consultation seule : {reasons} Voir le "
                      "README, « Deployment and security ».",
                      "Staff sign-in is disabled, read-only: {reasons} See the README, "
                      "“Deployment and security”."),
    "auth.disabled.cookie_secret_missing": ("le cookie_secret de [auth] est vide.",
                                            "the cookie_secret of [auth] is empty."),
    "auth.disabled.cookie_secret_example": ("le cookie_secret est celui de l'exemple (n'importe qui "
                                            "pourrait signer une session d'agent).",
                                            "the cookie_secret is the example's (anyone could sign a "
                                            "staff session)."),
    "auth.disabled.cookie_secret_placeholder": ("le cookie_secret est un texte à remplacer, pas un "
                                                "secret.",
                                                "the cookie_secret is a placeholder, not a secret."),
    "auth.disabled.cookie_secret_short": ("le cookie_secret a moins de 32 caractères.",
                                          "the cookie_secret is shorter than 32 characters."),
    "auth.disabled.cookie_secret_low_entropy": ("le cookie_secret est trop facile à deviner "
                                                "(répétitions, suites ou mots) : générez-le avec "
                                                "secrets.token_urlsafe(48).",
                                                "the cookie_secret is too easy to guess (repeats, "
                                                "runs or words): generate it with "
                                                "secrets.token_urlsafe(48)."),
    "auth.disabled.example_staff": ("la liste staff_emails contient l'adresse de l'exemple "
                                    "(prenom.nom@paris.fr).",
                                    "the staff_emails list holds the example's address "
                                    "(prenom.nom@paris.fr)."),
    "app.public_only_help": ("Ce site ne montre que la vue publique aux visiteurs : les agents "
                             "connectés peuvent passer en vue interne.",
                             "This site shows visitors the public view only: signed-in staff can "
                             "switch to the internal view."),
}
