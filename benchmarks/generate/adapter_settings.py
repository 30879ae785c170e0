"""Adapter settings of generated send ports: each function gives (address, TransportTypeData).

The settings document is raw XML (``<CustomProps>``), escaped once when written; values that
are XML themselves (FTP/MSMQ ``AdapterConfig``, WCF binding, behaviour, action and identity)
are escaped by ``prop`` inside it, so they end up double-escaped as in a real export. Names
and VARIANT types are those of the real files in the shared corpus.
"""

from __future__ import annotations

from collections.abc import Callable
from random import Random

from .elements import NS_XSI_XSD, custom_props, prop
from .plan import PortPlan


def _file(r: Random, p: PortPlan) -> tuple[str, str]:
    root = r.choice(("D:\\Interfaces", "\\\\fs01.contoso.local\\BizTalk", "E:\\BizTalkLocations"))
    file_name = r.choice(
        ("%MessageID%.xml", f"{p.doc}_%MessageID%.xml", "%SourceFileName%", f"{p.partner}_{p.doc}_%datetime%.xml")
    )
    address = f"{root}\\{p.app.short}\\Out\\{p.partner}\\{p.doc}\\{file_name}"
    props = []
    if r.random() < 0.4:  # exported with credentials blanked, as in corpus file 17
        props += [prop("Username", "8"), prop("Password", "1")]
    props += [
        prop("UseTempFileOnWrite", "11", r.choice(("0", "-1"))),
        prop("AllowCacheOnWrite", "11", "0"),
        prop("CopyMode", "19", r.choice(("1", "1", "1", "2", "0"))),
        prop("FileName", "8", file_name),
    ]
    return address, custom_props(props)


def _ftp(r: Random, p: PortPlan) -> tuple[str, str]:
    server = f"ftp.{p.partner.lower()}.com"
    folder = f"/inbound/{p.app.short.lower()}/{p.doc.lower()}"
    file_name = f"{p.doc}_%MessageID%.xml"
    address = f"ftp://{server}:21{folder}/{file_name}"
    config = (
        f"<Config {NS_XSI_XSD}><uri>{address}</uri><serverAddress>{server}</serverAddress><serverPort>21</serverPort>"
        f"<userName>bts_{p.app.short.lower()}</userName><password>******</password><accountName />"
        f"<targetFolder>{folder}</targetFolder><targetFileName>{file_name}</targetFileName>"
        f"<representationType>{r.choice(('binary', 'ASCII'))}</representationType><allocateStorage>False</allocateStorage>"
        "<appendIfExists>False</appendIfExists><connectionLimit>0</connectionLimit>"
        f"<passiveMode>{r.choice(('True', 'False'))}</passiveMode><firewallType>NoFirewall</firewallType>"
        "<firewallPort>21</firewallPort><useSsl>False</useSsl><useDataProtection>True</useDataProtection>"
        "<ftpsConnMode>Explicit</ftpsConnMode></Config>"
    )
    return address, custom_props([prop("AdapterConfig", "8", config)])


def _sftp(r: Random, p: PortPlan) -> tuple[str, str]:
    server = f"sftp.{p.partner.lower()}.net"
    folder = f"/upload/{p.doc.lower()}"
    file_name = f"%MessageID%_{p.doc}.xml"
    address = f"sftp://{server}:22{folder}/{file_name}"
    props = [
        prop("AccessAnyServerHostKey", "11", "0"),
        prop("ClientAuthenticationMode", "8", r.choice(("Password", "PublicKeyAuthentication"))),
        prop("ConnectionLimit", "3", "10"),
        prop("EncryptionCipher", "8", "Auto"),
        prop("FolderPath", "8", folder),
        prop("Password", "1"),
        prop("Port", "3", "22"),
        prop("PrivateKey", "8"),
        prop("PrivateKeyPassword", "1"),
        prop("ProxyAddress", "8"),
        prop("ProxyPort", "3", "1080"),
        prop("ProxyType", "8", "None"),
        prop("ProxyUserName", "8"),
        prop("ProxyPassword", "1"),
        prop("ServerAddress", "8", server),
        prop("SSHServerHostKey", "8", f"ssh-rsa 2048 {':'.join(f'{r.getrandbits(8):02x}' for _ in range(16))}"),
        prop("SSOAffiliateApplication", "8"),
        prop("TargetFileName", "8", file_name),
        prop("UserName", "8", f"bts_{p.app.short.lower()}"),
        prop("WriteMode", "8", "Overwrite"),
        prop("TemporaryFolder", "8"),
        prop("LogFolder", "8"),
    ]
    return address, custom_props(props)


