"""Media-monitoring digest generator: load -> clean -> analyse -> group -> render -> publish."""

__version__ = "0.1.0"
