"""The data contract as a readable dictionary, generated from `schema`.

`data/README.md` holds this text between two markers; `python -m ogp_metrics docs --write`
rewrites it, and a test fails when the README and the schema disagree.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ogp_metrics import text
from ogp_metrics.contract import schema
from ogp_metrics.contract.schema import Column, Kind, Table

BEGIN = "<!-- BEGIN GENERATED CONTRACT: python -m ogp_metrics docs --write -->"
END = "<!-- END GENERATED CONTRACT -->"
README = Path(__file__).resolve().parents[2] / "data" / "README.md"

_KIND_TEXT = {
    Kind.TEXT: ("texte", "text"),
    Kind.IDENTIFIER: ("identifiant", "identifier"),
    Kind.DATE: ("date (31/12/2026 ou 2026-12-31)", "date (31/12/2026 or 2026-12-31)"),
    Kind.WHOLE: ("nombre entier ≥ 0 (12 345)", "whole number ≥ 0 (12 345)"),
    Kind.DECIMAL: ("nombre (62,5 ou 62.5)", "number (62,5 or 62.5)"),
    Kind.PERCENT: ("pourcentage (62,5 ou 62,5 %)", "percentage (62,5 or 62.5%)"),
    Kind.BOOLEAN: ("oui/non (oui, non, vrai, faux, 1, 0, yes, no, true, false)",
                   "yes/no (yes, no, true, false, oui, non, vrai, faux, 1, 0)"),
    Kind.CHOICE: ("une valeur de la liste", "one value from the list"),
    Kind.CHOICE_LIST: ("valeurs de la liste séparées par |", "values from the list separated by |"),
    Kind.URL: ("lien http:// ou https://", "http:// or https:// link"),
    Kind.SECTOR: ("arrondissement : 1 à 20, 1er, 11e, 16ème, 75011, 75116 ou Paris Centre",
                  "arrondissement: 1 to 20, 1er, 11e, 16ème, 75011, 75116 or Paris Centre"),
}


def kind_text(column: Column, lang: str) -> str:
    return _KIND_TEXT[column.kind][text.LANGUAGES.index(lang)]


def allowed_values(column: Column, lang: str) -> str:
    """`code` (label), ... for a coded column; empty for the others."""
    if not column.choices:
        return ""
    return ", ".join(f"`{code}` ({text.value_label(column.choice_domain, code, lang)})"
                     for code in column.choices)


def dictionary(table: Table, lang: str) -> pd.DataFrame:
    """One row per column of a file: name, required, type, allowed values, description, example."""
    fr = lang == "fr"
    rows = []
    for column in table.columns:
        rows.append({
            text.t("contract.column", lang): column.name,
            text.t("contract.required", lang): text.t(
                "contract.yes" if column.required else "contract.no", lang),
            text.t("contract.type", lang): kind_text(column, lang),
            text.t("contract.allowed", lang): allowed_values(column, lang).replace("`", ""),
            text.t("contract.description", lang): column.description_fr if fr else column.description_en,
            text.t("contract.example", lang): column.example,
        })
    return pd.DataFrame(rows)


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def _table_markdown(table: Table, lang: str) -> list[str]:
    fr = lang == "fr"
    optional = f" ({text.t('contract.optional', lang)})" if table.optional else ""
    lines = [f"### `{table.filename}`{optional}", "",
             table.description_fr if fr else table.description_en, ""]
    headers = [text.t(key, lang) for key in ("contract.column", "contract.required", "contract.type",
                                             "contract.allowed", "contract.description",
                                             "contract.example")]
    lines.append("| " + " | ".join(headers) + " |")
    lines.append("|" + "---|" * len(headers))
    for column in table.columns:
        required = text.t("contract.yes" if column.required else "contract.no", lang)
        example = f"`{column.example}`" if column.example else ""
        description = column.description_fr if fr else column.description_en
        lines.append("| " + " | ".join(_cell(value) for value in (
            f"`{column.name}`", required, kind_text(column, lang), allowed_values(column, lang),
            description, example)) + " |")
    rules = _rules(table, lang)
    if rules:
        lines += ["", *[f"- {rule}" for rule in rules]]
    return [*lines, ""]


def _rules(table: Table, lang: str) -> list[str]:
    rules = []
    if table.unique:
        rules.append(text.t("contract.rule_unique", lang, columns=" + ".join(table.unique)))
    for rule in table.rules:
        rules.append(text.t("contract.rule_order", lang, left=rule.left, right=rule.right))
    for column in table.columns:
        bounds = _bounds(column, lang)
        if bounds:
            rules.append(bounds)
        if column.references:
            target, target_column = column.references
            rules.append(text.t("contract.rule_reference", lang, column=column.name,
                                target=f"{target}.csv", target_column=target_column))
    if table.single_row:
        rules.append(text.t("contract.rule_single_row", lang))
    rules.append(text.t("contract.rule_key", lang, columns=" + ".join(table.key)) if table.key
                 else text.t("contract.rule_no_key", lang))
    rules.append(text.t(f"contract.rule_mode_{table.default_mode}", lang))
    return rules


def _bounds(column: Column, lang: str) -> str | None:
    """The column's plausible range in words, for a number column with a maximum."""
    if column.maximum is None:
        return None
    values = {"column": column.name, "maximum": text.format_number(column.maximum, lang)}
    if column.minimum is None:
        return text.t("contract.rule_at_most", lang, **values)
    key = "contract.rule_above_up_to" if column.exclusive_minimum else "contract.rule_between"
    return text.t(key, lang, minimum=text.format_number(column.minimum, lang), **values)


def contract_markdown() -> str:
    """The whole contract, French first, then English."""
    lines = [BEGIN, ""]
    for lang in text.LANGUAGES:
        lines += [f"## {text.t('contract.heading', lang)}", "", text.t("contract.intro", lang), ""]
        for table in schema.TABLES:
            lines += _table_markdown(table, lang)
    lines.append(END)
    return "\n".join(lines) + "\n"


def readme_with_contract(readme: str) -> str:
    """The README's text with its generated part replaced by the current contract."""
    start, end = readme.index(BEGIN), readme.index(END) + len(END) + 1
    return readme[:start] + contract_markdown() + readme[end:]


def generated_part(readme: str) -> str:
    start, end = readme.index(BEGIN), readme.index(END) + len(END) + 1
    return readme[start:end]
