"""designer.editors.adapter_form: adapter settings of real binding files, typed, checked, in sync."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFocusEvent, QPalette, QTextCursor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from designer.editors.adapter_fields import (
    BoolField,
    ChoiceField,
    IntegerField,
    SecretField,
    TextField,
    XmlField,
)
from designer.editors.adapter_form import AdapterSettingsEditor
from designer.editors.adapter_table import NAME, TYPE, VALUE
from designer.editors.fields import is_marked
from designer.editors.xml_editor import XmlEditor, XmlProblem, parse_xml
from model import bindings
from model.adapters import MASKED_PASSWORD
from model.custom_props import (
    config_values,
    remove_config_child,
    set_config_child,
    settings_from_text,
    settings_text,
)
from model.domain import AdapterProperty, AdapterSettings

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "contoso-orders.xml"
FIXTURES = ROOT / "tests" / "fixtures"
ADAPTERS_02 = FIXTURES / "02_solicit_response_and_adapters.xml"
BTDF = FIXTURES / "03_btdf_master.xml"
MISSING = "Missing: exported binding files blank passwords. Set it before importing into BizTalk."

#: name -> (file, send port): one transport of every adapter family the files hold.
PORTS = {
    "FILE": (SAMPLE, "Orders.Archive.FILE"),
    "FILE 2004": (FIXTURES / "09_bts2004.xml", "Legacy.Out"),
    "FTP": (SAMPLE, "Orders.Warehouse.FTP"),
    "FTP minimal": (FIXTURES / "01_messaging.xml", "Orders.Partner.FTP"),
    "SFTP": (SAMPLE, "Billing.Invoices.SFTP"),
    "HTTP": (SAMPLE, "Orders.Legacy.HTTP"),
    "HTTP proxy": (SAMPLE, "Shared.Errors.Webhook.HTTP"),
    "SOAP": (SAMPLE, "Orders.Tax.SOAP"),
    "SMTP": (ADAPTERS_02, "Stock.Alert.SMTP"),
    "SMTP sample": (SAMPLE, "Orders.Customer.Notify.SMTP"),
    "MSMQ": (SAMPLE, "Shared.Audit.MSMQ"),
    "WCF-Custom": (SAMPLE, "Orders.Inventory.WCF-Custom"),
    "WCF-Custom 02": (ADAPTERS_02, "Stock.Check.WCF"),
    "WCF-BasicHttp": (SAMPLE, "Orders.Pricing.WCF-BasicHttp"),
    "WCF-WSHttp": (SAMPLE, "Billing.Payments.WCF-WSHttp"),
    "WCF-SQL": (SAMPLE, "Billing.Ledger.WCF-SQL"),
    "SB-Messaging": (SAMPLE, "Orders.CRM.SB"),
    "unknown": (ADAPTERS_02, "Stock.Drop.Null"),
    "BTDF FILE": (BTDF, "${PortPrefix}.Invoices.FILE"),
    "BTDF WCF-Custom": (BTDF, "${PortPrefix}.Invoices.WCF-Custom"),
}


@cache
def _document(path: Path) -> bindings.BindingDocument:
    return bindings.load(path)


def transport(name: str) -> tuple[str, AdapterSettings]:
    path, port = PORTS[name]
    t = _document(path).port(port).primary_transport
    assert t is not None and t.adapter is not None and t.settings is not None
    return t.adapter.name, t.settings


@pytest.fixture
def editor(qtbot) -> AdapterSettingsEditor:
    widget = AdapterSettingsEditor()
    qtbot.addWidget(widget)
    widget.resize(520, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


class Recorder:
    """Every ``edited`` emission: (settings, merge key)."""

    def __init__(self, editor: AdapterSettingsEditor) -> None:
        self.calls: list[tuple[AdapterSettings, str]] = []
        editor.edited.connect(lambda settings, key: self.calls.append((settings, key)))

    def one(self) -> AdapterSettings:
        assert len(self.calls) == 1, self.calls
        return self.calls[0][0]


def show(editor: AdapterSettingsEditor, name: str) -> AdapterSettings:
    adapter, settings = transport(name)
    editor.set_value(adapter, settings)
    return settings


def only_changed(before: AdapterSettings, after: AdapterSettings, name: str) -> AdapterProperty | None:
    """Assert that ``after`` is ``before`` with only ``name`` changed (or appended); return it."""
    old_names = [p.name for p in before.properties]
    new_names = [p.name for p in after.properties]
    assert new_names == old_names or new_names == [*old_names, name]
    for prop in after.properties:
        if prop.name != name:
            assert prop == before.get(prop.name)
    assert after.get(name) != before.get(name)
    return after.get(name)


def type_at_end(widget: QWidget, text: str) -> None:
    edit = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    edit.setCursorPosition(len(edit.text()))
    QTest.keyClicks(widget, text)


def enter(widget: QWidget) -> None:
    """Finish editing a typed field with Enter (its value is committed)."""
    QTest.keyClick(widget, Qt.Key.Key_Return)


def focus_out(widget: QWidget) -> None:
    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))


def replace_text(xml: XmlEditor, text: str) -> None:
    """Type over the whole document (as a paste would), then finish editing (as leaving it would)."""
    cursor = xml.edit.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText(text)
    xml.commit_pending()


# -- showing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(PORTS))
def test_showing_changes_nothing(qtbot, editor: AdapterSettingsEditor, name: str) -> None:
    adapter, settings = transport(name)
    with qtbot.assertNotEmitted(editor.edited):
        editor.set_value(adapter, settings)
        # Visit every field as a user tabbing through would: entering and leaving edits nothing.
        for widget in editor.findChildren(QWidget):
            if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisible():
                QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusIn))
                focus_out(widget)
        for xml in editor.findChildren(XmlEditor):
            xml.commit_pending()
    assert editor.value() == settings
    # The raw view shows the same properties, text and vt codes.
    assert settings_from_text(editor.raw.text(), settings) == settings
    assert editor.raw.is_valid()


def test_widgets_follow_the_variant_type(editor: AdapterSettingsEditor) -> None:
    show(editor, "FILE")
    file_name, copy_mode = editor.field("FileName"), editor.field("CopyMode")
    temp, password = editor.field("UseTempFileOnWrite"), editor.field("Password")
    assert isinstance(file_name, TextField) and file_name.edit.text() == "%MessageID%.xml"
    assert isinstance(copy_mode, ChoiceField)
    assert copy_mode.combo.currentData() == "1" and copy_mode.combo.currentText() == "Create New"
    assert isinstance(temp, BoolField) and temp.check.isChecked()
    assert isinstance(password, SecretField)
    assert password.edit.echoMode() == QLineEdit.EchoMode.Password
    # Absent from the file: the catalog default, greyed, nothing written.
    folder = editor.field("FilePath")
    assert not folder.present and folder.edit.text() == ""
    assert folder.label.palette().color(QPalette.ColorRole.WindowText) == folder.label.palette().color(
        QPalette.ColorRole.PlaceholderText
    )
    assert file_name.toolTip().startswith("File name with macros")

    show(editor, "HTTP")
    timeout = editor.field("RequestTimeout")
    assert isinstance(timeout, IntegerField) and timeout.box.text() == "120"
    assert (timeout.box.low, timeout.box.high) == (0, 2**31 - 1)
    assert editor.field("MaxRedirects").box.high == 10

    show(editor, "WCF-Custom")
    binding = editor.field("BindingConfiguration")
    assert isinstance(binding, XmlField)
    assert binding.xml.text() == transport("WCF-Custom")[1].value("BindingConfiguration")
    assert binding.xml.is_valid()

    show(editor, "MSMQ")  # uint32 beyond what QSpinBox (int32) can hold
    assert editor.field("maximumMessageSize").box.high == 2**32 - 1


def test_sections_follow_the_catalog_order(editor: AdapterSettingsEditor) -> None:
    show(editor, "FTP")
    page = editor.scroll_area.widget()
    titles = [s.header.text() for s in page.inner_form.sections.values()]
    assert titles == ["General", "Commands", "Firewall", "SSL"]


def test_widgets_are_reused_for_the_same_adapter(editor: AdapterSettingsEditor) -> None:
    show(editor, "FILE")
    page, field = editor.scroll_area.widget(), editor.field("FileName")
    show(editor, "FILE 2004")
    assert editor.scroll_area.widget() is page and editor.field("FileName") is field
    assert field.edit.text() == "%MessageID%.xml" and editor.field("FilePath").edit.text() == "C:\\Legacy\\Out"
    show(editor, "WCF-Custom")  # how long building a new adapter's form takes: benchmarks/bench_gui.py
    assert editor.scroll_area.widget() is not page


# -- one valid change, one edit -------------------------------------------------------------------


def test_checkbox(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "FILE")
    edits = Recorder(editor)
    editor.field("AllowCacheOnWrite").check.click()
    after = edits.one()
    assert only_changed(before, after, "AllowCacheOnWrite") == ("AllowCacheOnWrite", 11, "-1")
    assert editor.value() == after
    assert '<AllowCacheOnWrite vt="11">-1</AllowCacheOnWrite>' in editor.raw.text()


def test_no_settings_yet(editor: AdapterSettingsEditor) -> None:
    editor.set_value("FILE", None)
    assert editor.value() is None and editor.field("FileName").edit.placeholderText() == "%MessageID%.xml"
    edits = Recorder(editor)
    editor.field("AllowCacheOnWrite").check.click()
    assert edits.one() == AdapterSettings(properties=(AdapterProperty("AllowCacheOnWrite", 11, "-1"),))


def test_invalid_input_survives_a_refresh(qtbot, editor: AdapterSettingsEditor) -> None:
    show(editor, "HTTP")
    timeout = editor.field("RequestTimeout").box
    with qtbot.assertNotEmitted(editor.edited):
        type_at_end(timeout, "x")
    editor.field("UseProxy").check.click()  # another field's edit refreshes the form
    assert timeout.text() == "120x" and is_marked(timeout)
    editor.set_value("HTTP", transport("HTTP")[1])  # a value from elsewhere replaces it
    assert timeout.text() == "120" and not is_marked(timeout)


def test_absent_setting_is_written_only_when_changed(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "FILE 2004")
    cache_box = editor.field("AllowCacheOnWrite")
    assert not cache_box.present and not cache_box.check.isChecked()  # default "0", greyed
    edits = Recorder(editor)
    cache_box.check.click()
    after = edits.one()
    assert after.properties[-1] == ("AllowCacheOnWrite", 11, "-1")
    only_changed(before, after, "AllowCacheOnWrite")


def test_integer(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "HTTP")
    edits = Recorder(editor)
    box = editor.field("RequestTimeout").box
    type_at_end(box, "5")
    assert not edits.calls  # typing is checked, not handed on
    enter(box)
    assert only_changed(before, edits.one(), "RequestTimeout") == ("RequestTimeout", 3, "1205")
    focus_out(box)  # leaving after Enter hands on nothing more
    assert len(edits.calls) == 1


def test_integer_steps_within_the_catalog_range(editor: AdapterSettingsEditor) -> None:
    show(editor, "HTTP proxy")
    redirects = editor.field("MaxRedirects").box  # "2", limited to 0..10
    edits = Recorder(editor)
    redirects.setFocus()
    QTest.keyClick(redirects, Qt.Key.Key_Up)
    assert edits.one().value("MaxRedirects") == "3"
    redirects.lineEdit().setText("10")
    assert not redirects.stepEnabled() & redirects.StepEnabledFlag.StepUpEnabled


def test_integer_refuses_text_and_out_of_range(qtbot, editor: AdapterSettingsEditor) -> None:
    show(editor, "HTTP proxy")
    redirects = editor.field("MaxRedirects")  # "2", limited to 0..10
    with qtbot.assertNotEmitted(editor.edited):
        type_at_end(redirects.box, "0")
    assert is_marked(redirects.box) and "from 0 to 10" in redirects.error.text()
    assert redirects.error.isVisible()
    port = editor.field("ProxyPort")
    with qtbot.assertNotEmitted(editor.edited):
        type_at_end(port.box, "x")
    assert is_marked(port.box) and "whole number" in port.error.text()
    assert editor.value() == transport("HTTP proxy")[1]


def test_integer_beyond_int32(qtbot, editor: AdapterSettingsEditor) -> None:
    show(editor, "MSMQ")
    size = editor.field("maximumMessageSize")  # uint32
    size.box.lineEdit().selectAll()
    edits = Recorder(editor)
    QTest.keyClicks(size.box, "4294967295")
    enter(size.box)
    assert config_values(edits.one().value("AdapterConfig"))["maximumMessageSize"] == "4294967295"
    with qtbot.assertNotEmitted(editor.edited):
        type_at_end(size.box, "0")
    assert is_marked(size.box)


def test_combo(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "FILE")
    edits = Recorder(editor)
    combo = editor.field("CopyMode").combo
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # Create New -> Overwrite
    assert only_changed(before, edits.one(), "CopyMode") == ("CopyMode", 19, "2")


def test_date(qtbot, editor: AdapterSettingsEditor) -> None:
    before = show(editor, "SB-Messaging")
    when = editor.field("DefaultScheduledEnqueueTimeUtc")
    assert isinstance(when, TextField) and not when.present
    with qtbot.assertNotEmitted(editor.edited):
        type_at_end(when.edit, "soon")
    assert is_marked(when.edit) and "date and time" in when.error.text()
    with qtbot.assertNotEmitted(editor.edited):
        enter(when.edit)  # still not a date: nothing leaves
    when.edit.clear()
    edits = Recorder(editor)
    QTest.keyClicks(when.edit, "12/31/2024 23:30:00")
    enter(when.edit)
    assert only_changed(before, edits.one(), "DefaultScheduledEnqueueTimeUtc") == (
        "DefaultScheduledEnqueueTimeUtc",
        7,
        "12/31/2024 23:30:00",
    )


def test_wheel_scrolls_the_form_not_an_unfocused_list(qtbot, editor: AdapterSettingsEditor) -> None:
    show(editor, "FILE")
    combo = editor.field("CopyMode").combo
    assert not combo.hasFocus()
    wheel = QWheelEvent(
        QPointF(5, 5),
        QPointF(combo.mapToGlobal(QPoint(5, 5))),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    with qtbot.assertNotEmitted(editor.edited):
        QApplication.sendEvent(combo, wheel)
    assert combo.currentData() == "1"


def test_text_and_required(qtbot, editor: AdapterSettingsEditor) -> None:
    before = show(editor, "FILE")
    edits = Recorder(editor)
    name = editor.field("FileName")
    type_at_end(name.edit, "x")
    focus_out(name.edit)
    assert only_changed(before, edits.one(), "FileName") == ("FileName", 8, "%MessageID%.xmlx")
    name.edit.selectAll()
    with qtbot.assertNotEmitted(editor.edited):
        QTest.keyClick(name.edit, Qt.Key.Key_Delete)
        enter(name.edit)
    # Refused, and the form says that the stored value stays.
    assert is_marked(name.edit) and name.error.text().startswith("Required. ")
    assert "(%MessageID%.xmlx) is kept" in name.error.text()


def test_escape_puts_the_files_value_back(qtbot, editor: AdapterSettingsEditor) -> None:
    show(editor, "FILE")
    name = editor.field("FileName")
    with qtbot.assertNotEmitted(editor.edited):
        type_at_end(name.edit, "x")
        QTest.keyClick(name.edit, Qt.Key.Key_Escape)
        enter(name.edit)
    assert name.edit.text() == "%MessageID%.xml" and not is_marked(name.edit)
    show(editor, "HTTP")
    timeout = editor.field("RequestTimeout").box
    with qtbot.assertNotEmitted(editor.edited):
        type_at_end(timeout, "x")
        assert is_marked(timeout)
        QTest.keyClick(timeout, Qt.Key.Key_Escape)
        enter(timeout)
    assert timeout.text() == "120" and not is_marked(timeout)


def test_password(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "SMTP")
    password = editor.field("Password")
    assert before.get("Password") == ("Password", 1, None)
    assert password.edit.echoMode() == QLineEdit.EchoMode.Password
    # SMTP authentication is on (SMTPAuthenticate 1): the blanked password is required.
    assert password.note.isVisible() and password.note.text() == (
        "Required because SMTPAuthenticate is 1: set it before importing into BizTalk."
    )
    edits = Recorder(editor)
    type_at_end(password.edit, "s")
    enter(password.edit)
    # A real value is a string again: vt 8, not the export's vt 1.
    assert only_changed(before, edits.one(), "Password") == ("Password", 8, "s")
    assert not password.note.isVisible()
    password.reveal.click()
    assert password.edit.echoMode() == QLineEdit.EchoMode.Normal
    password.reveal.click()
    assert password.edit.echoMode() == QLineEdit.EchoMode.Password


def test_nested_xml(qtbot, editor: AdapterSettingsEditor) -> None:
    before = show(editor, "WCF-Custom")
    xml = editor.field("BindingConfiguration").xml
    new = '<binding name="netTcpBinding" sendTimeout="00:09:00" />'
    cursor = xml.edit.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    with qtbot.assertNotEmitted(editor.edited, wait=600):  # not while typing, not after a pause
        cursor.insertText(new)
    with qtbot.waitSignal(editor.edited, timeout=1000) as blocker:
        focus_out(xml.edit)  # leaving the editor commits it
    settings, key = blocker.args
    assert only_changed(before, settings, "BindingConfiguration") == ("BindingConfiguration", 8, new)
    assert key.startswith("settings.BindingConfiguration#")
    # Escaped once inside its element in the raw view, as BizTalk stores it.
    assert '&lt;binding name="netTcpBinding" sendTimeout="00:09:00" /&gt;' in editor.raw.text()


def test_malformed_nested_xml_is_marked_not_emitted(qtbot, editor: AdapterSettingsEditor) -> None:
    show(editor, "WCF-Custom")
    xml = editor.field("EndpointBehaviorConfiguration").xml
    with qtbot.assertNotEmitted(editor.edited, wait=700):
        cursor = xml.edit.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText('<behavior name="x">')
    assert not xml.is_valid() and is_marked(xml.edit)
    assert xml.error.isVisible() and xml.error.text().startswith("Line 1, column")
    with qtbot.assertNotEmitted(editor.edited):
        focus_out(xml.edit)
    assert editor.value() == transport("WCF-Custom")[1]


def test_plain_text_is_fine_where_xml_is_optional(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "WCF-Custom")
    action = editor.field("StaticAction").xml  # an action URI, or a BtsActionMapping document
    assert action.is_valid() and not action.format_button.isEnabled()
    edits = Recorder(editor)
    replace_text(action, "http://contoso.com/inventory/Reserve")
    assert only_changed(before, edits.one(), "StaticAction").value == "http://contoso.com/inventory/Reserve"


# -- wrapped <Config> documents ---------------------------------------------------------------------


def test_inner_ftp_field_rewrites_only_that_child(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "FTP")
    config = before.value("AdapterConfig")
    edits = Recorder(editor)
    type_at_end(editor.field("serverAddress").edit, "x")
    enter(editor.field("serverAddress").edit)
    after = edits.one()
    only_changed(before, after, "AdapterConfig")
    assert after.value("AdapterConfig") == config.replace(
        "<serverAddress>ftp.northwind-logistics.example</serverAddress>",
        "<serverAddress>ftp.northwind-logistics.examplex</serverAddress>",
    )


def test_inner_bool_uses_the_documents_spelling(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "FTP")
    passive = editor.field("AdapterConfig.passiveMode")
    assert passive.check.isChecked()  # "True" in the file
    edits = Recorder(editor)
    passive.check.click()
    assert edits.one().value("AdapterConfig") == before.value("AdapterConfig").replace(
        "<passiveMode>True</passiveMode>", "<passiveMode>False</passiveMode>"
    )


def test_new_inner_child_goes_in_catalog_order(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "FTP")
    edits = Recorder(editor)
    type_at_end(editor.field("firewallAddress").edit, "f")
    enter(editor.field("firewallAddress").edit)
    assert edits.one().value("AdapterConfig") == before.value("AdapterConfig").replace(
        "<firewallType>NoFirewall</firewallType>",
        "<firewallType>NoFirewall</firewallType><firewallAddress>f</firewallAddress>",
    )


def test_inner_masked_password_is_missing(editor: AdapterSettingsEditor) -> None:
    show(editor, "FTP")
    password = editor.field("password")
    assert f"<password>{MASKED_PASSWORD}</password>" in editor.value().value("AdapterConfig")
    assert password.edit.text() == "" and password.note.text() == MISSING
    assert password.edit.echoMode() == QLineEdit.EchoMode.Password


def test_malformed_inner_config_locks_the_inner_form(editor: AdapterSettingsEditor) -> None:
    adapter, settings = transport("FTP")
    broken = settings.with_value("AdapterConfig", "<Config><serverAddress>x</Config>")
    editor.set_value(adapter, broken)
    page = editor.scroll_area.widget()
    assert not page.inner_form.isEnabled() and page.inner_message.isVisibleTo(page)
    document = editor.field("AdapterConfig").xml
    assert not document.is_valid()
    edits = Recorder(editor)
    replace_text(document, "<Config><serverAddress>x</serverAddress></Config>")
    assert edits.one().value("AdapterConfig") == "<Config><serverAddress>x</serverAddress></Config>"
    assert page.inner_form.isEnabled() and editor.field("serverAddress").edit.text() == "x"


def test_unknown_config_children_in_the_inner_table(editor: AdapterSettingsEditor) -> None:
    adapter, settings = transport("FTP minimal")
    config = settings.value("AdapterConfig").replace("</Config>", "<proxyFlavour>v2</proxyFlavour></Config>")
    before = settings.with_value("AdapterConfig", config)
    editor.set_value(adapter, before)
    table = editor.property_table(inner=True)
    assert [r.name for r in table.rows()] == ["proxyFlavour"] and table.table.isColumnHidden(TYPE)
    edits = Recorder(editor)
    table.table.item(0, VALUE).setText("v3")
    assert edits.one().value("AdapterConfig") == config.replace(">v2<", ">v3<")
    table.table.setCurrentCell(0, VALUE)
    table.remove_button.click()
    assert edits.calls[-1][0].value("AdapterConfig") == settings.value("AdapterConfig")


# -- the generic table ------------------------------------------------------------------------------


def test_unknown_adapter_table_add_edit_remove(qtbot, editor: AdapterSettingsEditor) -> None:
    before = show(editor, "unknown")
    assert editor.banner.isVisible() and "Contoso.NullAdapter" in editor.banner.text()
    table = editor.property_table()
    assert [(r.name, r.vt) for r in table.rows()] == [("AdapterConfig", 8)]
    assert table.table.item(0, TYPE).text() == "8 – string"
    assert table.detail.isVisible() and table.detail.text() == before.value("AdapterConfig")

    edits = Recorder(editor)
    table.add_button.click()
    added = edits.one()
    assert added.properties == (*before.properties, ("Property1", 8, None))

    edits.calls.clear()
    table.table.item(1, VALUE).setText("drop-all")
    assert only_changed(added, edits.one(), "Property1") == ("Property1", 8, "drop-all")

    edits.calls.clear()
    table.table.item(1, NAME).setText("Mode")
    assert [p.name for p in edits.one().properties] == ["AdapterConfig", "Mode"]

    edits.calls.clear()
    with qtbot.assertNotEmitted(editor.edited):
        table.table.item(1, TYPE).setText("3 – int32")  # "drop-all" is no int32
    assert "whole number" in table.error.text() and table.error.isVisible()
    with qtbot.assertNotEmitted(editor.edited):
        table.table.item(1, NAME).setText("Not a name")
    assert "not a valid XML element name" in table.error.text()

    table.table.item(1, NAME).setText("Mode")
    table.table.item(1, TYPE).setText("8 – string")
    edits.calls.clear()
    table.table.setCurrentCell(1, NAME)
    table.remove_button.click()
    assert edits.one().properties == before.properties


def test_table_xml_value_edited_below(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "unknown")
    table = editor.property_table()
    edits = Recorder(editor)
    replace_text(table.detail, "<CustomProps><name>keep</name></CustomProps>")
    assert only_changed(before, edits.one(), "AdapterConfig").value == "<CustomProps><name>keep</name></CustomProps>"


def test_known_adapter_keeps_unknown_properties(qtbot, editor: AdapterSettingsEditor) -> None:
    adapter, settings = transport("FILE")
    before = settings.with_value("PollingHint", "fast", 8)
    editor.set_value(adapter, before)
    table = editor.property_table()
    assert [r.name for r in table.rows()] == ["PollingHint"]
    with qtbot.assertNotEmitted(editor.edited):
        table.table.item(0, NAME).setText("FileName")
    assert "already a property called “FileName”" in table.error.text()
    with qtbot.assertNotEmitted(editor.edited):
        table.table.item(0, NAME).setText("FilePath")  # absent, but the form has a field for it
    assert "own field" in table.error.text()
    # A change elsewhere keeps the unknown property where it was.
    edits = Recorder(editor)
    editor.field("AllowCacheOnWrite").check.click()
    assert only_changed(before, edits.one(), "AllowCacheOnWrite") is not None


# -- raw XML -------------------------------------------------------------------------------------


def test_raw_edit_updates_the_form(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "FILE")
    edits = Recorder(editor)
    replace_text(editor.raw, editor.raw.text().replace("%MessageID%.xml", "out.xml"))
    after = edits.one()
    assert only_changed(before, after, "FileName") == ("FileName", 8, "out.xml")
    assert editor.field("FileName").edit.text() == "out.xml"


def test_raw_edit_keeps_vt_and_order(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "SMTP")
    edits = Recorder(editor)
    text = editor.raw.text().replace('<Password vt="1" />', '<Password vt="8">secret</Password>')
    replace_text(editor.raw, text)
    assert only_changed(before, edits.one(), "Password") == ("Password", 8, "secret")
    assert editor.field("SMTPAuthenticate").vt == 3


@pytest.mark.parametrize(
    "text, message",
    [
        ('<CustomProps><FileName vt="8">x</CustomProps>', "Line 1"),
        ("<Settings />", "<CustomProps>"),
        ('<CustomProps><FileName vt="string">x</FileName></CustomProps>', "VARIANT code"),
        ("<!DOCTYPE x [<!ENTITY e 'x'>]><CustomProps />", "not allowed"),
    ],
)
def test_malformed_raw_is_marked_not_emitted(qtbot, editor: AdapterSettingsEditor, text: str, message: str) -> None:
    show(editor, "FILE")
    with qtbot.assertNotEmitted(editor.edited):
        replace_text(editor.raw, text)
    assert not editor.raw.is_valid() and is_marked(editor.raw.edit)
    assert message in editor.raw.error.text()
    assert editor.value() == transport("FILE")[1]


def test_unreadable_settings_from_a_file(editor: AdapterSettingsEditor) -> None:
    broken = AdapterSettings(unparsed='<CustomProps><FileName vt="8">x</CustomProps>')
    editor.set_value("FILE", broken)
    assert editor.tabs.currentIndex() == 1 and not editor.scroll_area.widget().isEnabled()
    assert "not well-formed" in editor.banner.text()
    assert editor.raw.text() == broken.unparsed and not editor.raw.is_valid()
    assert editor.focus_setting("FileName")  # the raw view is where it is fixed
    edits = Recorder(editor)
    replace_text(editor.raw, '<CustomProps><FileName vt="8">x</FileName></CustomProps>')
    assert edits.one() == AdapterSettings(properties=(AdapterProperty("FileName", 8, "x"),))
    assert editor.scroll_area.widget().isEnabled() and editor.field("FileName").edit.text() == "x"


# -- placeholders, VARIANT types the catalog does not expect -----------------------------------------


def test_tokens_are_kept(editor: AdapterSettingsEditor) -> None:
    settings = show(editor, "BTDF FILE")
    copy_mode = editor.field("CopyMode")
    assert copy_mode.combo.currentText() == "${CopyMode}" and "Placeholder" in copy_mode.note.text()
    assert not is_marked(copy_mode.combo)
    assert editor.value() == settings

    show(editor, "BTDF WCF-Custom")
    password = editor.field("Password")
    assert password.edit.text() == "${InvoiceServicePassword}"
    assert password.edit.echoMode() == QLineEdit.EchoMode.Normal  # a placeholder is no secret

    adapter, settings = transport("FILE")
    token = settings.with_value("UseTempFileOnWrite", "${UseTemp}")
    editor.set_value(adapter, token)
    temp = editor.field("UseTempFileOnWrite")
    assert temp.stack.currentWidget() is temp.text and temp.text.text() == "${UseTemp}"
    assert "Placeholder" in temp.note.text()


def test_integer_accepts_a_token(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "HTTP")
    timeout = editor.field("RequestTimeout")
    timeout.box.lineEdit().selectAll()
    edits = Recorder(editor)
    QTest.keyClicks(timeout.box, "${Timeout}")
    assert not is_marked(timeout.box)
    enter(timeout.box)
    assert only_changed(before, edits.one(), "RequestTimeout") == ("RequestTimeout", 3, "${Timeout}")


def test_unexpected_vt_is_kept(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "SMTP")  # SMTPAuthenticate written as vt 3, the catalog says 19
    auth = editor.field("SMTPAuthenticate")
    assert "Written as 3 – int32" in auth.note.text()
    edits = Recorder(editor)
    auth.combo.setFocus()
    QTest.keyClick(auth.combo, Qt.Key.Key_Up)  # Basic -> None
    assert only_changed(before, edits.one(), "SMTPAuthenticate") == ("SMTPAuthenticate", 3, "0")


# -- undo sessions, focus ---------------------------------------------------------------------------


def test_each_committed_edit_is_its_own_step_and_steps_merge(editor: AdapterSettingsEditor) -> None:
    show(editor, "FILE")
    edits = Recorder(editor)
    name = editor.field("FileName").edit
    type_at_end(name, "a")
    type_at_end(name, "b")
    assert not edits.calls
    focus_out(name)
    type_at_end(name, "c")
    enter(name)
    first, second = (key for _settings, key in edits.calls)
    assert first != second and first.startswith("settings.FileName#")
    assert edits.calls[0][0].value("FileName") == "%MessageID%.xmlab"
    check = editor.field("AllowCacheOnWrite").check
    check.click()
    check.click()
    assert edits.calls[-1][1] != edits.calls[-2][1]  # each click is its own undo step
    show(editor, "HTTP proxy")
    redirects = editor.field("MaxRedirects").box
    edits.calls.clear()
    redirects.setFocus()
    QTest.keyClick(redirects, Qt.Key.Key_Up)
    QTest.keyClick(redirects, Qt.Key.Key_Up)
    focus_out(redirects)
    QTest.keyClick(redirects, Qt.Key.Key_Up)
    keys = [key for _settings, key in edits.calls]
    assert len(keys) == 3 and keys[0] == keys[1] != keys[2]  # steps merge until the field is left


def test_an_xml_field_commits_when_it_loses_focus(qtbot, editor: AdapterSettingsEditor) -> None:
    show(editor, "WCF-Custom")
    edits = Recorder(editor)
    xml = editor.field("BindingConfiguration").xml
    cursor = xml.edit.textCursor()
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.insertText('<binding name="abc" />')
    assert not edits.calls
    focus_out(xml.edit)
    replace_text(xml, '<binding name="abcd" />')
    keys = [key for _settings, key in edits.calls]
    assert len(keys) == 2 and keys[0] != keys[1]
    assert edits.calls[0][0].value("BindingConfiguration") == '<binding name="abc" />'


def test_an_outside_change_replaces_what_is_typed(editor: AdapterSettingsEditor) -> None:
    adapter, before = transport("FILE")
    editor.set_value(adapter, before)
    edits = Recorder(editor)
    name = editor.field("FileName").edit
    type_at_end(name, "a")
    enter(name)
    editor.set_value(adapter, edits.calls[-1][0])  # the document echoing the edit
    assert name.text() == "%MessageID%.xmla"
    type_at_end(name, "b")
    editor.set_value(adapter, edits.calls[-1][0])  # a refresh that changes nothing keeps the typing
    assert name.text() == "%MessageID%.xmlab"
    editor.set_value(adapter, before)  # undo
    assert name.text() == "%MessageID%.xml"
    assert len(edits.calls) == 1


def test_commit_pending_hands_on_what_editing_has_not_finished(editor: AdapterSettingsEditor) -> None:
    before = show(editor, "FILE")
    edits = Recorder(editor)
    type_at_end(editor.field("FileName").edit, "z")
    editor.commit_pending()  # the editor is being left
    assert only_changed(before, edits.one(), "FileName") == ("FileName", 8, "%MessageID%.xmlz")
    editor.commit_pending()
    assert len(edits.calls) == 1


def test_focus_setting(qtbot, editor: AdapterSettingsEditor) -> None:
    show(editor, "SMTP")
    editor.activateWindow()
    assert editor.focus_setting("Password")
    qtbot.waitUntil(lambda: editor.field("Password").edit.hasFocus())
    assert not editor.focus_setting("NoSuchSetting")

    show(editor, "FTP")
    editor.tabs.setCurrentIndex(1)
    assert editor.focus_setting("AdapterConfig.firewallPort")
    assert editor.tabs.currentIndex() == 0
    qtbot.waitUntil(lambda: editor.field("firewallPort").box.hasFocus())
    page = editor.scroll_area.widget()
    assert not page.config_section.expanded
    assert editor.focus_setting("AdapterConfig")  # folded away at first: unfolded
    assert page.config_section.expanded
    qtbot.waitUntil(lambda: editor.field("AdapterConfig").xml.edit.hasFocus())

    show(editor, "unknown")
    assert editor.focus_setting("AdapterConfig")
    assert editor.property_table().current_name() == "AdapterConfig"


# -- the pieces ----------------------------------------------------------------------------------


def test_xml_editor_commits_only_well_formed_text(qtbot) -> None:
    xml = XmlEditor()
    qtbot.addWidget(xml)
    with qtbot.assertNotEmitted(xml.text_committed):
        xml.set_text("<a></a>")
    assert xml.is_valid() and xml.text() == "<a></a>"
    cursor = xml.edit.textCursor()
    cursor.setPosition(3)
    xml.edit.setTextCursor(cursor)
    with qtbot.assertNotEmitted(xml.text_committed, wait=700):
        QTest.keyClicks(xml.edit, "<b")
    assert not xml.is_valid() and xml.error.text().startswith("Line 1, column")  # checked after a pause
    with qtbot.assertNotEmitted(xml.text_committed, wait=700):
        QTest.keyClicks(xml.edit, "/>")
    qtbot.waitUntil(xml.is_valid)
    with qtbot.waitSignal(xml.text_committed, timeout=1000) as blocker:
        QTest.keyClick(xml.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter commits
    assert blocker.args == ["<a><b/></a>"] and xml.is_valid() and not xml.error.isVisibleTo(xml)
    with qtbot.assertNotEmitted(xml.text_committed):
        focus_out(xml.edit)  # nothing new to commit
    QTest.keyClicks(xml.edit, "x")
    QTest.keyClick(xml.edit, Qt.Key.Key_Escape)  # the committed text again
    assert xml.text() == "<a><b/></a>"


def test_xml_editor_empty_and_plain_text(qtbot) -> None:
    xml = XmlEditor()
    qtbot.addWidget(xml)
    xml.set_text("")
    assert xml.is_valid()  # no document
    xml.set_text("http://contoso.com/action")
    assert not xml.is_valid() and "Line 1" in xml.error.text()
    strict = XmlEditor(allow_empty=False)
    qtbot.addWidget(strict)
    strict.set_text(" ")
    assert not strict.is_valid() and "empty" in strict.error.text()
    plain = XmlEditor(allow_plain_text=True)
    qtbot.addWidget(plain)
    plain.set_text("http://contoso.com/action")
    assert plain.is_valid() and not plain.format_button.isEnabled()


def test_xml_editor_format_and_highlight(qtbot) -> None:
    xml = XmlEditor()
    qtbot.addWidget(xml)
    xml.set_text('<a x="1"><!-- note --><b>t</b></a>')
    with qtbot.waitSignal(xml.text_committed, timeout=1000):
        xml.format_button.click()
    assert xml.text() == '<a x="1">\n  <!-- note -->\n  <b>t</b>\n</a>'
    formats = xml.edit.document().firstBlock().layout().formats()
    colours = {f.format.foreground().color().name() for f in formats}
    assert {"#1f5fa8", "#9a4f0f", "#1b7f3b"} <= colours  # tag, attribute name, attribute value


def test_parse_xml_refuses_dtds() -> None:
    with pytest.raises(XmlProblem, match="not allowed"):
        parse_xml('<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')
    with pytest.raises(XmlProblem) as caught:
        parse_xml("<a>\n<b></a>")
    assert caught.value.line == 2


def test_settings_text_round_trip() -> None:
    settings = AdapterSettings(
        properties=(
            AdapterProperty("A", 8, '<x a="1">t &amp; u</x>'),
            AdapterProperty("B", 1, None),
            AdapterProperty("C", None, "two\nlines"),
            AdapterProperty("D", 8, ""),
        )
    )
    text = settings_text(settings)
    assert '<A vt="8">&lt;x a="1"&gt;t &amp;amp; u&lt;/x&gt;</A>' in text
    assert settings_from_text(text, settings) == settings


def test_config_child_helpers_keep_layout() -> None:
    pretty = "<Config>\n  <a>1</a>\n  <c>3</c>\n</Config>"
    assert (
        set_config_child(pretty, "Config", "b", "2", ["a", "b", "c"])
        == "<Config>\n  <a>1</a>\n  <b>2</b>\n  <c>3</c>\n</Config>"
    )
    assert (
        set_config_child(pretty, "Config", "d", "x<y", ["a", "b", "c"])
        == "<Config>\n  <a>1</a>\n  <c>3</c>\n  <d>x&lt;y</d>\n</Config>"
    )
    assert remove_config_child(pretty, "c") == "<Config>\n  <a>1</a>\n</Config>"
    fresh = set_config_child(None, "Config", "queue", "q")
    assert config_values(fresh) == {"queue": "q"} and fresh.startswith("<Config xmlns:xsi=")


def test_table_masks_connection_string_passwords_and_keeps_them_on_edit(editor: AdapterSettingsEditor) -> None:
    from model.domain import AdapterProperty as Prop

    stored = "Server=db1;Database=Orders;User ID=svc;Password=Tbl-S3cret;"
    settings = AdapterSettings(properties=(Prop("ConnectionString", 8, stored), Prop("ApiSecret", 8, "k-Tbl-42")))
    editor.set_value("Contoso.SqlLike", settings)
    table = editor.property_table()
    shown = [table.table.item(i, VALUE).text() for i in range(2)]
    assert shown == ["Server=db1;Database=Orders;User ID=svc;Password=***;", "***"]
    edits = Recorder(editor)
    table.table.item(0, VALUE).setText("Server=db2;Database=Orders;User ID=svc;Password=***;")
    assert edits.one().value("ConnectionString") == "Server=db2;Database=Orders;User ID=svc;Password=Tbl-S3cret;"
    assert edits.one().value("ApiSecret") == "k-Tbl-42"
    edits.calls.clear()
    table.table.item(1, VALUE).setText("new-key")  # typed over the mask: the new value wins
    assert edits.one().value("ApiSecret") == "new-key"
