"""BTDF's settings spreadsheet (``SettingsFileGenerator.xml``, SpreadsheetML 2003), without Excel.

Read as XmlPreprocess reads it: the first worksheet; rows and cells placed by ``ss:Index``
(and ``ss:MergeAcross``); a cell's value is the text of its ``Data`` (a ``Boolean`` 0/1 reads
False/True); comments are not values. The layout is BTDF's: an ``Environment Name:`` row
(column B "Default Values", then one column per environment), ``Generate File?``,
``Settings File Name:``, then ``Settings:`` and one row per setting.

Written back losslessly: :func:`write` edits only the cells whose value changed (and the
rows added or removed), so a file read and written unchanged is the same bytes, and Excel,
XmlPreprocess and the BTDF exporter still read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from model.bindings import safe, xmltext
from model.environments.table import Environment, Setting, SettingsError, SettingsTable, unique_names

NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
_HEADERS = {
    "environment name:": "names",
    "generate file?": "generate",
    "settings file name:": "files",
    "settings:": "settings",
}
_DEFAULT_COLUMN = 2
_FIRST_ENV_COLUMN = 3


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _attr(el: xmltext.Element, name: str) -> str | None:
    for key, value in el.attrs().items():
        if _local(key) == name and (":" not in key or key.startswith("ss:")):
            return value
    return None


def _children(el: xmltext.Element, name: str) -> list[xmltext.Element]:
    return [c for c in el.elements() if _local(c.name) == name]


def _all_text(el: xmltext.Element) -> str:
    parts = []
    for child in el.children:
        if isinstance(child, xmltext.Element):
            parts.append(_all_text(child))
        elif isinstance(child, xmltext.Text):
            parts.append(xmltext.unescape(xmltext.normalize_newlines(child)))
        elif isinstance(child, xmltext.CData):
            parts.append(child[9:-3])
    return "".join(parts)


def _clean(value: str) -> str:
    """Drop indentation added by hand-editing the XML (leading or trailing whitespace that
    holds a line break); other whitespace is the value's own."""
    head = len(value) - len(value.lstrip())
    tail = len(value) - len(value.rstrip())
    if "\n" in value[:head]:
        value = value[head:]
    if tail and "\n" in value[len(value) - tail :]:
        value = value.rstrip()
    return value


@dataclass
class _Row:
    element: xmltext.Element
    index: int
    cells: dict[int, xmltext.Element] = field(default_factory=dict)

    def value(self, column: int) -> str | None:
        cell = self.cells.get(column)
        if cell is None:
            return None
        data = _children(cell, "Data")
        if not data:
            return None
        text = _all_text(data[0])
        if (_attr(data[0], "Type") or "").lower() == "boolean":
            text = {"0": "False", "1": "True"}.get(text, text)
        return _clean(text)


@dataclass
class _Sheet:
    nodes: list
    table: xmltext.Element
    rows: list[_Row]
    header: dict[str, _Row]
    settings: dict[str, _Row]  # casefolded name -> row
    columns: dict[str, int]  # casefolded environment name -> column


def _rows(table: xmltext.Element) -> list[_Row]:
    rows: list[_Row] = []
    index = 0
    for row_el in _children(table, "Row"):
        given = _attr(row_el, "Index")
        index = int(given) if given and given.isdigit() else index + 1
        row = _Row(row_el, index)
        column = 0
        for cell in _children(row_el, "Cell"):
            at = _attr(cell, "Index")
            column = int(at) if at and at.isdigit() else column + 1
            row.cells[column] = cell
            merge = _attr(cell, "MergeAcross")
            if merge and merge.isdigit():
                column += int(merge)
        rows.append(row)
    return rows


def _sheet(text: str, where: str) -> _Sheet:
    nodes = xmltext.parse(text)
    root = xmltext.first_element(nodes)
    if root is None or _local(root.name) != "Workbook":
        raise SettingsError(where, "not a SpreadsheetML workbook (no <Workbook> root)")
    sheets = _children(root, "Worksheet")
    tables = _children(sheets[0], "Table") if sheets else []
    if not tables:
        raise SettingsError(where, "the workbook has no worksheet with a table")
    rows = _rows(tables[0])
    header: dict[str, _Row] = {}
    settings: dict[str, _Row] = {}
    in_settings = False
    for row in rows:
        first = (row.value(1) or "").strip()
        kind = _HEADERS.get(first.lower())
        if kind is not None and not in_settings:
            header[kind] = row
            in_settings = kind == "settings"
        elif in_settings and first:
            key = first.casefold()
            if key in settings:
                raise SettingsError(f"{where}: row {row.index}", f"setting '{first}' appears twice")
            settings[key] = row
    names = header.get("names")
    if names is None:
        raise SettingsError(
            where, "no 'Environment Name:' row in the first worksheet (not a BTDF settings spreadsheet)"
        )
    if "settings" not in header:
        raise SettingsError(where, "no 'Settings:' row in the first worksheet (not a BTDF settings spreadsheet)")
    columns: dict[str, int] = {}
    for column in sorted(c for c in names.cells if c >= _FIRST_ENV_COLUMN):
        name = (names.value(column) or "").strip()
        if name:
            if name.casefold() in columns:
                raise SettingsError(f"{where}: row {names.index}", f"environment '{name}' appears twice")
            columns[name.casefold()] = column
    return _Sheet(nodes, tables[0], rows, header, settings, columns)


