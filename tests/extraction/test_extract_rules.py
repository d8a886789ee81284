"""Actors, agreements, source and cleaning rules on short unseen texts."""
from __future__ import annotations

import datetime as dt

import pytest

from searchlib.extraction import extract

TITLE = "عنوان الخبر هنا"


def _meta(body: str, stamp: str | None = None):
    return extract("\n".join([TITLE] + ([stamp] if stamp else []) + [body]))


def _actors(meta, kind=None):
    return {a.name for a in meta.actors if kind is None or a.kind == kind}


def _people(body: str) -> set[str]:
    """The people found in ``body`` under a 2015 publication stamp."""
    return _actors(_meta(body, "تاريخ النشر: 10 أغسطس 2015"), "person")


def _names_with(names, *words):
    """The names that contain one of ``words`` (empty when the rules kept them all out)."""
    return {name for name in names if any(word in name for word in words)}


def test_clitics_do_not_hide_a_name_and_mentions_merge():
    meta = _meta("وأعرب علييف لبوتين عن تقديره، وقال فلاديمير بوتين إن الرئيس الروسي سيزور باكو.",
                 "2021/05/01")
    assert _actors(meta, "person") == {"إلهام علييف", "فلاديمير بوتين"}
    assert [a.name for a in meta.actors].count("فلاديمير بوتين") == 1


def test_role_title_resolves_by_the_article_year():
    body = "قال الرئيس الأمريكي إن بلاده ستدعم الحل السياسي."
    assert "باراك أوباما" in _actors(_meta(body, "تاريخ النشر: 10 أغسطس 2015"))
    assert "دونالد ترامب" in _actors(_meta(body, "تاريخ النشر: 10 أغسطس 2018"))
    assert not _actors(_meta(body), "person")            # no year: no guess


def test_unknown_people_from_role_and_name():
    meta = _meta("حذر وزير الخارجية الإيطالي باولو جينتيلوني الأطراف الليبية، فيما قال "
                 "المتحدث باسم البعثة الروسية في الأمم المتحدة اليكسي زياتسيف إن العمل اكتمل. "
                 "من جانبه، قال حكمت حاجييف، مستشار الرئيس الأذربيجاني، إن القرار نهائي.")
    assert {"باولو جينتيلوني", "اليكسي زياتسيف", "حكمت حاجييف"} <= _actors(meta, "person")


def test_country_rule_named_or_qualifying_an_office():
    meta = _meta("وقع وزير الدفاع التركي اتفاقا، وشهدت الحدود الأرمينية توترا، وزار الوفد أذربيجان.")
    countries = _actors(meta, "country")
    assert "تركيا" in countries and "أذربيجان" in countries
    assert "أرمينيا" not in countries                     # a nisba on a border, not a state body


def test_weak_alias_needs_a_full_mention():
    assert not _actors(_meta("كان البحر هادي والجو صافيا، وعاد الصيادون بجودة عالية."), "person")
    meta = _meta("التقى الرئيس عبدربه منصور هادي الوفد. وقال هادي إن الحل قريب.")
    assert _actors(meta, "person") == {"عبدربه منصور هادي"}


def test_nothing_from_read_also_blocks():
    meta = extract(f"{TITLE}\nبحث الوزير الأردني ناصر جودة مع نظيره الوضع في المنطقة.\n"
                   "اقرأ أيضاً:\nترامب يهاجم بايدن بشأن وقف إطلاق النار في غزة\n"
                   "نتنياهو يرفض الهدنة")
    assert "دونالد ترامب" not in _actors(meta) and "بنيامين نتنياهو" not in _actors(meta)
    assert meta.agreements == []
    assert "ناصر جودة" in _actors(meta, "person")


def test_generic_wordings_are_not_agreements():
    meta = _meta("تم الاتفاق على إجراء المزيد من الاتصالات. وبعد إعلان أذربيجان استعادة الإقليم "
                 "جمدت أرمينيا مشاركتها في منظمة معاهدة الأمن الجماعي.")
    assert meta.agreements == []


def test_known_agreement_by_alias_and_unknown_by_wording():
    meta = _meta("رحب الوزير بالاتفاق النووي مع إيران، ووقع الجانبان مذكرة تفاهم للتعاون في مجال "
                 "الطاقة في 3 مارس 2015.")
    got = {(g.name, g.type, g.date) for g in meta.agreements}
    assert ("الاتفاق النووي الإيراني", "agreement", dt.date(2015, 7, 14)) in got
    assert any(t == "memorandum" and d == dt.date(2015, 3, 3) for _, t, d in got)


def test_same_agreement_by_different_names_and_dates_merges():
    meta = _meta("ونشرت روسيا قوات في قره باغ وفقا للإعلان الثلاثي. ويذكر أن أرمينيا وأذربيجان "
                 "وقعتا اتفاقا لوقف إطلاق النار دخل حيز التنفيذ في 10 نوفمبر 2020، وأكد بوتين الالتزام "
                 "بما أعلنه قادة روسيا وأرمينيا وأذربيجان بتاريخ 9 تشرين الثاني/نوفمبر عام 2020.")
    assert [(g.type, g.date) for g in meta.agreements] == [("ceasefire", dt.date(2020, 11, 10))]


def test_source_rule():
    assert _meta("نص الخبر هنا طويل بما يكفي.\nالمصدر: الجزيرة").source == "الجزيرة"
    assert _meta("القاهرة، 3 مارس 2015 (أ ش أ) - قال الوزير إن الحل قريب.").source == "أ ش أ"
    assert _meta("وذكرت وكالة أنباء \"تاس\" الروسية أن الرئيسين التقيا.").source == "تاس"
    assert _meta("قال الوزير إن الحل قريب.").source is None


def test_masthead_and_title():
    meta = extract("رئيس مجلس الادارة\n\nعمــر أحمــد ســامي\n\nرئيس التحرير\n\nطــــه فرغــــلي\n\n"
                   "وزير الخارجية يصل إلى الرياض\n\nنشر\nوصل وزير الخارجية اليوم إلى الرياض في زيارة رسمية.")
    assert meta.title == "وزير الخارجية يصل إلى الرياض"
    assert meta.body == "وصل وزير الخارجية اليوم إلى الرياض في زيارة رسمية."
    assert not _actors(meta, "person")


def test_broken_data_file_error_names_file_and_line(tmp_path, monkeypatch):
    import pytest
    from searchlib.extraction import data
    (tmp_path / "people.json").write_text('{\n"people": [\n{"name": "x",}\n]\n}\n', encoding="utf-8")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    data._load_json_cached.cache_clear()
    try:
        with pytest.raises(data.DataFileError, match=r"people\.json:3: invalid JSON"):
            data.load_json("people.json")
    finally:
        data._load_json_cached.cache_clear()


def test_gazetteer_names_cover_aliases_roles_and_nisbas():
    from searchlib.extraction import gazetteer_names
    names = gazetteer_names()
    assert {"لافروف", "وزير الخارجية الروسي", "الأذربيجانية", "الكرملين"} <= set(names)
    assert names == sorted(set(names))


def test_names_after_qualified_offices_and_ranks():
    # invented sentences: an office with a qualifier, a body's own name, a place, د., بن-chains
    meta = _meta("انتقد الرئيس البرازيلي السابق كارلوس منديز القرار. وقال رئيس مجلس إدارة شركة "
                 "نوفا الدولية الدكتور سامي الفرا إن العقد جاهز. وأكد مدير عام الصحة بمنطقة "
                 "تبوك فهد بن علي السالمي أن الحملة بدأت. وأوضح وزير الزراعة د. ماهر القيسي "
                 "أن الموسم جيد.")
    people = _actors(meta, "person")
    assert {"كارلوس منديز", "سامي الفرا", "فهد بن علي السالمي", "ماهر القيسي"} <= people
    assert not any(p.startswith(("شركة", "نوفا", "الصحة", "تبوك")) for p in people)


def test_name_before_its_office_without_comma():
    meta = _meta("أكد سالم الكندي محافظ ظفار أن الطرق فتحت أمام المسافرين.")
    assert "سالم الكندي" in _actors(meta, "person")


def test_clauses_and_phrases_are_not_names():
    meta = _meta("وسيلتقي وزير الخارجية الروسي تتناول خصوصا الملف السوري. وقال رئيس الوزراء دشن "
                 "تطبيع الحياة، ونائب هيئة الأركان إلى مأرب، مؤكدا بأن الخطوة مهمة. ورحب الرئيس "
                 "العام لرعاية الشباب بالقرار.")
    people = _actors(meta, "person")
    assert not any(p.split()[0] in ("تتناول", "دشن", "مؤكدا", "لرعاية") for p in people), people


def test_bare_saudi_titles_resolve_by_year_and_state_bodies_do_not_count():
    people = _people("بعث سفير خادم الحرمين الشريفين برقية عزاء إلى سمو ولي العهد وسمو ولي ولي العهد.")
    assert {"محمد بن نايف", "محمد بن سلمان"} <= people
    assert "سلمان بن عبدالعزيز" not in people        # only his ambassador is named
    assert not _people("وحذرت سفارة خادم الحرمين الشريفين المواطنين من المحتالين.")


