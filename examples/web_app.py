"""A small search site over a searchlib index: search box, facet links, highlighted results,
pagination, right-to-left page. Needs Flask (``pip install -e '.[web]'``).

    python examples/web_app.py                      # the embedded default index (the seeds)
    python examples/web_app.py --index ~/news-index --port 8000

It listens on 127.0.0.1 only. Every piece of document text goes through Jinja's autoescaping;
the highlighted snippets are the one exception, marked safe because searchlib builds them from
escaped text itself (only its own ``<b>`` tags are HTML).
"""
from __future__ import annotations

import argparse
from urllib.parse import urlencode

from flask import Flask, render_template_string, request
from markupsafe import Markup

import searchlib

PAGE_SIZE = 10
FACETS = ["actor", "agreement", "year", "source"]
FACET_LABELS = {"actor": "الفاعلون", "agreement": "الاتفاقات", "year": "السنة", "source": "المصدر"}
FILTERS = ["actor", "agreement", "source", "year"]  # the query-string parameters that filter

PAGE = """<!doctype html>
<html dir="rtl" lang="ar">
<head>
<meta charset="utf-8">
<title>{% if query %}{{ query }} — {% endif %}بحث الأخبار</title>
<style>
 body { font-family: "Noto Naskh Arabic", "Segoe UI", Tahoma, sans-serif; margin: 2em auto;
        max-width: 60em; display: grid; grid-template-columns: 14em 1fr; gap: 2em; }
 form, .summary { grid-column: 1 / 3; }
 b { background: #fff3a0; }
 .meta { color: #666; font-size: .9em; }
 .facet a { text-decoration: none; } .facet .on { font-weight: bold; }
 ol { padding-inline-start: 1.5em; } li { margin-bottom: 1.2em; }
</style>
</head>
<body>
<form method="get" action="/" role="search">
  <input type="search" name="q" value="{{ query }}" size="40" autofocus aria-label="بحث">
  {% for name, value in active.items() %}
  <input type="hidden" name="{{ name }}" value="{{ value }}">
  {% endfor %}
  <button type="submit">بحث</button>
</form>
{% if error %}<p class="summary error">{{ error }}</p>{% endif %}
{% if results %}
<p class="summary">{{ results.total }} نتيجة{% if results.suggestion %} — هل تقصد:
  <a href="{{ link(q=results.suggestion, page=None) }}">{{ results.suggestion }}</a>؟{% endif %}
  {% for name, value in active.items() %}
   · {{ labels[name] }}: {{ value }}
   <a href="{{ link(**{name: None, 'page': None}) }}" title="إزالة">✕</a>
  {% endfor %}
</p>
<nav aria-label="facets">
  {% for name in facets if results.facets.get(name) %}
  <section class="facet"><h3>{{ labels[name] }}</h3><ul>
    {% for item in results.facets[name][:10] %}
    <li><a href="{{ link(**{name: item.value, 'page': None}) }}"
           {% if active.get(name) == item.value|string %}class="on"{% endif %}>{{ item.value }}</a>
        ({{ item.count }})</li>
    {% endfor %}
  </ul></section>
  {% endfor %}
</nav>
<main>
  <ol start="{{ (results.page - 1) * results.limit + 1 }}">
  {% for hit in results.hits %}
    <li><h2>{{ hit.title or hit.id }}</h2>
      <div class="meta">{{ hit.date or "" }}{% if hit.source %} · {{ hit.source }}{% endif %}
        {% if hit.actors %} · {{ hit.actors|join("، ") }}{% endif %}</div>
      <p>{{ safe_highlights(hit) }}</p></li>
  {% endfor %}
  </ol>
  <nav aria-label="pages">
    {% if results.page > 1 %}
    <a rel="prev" href="{{ link(page=results.page - 1) }}">السابق</a>
    {% endif %}
    صفحة {{ results.page }} من {{ pages }}
    {% if results.page < pages %}
    <a rel="next" href="{{ link(page=results.page + 1) }}">التالي</a>
    {% endif %}
  </nav>
</main>
{% endif %}
</body>
</html>
"""


def create_app(index: searchlib.SearchIndex) -> Flask:
    """The Flask application serving ``index``."""
    app = Flask(__name__)

    @app.get("/")
    def search_page():
        query = request.args.get("q", "").strip()
        active = {name: request.args[name] for name in FILTERS if request.args.get(name)}
        page = request.args.get("page", "1")
        page = int(page) if page.isdigit() and int(page) > 0 else 1
        results, error = None, None
        if query:
            try:
                results = index.search(query, limit=PAGE_SIZE, page=page,
                                       filters=_filters(active), facets=FACETS)
            except searchlib.QueryError as problem:
                error = str(problem)

        def link(**changes) -> str:
            params = {"q": query, **active, "page": page if page > 1 else None}
            params.update(changes)
            return "/?" + urlencode({k: v for k, v in params.items() if v not in (None, "")})

        pages = max(1, -(-results.total // PAGE_SIZE)) if results else 1
        return render_template_string(PAGE, query=query, active=active, results=results,
                                      error=error, pages=pages, facets=FACETS,
                                      labels=FACET_LABELS, link=link,
                                      safe_highlights=_safe_highlights)

    return app


def _filters(active: dict[str, str]) -> dict[str, str]:
    filters = {name: value for name, value in active.items() if name != "year"}
    year = active.get("year", "")
    if year.isdigit() and len(year) == 4:
        filters["date_from"], filters["date_to"] = f"{year}-01-01", f"{year}-12-31"
    return filters


def _safe_highlights(hit) -> Markup:
    """The hit's highlights as markup: searchlib HTML-escapes the document's text (quotes
    included) and adds only its own ``<b>`` tags (see ``Hit.highlights``)."""
    return Markup(hit.highlights or "")


def main() -> None:
    """Serve the index on 127.0.0.1."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", metavar="DIR", help="index folder (default: the seeds)")
    parser.add_argument("--port", type=int, default=5000)
    args = parser.parse_args()
    index = searchlib.open_index(args.index) if args.index else searchlib.default_index()
    create_app(index).run(host="127.0.0.1", port=args.port)


if __name__ == "__main__":
    main()
