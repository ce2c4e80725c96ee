"""A mapping profile written as TOML, so that `mapping.parse_profile` reads it back the same
(the Update page's mapping step saves profiles this way)."""

from __future__ import annotations

import re

from ogp_metrics.ingest.profile_model import Melt, Parameter, Profile, Rows, Skip, Source


def profile_toml(profile: Profile) -> str:
    """The profile as TOML that `parse_profile` reads back into the same profile."""
    lines = []
    if profile.description:
        lines.append(f"description = {_quoted(profile.description)}")
    if profile.date_order != "dmy":
        lines.append(f"date_order = {_quoted(profile.date_order)}")
    for key in ("date_precision", "thousands", "decimal"):
        if getattr(profile, key):
            lines.append(f"{key} = {_quoted(getattr(profile, key))}")
    if profile.empty:
        lines.append(f"empty = {_list(profile.empty)}")
    if profile.header_row != 1:
        lines.append(f"header_row = {profile.header_row}")
    if profile.date_order_by_separator:
        orders = ", ".join(f"{_quoted(separator)} = {_quoted(order)}"
                           for separator, order in profile.date_order_by_separator.items())
        lines.append(f"date_order_by_separator = {{ {orders} }}")
    if profile.parameters:
        lines += ["", "[parameters]"]
        lines += [f"{_key(name)} = {_parameter_toml(spec)}" for name, spec in profile.parameters.items()]
    for mapping in profile.tables:
        lines += ["", "[[tables]]", f"table = {_quoted(mapping.table)}"]
        for key in ("mode", "existing"):
            if getattr(mapping, key):
                lines.append(f"{key} = {_quoted(getattr(mapping, key))}")
        if mapping.distinct:
            lines.append("distinct = true")
        if mapping.melt:
            lines.append(f"melt = {_melt_toml(mapping.melt)}")
        if mapping.keep:
            lines.append(f"keep = {_list(mapping.keep)}")
        if mapping.skip:
            rules = ", ".join(_skip_toml(rule) for rule in mapping.skip)
            lines.append(f"skip = [{rules}]")
        if mapping.only:
            rules = ", ".join(_rows_toml(rule) for rule in mapping.only)
            lines.append(f"only = [{rules}]")
        if mapping.columns:
            lines += ["", "[tables.columns]"]
            lines += [f"{_key(name)} = {_source_toml(source)}" for name, source in mapping.columns.items()]
        for name, values in mapping.values.items():
            lines += ["", f"[tables.values.{_key(name)}]"]
            lines += [f"{_quoted(before)} = {_quoted(after)}" for before, after in values.items()]
    return "\n".join(lines).lstrip("\n") + "\n"


def _quoted(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _key(name: str) -> str:
    return name if re.fullmatch(r"[A-Za-z0-9_-]+", name) else _quoted(name)


def _list(values) -> str:
    return "[" + ", ".join(_quoted(value) for value in values) + "]"


def _source_toml(source: Source) -> str:
    kind = next(kind for kind in ("column", "template", "parameter", "constant")
                if getattr(source, kind) is not None or kind == "constant")
    parts = [f"{kind} = {_quoted(getattr(source, kind) or '')}"]
    if source.date_order:
        parts.append(f"date_order = {_quoted(source.date_order)}")
    if source.date_precision:
        parts.append(f"date_precision = {_quoted(source.date_precision)}")
    if source.column is not None and len(parts) == 1:
        return _quoted(source.column)
    return "{ " + ", ".join(parts) + " }"


def _skip_toml(rule: Skip) -> str:
    parts = [f"column = {_quoted(rule.column)}"]
    if rule.values:
        parts.append(f"values = {_list(rule.values)}")
    if rule.blank:
        parts.append("blank = true")
    if rule.known:
        parts.append(f"known = {_quoted(rule.known)}")
    return "{ " + ", ".join(parts) + " }"


def _rows_toml(rule: Rows) -> str:
    parts = [f"column = {_quoted(rule.column)}"]
    if rule.values:
        parts.append(f"values = {_list(rule.values)}")
    if rule.parameter:
        parts.append(f"parameter = {_quoted(rule.parameter)}")
    return "{ " + ", ".join(parts) + " }"


def _melt_toml(melt: Melt) -> str:
    return (f"{{ after = {_quoted(melt.after)}, name = {_quoted(melt.name)}, "
            f"value = {_quoted(melt.value)} }}")


def _parameter_toml(spec: Parameter) -> str:
    parts = [f"default = {_quoted(spec.default)}"] if spec.default is not None else []
    if spec.required:
        parts.append("required = true")
    return "{ " + ", ".join(parts) + " }" if parts else "{}"