def test_foreign_first_names_open_a_name_after_a_long_office():
    assert _people("والقائمة بأعمال مساعد وزير الدفاع لشؤون الأمن الدولي أليسا هوارد ونائب مساعد الوزير.") \
        == {"أليسا هوارد"}


def test_two_everyday_words_are_no_name_and_a_cup_named_by_a_title_names_no_one():
    assert not _people("ويرى المؤيدون أن اللاعب خيار رائع كلاعب آسيوي.")
    assert not _people("ويلتقي الهلال حامل لقب كأس خادم الحرمين الشريفين والنصر حامل لقب الدوري.")


def test_a_feminine_nisba_after_a_noun_is_its_adjective_not_a_woman():
    assert not _people("وطالب نشطاء جميع الولايات الأمريكية بسن قوانين تحظر ذلك.")
    assert not _people("وهاجم مسلحون ناقلة النفط الفرنسية ليمبرج قبالة السواحل.")
    assert _people("وغنت الفنانة الأمريكية جينيفر لوبيز في الحفل.") == {"جينيفر لوبيز"}
    # a woman's office in construct keeps its nisba: the name after it is hers
    assert _people("وتألقت حارسة المرمى الأمريكية هوب سولو في المباراة.") == {"هوب سولو"}
    assert not _people("وسجلت شركة المقاهي الأمريكية ستاربكس أرباحا قياسية.")


def test_a_future_verb_after_a_single_name_ends_it():
    assert _people("وأوضح أن المدرب كاراسكو سيصل برفقة مساعديه.") == {"كاراسكو"}
    assert _people("بقيادة المدرب كاراسكو وسيعقد اجتماعا مع اللاعبين.") == {"كاراسكو"}


def test_list_items_after_and_and_with_a_nisba_family_name():
    text = 'وبدأ المدرب بتشكيلة من: "ماجد عسيري، ونواف مسرحي، وخالد مغربي، وعبدالإله العامر".'
    assert _people(text) == {"ماجد عسيري", "نواف مسرحي", "خالد مغربي", "عبدالإله العامر"}
    # an everyday word after a given name is still no family name there
    assert not _names_with(_people("وحضر ماجد عسيري، وخالد مبتسما، وفهد الشمري."), "مبتسما")


def test_a_gulf_patronymic_chain_is_one_gazetteer_person():
    # محمد الخالد الحمد الصباح: ال- on each forefather's name; his office names him in 2015
    assert _people("وتلقى اتصالا من الشيخ محمد الخالد الحمد الصباح نائب رئيس مجلس الوزراء.") \
        == _people("وصرح وزير الداخلية الكويتي بأن التحقيق مستمر.") == {"محمد الخالد الحمد الصباح"}


def test_an_east_asian_names_third_syllable_may_be_an_arabic_word():
    assert _people("وقال وزير النقل الماليزي ليو تيونج لاي في بيان إن البحث مستمر.") == {"ليو تيونج لاي"}
    assert _people("وقال مدير الشركة كيم جونغ بارك، إن المبيعات ارتفعت.") == {"كيم جونغ بارك"}
    # after an Arabic name the same word is no name
    assert _people("وقال مدير الشركة خالد سعيد بارك الله فيه.") != {"خالد سعيد بارك"}


def test_a_definite_family_name_ending_in_hum_is_no_noun_with_a_pronoun():
    assert _people("وشارك الشاعر فهد سليمان الدريهم رئيس اللجنة الثقافية بالمحافظة.") \
        == {"فهد سليمان الدريهم"}
    assert not _people("وأكد حرصهم على التزامهم بالأنظمة.")


def test_a_speakers_office_set_off_by_dashes_and_more_verbs_of_saying():
    assert _people("وقال جمال كورتوك - مدير التسويق بالشركة - إن الأرقام تحسنت.") == {"جمال كورتوك"}
    assert _people("ويعتقد نيل هارتمان، الطبيب في مستشفى المدينة، أن الجهاز آمن.") == {"نيل هارتمان"}
    assert not _people("وقال الرجل - وهو في الخمسين - إن الأمر انتهى.")


def test_a_forms_entries_after_a_rank_and_a_slash_are_whole_names():
    text = ("وأسماء الشهداء: / 1 - جندي متدرب / سالم أحمد سالم أبو شوشة الغامدي. / "
            "2 - جندي / نايف جابر سعد آل شنان القحطاني. / 3 - جندي / سعد بن علي الحربي سعودي الجنسية.")
    assert _people(text) == {"سالم أحمد سالم أبو شوشة الغامدي", "نايف جابر سعد آل شنان القحطاني",
                             "سعد بن علي الحربي"}


def test_a_list_of_names_each_with_its_office_after_it():
    text = ("وكان في استقباله سمير العلوي رئيس الجماعة، وعبد الرحيم بوقطاية رئيس مجلس العمالة، "
            "وعبد الكريم ميسار الرئيس الأول لمحكمة الاستئناف، ومحمد الشرقاوي القائد الجهوي للدرك.")
    assert _people(text) == {"سمير العلوي", "عبد الرحيم بوقطاية", "عبد الكريم ميسار", "محمد الشرقاوي"}
    # a و- verb before the office is no surname
    assert _people("وسجل الأهداف عبدالله عواجي وفهد المواس ولعب مدرب الفريق بتشكيلتين.") \
        == {"عبدالله عواجي", "فهد المواس"}


def test_a_forms_entry_gives_the_whole_name_up_to_the_nationality():
    # an official statement's entry: label, slash or colon, name, then the nationality set off
    assert _people("وتم تنفيذ الحكم في الجاني/ نور أحمد عظيم خان - أفغاني الجنسية - بمدينة جدة.") \
        == {"نور أحمد عظيم خان"}
    assert _people("وقبض على المدعو : سامر محمد الهلال – أردني الجنسية – في المنفذ.") == {"سامر محمد الهلال"}
    assert not _people("وقال الجاني: إنه نادم على فعلته.")


def test_a_government_named_by_its_leaders_title_names_the_leader():
    # as حكومة نتنياهو names Netanyahu; labellers count the king in these statements
    assert _people("لتؤكد حرص حكومة خادم الحرمين الشريفين على أمن المواطنين.") == {"سلمان بن عبدالعزيز"}


def test_an_undated_agreement_whose_sentence_names_its_topic_is_the_known_one():
    text = ("وحذر رئيس الوزراء من الاتفاق بين الدول الكبرى وإيران حول البرنامج النووي، "
            "وقال إن الاتفاق سيسمح لطهران بتطوير قدراتها.")
    assert [(g.name, g.date) for g in _meta(text).agreements] == \
        [("الاتفاق النووي الإيراني", dt.date(2015, 7, 14))]
    # without the topic in its sentence it stays an agreement of its own
    assert [g.name for g in _meta("وقع البلدان اتفاق تعاون في مجال الطاقة.").agreements] != \
        ["الاتفاق النووي الإيراني"]


def test_an_agreement_said_of_one_already_named_is_the_same():
    text = ("رحبت طهران بالاتفاق النووي مع القوى الكبرى، وقال وزير الخارجية الإيراني إنه اتفاق "
            "متوازن يحفظ الحقوق، فيما وصفه معارضون بأنه اتفاق سيئ.")
    assert [g.name for g in _meta(text).agreements] == ["الاتفاق النووي الإيراني"]


def test_a_definite_truce_refers_back_only_to_a_truce():
    text = ("طلبت أنقرة اجتماعا لحلف شمال الأطلسي بموجب المادة الرابعة من معاهدة الحلف، بعد غارات "
            "قالت الجماعة إنها أنهت الهدنة القائمة بين الطرفين.")
    found = [(g.name, g.type) for g in _meta(text).agreements]
    assert found[0] == ("معاهدة شمال الأطلسي", "treaty") and [t for _, t in found[1:]] == ["ceasefire"]
    # but الاتفاق after a named treaty is that treaty
    assert len(_meta("وقعت الدول معاهدة شمال الأطلسي، ويلزم الاتفاق الأعضاء بالدفاع المشترك.").agreements) == 1


def test_a_club_named_like_an_agreement_is_not_one():
    text = ("طلبت بعثة نادي الاتفاق من المدافع العودة إلى الدمام. وكان اللاعب قد عاد إلى الاتفاق، "
            "ووقعت الإدارة الاتفاقية المكلفة عقد الرعاية. ويتوقع أن يكون المشهد بالاتفاق مثيرا.")
    assert not _meta(text).agreements
    # the club named in the same text does not hide a real agreement
    text += " ووقعت وزارة الرياضة اتفاقية تعاون مع الاتحاد الآسيوي يوم 3 أغسطس 2015."
    assert [(g.type, g.date) for g in _meta(text).agreements] == [("agreement", dt.date(2015, 8, 3))]
    # without the club named, الاتفاق is the agreement the text speaks of
    assert [g.type for g in _meta("وأعلنت الحكومة أنها توصلت إلى اتفاق مع المعارضة. وقد عاد الجميع "
                                  "إلى الاتفاق بعد الخلاف.").agreements] == ["agreement"]


def test_reached_agreement_without_qualifier_counts():
    meta = _meta("أعلن النادي أنه توصل إلى اتفاق مع إدارة نادي الفيصلي على ضم اللاعب.")
    assert [g.type for g in meta.agreements] == ["agreement"]
    assert not _meta("قال إن الاتفاق مع الجميع ضروري لحل الأزمة.").agreements


