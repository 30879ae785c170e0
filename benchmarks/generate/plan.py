"""What a realistic generated file holds, decided before any XML is written: applications, ports.

The vocabulary (business domains, partners, document types, hosts) gives names of the shapes
real exports have; ``realistic`` draws from it with a seeded random generator.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DOMAINS = (
    "Finance",
    "Logistics",
    "Sales",
    "Procurement",
    "HR",
    "Warehouse",
    "CustomerService",
    "Billing",
    "Payments",
    "Manufacturing",
    "Retail",
    "Compliance",
    "Treasury",
    "Fleet",
)
PARTNERS = (
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark",
    "Wayne",
    "Wonka",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Vandelay",
    "Dunder",
    "Oscorp",
    "Aperture",
    "Massive",
    "Gekko",
    "Nakatomi",
    "Prestige",
    "Sirius",
    "Virtucon",
    "Zorg",
    "Monarch",
    "Pendant",
)
DOCS = (
    "Order",
    "Invoice",
    "Shipment",
    "PriceList",
    "Payment",
    "Customer",
    "Product",
    "Inventory",
    "DeliveryNote",
    "Remittance",
    "CreditNote",
    "PurchaseOrder",
    "Forecast",
    "Receipt",
    "Employee",
    "Timesheet",
    "StockMovement",
    "OrderResponse",
)
HOSTS = ("BizTalkServerApplication", "SendHost", "SendHost64", "WcfSendHost", "FtpSendHost")

#: Adapters of static send ports, with their weights: one-way ports, then solicit-response ones.
ONE_WAY_ADAPTERS = (
    ("FILE", 60),
    ("MSMQ", 6),
    ("FTP", 6),
    ("SFTP", 6),
    ("WCF-Custom", 6),
    ("SMTP", 5),
    ("WCF-BasicHttp", 6),
    ("HTTP", 5),
)
TWO_WAY_ADAPTERS = (("WCF-Custom", 45), ("WCF-BasicHttp", 30), ("HTTP", 25))


@dataclass
class AppPlan:
    """A BizTalk application of the generated file and the indexes of its send ports."""

    name: str
    short: str
    token: str
    ports: list[int] = field(default_factory=list)


@dataclass
class PortPlan:
    """A send port to generate: its name, application, shape and adapter (None when dynamic)."""

    seq: int
    name: str
    app: AppPlan
    static: bool
    two_way: bool
    adapter: str | None
    partner: str
    doc: str
    binding_option: str = "0"