def _http(r: Random, p: PortPlan) -> tuple[str, str]:
    address = f"https://api.{p.partner.lower()}.com/b2b/{p.doc.lower()}s?client=contoso&source={p.app.short.lower()}"
    props = [
        prop("ProxyPort", "3", "80"),
        prop("RequestTimeout", "3", r.choice(("0", "60", "120"))),
        prop("AuthenticationScheme", "8", r.choice(("Anonymous", "Basic", "Kerberos"))),
        prop("EnableChunkedEncoding", "11", "-1"),
        prop("UseSSO", "11", "0"),
        prop("UseProxy", "11", "0"),
        prop("MaxRedirects", "3", "5"),
        prop("ContentType", "8", "text/xml; charset=utf-8"),
        prop("UseHandlerSetting", "11", "0"),
        prop("Username", "8"),
        prop("Password", "1"),
    ]
    return address, custom_props(props)


def _wcf_custom(r: Random, p: PortPlan) -> tuple[str, str]:
    kind = r.choice(("basicHttpBinding", "wsHttpBinding", "customBinding", "netTcpBinding"))
    host = f"{p.partner.lower()}-services.contoso-partners.com"
    if kind == "netTcpBinding":
        address = f"net.tcp://{host}:808/{p.doc}Service.svc"
        binding = (
            f'<binding name="{p.partner}NetTcp" closeTimeout="00:01:00" openTimeout="00:01:00" sendTimeout="00:05:00" '
            'transactionFlow="false" maxReceivedMessageSize="10485760"><readerQuotas maxStringContentLength="10485760" />'
            '<security mode="Transport"><transport clientCredentialType="Windows" protectionLevel="EncryptAndSign" />'
            "</security></binding>"
        )
    elif kind == "customBinding":
        address = f"https://{host}/{p.doc}/v2/Service.svc"
        binding = (
            f'<binding name="{p.partner}Custom" closeTimeout="00:10:00" openTimeout="00:10:00" sendTimeout="00:10:00">'
            '<textMessageEncoding messageVersion="Soap11"><readerQuotas maxDepth="32" maxStringContentLength="8192" '
            'maxArrayLength="16384" maxBytesPerRead="4096" maxNameTableCharCount="16384" /></textMessageEncoding>'
            '<httpsTransport authenticationScheme="Anonymous" maxReceivedMessageSize="2147483647" /></binding>'
        )
    else:
        address = f"https://{host}/{p.doc}Service.svc"
        binding = (
            f'<binding name="{kind}_{p.doc}" closeTimeout="00:01:00" openTimeout="00:01:00" receiveTimeout="00:10:00" '
            f'sendTimeout="00:05:00" maxReceivedMessageSize="{r.choice((65536, 1048576, 2147483647))}">'
            '<security mode="Transport"><transport clientCredentialType="None" /></security></binding>'
        )
    if r.random() < 0.5:
        behavior = (
            '<behavior name="EndpointBehavior"><clientCredentials><clientCertificate findValue="biztalk.contoso.com" '
            'storeLocation="LocalMachine" storeName="My" x509FindType="FindBySubjectName" /></clientCredentials></behavior>'
        )
    else:
        behavior = '<behavior name="EndpointBehavior" />'
    ops = "".join(
        f'\n  <Operation Name="{op}{p.doc}" Action="http://{host}/I{p.doc}Service/{op}{p.doc}" />'
        for op in r.sample(("Submit", "Update", "Cancel", "Get"), r.randint(1, 3))
    )
    action = f"<BtsActionMapping {NS_XSI_XSD}>{ops}\n</BtsActionMapping>"
    identity = f'<identity>\n  <dns value="{host}" />\n</identity>' if r.random() < 0.3 else None
    props = [
        prop("BindingType", "8", kind),
        prop("BindingConfiguration", "8", binding),
        prop("EndpointBehaviorConfiguration", "8", behavior),
        prop("StaticAction", "8", action),
        prop("UserName", "8"),
        prop("Password", "1"),
        prop("AffiliateApplicationName", "8"),
        prop("ProxyAddress", "8"),
        prop("ProxyUserName", "8"),
        prop("InboundBodyLocation", "8", "UseBodyElement"),
        prop("InboundBodyPathExpression", "8"),
        prop("InboundNodeEncoding", "8", "Xml"),
        prop("OutboundBodyLocation", "8", "UseBodyElement"),
        prop(
            "OutboundXmlTemplate",
            "8",
            '<bts-msg-body xmlns="http://www.microsoft.com/schemas/bts2007" encoding="xml"/>',
        ),
        prop("PropagateFaultMessage", "11", "-1"),
        prop("EnableTransaction", "11", "0"),
        prop("IsolationLevel", "8", "Serializable"),
        prop("Identity", "8", identity),
        prop("UseSSO", "11", "0"),
    ]
    return address, custom_props(props)