def test_spokesperson_of_a_known_person_and_rank_after_an_office():
    meta = _meta("وقالت الناطقة باسم دي ميستورا سارة الحلبي إن اللقاء مثمر. والتقى نائب وزير "
                 "الخارجية الصيني لي وانغ تشو. ووجه مدير عام مكافحة التهريب اللواء سعد المالكي "
                 "الإدارات بمضاعفة الجهود.")
    people = _actors(meta, "person")
    assert {"ستافان دي ميستورا", "سارة الحلبي", "لي وانغ تشو", "سعد المالكي"} <= people
    assert not any(p.startswith("مكافحة") for p in people), people


def test_a_run_of_short_lines_is_a_list_and_stays_in_the_body():
    text = ("أعلنت الجامعة أسماء المقبولين في برنامج المنح الدراسية لهذا العام.\n\n"
            "محمد عبدالله الحربي\nسارة خالد القحطاني\nفهد ناصر الدوسري\nنورة سعد العتيبي\n\n"
            "وقالت الجامعة إن على المقبولين مراجعة عمادة القبول خلال أسبوع.\n\n"
            "صورة أرشيفية\n\n"
            "وأضافت أن التسجيل يبدأ يوم الأحد المقبل.")
    body = extract(text).body
    for name in ("سارة خالد القحطاني", "نورة سعد العتيبي"):
        assert name in body
    assert "صورة أرشيفية" not in body, "an isolated short line is still a caption"


def test_ordinary_words_after_a_title_are_not_names():
    meta = _meta("وأصدر الأمير قرارا بتشكيل لجنة، وأجرى الفريق تمرينا صباحيا اعتمد على اللياقة، "
                 "ومنح المدرب اللاعبين إجازة لمدة يومين.")
    assert not _actors(meta, "person")


def test_a_name_stops_at_the_first_ordinary_word():
    meta = _meta("وشكلت لجنة برئاسة المهندس سامي العتيق لبدء العمل في المشروع.")
    assert _actors(meta, "person") == {"سامي العتيق"}


def test_titles_inside_the_names_of_things_are_not_actors():
    assert not _people("هبطت الطائرة في مطار الملك فهد الدولي، ويقام النهائي على ملعب الأمير عبدالله "
                       "الفيصل ضمن كأس ولي العهد.")


def test_names_after_ranks_callings_and_abbreviated_titles():
    meta = _meta("استشهد العريف ماجد سالم العنزي، وأصدر الشاعر فواز اللعبون ديوانه، "
                 "وقال م. هشام الدباغ إن المشروع اكتمل.")
    assert {"ماجد سالم العنزي", "فواز اللعبون", "هشام الدباغ"} <= _actors(meta, "person")


def test_a_nationality_before_a_name_introduces_a_person():
    meta = _meta("تعاقد النادي مع المهاجم السابق للفريق، الكرواتي ماركو ليفايا، قادما من الدوري "
                 "الإسباني، فيما زار العاصمة الإثيوبية أديس أبابا وفد رسمي.")
    people = _actors(meta, "person")
    assert "ماركو ليفايا" in people and "أديس أبابا" not in people


def test_names_joined_by_and_and_in_apposition():
    meta = _meta("ويحاضر في الورشة المهندس خالد الرشيد والأستاذ ناصر العمري و فهد الشمري، "
                 "ثم يفتتح عبدالله الحمدان نائب رئيس الاتحاد المعرض.")
    assert {"خالد الرشيد", "ناصر العمري", "فهد الشمري", "عبدالله الحمدان"} <= _actors(meta, "person")


def test_a_spelling_variant_of_a_gazetteer_name_merges_with_it():
    meta = _meta("وقال المتحدث باسم البيت الأبيض جوش ايرنست إن الإدارة ترحب بالقرار.",
                 "تاريخ النشر: 10 أغسطس 2015")
    assert "جوش إرنست" in _actors(meta, "person")
    assert not _names_with(_actors(meta), "ايرنست")


def test_a_speaker_opened_by_a_known_given_name():
    meta = _meta("وقال سامي البريكان إن الموسم سيبدأ مبكرا، وأضاف مصدر مسؤول أن الجدول جاهز.")
    assert _actors(meta, "person") == {"سامي البريكان"}


def test_a_title_without_nationality_belongs_to_the_country_the_article_is_about():
    stamp = "تاريخ النشر: 10 أغسطس 2015"
    saudi = _meta("استقبل وزير الخارجية في الرياض السفير، وأكد أن المملكة تدعم الحل السياسي.", stamp)
    assert "عادل الجبير" in _actors(saudi, "person")
    bahrain = _meta("استقبل ولي العهد في المنامة أمس رئيس وزراء البحرين.", stamp)
    assert "سلمان بن حمد آل خليفة" in _actors(bahrain, "person")
    assert "محمد بن نايف" not in _actors(bahrain, "person")
    # two countries, one bare title: a careful reader cannot tell whose minister spoke
    both = _meta("بحث وزير الخارجية الأمريكي مع الجانب الروسي الأزمة، وقال وزير الخارجية إن "
                 "روسيا والولايات المتحدة متفقتان.", stamp)
    assert _actors(both, "person") == {"جون كيري"}
    # no country at all: no guess
    assert not _actors(_meta("وصل وزير الداخلية إلى المدينة أمس.", stamp), "person")


def test_a_name_without_title_needs_a_known_given_name_and_name_like_words():
    meta = _meta("وطالب سعد المطيري بحل عاجل، وأكد أن حسن النية لا يكفي، وقالت جمعة ورا جمعة "
                 "إن الحل قريب.")
    assert _actors(meta, "person") == {"سعد المطيري"}


def test_a_reporters_byline_is_not_an_actor():
    meta = extract("عنوان الخبر\nفهد الحربي – الرياض\nأعلنت الهيئة اليوم افتتاح المعرض.")
    assert not _actors(meta, "person")


def test_a_squad_list_with_dashes_gives_every_player_and_a_photo_credit_none():
    players = ["سامي الخالدي", "ماجد الفهد", "عبدالله الشمري", "وليد العنزي", "خالد الغامدي"]
    for dash in (" ـ ", " - ", " – "):
        assert _people("وضمت القائمة: " + dash.join(players) + ".") == set(players), dash
    meta = _meta("مشجع يرفع علم فريقه. تصوير: ناصر الحمدان ـ «الاقتصادية»\nوأكد المدرب جاهزية الفريق.")
    assert not _actors(meta, "person")


def test_a_gazetteer_surname_after_another_given_name_is_someone_else():
    people = _people("وأنذر الحكم اللاعب رمضان صبحي بعد احتكاكه مع يوسف أوباما لاعب الزمالك.")
    assert "يوسف أوباما" in people and "باراك أوباما" not in people
    assert "رمضان صبحي" in people


def test_one_compound_first_name_alone_is_not_a_person():
    assert not _actors(_meta("وقال المدير صلاح الدين إن العمل مستمر."), "person")
    assert _actors(_meta("وقال المهندس عبد الله العنزي إن العمل مستمر."), "person") == {"عبد الله العنزي"}


def test_a_title_then_a_name_that_begins_like_a_preposition_or_a_word():
    # بدر / بريكان begin with ب like بأم، لكرة; علي after a title is the name, not على
    meta = _meta("وشارك اللاعب بدر الهاجري في التمرين، وحضر المدير العام علي الشمراني، "
                 "وقالت الدكتورة نادية الغامدي إن البرنامج ناجح، وتحدث الأستاذ رأفت الحربي.")
    assert _actors(meta, "person") == {"بدر الهاجري", "علي الشمراني", "نادية الغامدي", "رأفت الحربي"}
    assert not _actors(_meta("وقال الرئيس علي الرغم من ذلك إن العمل مستمر."), "person")


def test_name_parts_that_begin_with_fa_or_join_with_aba_stay_in_the_name():
    meta = _meta("وكتب الباحث نبيل فهمي تقريرا، ورافق الفريق نائب الرئيس سعد أبا الخيل، "
                 "وقاد التمرين المدرب الإسباني خوسيه فيريرا.")
    assert _actors(meta, "person") == {"نبيل فهمي", "سعد أبا الخيل", "خوسيه فيريرا"}


def test_a_nationality_with_a_clitic_and_a_name_in_apposition_after_a_comma():
    meta = _meta("وتعاقد النادي مع بديل للسوري عمر خطاب الذي غادر الفريق. وأفاد مازن شريف، وهو مسؤول "
                 "في الاتحاد، أن العقد وقع. وكشف نواف العنزي، سكرتير النادي، أن الصفقة تمت.")
    assert _actors(meta, "person") == {"عمر خطاب", "مازن شريف", "نواف العنزي"}


def test_foreign_names_without_a_title_and_in_lists():
    meta = _meta("وتألق ديفيد سيلفا أمام جوزيه مورينيو، كما ظهر في الحفل آدم ساندلر وتوم كروز.")
    assert _actors(meta, "person") == {"ديفيد سيلفا", "جوزيه مورينيو", "آدم ساندلر", "توم كروز"}


def test_verbs_and_latin_words_do_not_become_names():
    meta = _meta("وأكدت المصادر أن قوات الحوثي وصالح استقدمت مقاتلين. للتواصل أرسل sms إلى 88548.")
    assert not _actors(meta, "person")


