"""A client for BizTalk Server's Management REST API (Feature Pack 1 and later): payloads, the
HTTP client and its authentication, a snapshot of a group as a deployment target, and applying a
deployment plan through the API."""
