"""Property editors: every setting of a send port or group, typed, validated, undoable."""