def test_credits_offices_and_lists_introduce_names():
    meta = _meta("الفيلم بطولة بول رود ومايكل دوغلاس. وأجاب أستاذ الفقه بجامعة الخرطوم عبد الحي يوسف. "
                 "واتهم الرئيس خصمه، نائبه السابق رياك مشار. وقدم الشاعر حسن آل فطيح قصيدة، "
                 "وشكر كل من محمد طيب وناصر علي ناصر الجميع.")
    assert _actors(meta, "person") == {"بول رود", "مايكل دوغلاس", "عبد الحي يوسف", "رياك مشار",
                                       "حسن آل فطيح", "محمد طيب", "ناصر علي ناصر"}
    assert not _actors(_meta("فاز الهلال في بطولة كأس الملك وفي بطولة الدوري."), "person")


def test_presentation_forms_are_read_as_letters():
    meta = _meta("وقال المهندس ﻋﺒﺪ ﺍﻟﺤﻲ ﻳﻮﺳﻒ إن العمل مستمر.")
    assert _actors(meta, "person") == {"عبد الحي يوسف"}
    assert "عبد الحي يوسف" in meta.body


def test_words_that_only_look_like_names_after_a_given_name():
    meta = _meta("وحافظ أوسفالدو بانتقاله على تقليده، ويحاولون خلق رأس رجاء صالح جديد، والنصر يثبت "
                 "فابيان أجنبياً رابعاً.")
    assert not _actors(meta, "person")


def test_a_blessing_ends_a_name_and_a_title_with_a_first_name_guesses_nobody():
    stamp = "تاريخ النشر: 10 أغسطس 2015"
    meta = _meta("وأسس الملك عبد العزيز طيب الله ثراه المملكة، وقال الأمين العام حسن نصر الله إن الحزب "
                 "مستعد.", stamp)
    assert _actors(meta, "person") == {"حسن نصرالله"}


def test_rare_foreign_first_names_open_a_name_and_works_titles_do_not():
    meta = _meta("ويشارك في الفيلم ريبيكا فيرغسون وجيرمي رينير ويخرجه كريس مكجواير، وهو من سلسلة "
                 "أفلام «هاري بوتر». وسجل المهاجم الفارو نيغريدو لفالنسيا هدفا، وتابع كولو العنصر.")
    people = _actors(meta, "person")
    assert {"ريبيكا فيرغسون", "جيرمي رينير", "كريس مكجواير", "الفارو نيغريدو"} <= people
    assert not _names_with(people, "هاري", "يخرجه", "لفالنسيا", "العنصر")


def test_things_named_after_people_and_names_with_the_article():
    meta = _meta("نقل المصابون إلى مستشفى المدينة المركزي والملك خالد التخصصي، وتقام بطولة هيونداي "
                 "الثالثة على ملعب «جوزيه ألفالادي» في لشبونة. وقال رئيس مجلس إدارة الشركة "
                 "ورئيسها التنفيذي تيم كوك إن الأرباح زادت، فيما تعاقد النادي مع المدرب التونسي "
                 "المختار التليلي. وقال مفوض الشرطة في كولومبيا خوسيه أليخاندرو ماركيز إن البحث مستمر، "
                 "وأعلن أحمد عسيري سالم لاعب الوحدة اعتزاله. وسجلت شركة الطيران الأمريكية "
                 "دلتا أرباحاً كبيرة.")
    people = _actors(meta, "person")
    assert {"تيم كوك", "المختار التليلي", "خوسيه أليخاندرو ماركيز", "أحمد عسيري سالم"} <= people
    assert not _names_with(people, "خالد", "هيونداي", "جوزيه", "دلتا")
    assert "أحمد عسيري" not in people       # the gazetteer's coalition spokesman is someone else


def test_phrases_after_a_foreign_name_and_an_office():
    meta = _meta("بعد أن منحه مدرب الفريق الروماني ميرتشيا الضوء الأخضر للتفاوض، وانضم اللاعب فابيان "
                 "ليكتمل عقد اللاعبين الأجانب. واعتمد رئيس اللجنة العامة للانتخابات اعتمد أسماء "
                 "المرشحين. وأعلنت الملك عبدالله بن عبدالعزيز العالمية للترجمة أسماء الفائزين.")
    people = _actors(meta, "person")
    assert "فابيان" in people, people
    assert not _names_with(people, "الضوء", "ليكتمل", "اعتمد", "العالمية")


def test_a_publication_date_known_from_outside_dates_what_the_text_leaves_undated():
    body = "وقال ولي العهد إن المملكة ماضية في الإصلاح، وزار الوزير المنطقة في 22 يوليو الماضي."
    assert not _actors(_meta(body), "person")
    meta = extract("\n".join([TITLE, body]), published=dt.date(2015, 8, 10))
    assert meta.date == dt.date(2015, 8, 10) and "محمد بن نايف" in _actors(meta, "person")
    assert dt.date(2015, 7, 22) in meta.mentioned_dates             # 22 يوليو الماضي
    stated = extract("\n".join([TITLE, "تاريخ النشر: 3 مارس 2016", body]), published=dt.date(2015, 8, 10))
    assert stated.date == dt.date(2016, 3, 3)                        # the text's own date wins


def test_an_office_serving_another_does_not_make_its_holder_an_actor():
    people = _people("وقال المتحدث باسم الأمين العام للأمم المتحدة إن المنظمة قلقة، وزار مستشار خادم الحرمين "
                     "الشريفين الموقع. وبحسب متحدث باسم الرئيس الأفغاني أشرف غني ارتفعت الحصيلة.")
    assert "أشرف غني" in people                     # a name written after the title still counts
    assert not {"بان كي مون", "سلمان بن عبدالعزيز"} & people


def test_one_name_alone_after_a_calling():
    meta = _meta("وغاب النجم البرازيلي نيمار الذي أصيب في التدريب، ووصلت الطفلة السعودية زينب مع أسرتها، "
                 "وقال المدرب بيلسا إن الفريق جاهز. وسجل المهاجم البرازيلي روبينيو هدفا، ووقع الاسباني "
                 "عقبة اولى أمام الفريق. وقال الجانبان إنهما سيوقعان الاتفاق.")
    people = _actors(meta, "person")
    assert {"نيمار", "زينب", "بيلسا", "روبينيو"} <= people, people
    assert not _names_with(people, "هدفا", "عقبة", "سيوقعان")


def test_a_first_name_alone_merges_into_the_full_name():
    meta = _meta("انضم اللاعب فابيان إستويانوف إلى المعسكر، وقال المدرب إن اللاعب فابيان سيشارك.")
    assert _actors(meta, "person") == {"فابيان إستويانوف"}



def test_kinship_ends_a_name():
    meta = _meta("وأوضح سعيد لباد والد الطفل أن حالته مستقرة.")
    assert _actors(meta, "person") == {"سعيد لباد"}


def test_ranks_given_names_that_are_also_offices_and_bodies_in_an_office():
    people = _people("وودعه الفريق أول ركن عبدالرحمن البنيان والفريق أول صدقي صبحي، ولعب الفريق أول مباراة له. "
                     "ورافقه خالد الحمدان مساعد وزير الدفاع، وتعاقد النادي مع محمد أمين عودية من فرانكفورت. "
                     "وأبدى الأمير محمد بن سلمان الشكر لهما. وسجل كايل ووكر لاعب توتنهام هدفا، وكشف المدير "
                     "التنفيذي لنادي روما ايتالو زانزي أن الفريق عاد.")
    assert {"عبدالرحمن البنيان", "صدقي صبحي", "خالد الحمدان", "محمد أمين عودية", "محمد بن سلمان",
            "كايل ووكر", "ايتالو زانزي"} <= people, people
    assert not _names_with(people, "ركن", "مساعد", "الشكر", "مباراة")


def test_another_transliteration_of_a_gazetteer_name_is_that_person():
    meta = _meta("دعا ينس شتولتينبيرج الأمين العام لحلف شمال الأطلسي إلى اجتماع، وحضر محمد بن نواف بن "
                 "عبدالعزيز السفير، وقال حسين روحاني الباحث إن الحلف قلق.")
    people = _actors(meta, "person")
    assert "ينس ستولتنبرغ" in people
    assert not {"محمد بن نايف", "حسن روحاني"} & people     # Arabic names: one vowel is another name


def test_the_north_atlantic_treaty_is_a_known_agreement():
    meta = _meta("دعا الأمين العام لحلف شمال الأطلسي إلى اجتماع طارئ بموجب المادة الرابعة من معاهدة "
                 "واشنطن المؤسسة للحلف.")
    assert [(a.name, a.type, a.date) for a in meta.agreements] == [
        ("معاهدة شمال الأطلسي", "treaty", dt.date(1949, 4, 4))]
    assert not _meta("وقعت الشركتان في واشنطن معاهدة تعاون.").agreements[0].date


