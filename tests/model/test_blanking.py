"""Blanking secrets from binding text as BizTalk's export does, and masking them for the Raw XML
tab with the stored values kept underneath: everything that is no secret stays byte for byte."""

from __future__ import annotations

import codecs

import pytest
from conftest import FIXTURES

from model.bindings.blanking import blank_bytes, blank_text, mask_secrets, restore_masked

PROPS = (
    '&lt;CustomProps&gt;&lt;Username vt="8"&gt;svc&lt;/Username&gt;&lt;Password vt="8"&gt;Pw-1&lt;/Password&gt;'
    '&lt;ConnectionString vt="8"&gt;Server=db;User Id=sa;Password=Pw-2;Database=x&lt;/ConnectionString&gt;'
    '&lt;AdapterConfig vt="8"&gt;&amp;lt;Config&amp;gt;&amp;lt;userName&amp;gt;u&amp;lt;/userName&amp;gt;'
    "&amp;lt;password&amp;gt;Pw-3&amp;lt;/password&amp;gt;&amp;lt;uri&amp;gt;ftp://u:Pw-4@h/x&amp;lt;/uri&amp;gt;"
    "&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;"
)
DOCUMENT = (
    f"<SendPort><Address>ftp://me:Pw-5@host/in</Address><TransportTypeData>{PROPS}</TransportTypeData></SendPort>"
)
BLANKED = (
    "<SendPort><Address>ftp://me@host/in</Address><TransportTypeData>"
    '&lt;CustomProps&gt;&lt;Username vt="8"&gt;svc&lt;/Username&gt;&lt;Password vt="1" /&gt;'
    '&lt;ConnectionString vt="8"&gt;Server=db;User Id=sa;Password=;Database=x&lt;/ConnectionString&gt;'
    '&lt;AdapterConfig vt="8"&gt;&amp;lt;Config&amp;gt;&amp;lt;userName&amp;gt;u&amp;lt;/userName&amp;gt;'
    "&amp;lt;password&amp;gt;******&amp;lt;/password&amp;gt;&amp;lt;uri&amp;gt;ftp://u@h/x&amp;lt;/uri&amp;gt;"
    "&amp;lt;/Config&amp;gt;&lt;/AdapterConfig&gt;&lt;/CustomProps&gt;</TransportTypeData></SendPort>"
)


def test_blank_text_writes_what_biztalk_exports() -> None:
    assert blank_text(DOCUMENT) == BLANKED


def test_blanking_is_idempotent_and_keeps_what_is_no_secret() -> None:
    assert blank_text(BLANKED) == BLANKED
    kept = (
        '<CustomProps><Password vt="8">${ServicePassword}</Password><Password vt="1" />'
        '<Pwd vt="8"></Pwd><Note vt="8">Password=Pw;</Note></CustomProps>'
    )
    # a placeholder, a null and an empty value are kept; a connection string is blanked anywhere
    assert blank_text(kept) == kept.replace("Password=Pw;", "Password=;")
    attribute = '<binding password="x" userName="u" />'  # an XML attribute is no connection string
    assert blank_text(attribute) == attribute


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("*.xml")))
def test_fixtures_without_clear_secrets_come_back_byte_for_byte(fixture: str) -> None:
    data = (FIXTURES / fixture).read_bytes()
    assert blank_bytes(data) == data


def test_blank_bytes_keeps_a_utf16_file_utf16() -> None:
    data = codecs.BOM_UTF16_LE + DOCUMENT.encode("utf-16-le")
    out = blank_bytes(data)
    assert out.startswith(codecs.BOM_UTF16_LE)
    assert out[2:].decode("utf-16-le") == BLANKED
    assert "Pw-".encode("utf-16-le") not in out


def test_blank_bytes_leaves_other_bytes_alone() -> None:
    data = "<Description>Café ☕</Description>".encode() + DOCUMENT.encode()
    assert blank_bytes(data) == "<Description>Café ☕</Description>".encode() + BLANKED.encode()


def test_mask_shows_stars_in_every_secret_place() -> None:
    masked = mask_secrets(DOCUMENT)
    assert "Pw-" not in masked
    assert masked.count("***") == 5
    assert '&lt;Password vt="8"&gt;***&lt;/Password&gt;' in masked  # the element keeps its shape
    assert restore_masked(masked, DOCUMENT) == DOCUMENT


def test_an_edit_of_the_masked_text_keeps_the_stored_secrets() -> None:
    masked = mask_secrets(DOCUMENT)
    edited = masked.replace("Database=x", "Database=y").replace("svc", "svc2")
    assert restore_masked(edited, DOCUMENT) == DOCUMENT.replace("Database=x", "Database=y").replace("svc", "svc2")


def test_a_secret_typed_over_the_mask_is_the_new_value() -> None:
    masked = mask_secrets(DOCUMENT)
    edited = masked.replace('vt="8"&gt;***&lt;/Password', 'vt="8"&gt;New-Pw&lt;/Password', 1)
    restored = restore_masked(edited, DOCUMENT)
    assert "New-Pw" in restored and "Pw-1" not in restored
    assert all(f"Pw-{i}" in restored for i in (2, 3, 4, 5))
