"""Portwright's model: the send-port domain, BizTalk's rules, binding files and the workspace.

Nothing here imports Qt: the command line, scripts and tests use it directly.
"""