def test_given_names_that_are_office_words_professors_and_quoted_names():
    meta = _meta("يشارك الحكم السعودي أمين الطريفي في البطولة، برئاسة فهد الحريشي، ونائبه بتال العتيبي "
                 "وأعضاء المجلس. وأكد البروفيسور ارتو بريس مدير المركز أن التصنيف دقيق، وقالت “جيمو "
                 "بورجيجين” الباحثة المشاركة في الدراسة إن النتيجة مفاجئة. وقال أمين المنطقة إن العمل مستمر.")
    people = _actors(meta, "person")
    assert {"أمين الطريفي", "بتال العتيبي", "ارتو بريس", "جيمو بورجيجين"} <= people, people
    assert not _names_with(people, "المنطقة")


def test_compound_given_names_named_people_and_an_office_after_a_name():
    meta = _meta("وحافظ النادي على خير الدين مضوي الذي قاده للتتويج، وانتخب سراج الدين حقاني زعيم الشبكة "
                 "نائبا، وحضر عمر مبايعة زعيم الحركة. ونشرت صورة لفتاة يمنية تدعى “حنان” تحمل سلاحها.")
    people = _actors(meta, "person")
    assert {"خير الدين مضوي", "سراج الدين حقاني", "حنان"} <= people, people
    assert not _names_with(people, "مبايعة")


def test_a_definite_noun_before_a_title_and_a_qualifier_after_a_body():
    meta = _meta("وكان في وداعه لدى مغادرته المطار الفريق أول ركن عبدالرحمن البنيان، وتعاقد النادي مع لاعب "
                 "نادي الهلال السابق محمد قاسم، ويروي عضو المركز الإعلامي بالنماص قصص وحكاوى الحج.")
    people = _actors(meta, "person")
    assert {"عبدالرحمن البنيان", "محمد قاسم"} <= people, people
    assert not _names_with(people, "قصص")


def test_a_third_name_word_stands_where_the_name_plainly_ends():
    meta = _meta("وعد مدير عام المنظمة عبدالله حمد محارب في كلمته، وقال وزير النقل الماليزي ليو تيونج شاي: "
                 "«نعرف الحقيقة». وفاز اللاعب كلارك شنايدر بمجموعتين، وكان الرئيس صدام حسين شرعت قواته في الهجوم.")
    people = _actors(meta, "person")
    assert {"عبدالله حمد محارب", "ليو تيونج شاي", "كلارك شنايدر"} <= people, people
    assert not _names_with(people, "بمجموعتين", "شرعت")


def test_names_in_a_comma_list_with_a_name_found():
    meta = _meta("والأمر يتعلق بسيدو دومبيا، جرفينيو، فيكتور ايباربو، ادم لياييتش وانطونيو سانابريا الذين عادوا. "
                 "وحضر فهد الحريشي، الأربعاء، الاجتماع، وقال محمد العلي، رئيس الاتحاد، إن الفريق جاهز.")
    people = _actors(meta, "person")
    assert {"سيدو دومبيا", "جرفينيو", "فيكتور ايباربو", "ادم لياييتش", "انطونيو سانابريا"} <= people, people
    assert not _names_with(people, "الأربعاء", "الاجتماع", "رئيس")


def test_mullah_khedive_and_pasha():
    meta = _meta("جرى اختيار الملا أختر منصور، نائب الملا عمر «أميرا» جديدا، وقال عصام الملا رئيس البلدية إن "
                 "الطرق جاهزة. وأمر الخديو إسماعيل بحفر القناة بعد بعثة محمد علي باشا، من وقته بدأت الفكرة.")
    people = _actors(meta, "person")
    assert {"أختر منصور", "عمر", "عصام الملا", "إسماعيل", "محمد علي"} <= people, people
    assert not _names_with(people, "باشا")


def test_four_part_names_after_a_rank_and_lists_with_clubs_in_brackets():
    meta = _meta("وهم:\n3. العريف عيد ماطر مبارك الشهراني – 27 عاما\n4. الجندي مشعل علي غرم عسيري – 20 عاما\n"
                 "وضمت القائمة: ريان الحربي، سعيد اليامي (الأهلي)، حسن رغفاوي، هزاع العسيري (أبها)، "
                 "رخي المسطح (الجبلين)، مهدي شويخات (الخليج).")
    people = _actors(meta, "person")
    assert {"عيد ماطر مبارك الشهراني", "مشعل علي غرم عسيري", "ريان الحربي", "حسن رغفاوي", "رخي المسطح",
            "مهدي شويخات"} <= people, people
    assert not _names_with(people, "الأهلي", "أبها", "الخليج")


def test_companies_named_after_people_and_a_place_after_a_bare_office():
    meta = _meta("برئاسة محافظ بيشة محمد بن سعيد بن سبرة، وتستقبل شركة عبد الرحمن سعد الراشد للحراسات "
                 "الطلبات، وأصدرت مجموعة محمد المعجل بيانا، وقال الوكيل مارك لوجسدون إن الحفل ألغي.")
    people = _actors(meta, "person")
    assert {"محمد بن سعيد بن سبرة", "مارك لوجسدون"} <= people, people
    assert not _names_with(people, "بيشة", "الراشد", "المعجل")


def test_a_gazetteer_name_ending_a_longer_name_after_a_rank_is_someone_else():
    people = _people("8. العريف مفرح علي أحمد عسيري – 28 عاما\nوقال المتحدث باسم التحالف العميد ركن أحمد عسيري "
                     "إن العمليات مستمرة، وغادر السيد محمد نواز شريف جدة.")
    assert {"مفرح علي أحمد عسيري", "أحمد عسيري", "نواز شريف"} <= people, people


def test_football_clubs_are_organizations_and_their_cities_are_not():
    meta = _meta("وفاز يونايتد على توتنهام هوتسبير، وقال مدرب تشيلسي حامل اللقب إن فريقه جاهز، "
                 "وزار الوفد مدينة برشلونة.")
    assert {"نادي توتنهام هوتسبير", "نادي تشيلسي"} <= _actors(meta, "organization")
    assert "نادي برشلونة" not in _actors(meta) and not _actors(meta, "person")


def test_a_speaker_between_a_speech_verb_and_an_office():
    meta = _meta("وقالت ماري لامبرت المديرة التنفيذية للبنك إن النمو تباطأ، فيما أوضح خالد الفقيه عضو "
                 "مجلس الإدارة أن الأرباح زادت. وأضاف المسؤولان أن عمران حقاني زعيم الفصيل سيكون نائبا. "
                 "وقالت نوال الحسن مشرفة القسم: سعدنا بالزيارة.")
    people = _actors(meta, "person")
    assert {"ماري لامبرت", "خالد الفقيه", "عمران حقاني", "نوال الحسن"} <= people, people
    assert not _names_with(people, "المديرة", "عضو", "زعيم", "المسؤولان")


def test_titles_bodies_with_their_own_names_kunyas_and_callings():
    meta = _meta("وحضر نائب رئيس الديوان الشيخ علي بن صالح الحمدان، وأشاد رئيس جمعية عنك الخيرية "
                 "عبدالمجيد الناصر بالجهود، وقتل القيادي الميداني أبو محمد الحضرمي. وحاز النجم التشيكي "
                 "ياروسلاف على المركز الأول، وغنى المنشد ماجد العتيبي.")
    people = _actors(meta, "person")
    assert {"علي بن صالح الحمدان", "عبدالمجيد الناصر", "أبو محمد الحضرمي", "ياروسلاف",
            "ماجد العتيبي"} <= people, people
    assert not _names_with(people, "عنك", "الخيرية")


def test_an_office_with_a_pronoun_ends_a_name():
    people = _actors(_meta("وهذا ما أكده الأستاذ سامي فلمبان سفيرنا في الأردن."), "person")
    assert people == {"سامي فلمبان"}


def test_another_first_name_before_a_gazetteer_surname_is_someone_else_even_after_a_title():
    meta = _meta("أعلن الدكتور عبدالكريم العبادي وزير الأوقاف الأردني، وسجل الهولندي كاميرون فان دير ساندن "
                 "رقما، وقال الرئيس فلاديمر بوتين إن الزيارة مهمة.", "2015/08/10")
    people = _actors(meta, "person")
    assert {"عبدالكريم العبادي", "كاميرون فان دير ساندن", "فلاديمير بوتين"} <= people, people
    assert not {"حيدر العبادي", "ديفيد كاميرون"} & people


def test_foreign_first_names_that_look_like_function_words():
    meta = _meta("وسجلت الأميركية كايتي ماكلين رقما جديدا، وطلب النادي خدمات غاريث سميث.")
    assert {"كايتي ماكلين", "غاريث سميث"} <= _actors(meta, "person")


def test_contracts_deals_and_announcing_are_not_agreements():
    meta = _meta("توصلت إدارة النادي إلى اتفاق نهائي مع اللاعب سعيد المولد لتجديد عقده، وجرى التوصل إلى "
                 "اتفاق بشأن صفقة قيمتها 20 مليون يورو، ويتعين الإعلان عن المبالغ النقدية التي ينص عليها "
                 "القانون.")
    assert meta.agreements == []


def test_agreements_told_apart_by_their_parties_and_a_known_convention():
    meta = _meta("1920 - توقيع اتفاقية سيفر للسلام مع تركيا.\n1955 - اتفاق بين فرنسا وليبيا يقضي بسحب "
                 "القوات.\nوتقوم العلاقات وفقا لأحكام اتفاقية العلاقات والحصانات الدبلوماسية الموقعة في فيينا.")
    got = [(g.type, g.date) for g in meta.agreements]
    assert got.count(("agreement", None)) == 2, got
    assert ("agreement", dt.date(1961, 4, 18)) in got
    meta = _meta("وأضاف أن هناك مشروع اتفاق بين المجلس والقبائل يقضي بتولي المجلس إدارة الأمن.")
    assert [g.type for g in meta.agreements] == ["agreement"]