def is_spreadsheet(text: str) -> bool:
    """Whether ``text`` looks like SpreadsheetML (its root element in the spreadsheet namespace)."""
    head = text[:4096]
    return (NAMESPACE in head and "<Workbook" in head) or "<ss:Workbook" in head


def _decode(source: str | Path | bytes) -> tuple[safe.Decoded, str]:
    data, name = safe.read_source(source)
    decoded = safe.decode(data, name)
    safe.parse_document(decoded, name, data)  # well-formed, no DTD or entities
    return decoded, name


def parse_text(text: str, where: str = "<spreadsheet>") -> SettingsTable:
    sheet = _sheet(text, where)
    names = sheet.header["names"]
    generate = sheet.header.get("generate")
    files = sheet.header.get("files")
    environments = []
    for column in sheet.columns.values():
        flag = (generate.value(column) or "").strip().lower() if generate else ""
        environments.append(
            Environment(
                name=(names.value(column) or "").strip(),
                file_name=(files.value(column) or "").strip() or None if files else None,
                generate=flag not in ("no", "false", "0"),
            )
        )
    settings = []
    for row in sheet.settings.values():
        values = {env.name: row.value(column) for env, column in zip(environments, sheet.columns.values(), strict=True)}
        settings.append(Setting((row.value(1) or "").strip(), row.value(_DEFAULT_COLUMN), values))
    return SettingsTable(environments, settings)


def read(source: str | Path | bytes) -> tuple[SettingsTable, safe.Decoded]:
    """The table of a BTDF settings spreadsheet, and its text (to write it back with :func:`write`)."""
    decoded, name = _decode(source)
    return parse_text(decoded.text, name), decoded


# -- writing ---------------------------------------------------------------------------------


def _cell_xml(value: str, index: int | None) -> str:
    at = f' ss:Index="{index}"' if index is not None else ""
    return f'<Cell{at}><Data ss:Type="String">{xmltext.escape_text(value, "&#10;")}</Data></Cell>'


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return True


def _set_cell(row: _Row, column: int, value: str | None) -> None:
    """Give ``row`` the value ``value`` at ``column`` (None or "" empties the cell)."""
    cell = row.cells.get(column)
    if cell is not None:
        data = _children(cell, "Data")
        if not value:
            if data:
                cell.children = [c for c in cell.children if c is not data[0]]
                if not any(isinstance(c, xmltext.Element) for c in cell.children):
                    cell.children = []
                    if cell.end is not None:
                        cell.start = cell.start[:-1].rstrip() + "/>"
                        cell.end = None
            return
        escaped = xmltext.escape_text(value, "&#10;")
        if data:
            if (_attr(data[0], "Type") or "") != "Number" or not _is_number(value):
                data[0].set_attr("ss:Type", "String")
            data[0].set_text(escaped)
        else:
            parsed = xmltext.parse(f'<Data ss:Type="String">{escaped}</Data>')
            cell.set_children([*parsed, *cell.children])
        return
    if not value:
        return
    before = [c for c in row.cells if c < column]
    previous = max(before) if before else 0
    new = xmltext.parse(_cell_xml(value, None if previous == column - 1 else column))[0]
    children = row.element.children
    after = [row.cells[c] for c in sorted(row.cells) if c > column]
    position = children.index(after[0]) if after else len(children)
    indent = _indent_of(children, position, after)
    children[position:position] = [xmltext.Text(indent), new] if indent else [new]
    if row.element.end is None:
        row.element.start = row.element.start[:-2].rstrip() + ">"
        row.element.end = "</Row>"
    row.cells[column] = new


def _indent_of(children: list, position: int, after: list) -> str:
    if after and position > 0 and isinstance(children[position - 1], xmltext.Text):
        return str(children[position - 1])
    texts = [c for c in children if isinstance(c, xmltext.Text) and "\n" in c]
    return str(texts[0]) if texts else ""


def _new_row(sheet: _Sheet, setting: Setting) -> None:
    last = max(sheet.settings.values(), key=lambda r: r.index, default=sheet.header["settings"])
    children = sheet.table.children
    position = children.index(last.element) + 1
    indent = str(children[position - 2]) if position >= 2 and isinstance(children[position - 2], xmltext.Text) else "\n"
    element = xmltext.parse("<Row></Row>")[0]
    row = _Row(element, last.index + 1)
    children[position:position] = [xmltext.Text(indent), element]
    inner = indent + " "
    _set_cell(row, 1, setting.name)
    _set_cell(row, _DEFAULT_COLUMN, setting.default)
    for env_key, column in sheet.columns.items():
        _set_cell(row, column, next((v for k, v in setting.values.items() if k.casefold() == env_key), None))
    # one cell per line, as Excel writes them
    cells = [c for c in element.children if isinstance(c, xmltext.Element)]
    element.children = [part for c in cells for part in (xmltext.Text(inner), c)] + [xmltext.Text(indent)]
    for later in sheet.rows:
        if later.index > last.index and _attr(later.element, "Index"):
            later.element.set_attr("ss:Index", str(int(_attr(later.element, "Index") or 0) + 1))
    sheet.rows.append(row)
    sheet.settings[setting.name.casefold()] = row
    _grow(sheet.table, "ExpandedRowCount", len(sheet.rows))


