"""examples/web_app.py served over HTTP on loopback (werkzeug's server on port 0, urllib)."""
from __future__ import annotations

import html
import importlib.util
import re
import threading
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode, urljoin

import pytest

pytest.importorskip("flask")

import searchlib  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "web_app.py"
SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="x'


def load_web_app():
    spec = importlib.util.spec_from_file_location("web_app_example", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The example app over a temp index (hostile document + a dozen plain ones), on loopback."""
    from werkzeug.serving import make_server

    index = searchlib.create_index(tmp_path_factory.mktemp("web") / "ix")
    documents = [{"id": "hostile", "title": f"خبر {SCRIPT} عن الاتفاق {ATTRIBUTE}",
                  "text": f"نص الخبر عن الاتفاق {SCRIPT} ثم {ATTRIBUTE} في النهاية.",
                  "date": "2021-05-01", "source": "مصدر <i>مائل</i>",
                  "actors": ["إلهام علييف"]}]
    documents += [{"id": f"plain-{n}", "title": f"خبر عادي رقم {n} عن الاتفاق",
                   "text": f"تفاصيل الاتفاق رقم {n} بين البلدين.", "date": f"{2000 + n % 3}-03-01",
                   "source": "وكالة", "actors": ["فلاديمير بوتين"] if n % 2 else []}
                  for n in range(12)]
    index.add_documents(documents)
    server = make_server("127.0.0.1", 0, load_web_app().create_app(index))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        assert response.headers.get_content_charset() == "utf-8"
        return response.read().decode("utf-8")


def result_titles(page: str) -> list[str]:
    return [html.unescape(title) for title in re.findall(r"<h2>(.*?)</h2>", page, re.DOTALL)]


def test_the_page_is_arabic_right_to_left_with_a_search_box(site):
    page = get(site + "/")
    assert '<html dir="rtl" lang="ar">' in page
    assert re.search(r'<input type="search" name="q"', page)


@pytest.mark.parametrize("query, actor", [("النهاية", ""), ("الاتفاق", "إلهام علييف")])
def test_document_text_is_only_ever_escaped(site, query, actor):
    page = get(site + "/?" + urlencode({"q": query, "actor": actor}))
    assert [title for title in result_titles(page) if SCRIPT in title]  # the hostile document
    assert SCRIPT not in page and "onmouseover=\"x" not in page and "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34; onmouseover=&#34;x" in page or "&quot; onmouseover=&quot;x" in page
    assert "مصدر &lt;i&gt;مائل&lt;/i&gt;" in page        # stored source and its facet link
    assert re.search(f"<b[^>]*>{query}</b>", page)  # the library's highlights stay HTML


def test_facet_links_filter_the_results(site):
    page = get(site + "/?q=" + quote("الاتفاق"))
    links = dict((html.unescape(text.strip()), html.unescape(href)) for href, text in
                 re.findall(r'<a href="([^"]*actor=[^"]*)"[^>]*>([^<]*)</a>', page))
    assert "إلهام علييف" in links
    filtered = get(urljoin(site, links["إلهام علييف"]))
    assert len(result_titles(filtered)) == 1
    assert SCRIPT in result_titles(filtered)[0]


def test_year_facet_links_restrict_the_dates(site):
    page = get(site + "/?q=" + quote("الاتفاق"))
    href = html.unescape(re.search(r'<a href="([^"]*year=2021[^"]*)"', page).group(1))
    filtered = get(urljoin(site, href))
    assert len(result_titles(filtered)) == 1


def test_pages_link_to_each_other_without_repeating_hits(site):
    first = get(site + "/?q=" + quote("الاتفاق"))
    next_href = html.unescape(re.search(r'<a rel="next" href="([^"]+)"', first).group(1))
    second = get(urljoin(site, next_href))
    assert 'rel="prev"' in second and 'rel="next"' not in second
    titles = result_titles(first) + result_titles(second)
    assert len(titles) == len(set(titles)) == 13