def test_abd_names_match_the_gazetteer_written_joined_or_apart():
    meta = _meta("وأكد عبد اللهيان للصحفيين أن المحادثات مستمرة.", "2015/08/10")
    assert _actors(meta, "person") == {"حسين أمير عبداللهيان"}


def test_a_name_followed_by_its_age_is_a_person():
    meta = _meta("واعتقلت الشرطة ماركوس دولاني (43 عاما) وهو رجل أسود، وأفاد المبتعث السعودي سالم علي عيسى "
                 "مدخلي (22 عاما) بأنه بريء. وتابع حسن عبدالرحيم الكتاني 44 سنة من المغرب: «عشت أجمل أيام "
                 "حياتي»، وقال المعتمر نور الدين الطراونة 43 سنة من الأردن إنه سعيد. والبرامج التي تربو على "
                 "30 عاما مستمرة.")
    people = _actors(meta, "person")
    assert {"ماركوس دولاني", "سالم علي عيسى مدخلي", "حسن عبدالرحيم الكتاني", "نور الدين الطراونة"} <= people, people
    assert not _names_with(people, "تربو", "على")


def test_a_dual_nationality_and_a_queens_regnal_number():
    meta = _meta("وحاز السعوديان فارس القحطاني وسعد الحربي على المركزين، وزارت ملكة بريطانيا إليزابيث الثانية "
                 "المستشفى، وأقيمت بطولة الأمير فيصل الثانية.")
    people = _actors(meta, "person")
    assert {"فارس القحطاني", "إليزابيث الثانية"} <= people, people
    assert not _names_with(people, "فيصل")


def test_one_name_alone_after_a_possessive_calling():
    meta = _meta("وسجل زميله ريفالدو هدفا، وفرض مدربه الروماني بوبيسكو على اللاعبين الحضور مبكرا.")
    assert {"ريفالدو", "بوبيسكو"} <= _actors(meta, "person")


def test_womens_names_and_rarely_written_given_names_from_the_data_lists():
    meta = _meta("وقالت الناشطة الاجتماعية عالية آل فريد إن التسجيل مستمر، وقال معاذ الشمري إن المشروع "
                 "اكتمل. والمسلسل من بطولة أحمد الجسمي، وزهرة الخرجي، وليلى المقبالي. وقالت أمل الحكومة "
                 "في الإصلاح إنها كبيرة، ونور الشمس ساطع.")
    people = _actors(meta, "person")
    assert {"عالية آل فريد", "معاذ الشمري", "زهرة الخرجي", "ليلى المقبالي"} <= people, people
    assert not _names_with(people, "الحكومة", "الشمس")


def test_reported_speech_and_titled_names_whose_last_word_is_also_a_word():
    meta = _meta("قال وزير الخارجية الكندي جون فالنتاين: إن بلاده ستشارك. وأبان صادق الحدبي أنه تفاجأ، "
                 "وأوضح رئيس الجمعية الدكتور خالد الفقيه أن الجمعية أنهت أعمالها، وأشار د.حافظ المصري أن "
                 "القسم جديد. وأكد على أهمية أن يكون الحل قريبا، وقال ديفيد والكثير من الناس إن الطقس حار.")
    people = _actors(meta, "person")
    assert {"جون فالنتاين", "صادق الحدبي", "خالد الفقيه", "حافظ المصري"} <= people, people
    assert not _names_with(people, "أهمية", "الكثير", "والكثير")


def test_names_listed_after_each_of_and_a_given_name_that_is_also_a_month():
    meta = _meta("ولم تضم البعثة كلا من سعود الحربي وعبدالله عطيف، وشارك كل من السعودية ومصر. وكشف "
                 "المتحدث باسم المجلس الأهلي، ربيع العوبثاني، أن المجلس يتفاوض، وفي ربيع الأول بدأ العمل.")
    people = _actors(meta, "person")
    assert {"سعود الحربي", "عبدالله عطيف", "ربيع العوبثاني"} <= people, people
    assert not _names_with(people, "الأول", "السعودية", "مصر")


def test_an_everyday_given_name_opens_a_lineage_of_plain_given_names():
    people = _people("وفازت بالجائزة الطالبات رناد فهد العمري وجنى عبدالعزيز بن أحمد الحربي من المدرسة الأولى.")
    assert people == {"رناد فهد العمري", "جنى عبدالعزيز بن أحمد الحربي"}
    assert not _actors(_meta("وكان حسن محمد يعمل في المزرعة قبل أن يسافر."), "person")


def test_a_name_ends_before_a_preposition_on_an_ordinary_word():
    people = _people("وختم المدرب كارينيو بتطبيقات على الكرات العرضية، فيما خضع المحترف الغاني "
                     "مونتاري لتمارين لياقية، وقدم الفنان سامي فلمبان كضيف شرف لوحتين.")
    assert people == {"كارينيو", "مونتاري", "سامي فلمبان"}
    # a surname that only looks like one (بيرون: ب + يرون) is kept
    people = _people("وبعد 13 عاما من دفن الرئيس الأرجنتيني خوان بيرون تلقى الحزب رسالة.")
    assert people == {"خوان بيرون"}


def test_ali_inside_a_list_of_names_joined_by_waw():
    people = _people("وضمت القائمة ماجد الصايغ وصالح الغامري وعلي فزازي ونايف فزازي وحسن جعفري، وعلى صعيد آخر "
                     "وصل المدرب.")
    assert people == {"ماجد الصايغ", "صالح الغامري", "علي فزازي", "نايف فزازي", "حسن جعفري"}
    people = _people("وحضر سعد القرشي وعلي صعيد آخر أعلن النادي.")
    assert people == {"سعد القرشي"}


def test_a_person_named_in_a_things_name_after_a_title_is_no_actor():
    assert not _people("وتخرج في جامعة الإمام محمد بن سعود الإسلامية، وصلى في مسجد الشيخ زايد.")


def test_a_known_person_after_bin_is_the_father_of_someone_else():
    people = _people("وحضر الاستقبال صاحب السمو الملكي الأمير بندر بن سلمان بن عبدالعزيز، والأمير فهد بن عبدالله "
                     "بن مساعد، كما حضر تركي بن محمد بن ناصر الحفل.")
    assert people == {"بندر بن سلمان بن عبدالعزيز", "فهد بن عبدالله بن مساعد", "تركي بن محمد بن ناصر"}
    assert _people("واستقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود الضيوف.") == {"سلمان بن عبدالعزيز"}


def test_any_agreement_none_and_announcing_names_are_not_agreements():
    meta = _meta("ليس صحيحا أن على الحكومة أن تعرض على البرلمان أي اتفاق تريد توقيعه، فخطة العمل ليست اتفاقية "
                 "أو معاهدة دولية. وبدلا من القلق يكفي التوقيع معه قبل إعلان أسماء لاعبين جدد، وأعلنت الحكومة "
                 "إعلان حالة الطوارئ.", "2015/08/10")
    assert meta.agreements == []


def test_a_construct_wording_refers_back_to_the_known_agreement_it_describes():
    meta = _meta("وتوصلت إيران والقوى الكبرى إلى الاتفاق النووي في فيينا في 14 يوليو. وأقر مجلس الأمن اتفاق القوى "
                 "الكبرى الذي يقضي بالحد من أنشطة طهران النووية.", "2015/08/10")
    assert [(g.type, g.date) for g in meta.agreements] == [("agreement", dt.date(2015, 7, 14))]


def test_the_2015_cairo_declaration_is_a_known_agreement():
    meta = _meta("وأكد خادم الحرمين الشريفين والرئيس المصري على أهمية إعلان القاهرة وما حمله من مضامين.",
                 "2015/08/10")
    assert [(g.type, g.date) for g in meta.agreements] == [("declaration", dt.date(2015, 7, 30))]

