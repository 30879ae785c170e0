"""Adapter values checked by type (``value_problem``) and settings each authentication mode
needs (``missing_required``): every rule fires on its case and stays quiet on the valid
neighbour, placeholders and empty values pass, and the rules come from the catalog's data."""

from __future__ import annotations

import pytest

from model.adapter_values import MissingSetting, config_problems, missing_required, value_problem
from model.adapters import ADAPTERS, SettingSpec, VariantType, setting_spec


def spec(adapter: str, name: str, *, inner: bool = False) -> SettingSpec:
    found = setting_spec(adapter, name, inner=inner)
    assert found is not None, f"{adapter} has no setting {name}"
    return found


# --- value_problem ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("adapter", "name", "text", "words"),
    [
        ("WCF-BasicHttp", "OpenTimeout", "ten minutes", "time span"),
        ("WCF-BasicHttp", "SendTimeout", "00:61:00", "time span"),
        ("WCF-NetTcp", "CloseTimeout", "25:00:00", "time span"),
        ("SB-Messaging", "BatchFlushInterval", "00:00:00.12345678", "time span"),
        ("WCF-NetMsmq", "TimeToLive", "1 day", "time span"),
        ("SB-Messaging", "StsUri", "accesscontrol.windows.net", "absolute URI"),
        ("WCF-WebHttp", "StsUri", "https://", "absolute URI"),
        ("WCF-BasicHttp", "ProxyAddress", "proxy:8080 ", "absolute URI"),
        ("WCF-NetMsmq", "CustomDeadLetterQueue", r"C:\queues\dead", "absolute URI"),
        ("FILE", "CopyMode", "7", "at most 2"),
        ("FILE", "CopyMode", "-1", "from 0 to 4294967295"),
        ("HTTP", "ProxyPort", "-5", "at least 0"),
        ("HTTP", "MaxRedirects", "eleven", "whole number"),
        ("SFTP", "Port", "70000", "at most 65535"),
        ("FILE", "UseTempFileOnWrite", "yes", "-1 (true) or 0 (false)"),
        ("WCF-BasicHttp", "SecurityMode", "Https", "one of None, Transport"),
        ("SFTP", "ClientAuthenticationMode", "Key", "one of Password, PublicKeyAuthentication"),
        ("SMTP", "MessagePartsAttachments", "3", "at most 2"),
        ("SB-Messaging", "DefaultScheduledEnqueueTimeUtc", "tomorrow", "date and time"),
    ],
)
def test_a_value_that_does_not_fit_is_refused_with_the_reason(adapter: str, name: str, text: str, words: str) -> None:
    message = value_problem(spec(adapter, name), text)
    assert message is not None and words in message, message
    assert spec(adapter, name).label in message and text.strip() in message


@pytest.mark.parametrize(
    ("adapter", "name", "text"),
    [
        ("WCF-BasicHttp", "OpenTimeout", "00:10:00"),
        ("WCF-BasicHttp", "OpenTimeout", "1.00:00:00"),
        ("WCF-BasicHttp", "OpenTimeout", "10"),  # TimeSpan.Parse reads a bare number as days
        ("WCF-BasicHttp", "OpenTimeout", "0:5"),
        ("SB-Messaging", "BatchFlushInterval", "00:00:00.0200000"),
        ("SB-Messaging", "DefaultTimeToLive", "10675199.02:48:05.4775807"),
        ("SB-Messaging", "StsUri", "https://ns-sb.accesscontrol.windows.net/"),
        ("WCF-NetMsmq", "CustomDeadLetterQueue", "net.msmq://localhost/private/dead"),
        ("WCF-BasicHttp", "ProxyAddress", "http://proxy:8080"),
        ("FILE", "CopyMode", "2"),
        ("FILE", "UseTempFileOnWrite", "-1"),
        ("FILE", "UseTempFileOnWrite", "true"),
        ("FILE", "AllowCacheOnWrite", "0"),
        ("WCF-BasicHttp", "SecurityMode", "transport"),  # BizTalk reads enumerations case-insensitively
        ("WCF-BasicHttp", "OpenTimeout", "${OpenTimeout}"),
        ("WCF-BasicHttp", "ProxyAddress", "http://${ProxyHost}:8080"),
        ("FILE", "CopyMode", "$(CopyMode)"),
        ("FILE", "CopyMode", ""),
        ("WCF-BasicHttp", "OpenTimeout", None),
        ("SFTP", "ProxyAddress", "proxy.contoso.com"),  # a host name here, not a URI
        ("FILE", "FileName", "ten minutes"),  # plain text has no format
    ],
)
def test_a_value_that_fits_passes(adapter: str, name: str, text: str | None) -> None:
    assert value_problem(spec(adapter, name), text) is None