def _grow(table: xmltext.Element, attribute: str, at_least: int) -> None:
    current = _attr(table, attribute)
    if current is not None and current.isdigit() and int(current) < at_least:
        table.set_attr(f"ss:{attribute}", str(at_least))


def _remove_row(sheet: _Sheet, row: _Row) -> None:
    children = sheet.table.children
    position = children.index(row.element)
    start = position - 1 if position > 0 and isinstance(children[position - 1], xmltext.Text) else position
    del children[start : position + 1]
    sheet.rows.remove(row)


def _add_environment(sheet: _Sheet, env: Environment) -> None:
    column = max([*sheet.columns.values(), _DEFAULT_COLUMN]) + 1
    _set_cell(sheet.header["names"], column, env.name)
    if "generate" in sheet.header:
        _set_cell(sheet.header["generate"], column, "Yes" if env.generate else "No")
    if "files" in sheet.header and env.file_name:
        _set_cell(sheet.header["files"], column, env.file_name)
    sheet.columns[env.name.casefold()] = column
    _grow(sheet.table, "ExpandedColumnCount", column)


def write(table: SettingsTable, original: safe.Decoded | None = None) -> bytes:
    """The spreadsheet holding ``table``: ``original`` edited where the table differs from it
    (the same bytes when nothing does), or a new BTDF-layout workbook."""
    unique_names((s.name for s in table.settings), "settings")
    unique_names((e.name for e in table.environments), "environments")
    if original is None:
        return new_workbook(table)
    sheet = _sheet(original.text, "original spreadsheet")
    for env in table.environments:
        if env.name.casefold() not in sheet.columns:
            _add_environment(sheet, env)
    wanted = {s.name.casefold() for s in table.settings}
    for key, old in list(sheet.settings.items()):
        if key not in wanted:
            _remove_row(sheet, old)
            del sheet.settings[key]
    for setting in table.settings:
        found = sheet.settings.get(setting.name.casefold())
        if found is None:
            _new_row(sheet, setting)
            continue
        row = found
        if row.value(_DEFAULT_COLUMN) != setting.default:
            _set_cell(row, _DEFAULT_COLUMN, setting.default)
        for env in table.environments:
            column = sheet.columns[env.name.casefold()]
            wanted_value = next((v for k, v in setting.values.items() if k.casefold() == env.name.casefold()), None)
            if (row.value(column) or None) != (wanted_value or None):
                _set_cell(row, column, wanted_value)
    return original.bom + xmltext.serialize(sheet.nodes).encode(original.encoding)


def new_workbook(table: SettingsTable) -> bytes:
    """A new settings spreadsheet in BTDF's layout, as its project template has it."""
    width = _FIRST_ENV_COLUMN - 1 + len(table.environments)

    def row(values: list[str | None]) -> str:
        cells = []
        previous = 0
        for column, value in enumerate(values, start=1):
            if value:
                cells.append("    " + _cell_xml(value, None if previous == column - 1 else column))
                previous = column
        return "   <Row>\n" + "".join(c + "\n" for c in cells) + "   </Row>\n" if cells else "   <Row/>\n"

    envs = table.environments
    rows = [
        row(["Environment Settings"]),
        row(["Environment Name:", "Default Values", *(e.name for e in envs)]),
        row(["Generate File?", None, *("Yes" if e.generate else "No" for e in envs)]),
        row(["Settings File Name:", None, *(e.file_name for e in envs)]),
        row([]),
        row(["Settings:"]),
    ]
    for setting in table.settings:
        by_env = {k.casefold(): v for k, v in setting.values.items()}
        rows.append(row([setting.name, setting.default, *(by_env.get(e.name.casefold()) for e in envs)]))
    text = (
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        f'<Workbook xmlns="{NAMESPACE}"\n xmlns:o="urn:schemas-microsoft-com:office:office"\n'
        ' xmlns:x="urn:schemas-microsoft-com:office:excel"\n'
        f' xmlns:ss="{NAMESPACE}"\n xmlns:html="http://www.w3.org/TR/REC-html40">\n'
        ' <Worksheet ss:Name="Settings">\n'
        f'  <Table ss:ExpandedColumnCount="{width}" ss:ExpandedRowCount="{len(rows)}" x:FullColumns="1"\n'
        '   x:FullRows="1">\n' + "".join(rows) + "  </Table>\n </Worksheet>\n</Workbook>\n"
    )
    return text.encode("utf-8")
