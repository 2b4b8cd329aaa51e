"""One self-contained HTML file with the same content as the PDF.

Figures are embedded as base64 PNGs; every piece of article text is escaped
(an article containing ``<script>`` shows it as text); nothing is loaded from
the network.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from typing import TYPE_CHECKING

from ..export import write_file
from .base import Page

if TYPE_CHECKING:
    from ..analysis import Analysis

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;max-width:1100px;margin:2em auto;
padding:0 1em;color:#1a1a1a;line-height:1.5}
h1{font-size:2em;margin-bottom:.2em} h2{border-bottom:2px solid #0072B2;padding-bottom:.2em;margin-top:2em}
nav ul{columns:2;list-style:none;padding:0} nav a{color:#0072B2;text-decoration:none}
img{max-width:100%;height:auto;border:1px solid #eee} table{border-collapse:collapse;font-size:.9em;margin:1em 0}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:left;vertical-align:top} th{background:#f4f4f4}
.excerpt{border-left:4px solid #ccc;padding:.4em .8em;margin:.8em 0;background:#fafafa}
.caption{color:#444;font-size:.9em;margin:.2em 0}
"""


def _page_html(p: Page, pngs: dict[str, bytes]) -> str:
    parts = [f'<section id="{html.escape(p.name)}"><h2>{html.escape(p.title)}</h2>']
    if p.name in pngs:
        b64 = base64.b64encode(pngs[p.name]).decode("ascii")
        parts.append(f'<img alt="{html.escape(p.title)}" src="data:image/png;base64,{b64}">')
    for para in p.text:
        if para.startswith("## "):
            parts.append(f"<h3>{html.escape(para[3:])}</h3>")
        else:
            parts.append(f"<p>{html.escape(para)}</p>")
    if p.table is not None and len(p.table):
        parts.append(p.table.head(60).to_html(index=False, escape=True, na_rep="–", float_format=lambda v: f"{v:.3g}"))
    for caption, body_html, _plain in p.excerpts:
        parts.append(f'<div class="excerpt"><p class="caption">{html.escape(caption)}</p>{body_html}</div>')
    parts.append("</section>")
    return "\n".join(parts)


#: Documents shown in full (highlighted) at the end of the HTML report.
MAX_DOCUMENTS = 30


def _shown(value: object) -> bool:
    """Whether a metadata value is worth a place in a label: not missing (None, NaN) nor empty."""
    return value is not None and value == value and str(value) != ""


def _documents_html(a: Analysis, by: str) -> str:
    """The highlighted text of each document (a sample on large corpora), folded away."""
    docs = a.documents
    ok = docs[~docs["status"].astype(str).str.startswith("skipped")]
    if len(ok) > MAX_DOCUMENTS:  # a few from every group, in corpus order
        if by in ok:
            per = max(1, MAX_DOCUMENTS // max(1, ok[by].nunique()))
            ok = ok.groupby(by, sort=False).head(per)
        ok = ok.head(MAX_DOCUMENTS)
    parts = [
        '<section id="documents"><h2>The documents, with their evidence highlighted</h2>',
        f"<p>{len(ok)} of {len(docs)} documents. Hover over a highlighted word to see what it counts for.</p>",
    ]
    # records, not itertuples: a column such as "bias rating" is no attribute name, and its label went missing
    fields = [f for f in dict.fromkeys((by, "title")) if f != "doc_id" and f in ok]  # by="title": once
    for row in ok[["doc_id", *fields]].to_dict("records"):
        values = (row["doc_id"], *(row[f] for f in fields))
        label = " · ".join(str(v) for v in values if _shown(v))
        parts.append(f"<details><summary>{html.escape(label)}</summary>{a.explain(row['doc_id']).to_html()}</details>")
    parts.append("</section>")
    return "\n".join(parts)


def write_html(a: Analysis, pages: list[Page], pngs: dict[str, bytes], path: Path, by: str = "outlet") -> Path:
    from ..explain import LEGEND_CSS

    nav = "".join(f'<li><a href="#{html.escape(p.name)}">{html.escape(p.title)}</a></li>' for p in pages)
    nav += '<li><a href="#documents">The documents, highlighted</a></li>'
    body = "\n".join(_page_html(p, pngs) for p in pages) + _documents_html(a, by)
    doc = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">"
        f"<title>framing report: {html.escape(a.corpus.name or 'corpus')}</title>"
        f"<style>{_CSS}{LEGEND_CSS}</style></head><body>"
        f"<h1>framing report</h1><p>{html.escape(repr(a.corpus))}</p><nav><ul>{nav}</ul></nav>{body}</body></html>"
    )
    return write_file(doc, path)
