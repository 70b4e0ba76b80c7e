"""One module per command of the `digest` CLI."""
