"""Environments: one design, a binding file per environment.

A :class:`~model.environments.table.SettingsTable` holds named environments and settings (a
default and a value per environment), read from and written back to BTDF's SpreadsheetML
settings spreadsheet (:mod:`~model.environments.spreadsheet`) or XmlPreprocess settings files
(:mod:`~model.environments.settings_file`). :mod:`~model.environments.preprocess` fills a
token master (``${Token}``, ``<!-- #ifdef -->``) for one environment, escaping every value for
the place it lands.
"""