# One sentence or paragraph of a 2015 text, and exactly the people a reader finds in it; each id
# names the rule the case is for.
_PEOPLE_CASES = [
    pytest.param("وعزى الشيخ فيصل بن غرم الله الزهراني أسرة الفقيد. وقال العقيد نايف بن سالم عبدالله "
                 "المطرفي إن التحقيق مستمر، وأضاف نايف بن سالم أن النتائج ستعلن. وحضر الرقيب متعب ناصر "
                 "سعد آل مزهر القحطاني والجندي مشاري عايض محمد المريخي العتيبي.",
                 {"فيصل بن غرم الله الزهراني", "نايف بن سالم عبدالله المطرفي",
                  "متعب ناصر سعد آل مزهر القحطاني", "مشاري عايض محمد المريخي العتيبي"},
                 id="lineage_names_are_taken_whole_and_their_short_forms_merge"),
    pytest.param("ونقل عن مدير الأمن في المحافظة، اللواء علي الفزازي، قوله إن الوضع مستقر، وأكد اللواء "
                 "على الحدود أن الدوريات مستمرة.",
                 {"علي الفزازي"},
                 id="a_title_vouches_for_ali_before_a_rare_family_name"),
    pytest.param("ويترقب الجهاز الفني بقيادة الأوروجوياني داسيلفيرا نتائج الفحص الطبي، فيما أبدى المدرب "
                 "اليوناني كوستاريس رغبته في مران وحيد.",
                 {"داسيلفيرا", "كوستاريس"},
                 id="a_nationality_before_a_word_no_dictionary_knows_names_one_person"),
    pytest.param("وقال الدكتور وسام الأحمد إن العمل مستمر، وحضر سعد القرشي ووسام الحربي.",
                 {"وسام الأحمد", "سعد القرشي", "وسام الحربي"},
                 id="a_given_name_that_begins_with_waw_keeps_it"),
    pytest.param("وافق الوزير على تكليف بندر محمد سلطان عسيري بأعمال رئيس الهيئة، وقاد الفريق مدرب اللياقة "
                 "الكابتن حمدي بن الصادق التمرين الأول.",
                 {"بندر محمد سلطان عسيري", "حمدي بن الصادق"},
                 id="three_given_names_before_a_plain_family_name_make_one_name"),
    pytest.param("وكرم الحفل الداعمين، وهم زيد المليحي، وعلوش بن عبدالله ابوثنين، ومسلم بن سعد ابوثنين، "
                 "وفرع الغرفة التجارية، بحضور الأميرة عادلة بنت عبدالله، وتوجت الشيخة مي بنت محمد آل خليفة "
                 "الفائزين.",
                 {"زيد المليحي", "علوش بن عبدالله ابوثنين", "مسلم بن سعد ابوثنين",
                  "عادلة بنت عبدالله", "مي بنت محمد آل خليفة"},
                 id="lineage_names_continue_a_comma_list_and_a_princess_title_names_her"),
    pytest.param("ويفتقد الفريق جهود مدافعيه دانيال كاريكو ونيكو باريخا في المباراة.",
                 {"دانيال كاريكو", "نيكو باريخا"},
                 id="a_waw_word_after_a_foreign_first_name_and_surname_starts_the_next_name"),
    pytest.param("وأوضح مدير الجامعة تركي بن سليمان العبدالله أن التسجيل بدأ، وأكد نائب رئيس اللجنة سالم بن "
                 "سليمان التركي أن الخطوات واضحة، وأعلن حاكم الولاية عبد الستار بارز أن الهجوم فشل.",
                 {"تركي بن سليمان العبدالله", "سالم بن سليمان التركي", "عبد الستار بارز"},
                 id="turki_before_bin_is_a_given_name_and_a_nisba_after_a_lineage_its_family_name"),
    pytest.param("وكان في مقدمتهم محافظ المحافظة عبدالرحيم الحسين آل عبده، وطلب النادي استعارة ماتيا ديسترو "
                 "مهاجم روما.",
                 {"عبدالرحيم الحسين آل عبده", "ماتيا ديسترو"},
                 id="a_clan_after_a_family_name_and_more_foreign_first_names"),
    pytest.param("وكشف عضو اتحاد القدم سياف المعاوي أنه سيتم الإعلان، وقال عضو مجلس الإدارة، عبد الله العدوان، "
                 "إن النادي جاهز، وقدم عضو المركز الإعلامي بالنماص قصص وحكاوى من التراث.",
                 {"سياف المعاوي", "عبد الله العدوان"},
                 id="a_member_title_names_the_person_after_it_but_not_a_phrase"),
    pytest.param("وقال المدير التنفيذي للمتحف جون كيلستش لرويترز إن الحذاء سرق، وأصيب المهاجم مختار فلاتة "
                 "في مشط القدم.",
                 {"جون كيلستش", "مختار فلاتة"},
                 id="a_name_ends_before_told_reuters_and_a_family_name_ending_in_ta_is_no_pronoun"),
    pytest.param("وفي عام 1914 أقل اليخت الخديو عباس حلمي الثاني إلى منفاه، وتعود اللوحة إلى حكم الملك سنوسرت "
                 "الأول الذي حكم البلاد، وقال اللاعب محمد الثاني إن الفوز مهم.",
                 {"عباس حلمي الثاني", "سنوسرت الأول", "محمد الثاني"},
                 id="a_regnal_number_after_a_royal_title_ends_the_name"),
    pytest.param("بعد أربع سنوات من الإطاحة بمعمر القذافي، نقلت الوكالة عن علي أكبر صالحي قوله إن البرلمان لا "
                 "يملك سلطة على الاتفاق، وأقام جيش الإسلام عرسا جماعيا بمشاركة قائده زهران علوش.",
                 {"معمر القذافي", "علي أكبر صالحي", "زهران علوش"},
                 id="more_well_known_figures_of_2015_news_are_in_the_gazetteer"),
    pytest.param("وعزى مدير الهيئة الدكتور محمد بن عمر السيد، وقال اللاعب أحمد السيد إن الفريق جاهز، وقال الرئيس "
                 "التنفيذي السيد خالد العمري إن النتائج جيدة.",
                 {"محمد بن عمر السيد", "أحمد السيد", "خالد العمري"},
                 id="a_title_after_a_given_name_or_lineage_is_the_family_name"),
    pytest.param("وأوضح المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ، أن التوزيع "
                 "مستمر، وقال مدير جامعة الإمام محمد بن سعود سليمان أبا الخيل إن القبول بدأ.",
                 {"رأفت الصباغ", "سليمان أبا الخيل"},
                 id="an_office_phrase_goes_on_over_the_king_its_body_is_named_after"),
    pytest.param("وضمت البعثة ياسر المسيليم وأحمد الرحيلي وكامل الموسى، وقال اللاعب إسلام سراج إن الفريق جاهز، "
                 "لكن اللاعب فضل اللعب في لندن، والله في عون العبد.",
                 {"ياسر المسيليم", "أحمد الرحيلي", "كامل الموسى", "إسلام سراج"},
                 id="kamil_and_islam_are_given_names_that_are_also_words"),
    pytest.param("واستقبل أمير منطقة عسير الأمير فيصل بن خالد وفد الجامعة، ثم افتتح المعرض.",
                 {"فيصل بن خالد بن عبدالعزيز"},
                 id="a_lineage_cut_short_after_its_office_is_the_office_holder"),
    pytest.param("منذ عهد المؤسس الملك عبدالعزيز بن عبدالرحمن الفيصل آل سعود رحمه الله، وقال الشيخ محمد بن "
                 "عبدالله الراشد آل حمد إن الحفل بدأ.",
                 {"عبدالعزيز بن عبدالرحمن الفيصل آل سعود", "محمد بن عبدالله الراشد آل حمد"},
                 id="a_clan_after_a_lineage_and_its_family_name"),
    pytest.param("ويشارك في الفيلم الممثل لي جونغ-هون والممثلة سو جي-مين، وأخرجه المخرج كيم هيون-سوك.",
                 {"لي جونغ هون", "سو جي مين", "كيم هيون سوك"},
                 id="a_hyphen_joins_the_parts_of_a_name"),
    pytest.param("وقال رئيسه فلورنتينو بيريز إن النادي جاهز للموسم.",
                 {"فلورنتينو بيريز"},
                 id="an_office_with_its_pronoun_may_stand_right_before_a_name"),
    pytest.param("وصدر قرار بتعيين المهندس سامي عبدالله مطير مديرا لفرع الوزارة، واختيار خالد سعد قرنبع عضوا "
                 "في اللجنة.",
                 {"سامي عبدالله مطير", "خالد سعد قرنبع"},
                 id="an_office_in_the_accusative_ends_the_name_before_it"),
    pytest.param("وأوضح محافظ حفر الباطن عبدالله بن سعد السحيمي أن الحملة مستمرة، وزار محافظ خميس مشيط سعيد بن "
                 "عبدالعزيز بن مشيط، أمس، موقع المشروع.",
                 {"عبدالله بن سعد السحيمي", "سعيد بن عبدالعزيز بن مشيط"},
                 id="a_two_word_place_may_stand_between_a_governor_and_a_lineage_name"),
    pytest.param('وقال رئيس النادي: "يحظى المدرب زيكو بدعمنا لتسهيل مهمته"، وقال اللاعب سامي عبدالكريم أؤكد '
                 "لكم أن الفريق جاهز، وتعهد بتزويد المواطن بموصفات مميزة.",
                 {"زيكو", "سامي عبدالكريم"},
                 id="a_noun_with_a_preposition_and_a_pronoun_or_plural_and_a_first_person_verb_end_a_name"),
    pytest.param("ويهدف المشروع إلى أن يعيش الإنسان السعودي عيشة كريمة، وتأسس البنك العربي السعودي بموجب المرسوم "
                 "الملكي، ووصل البلجيكي توبي الدرفيرلد إلى الرياض.",
                 {"توبي الدرفيرلد"},
                 id="a_nationality_as_an_adjective_or_before_an_everyday_word_names_no_one"),
    pytest.param("ورثى الشاعر فهد العتيبي، الأديب والقدوة، رحم الله سعود وأمد في عمر أخيه، وقال عبد الله سعود "
                 "إن الحفل بدأ.",
                 {"فهد العتيبي", "عبد الله سعود"},
                 id="a_prayer_for_someone_is_no_name"),
    pytest.param("وسيستهل المدرب بولوني الحصة التدريبية اليوم بعقد اجتماع مع اللاعبين.",
                 {"بولوني"},
                 id="an_al_noun_with_its_al_adjective_is_no_family_name"),
    pytest.param("وأعلن المدعي العام أن الأرجنتيني أليخاندرو بورزاكو سيمثل أمام المحكمة.",
                 {"أليخاندرو بورزاكو"},
                 id="a_nationality_before_a_foreign_first_name_with_al"),
    pytest.param("وتقدم على السويسري روجيه فيدرر المصنف الثاني، وغاب المهاجم السلوفيني فلاديمير فايس بكسر في يده.",
                 {"روجيه فيدرر", "فلاديمير فايس"},
                 id="a_rare_fa_word_after_a_first_name_is_its_surname"),
    pytest.param("بدوره أفاد سالم بن عوض الشهري, أن الحادث مؤلم، من جانبه نوه ماجد بن عوض البارقي, بدور رجال الأمن.",
                 {"سالم بن عوض الشهري", "ماجد بن عوض البارقي"},
                 id="a_lineage_name_before_a_latin_comma"),
    pytest.param("واتفق النادي مع الأمير فيصل بن خالد بن سلطان على الدعم، بناء على توجيهات الرئيس الفخري الأمير "
                 "خالد بن سلطان.",
                 {"فيصل بن خالد بن سلطان", "خالد بن سلطان"},
                 id="a_father_named_alone_is_not_merged_into_his_son"),
    pytest.param("وقال المعارض إن التنظيم ربيبة نظام الأسد وحاضنته.",
                 {"بشار الأسد"},
                 id="a_regime_named_after_its_leader_names_the_leader"),
    pytest.param("وبدا فريق المدرب لوران بلان مستعدا للموسم، وشارك الدولي التركي أردا توران في المران.",
                 {"لوران بلان", "أردا توران"},
                 id="a_rarer_word_after_a_foreign_first_name_is_its_surname"),
    pytest.param("وأعلن رئيس الاتحاد ماركو بولو دل نيرو في بيان أنه باق في منصبه.",
                 {"ماركو بولو دل نيرو"},
                 id="a_particle_and_its_surname_inside_a_longer_foreign_name"),
    pytest.param("وقال سعيد بوميدوحة نائب مدير المنظمة إن الأرقام مقلقة.",
                 {"سعيد بوميدوحة"},
                 id="a_ba_word_no_dictionary_knows_may_be_a_surname"),
    pytest.param("وألقت مشرفة الأنشطة إيمان القاضي كلمة ترحيبية، ثم تحدث المشرف العام على الفريق عبدالرحمن "
                 "الجهني عن البرنامج.",
                 {"إيمان القاضي", "عبدالرحمن الجهني"},
                 id="a_supervisor_introduces_a_name"),
    pytest.param("ويستلهم الثنائي ماريا غراتزيا تشيوري وبييرباولو بيكيولي تصاميمهما من روما، بينما بحث الجانبان "
                 "التعاون الثنائي والتطورات الإقليمية.",
                 {"ماريا غراتزيا تشيوري", "بييرباولو بيكيولي"},
                 id="the_names_of_a_pair_follow_the_word_for_it"),
    pytest.param("وقال الشيخ عامر بن يحيى العربي شيخ قبائل المنطقة إنه فخر لنا.",
                 {"عامر بن يحيى العربي"},
                 id="a_nisba_after_a_lineage_before_an_apposition_is_the_family_name"),
    pytest.param("وكان في استقبالها وكيل محافظة محايل عسير علي بن إبراهيم فلقي ومديرو الإدارات الحكومية.",
                 {"علي بن إبراهيم فلقي"},
                 id="a_three_word_place_between_an_office_and_a_lineage_name"),
    pytest.param("ووقع الاتفاقية عن ناميبيا السفير ويلفريد إيمفولا.",
                 {"ويلفريد إيمفولا"},
                 id="a_foreign_first_name_beginning_with_waw_is_no_conjunction"),
    pytest.param("وأصيب نجله محمد في الحادث، وقالت زوجته سارة إنه بخير، وأكد شقيقه خالد العتيبي أن الحالة مستقرة.",
                 {"محمد", "سارة", "خالد العتيبي"},
                 id="a_relative_named_after_a_kinship_word"),
    pytest.param("ومثل أمام القضاء بعد جيفري ويب نائب رئيس الفيفا سابقا.",
                 {"جيفري ويب"},
                 id="a_foreign_name_in_apposition_to_an_office"),
    pytest.param("ويقول فريدريك بورجو أحد نواب رئيس الشركة إن النباتات تتأقلم، وقال أحد المسؤولين إن العمل مستمر.",
                 {"فريدريك بورجو"},
                 id="one_of_a_plural_after_a_speakers_name_describes_him"),
    pytest.param("وأجرى العملية الطبيب المقيم لؤي الشرع، وقال القبطان يان كاريو إن الرحلة آمنة.",
                 {"لؤي الشرع", "يان كاريو"},
                 id="a_doctor_or_a_captain_introduces_a_name"),
    pytest.param("وأكدت القوات الموالية للرئيس هادي تقدمها، وقال هادي في كلمته إن النصر قريب.",
                 {"عبدربه منصور هادي"},
                 id="a_title_before_a_short_name_names_the_title_holder"),
    pytest.param("وحضر الحفل علي بن محمد الغامدي، وردا على بن لادن قال المتحدث إن التنظيم انتهى.",
                 {"علي بن محمد الغامدي"},
                 id="ali_before_bin_and_a_given_name_opens_a_name"),
    pytest.param("وشكر المواطنون الملك سلمان بن عبدالعزيز وولي العهد وولي ولي العهد على حرصهم.",
                 {"سلمان بن عبدالعزيز", "محمد بن نايف", "محمد بن سلمان"},
                 id="the_king_named_beside_the_crown_prince_is_not_him_and_fixes_the_country"),
    pytest.param("وأشار خبير البيئة البروفيسور علي عشقي إلى استمرار الحر، وأكد الدكتور على أهمية الوقاية.",
                 {"علي عشقي"},
                 id="a_title_vouches_for_ali_before_a_rare_plain_surname"),
    pytest.param("وتعاقد النادي مع المدرب التونسي المنصف الشرقي، وقالت المهندسة فيلومينا سايمون إن التصميم جاهز.",
                 {"المنصف الشرقي", "فيلومينا سايمون"},
                 id="an_al_first_name_before_a_common_family_word_and_a_woman_engineer"),
    pytest.param("وقال حمد العمر المتحدث الرسمي للوزارة إن العمل مستمر، وقال شايي أفييور وهو شاهد عيان إن "
                 "المهاجم فر.",
                 {"حمد العمر", "شايي أفييور"},
                 id="a_speakers_name_before_an_office_or_a_clause_with_wahuwa"),
    pytest.param("وألف الشيخ «القرضاوي» كتيبا، وأجرى مدير الجهاز الفني «دونيس» مناورة مع المدرب الأرجنتيني "
                 "(كالديرون)، ووعد مدير عام \"الألكسو\" بدعم المجلة.",
                 {"القرضاوي", "دونيس", "كالديرون"},
                 id="a_quoted_name_after_a_title_but_not_an_offices_quoted_body"),
    pytest.param("وتجاوز المدافع سيزار أزبيليكويتا لاعب الوسط الألماني باستيان شفاينشتايجر، وتابع المقدم تركي "
                 "الردادي المباراة مع مواطن تركي الجنسية.",
                 {"سيزار أزبيليكويتا", "باستيان شفاينشتايجر", "تركي الردادي"},
                 id="foreign_first_names_like_a_verb_or_preposition_and_turki_before_a_family_name"),
]