def _wcf_basic(r: Random, p: PortPlan) -> tuple[str, str]:
    address = f"https://{p.partner.lower()}.contoso-partners.com/services/{p.doc}Service.svc"
    secure = r.random() < 0.7
    props = [
        prop("MessageEncoding", "8", "Text"),
        prop("TextEncoding", "8", "utf-8"),
        prop("SecurityMode", "8", "Transport" if secure else "None"),
        prop("TransportClientCredentialType", "8", r.choice(("None", "Basic", "Windows"))),
        prop("MessageClientCredentialType", "8", "UserName"),
        prop("AlgorithmSuite", "8", "Basic256"),
        prop("UseSSO", "11", "0"),
        prop("UserName", "8"),
        prop("Password", "1"),
        prop("AffiliateApplicationName", "8"),
        prop("ProxyToUse", "8", "Default"),
        prop("ProxyAddress", "8"),
        prop("ProxyUserName", "8"),
        prop("StaticAction", "8", f"http://{p.partner.lower()}.com/I{p.doc}Service/Submit{p.doc}"),
        prop("OpenTimeout", "8", "00:01:00"),
        prop("SendTimeout", "8", r.choice(("00:01:00", "00:05:00"))),
        prop("CloseTimeout", "8", "00:01:00"),
        prop("MaxReceivedMessageSize", "3", "65536"),
        prop("ServiceCertificate", "8"),
        prop("InboundBodyLocation", "8", "UseBodyElement"),
        prop("InboundBodyPathExpression", "8"),
        prop("InboundNodeEncoding", "8", "Xml"),
        prop("OutboundBodyLocation", "8", "UseBodyElement"),
        prop(
            "OutboundXmlTemplate",
            "8",
            '<bts-msg-body xmlns="http://www.microsoft.com/schemas/bts2007" encoding="xml"/>',
        ),
        prop("PropagateFaultMessage", "11", "-1"),
        prop("EnableTransaction", "11", "0"),
    ]
    return address, custom_props(props)


def _smtp(r: Random, p: PortPlan) -> tuple[str, str]:
    to = f"{p.doc.lower()}-desk@{p.partner.lower()}.com"
    props = [
        prop("SMTPHost", "8", "smtp.contoso.local"),
        prop("From", "8", f"biztalk-{p.app.short.lower()}@contoso.com"),
        prop("CC", "8", "integration-monitoring@contoso.com" if r.random() < 0.3 else None),
        prop("Subject", "8", f"{p.doc} from Contoso %MessageID%"),
        prop("DeliveryReceipt", "11", "0"),
        prop("ReadReceipt", "11", "0"),
        prop("SMTPAuthenticate", "3", r.choice(("0", "1", "2"))),
        prop("Username", "8"),
        prop("Password", "1"),
        prop("MessagePartsAttachments", "3", r.choice(("0", "1", "2"))),
        prop("EmailBodyText", "8", f"Please find the {p.doc} attached.\nRegards,\nContoso Integration"),
        prop("EmailBodyTextCharset", "8", "utf-8"),
        prop("EmailBodyFile", "8"),
        prop("EmailBodyFileCharset", "8"),
        prop("Attachments", "8"),
        prop("UseHandlerSetting", "11", "0"),
    ]
    return f"mailto:{to}", custom_props(props)


def _msmq(r: Random, p: PortPlan) -> tuple[str, str]:
    queue = f"FORMATNAME:DIRECT=OS:MSMQSRV0{r.randint(1, 3)}\\PRIVATE$\\{p.app.short.upper()}-{p.doc.upper()}-{p.seq}"
    config = (
        f"<Config {NS_XSI_XSD}><queue>{queue}</queue><uri>{queue}</uri><maximumMessageSize>{r.choice((256, 1024, 4096))}"
        "</maximumMessageSize><acknowledgeType>None</acknowledgeType><timeOut>4</timeOut><priority>Normal</priority>"
        "<recoverable>true</recoverable><encryptionAlgorithm>None</encryptionAlgorithm>"
        "<useAuthentication>false</useAuthentication><segmentationSupport>false</segmentationSupport>"
        "<transactional>true</transactional><useJournalQueue>false</useJournalQueue>"
        "<useDeadLetterQueue>true</useDeadLetterQueue><ackTypeEnumsValue>0</ackTypeEnumsValue>"
        "<timeOutUnits>Days</timeOutUnits><bodyType>8209</bodyType></Config>"
    )
    return queue, custom_props([prop("AdapterConfig", "8", config)])


#: The settings writer of each adapter a generated static send port can use.
ADAPTER_SETTINGS: dict[str, Callable[[Random, PortPlan], tuple[str, str]]] = {
    "FILE": _file,
    "FTP": _ftp,
    "SFTP": _sftp,
    "HTTP": _http,
    "WCF-Custom": _wcf_custom,
    "WCF-BasicHttp": _wcf_basic,
    "SMTP": _smtp,
    "MSMQ": _msmq,
}
