"""A 404 page that is styled wherever the site is served.

MkDocs renders ``404.html`` with absolute URLs under the path of ``site_url``
(``/digest/assets/…``), because a 404 page is shown at any missing address. Served at the
server's root instead (``python -m http.server`` in site/, a preview, another host), every
stylesheet, script and link of that page is missing. ``portable_error_page`` makes those
URLs relative and adds, first in the head (after the charset), a small script that picks
the site root: the ``site_url`` path when the address is under it, else ``/``; it sets
``<base href>`` to it and points Material's ``__config`` URLs (base, search worker) there
before its bundle runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from generator.fileio import atomic_write_text

_MARK = "data-digest-root"


def site_path(site_url: str) -> str:
    """The path of ``site_url`` with a final slash: ``https://x.org/digest`` -> ``/digest/``."""
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def portable_error_page(html: str, site_url: str) -> str:
    """``html`` of MkDocs' 404 page with URLs that work at the root and under ``site_url``."""
    if _MARK in html:
        return html  # already done
    prefix = site_path(site_url)

    def relative(m: re.Match[str]) -> str:
        rest = m.group(2)
        return f'{m.group(1)}{rest if rest and rest != "." else "./"}"'

    html = re.sub(
        r'(\s(?:href|src)=")' + re.escape(prefix) + r'([^"]*)"',
        relative,
        html,
    )
    head = (
        f"<script {_MARK}>(function(){{var p={json.dumps(prefix)};"
        'var r=location.pathname.indexOf(p)===0?p:"/";window.__digestRoot=r;window.__digestPath=p;'
        'var b=document.createElement("base");b.href=r;document.head.appendChild(b)})()</script>'
    )
    anchor = r"(<meta charset=[^>]*>)" if re.search(r"<meta charset=", html) else r"(<head[^>]*>)"
    html = re.sub(anchor, lambda m: m.group(1) + head, html, count=1)
    # Material's local-storage scope (palette, consent) is the site root too
    html = html.replace(
        f"__md_scope=new URL({json.dumps(prefix)},location)",
        f"__md_scope=new URL(window.__digestRoot||{json.dumps(prefix)},location)",
    )
    config = (
        '<script>(function(){var c=document.getElementById("__config");if(!c)return;'
        "var j=JSON.parse(c.textContent),p=window.__digestPath,r=window.__digestRoot;"
        'if(!p||!r)return;for(var k in j){if(typeof j[k]=="string"&&j[k].indexOf(p)===0)'
        "j[k]=r+j[k].slice(p.length)}"
        "c.textContent=JSON.stringify(j)})()</script>"
    )
    return re.sub(
        r'(<script src="assets/javascripts/bundle[^"]*"></script>)',
        lambda m: config + m.group(1),
        html,
        count=1,
    )


def fix_error_page(site_dir: Path, site_url: str) -> None:
    """Rewrite ``site_dir/404.html`` (a new file replaces it; nothing when there is none)."""
    page = site_dir / "404.html"
    if page.is_file():
        text = page.read_text(encoding="utf-8")
        atomic_write_text(page, portable_error_page(text, site_url))
