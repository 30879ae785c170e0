"""Everything a person touches: the Portwright desktop app and the ``portwright`` command."""
