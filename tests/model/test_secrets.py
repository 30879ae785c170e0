"""model.secrets: passwords masked in addresses and connection strings, everything else kept; which
adapter settings are secret, by the catalog first and by their names for what it does not know."""

from __future__ import annotations

import pytest

from model.secrets import is_secret_setting, mask_connection_string, mask_text, mask_url_password


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("ftp://user:pw@host/x", "ftp://user:***@host/x"),
        ("ftp://user:pw@host:21/in/%MessageID%.xml", "ftp://user:***@host:21/in/%MessageID%.xml"),
        ("sftp://u:p@ss:w@rd@host/", "sftp://u:***@host/"),  # an unescaped "@" in the password
        ("FTP://:pw@host", "FTP://:***@host"),
        ("http://a:b@one and https://c:d@two/e", "http://a:***@one and https://c:***@two/e"),
        # no credentials: kept as written
        ("ftp://host:21/in/a:b@c.xml", "ftp://host:21/in/a:b@c.xml"),
        ("ftp://user@host/x", "ftp://user@host/x"),
        ("C:\\Out\\%MessageID%.xml", "C:\\Out\\%MessageID%.xml"),
        ("mssql://server//Orders?", "mssql://server//Orders?"),
    ],
)
def test_mask_url_password(address: str, shown: str) -> None:
    assert mask_url_password(address) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Server=s;Password=pw;Database=d", "Server=s;Password=***;Database=d"),
        ("Data Source=x; User ID=u; Pwd = 'a;b'; Pooling=true", "Data Source=x; User ID=u; Pwd = ***; Pooling=true"),
        ('password="p;w"', "password=***"),
        (
            "Endpoint=sb://ns/;SharedAccessKeyName=Send;SharedAccessKey=abc=",
            "Endpoint=sb://ns/;SharedAccessKeyName=Send;SharedAccessKey=***",
        ),
        ("AccountName=a;AccountKey=K==;EndpointSuffix=core", "AccountName=a;AccountKey=***;EndpointSuffix=core"),
        ("ProxyPassword=zz;Proxy=p", "ProxyPassword=***;Proxy=p"),
        ("ClientAuthenticationMode=Password", "ClientAuthenticationMode=Password"),
        ("Server=s;Integrated Security=SSPI", "Server=s;Integrated Security=SSPI"),
    ],
)
def test_mask_connection_string(text: str, shown: str) -> None:
    assert mask_connection_string(text) == shown


def test_mask_text_does_both() -> None:
    assert mask_text("ftp://u:x@h/ Server=s;Pwd=y") == "ftp://u:***@h/ Server=s;Pwd=***"


@pytest.mark.parametrize(
    ("name", "adapter", "secret"),
    [
        ("password", "FTP", True),  # inside FTP's <Config>
        ("firewallPassword", "FTP", True),
        ("Password", "WCF-BasicHttp", True),
        ("SharedAccessKey", "SB-Messaging", True),
        ("userName", "FTP", False),
        ("passiveMode", "FTP", False),
        ("SharedAccessKeyName", "SB-Messaging", False),  # the key's name, not the key
        ("PrivateKey", "SFTP", False),  # a file path; its password is PrivateKeyPassword
        ("PrivateKeyPassword", "SFTP", True),
        ("password", None, True),  # no adapter: any adapter's secret
        ("ProxyPassword", "Some.Custom.Adapter", True),  # unknown to the catalog: by its name
        ("ClientSecret", None, True),
        ("FileName", "FILE", False),
        ("ServerName", None, False),
    ],
)
def test_is_secret_setting(name: str, adapter: str | None, secret: bool) -> None:
    assert is_secret_setting(name, adapter) is secret