def test_an_undated_text_takes_its_years_from_a_title_named_with_its_holder():
    meta = _meta("وشكر المواطنون خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز وولي العهد وولي ولي العهد "
                 "على حرصهم.")
    assert meta.date is None
    assert _actors(meta, "person") == {"سلمان بن عبدالعزيز", "محمد بن نايف", "محمد بن سلمان"}
    # with no title named with its holder, a bare title still names no one
    assert _actors(_meta("وأكد ولي العهد أن المملكة بخير."), "person") == set()


def test_an_undated_bare_title_is_the_holder_the_text_named_with_it():
    meta = _meta("وقال رئيس الوزراء اليمني خالد بحاح إن الحكومة باقية، وأكد رئيس الوزراء أن الإعمار سيبدأ.")
    assert _actors(meta, "person") == {"خالد بحاح"}


def test_an_office_of_a_country_the_gazetteer_lacks_names_no_holder():
    meta = _meta("واستقبل الوزير وزير العدل اليمني السابق، وتحدث عن رئيس الوزراء الماليزي.",
                 "تاريخ النشر: 10 أغسطس 2015")
    assert _actors(meta, "person") == set()


def test_a_lineage_cut_short_resolves_to_the_office_holder_without_a_year():
    meta = _meta("واستقبل أمير منطقة عسير الأمير فيصل بن خالد وفد الجامعة.")
    assert _actors(meta, "person") == {"فيصل بن خالد بن عبدالعزيز"}


@pytest.mark.parametrize(("text", "expected"), _PEOPLE_CASES)
def test_people_found_in_a_text(text, expected):
    assert _people(text) == expected
