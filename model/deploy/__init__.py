"""Reaching a real BizTalk group: what a target group has (``target``), the ordered steps that
take it to what the design says (``steps``, built by ``plan``), the checks an import would
fail (``preflight``), and the PowerShell script that applies a plan without the REST API
(``script``), and a target read from files (``target_file``)."""