def test_config_children_use_their_own_spelling() -> None:
    passive = spec("FTP", "passiveMode", inner=True)
    assert value_problem(passive, "True") is None
    assert "True (true) or False (false)" in (value_problem(passive, "yes") or "")
    port = spec("FTP", "serverPort", inner=True)
    assert "at least 1" in (value_problem(port, "0") or "")


def test_an_integer_with_choices_names_them() -> None:
    choices = SettingSpec(
        name="M", label="Mode", vt=VariantType.VT_UI4, choices=(("0", "Off"), ("5", "On")), description="x"
    )
    assert value_problem(choices, "3") == "Mode must be one of 0 (Off), 5 (On), not '3'"
    assert value_problem(choices, "5") is None


def test_the_format_comes_from_the_catalog_not_the_name() -> None:
    plain = SettingSpec(name="OpenTimeout", label="Open timeout", vt=VariantType.VT_BSTR, description="x")
    timed = plain.model_copy(update={"kind": "timespan"})
    assert value_problem(plain, "ten minutes") is None
    assert value_problem(timed, "ten minutes") is not None
    bounded = SettingSpec(name="N", label="N", vt=VariantType.VT_I4, minimum=5, maximum=9, description="x")
    assert value_problem(bounded, "4") is not None and value_problem(bounded, "9") is None
    with pytest.raises(ValueError, match="text"):
        SettingSpec(name="N", label="N", vt=VariantType.VT_I4, kind="uri", description="x")


def test_every_catalog_default_and_choice_passes() -> None:
    for adapter in ADAPTERS.values():
        for setting in (*adapter.settings, *adapter.inner_settings):
            assert value_problem(setting, setting.default) is None, (adapter.name, setting.name)
            for value, _label in setting.choices:
                assert value_problem(setting, value) is None, (adapter.name, setting.name, value)


# --- missing_required ---------------------------------------------------------------------


def names(missing: list[MissingSetting]) -> list[str]:
    return [m.name for m in missing]


SB_ACS_OFF_SAS_ON = {
    "UseAcsAuthentication": "0",
    "UseSasAuthentication": "-1",
    "SharedAccessKeyName": "send",
    "IssuerSecret": None,
}


