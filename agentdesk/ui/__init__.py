"""The PySide6 window. Thin: slots call into the store, the engine and the core."""
