"""The canvas: the scene mirroring the document, its items, view, layout and overview."""
