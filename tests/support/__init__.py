"""Helpers shared by the test suites: a throwaway PostgreSQL server, small binding files."""
