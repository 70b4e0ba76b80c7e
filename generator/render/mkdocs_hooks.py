"""MkDocs hooks of the digest's derived config (``hooks:``; see ``publish.derived_config``).

Material's search plugin parses the HTML of every page into index sections (a quarter of
the MkDocs build). When docs/ holds ``assets/search/articles.json``, ``search.finalize_site``
replaces every one of those sections with the article documents after the build, so the
parse is skipped: the plugin still writes its index (config, no documents) and still
strips ``data-search-*`` attributes from the pages; the final index is the same.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

ARTICLES_FILE = "assets/search/articles.json"  # as generator.render.search.ARTICLES_FILE


def _no_entry(page: Any) -> None:
    """Index nothing of ``page``: its documents are replaced after the build."""


def on_config(config: Any) -> None:
    if not (Path(config["docs_dir"]) / ARTICLES_FILE).is_file():
        return  # Material's documents are kept (enriched with lemmas): index every page
    for name in ("material/search", "search"):
        plugin = config["plugins"].get(name)
        index = getattr(plugin, "search_index", None)
        if index is not None:
            index.add_entry_from_context = _no_entry
