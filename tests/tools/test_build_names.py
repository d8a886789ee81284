"""tools/build_names.py learns given and family names from where a corpus writes them."""
from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("build_names", ROOT / "tools" / "build_names.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _build(tmp_path, texts: list[str]) -> dict[str, str]:
    """Run the tool on a one-zip corpus of ``texts``; word -> given|family."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with zipfile.ZipFile(corpus / "2015-01-01.zip", "w") as zf:
        zf.writestr("2015-01-01.json", json.dumps([{"content": t} for t in texts], ensure_ascii=False))
    out = tmp_path / "names.tsv"
    assert _tool().main(["--corpus", str(corpus), "--out", str(out)]) == 0
    return {line.split("\t")[0]: line.split("\t")[1] for line in out.read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")}


def test_names_come_from_name_positions_not_from_frequency(tmp_path):
    texts = ["استقبل الأمير ساجر بن مطلق الوفد، ثم التقى ساجر الحنتوشي المسؤولين.",
             "وقال الدكتور ساجر الحنتوشي إن القرار صدر، وأكد مطلق بن ساجر القرار.",
             "وصرح المهندس ساجر الحنتوشي بأن القرار نهائي، والقرار ملزم للجميع."] * 2
    rows = _build(tmp_path, texts)
    assert rows.get("ساجر") == "given" and rows.get("مطلق") == "given"
    assert rows.get("الحنتوشي") == "family"
    assert "القرار" not in rows            # frequent, but never in a name position


def test_a_repeated_footer_is_one_context_and_a_nationality_is_a_name_position(tmp_path):
    footer = "للتواصل مع الكاتب أرسل رسالة نصية."
    texts = [f"مقال رقم {n} عن السوق. {footer}" for n in range(40)]
    texts += ["وقال البرتغالي جوزيه مورينيو إن الفريق جاهز.",
              "ورد البرتغالي جوزيه سانتوس على الأسئلة.",
              "وأكد البرتغالي جوزيه فونسيكا أن المباراة صعبة.",
              "ويرى المدرب الإيطالي كارلو أنشيلوتي أن الدوري طويل."]
    rows = _build(tmp_path, texts)
    assert rows.get("جوزيه") == "given"
    assert "ارسل" not in rows              # 40 times after الكاتب, but always the same footer


def test_a_name_mostly_written_in_one_phrase_keeps_its_share(tmp_path):
    # جون is also a dictionary word (a bay); most of its name uses are one phrase, which counts as
    # WINDOW_CAP pieces of evidence and, in the share of name uses, as WINDOW_CAP occurrences
    texts = ["وقال وزير الخارجية الأمريكي جون كيري إن المحادثات مستمرة."] * 30
    texts += ["والتقى الأمريكي جون ماكين الوفد.", "وانتقد الأمريكي جون ماكين القرار."]
    texts += [f"رست السفينة رقم {n} في جون صغير قرب الساحل." for n in range(80)]
    rows = _build(tmp_path, texts)
    assert rows.get("جون") == "given"


def test_a_preposition_on_a_dictionary_word_is_no_name(tmp_path):
    texts = [f"وفاز المهاجم بهدفين {after} في المباراة رقم {n}."
             for n, after in enumerate(["نظيفين", "رائعين", "متأخرين", "مبكرين"] * 3)]
    texts += ["وقال المهاجم سالم إن الفريق جاهز.", "وأكد المهاجم سالم الفوز.", "ورد المهاجم سالم على السؤال."]
    rows = _build(tmp_path, texts)
    assert rows.get("سالم") == "given" and "بهدفين" not in rows
