"""Portwright's data files: SVG icons (``icons/``) and sample binding files (``samples/``).

A package only so that it installs with the code; ``designer.resource_paths.resources_dir()``
finds it both in a source checkout and in an installed wheel.
"""
