"""Smoke tests of the bench scripts on a tiny SaudiNewsNet-shaped corpus built here, plus the
corpus helpers they rely on (footers, wire copies, query variants)."""
from __future__ import annotations

import json
import random
import re
import zipfile
from pathlib import Path

import pytest

from bench import common, index as index_bench, query as query_bench, retrieval

TOPICS = [
    ("مجلس الأمن يصادق على الاتفاق النووي مع إيران",
     "وافق مجلس الأمن الدولي اليوم على اتفاق يحد من برنامج إيران النووي مقابل تخفيف العقوبات "
     "على طهران وقال دبلوماسيون إن القرار يمهد لرفع الحظر تدريجيا"),
    ("وزير الصحة يفتتح مستشفى جديدا في جدة",
     "افتتح وزير الصحة المستشفى الجديد في محافظة جدة بطاقة سريرية كبيرة ويضم المستشفى أقساما "
     "للطوارئ والعناية المركزة والأطفال"),
    ("الهلال يتعاقد مع مهاجم برازيلي لموسمين",
     "أعلن نادي الهلال التعاقد مع المهاجم البرازيلي لمدة موسمين بعد اجتياز الفحص الطبي وسيشارك "
     "اللاعب في معسكر الفريق الإعدادي في النمسا"),
    ("ارتفاع أسعار النفط بعد تراجع المخزونات الأمريكية",
     "ارتفعت أسعار النفط في التعاملات الآسيوية بعد بيانات أظهرت تراجع مخزونات الخام في الولايات "
     "المتحدة أكثر من المتوقع وصعد خام برنت"),
    ("أمطار غزيرة وسيول تجتاح مناطق جنوب المملكة",
     "شهدت مناطق جنوب المملكة أمطارا غزيرة وسيولا جارفة وحذر الدفاع المدني السكان من الاقتراب "
     "من الأودية ومجاري السيول"),
    ("وقف إطلاق النار في اليمن يدخل حيز التنفيذ",
     "دخل اتفاق وقف إطلاق النار في اليمن حيز التنفيذ منتصف الليل برعاية الأمم المتحدة وسط "
     "ترقب لمدى التزام الأطراف المتحاربة بالهدنة الإنسانية"),
]


def _article(number: int, rng: random.Random) -> dict:
    title, body = TOPICS[number % len(TOPICS)]
    words = body.split()
    rng.shuffle(words)
    # a unique title per article: the topic plus a distinct place/number
    title = f"{title} رقم {number}"
    text = f"{' '.join(words)} في العدد {number}.\nوأضاف المتحدث أن {' '.join(words[:8])}."
    return {"source": ["okaz", "alweeam", "sabq"][number % 3],
            "url": f"http://example.com/{number}", "date_extracted": "2015-07-2%d 10:00:00"
            % (1 + number % 3), "title": title, "author": "", "content": text}


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("saudinewsnet")
    rng = random.Random(3)
    items = [_article(number, rng) for number in range(36)]
    items[5]["content"] += "\nرابط الخبر بصحيفة الوئام: " + items[5]["title"]
    items.append(dict(items[7], url="http://example.com/copy", source="sabq"))   # a wire copy
    for day, chunk in (("2015-07-21", items[:20]), ("2015-07-22", items[20:])):
        with zipfile.ZipFile(folder / f"{day}.zip", "w") as archive:
            archive.writestr(f"{day}.json", json.dumps(chunk, ensure_ascii=False))
    return folder


def test_footer_repeating_the_title_is_cut_wherever_it_sits() -> None:
    title = "أمانة الرياض تعتذر عن عروض الكوميديا"
    same_line = "وقدمت الأمانة اعتذارها للجميع. رابط الخبر بصحيفة الوئام: " + title
    body, cut = common.strip_title_footer(same_line, title)
    assert cut and body == "وقدمت الأمانة اعتذارها للجميع."
    own_line = "وقدمت الأمانة اعتذارها للجميع.\nللمزيد: " + title.replace("أ", "ا")
    assert common.strip_title_footer(own_line, title) == ("وقدمت الأمانة اعتذارها للجميع.", True)
    untouched = title + " في بداية الخبر وليس في نهايته " + " ".join(["كلمة"] * 60)
    assert common.strip_title_footer(untouched, title) == (untouched, False)


def test_wire_copies_found_despite_small_edits_and_distinct_texts_kept() -> None:
    rng = random.Random(1)
    vocabulary = [f"كلمة{n}" for n in range(400)]
    original = " ".join(rng.choice(vocabulary) for _ in range(200))
    edited = "الرياض - واس: " + original.replace("كلمة1 ", "كلمة2 ", 1) + " انتهى"
    other = " ".join(rng.choice(vocabulary) for _ in range(200))
    assert common.wire_copies([original, other, edited]) == {0, 2}


def test_variants_are_seeded_and_change_what_they_claim() -> None:
    queries = ["الأمم المتحدة تعلن هدنة إنسانية في اليمن لمدة 5 أيام",
               "إطلاق سراح رهائن في الفلبين"] * 20
    first, again = retrieval.make_variants(queries, 7), retrieval.make_variants(queries, 7)
    assert first == again
    assert retrieval.make_variants(queries, 8)["noise"] != first["noise"]
    assert first["noise"] != queries
    changed = [common.fold(re.sub("[\u064B-\u0652\u0640]", "", n)) for n in first["noise"]]
    assert changed == [common.fold(q) for q in queries]          # only spelling noise
    assert all(len(three.split()) == 3 for three in first["three-words"])
    assert all(c != q for c, q in zip(first["clitics"], queries))


def test_retrieval_script_prints_the_table_and_verdicts(tiny_corpus: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture) -> None:
    assert retrieval.main(["--corpus", str(tiny_corpus), "--queries", "10", "--procs", "1",
                           "--workdir", str(tmp_path / "work")]) == 0
    out = capsys.readouterr().out
    assert "37 articles indexed" in out and "2 wire copies" in out and "1 title footers cut" in out
    for system in ("whoosh-standard", "whoosh-isri", "naive-tashaphyne", "searchlib"):
        row = next(line for line in out.splitlines() if line.startswith(f"| {system} |"))
        scores = [float(x) for x in re.findall(r"\d\.\d{3}", row)]
        assert len(scores) == 8 and all(0.0 <= s <= 1.0 for s in scores)
    assert "noise cost" in out and "beats every baseline" in out


def test_index_and_query_scripts_report_times_and_ratios(tiny_corpus: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture) -> None:
    work = tmp_path / "work"
    assert index_bench.main(["--corpus", str(tiny_corpus), "--limit", "20", "--procs", "1",
                             "--workdir", str(work)]) == 0
    out = capsys.readouterr().out
    assert "Indexing 20 SaudiNewsNet articles (searchlib indexed 20)" in out
    assert re.search(r"ratio searchlib / plain: \d+\.\d\d", out)
    assert query_bench.main(["--corpus", str(tiny_corpus), "--limit", "20", "--queries", "15",
                             "--workdir", str(work)]) == 0
    out = capsys.readouterr().out
    assert "Top-10 search on 20 articles, 15 queries" in out
    assert re.search(r"p95 ratio searchlib / plain: \d+\.\d\d", out)


def test_the_extraction_score_counts_abd_names_joined_or_apart_as_one() -> None:
    from bench import extract_eval
    assert extract_eval._key("عبد الله العنزي") == extract_eval._key("عبدالله العنزي")
    assert extract_eval._key("عبد الله العنزي") != extract_eval._key("عبد الرحمن العنزي")