@pytest.mark.parametrize(
    ("adapter", "values", "expected"),
    [
        # SB-Messaging: the issuer secret only with ACS, the SAS key only with SAS
        ("SB-Messaging", SB_ACS_OFF_SAS_ON, ["SharedAccessKey"]),
        ("SB-Messaging", {**SB_ACS_OFF_SAS_ON, "SharedAccessKey": "k"}, []),
        (
            "SB-Messaging",
            {"UseAcsAuthentication": "-1", "StsUri": "https://x-sb.accesscontrol.windows.net/", "IssuerName": "owner"},
            ["IssuerSecret"],
        ),
        ("SB-Messaging", {"UseAcsAuthentication": "0", "UseSasAuthentication": "0", "IssuerSecret": None}, []),
        ("SB-Messaging", {}, []),  # both off by default
        # SFTP: what ClientAuthenticationMode asks for, with Password as the default mode
        ("SFTP", {"UserName": "u"}, ["Password"]),
        ("SFTP", {"UserName": "u", "ClientAuthenticationMode": "Password", "Password": None}, ["Password"]),
        ("SFTP", {"UserName": "u", "ClientAuthenticationMode": "Password", "Password": "p"}, []),
        (
            "SFTP",
            {"UserName": "u", "ClientAuthenticationMode": "PublicKeyAuthentication", "Password": None},
            ["PrivateKey"],
        ),
        (
            "SFTP",
            {"UserName": "u", "ClientAuthenticationMode": "PublicKeyAuthentication", "PrivateKey": r"C:\k.ppk"},
            [],
        ),
        (
            "SFTP",
            {"UserName": "u", "ClientAuthenticationMode": "MultiFactorAuthentication"},
            ["Password", "PrivateKey"],
        ),
        ("SFTP", {"ClientAuthenticationMode": "PublicKeyAuthentication", "PrivateKey": r"C:\k.ppk"}, ["UserName"]),
        ("SFTP", {"ClientAuthenticationMode": "${AuthMode}"}, []),  # unknown until deployment
        # WCF HTTP adapters: a user name without a password under a mode that sends them
        (
            "WCF-WebHttp",
            {"SecurityMode": "Transport", "TransportClientCredentialType": "Basic", "UserName": "u"},
            ["Password"],
        ),
        (
            "WCF-WebHttp",
            {"SecurityMode": "Transport", "TransportClientCredentialType": "Basic", "UserName": "u", "Password": "p"},
            [],
        ),
        ("WCF-WebHttp", {"SecurityMode": "None", "TransportClientCredentialType": "Basic", "UserName": "u"}, []),
        ("WCF-WebHttp", {"SecurityMode": "Transport", "TransportClientCredentialType": "Basic", "UseSSO": "-1"}, []),
        ("WCF-WebHttp", {"SecurityMode": "Transport", "TransportClientCredentialType": "None", "UserName": "u"}, []),
        ("WCF-WebHttp", {"SecurityMode": "Transport", "TransportClientCredentialType": "Windows"}, []),
        (
            "WCF-WebHttp",
            {"SecurityMode": "Transport", "TransportClientCredentialType": "Windows", "UserName": "d\\u"},
            ["Password"],
        ),
        ("WCF-WebHttp", {"UseAcsAuthentication": "-1", "StsUri": "https://x/", "IssuerName": "i"}, ["IssuerSecret"]),
        (
            "WCF-BasicHttp",
            {"SecurityMode": "TransportCredentialOnly", "TransportClientCredentialType": "Digest"},
            ["UserName", "Password"],
        ),
        (
            "WCF-BasicHttp",
            {
                "SecurityMode": "TransportWithMessageCredential",
                "TransportClientCredentialType": "Basic",
                "MessageClientCredentialType": "Certificate",
            },
            [],
        ),
        (
            "WCF-BasicHttp",
            {
                "SecurityMode": "TransportWithMessageCredential",
                "MessageClientCredentialType": "UserName",
                "UserName": "u",
            },
            ["Password"],
        ),
        ("WCF-WSHttp", {"UserName": "u"}, []),  # Message security with a Windows credential (the defaults)
        ("WCF-WSHttp", {"MessageClientCredentialType": "UserName", "UserName": "u"}, ["Password"]),
        ("WCF-NetMsmq", {"SecurityMode": "Both", "MessageClientCredentialType": "UserName"}, ["UserName", "Password"]),
        ("WCF-NetMsmq", {"SecurityMode": "Transport", "MessageClientCredentialType": "UserName"}, []),
        # FILE: the password of the alternative account only with a user name
        ("FILE", {"Username": "", "Password": None}, []),
        ("FILE", {"Username": "CONTOSO\\svc", "Password": None}, ["Password"]),
        # HTTP, SOAP, SMTP: Basic or Digest authentication needs both
        ("HTTP", {"AuthenticationScheme": "Basic", "Username": "u"}, ["Password"]),
        ("HTTP", {"AuthenticationScheme": "Anonymous", "Password": None}, []),
        ("SOAP", {"AuthenticationScheme": "Digest"}, ["Username", "Password"]),
        ("SMTP", {"SMTPAuthenticate": "1", "Username": "u"}, ["Password"]),
        ("SMTP", {"SMTPAuthenticate": "2", "Password": None}, []),
        ("SMTP", {"Password": None}, []),  # the send handler's authentication
        ("WCF-Custom", {"Password": None}, []),  # credentials live in the binding configuration
        ("Contoso.Unknown", {"Password": None}, []),
    ],
)
def test_required_settings_follow_the_authentication_mode(
    adapter: str, values: dict[str, str | None], expected: list[str]
) -> None:
    assert names(missing_required(adapter, values)) == expected


def test_missing_settings_say_why_they_are_needed() -> None:
    [password] = missing_required("SFTP", {"UserName": "u"})
    assert password == MissingSetting(
        "Password", "Password", "ClientAuthenticationMode is Password (the default)", True
    )
    [key] = missing_required("SB-Messaging", SB_ACS_OFF_SAS_ON)
    assert key.reason == "UseSasAuthentication is on" and key.secret
    [user, _] = missing_required(
        "WCF-BasicHttp", {"SecurityMode": "Transport", "TransportClientCredentialType": "Basic"}
    )
    assert user.reason == (
        "SecurityMode is Transport and TransportClientCredentialType is Basic and UseSSO is off (the default)"
    )
    assert not user.secret and user.label == "User name"
    [file_password] = missing_required(ADAPTERS["FILE"], {"Username": "svc"})
    assert file_password.reason == "Username is set"


def test_config_documents_of_wrapping_adapters_are_checked_child_by_child() -> None:
    ftp = ADAPTERS["FTP"]
    text = (
        "<Config><serverAddress>ftp.contoso.com</serverAddress><serverPort>99999</serverPort>"
        "<passiveMode>maybe</passiveMode><password>******</password><unknownChild>x</unknownChild></Config>"
    )
    problems = config_problems(ftp, text)
    assert [name for name, _ in problems] == ["serverPort", "passiveMode"]
    assert "at most 65535" in problems[0][1] and "True (true) or False (false)" in problems[1][1]
    assert config_problems(ftp, "<Config><serverPort>21</serverPort></Config>") == []
    assert config_problems(ftp, "<Config><serverPort>") == []  # unreadable: kept and shown raw
    assert config_problems(ADAPTERS["FILE"], text) == []
