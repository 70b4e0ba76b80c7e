# ruff: noqa: E501  (the excerpts keep the pages' lines as they are)
"""Titles on real pages: the headline among page debris, or none (a title made from the lead).

Each excerpt is the start of a page of tests/data/realset/dev, dev2, dev3 or dev4, as the search tool
returned it (debris and all), with the page's URL; the expected titles are the split's labels,
written from reading the text before the tool ran. Every case failed before the rule it
names was written (issue 10, titles).
"""

from __future__ import annotations

import pytest

from generator.ingest import RawInput, ingest_bytes, load_ingest_context
from generator.ingest.clean import (
    _glued_headline,
    _says_slug,
    _slug_in_line,
    classify,
    clean_text,
    slug_words,
)
from generator.models import Article

EXCERPTS = {
    "t_en_bureaukz_qandy_qantar_anniversary": (
        "https://bureau.kz/en/hot/qandy-qantar-anniversary/",
        "• Home\n  • >\n  • Qandy Qantar Anniversary\n\nQandy Qantar Anniversary\n\n\nOn the anniversary of Qandy Qantar (Bloody January), the Human Rights Alliance for Fundamental Rights mourns the dead, sympathizes with the victims and expresses solidarity with all who seek justice.\n\nThe Documentation Center (hereinafter “the Center”) of the Human Rights Alliance for Fundamental Rights[1], between April 2022 and January 2023, documented 625 cases of human rights violations during or as a result of the events occurred in January 2022; and recorded 13 stories that help to restore the timeline of events.\n\nThe Human Rights Alliance plans to release a comprehensive report analyzing human rights violations against international human rights standards in the spring of 2023 when most of the official investigations into cases related to the events, as well as torture investigations, are expected to end. Below is a brief overview of the information collected as of to date.\n\n",
    ),
    "t_ru_kibhr_osce_trials_report": (
        "https://bureau.kz/goryachee/zaranee-ustanovlennaya-vinovnost",
        "• Главная\n  • >\n  • «Заранее установленная виновность»: ОБСЕ опубликовала отчет о судебных процессах в связи с «кровавым январем»\n\n«Заранее установленная виновность»: ОБСЕ опубликовала отчет о судебных процессах в связи с «кровавым январем»\n\n21.07.2025\n\nЗаявления о пытках, на которые суды не обращали внимания, масса нарушений и отсутствие справедливого правосудия как такового в отношении подсудимых и жертв Январских событиям 2022 года – главные выводы из отчета БДИПЧ ОБСЕ.\n\nКак оказалось, еще 5 мая этого года Бюро по демократическим институтам и правам человека ОБСЕ выпустило подробный отчет по судебным процессам в связи с событиями Января 2022 года.\n\nСкачать в PDF\n\nМониторинг судебных процессов велся с 1 ноября 2022 года по 31 декабря 2023 года охватил суды как над политическими активистами и силовиками, так и над рядовыми участниками беспорядков, оказавшихся намеренно или случайно в числе протестующих или участников беспорядков.\n\n",
    ),
    "t_ru_dnkz_qantar_trials_secrecy": (
        "https://dn.kz/news/archive/zavesa-sekretnosti/",
        "Завеса секретности | Деловая неделя\n11 декабря 2024 | выходит по пятницам | c 1992 года\n\nЗавеса секретности\n\n10.11.2022 17:06:46\n№: 41 (1491)\n\nлишает легитимности суды по Кантару\n\nВ суде нет истины, лишь ваша версия случившегося против их. Так работает система правосудия: суть не в том, что правильно и честно, а в том, чтобы рассказать самую убедительную историю.\n\nИз телесериала «Как избежать наказания за убийство»\n\n",
    ),
    "t_ru_uzdaily_lavrov_gas_transit": (
        "https://www.uzdaily.uz/ru/rossiia-dogovarivaetsia-s-partnerami-o-postavke-gaza-v-uzbekistan-cherez-kazakhstan",
        "Курсы валют от 21/08/2025\n$1 – 12466.44\nUZS – -0,47%\n€1 – 14517.17\nUZS – -0,77%\n₽1 – 155.42\nUZS – -0,35%\nПоиск\nЭкономика 01/09/2023 Россия договаривается с партнерами о поставке газа в Узбекистан через Казахстан\nРоссия договаривается с партнерами о поставке газа в Узбекистан через Казахстан\n\nТашкент, Узбекистан (UzDaily.uz) -- Об этом сообщил глава МИД РФ Сергей Лавров. По его словам, у Узбекистана есть дефицит природного газа.\n\n«Мы договариваемся, был ряд контактов президентов России, Казахстана и Узбекистана о том, чтобы транзитную систему Казахстана использовать для удовлетворения потребностей Узбекистан. Это потребует технических работ на земле, это реализуемо, причем не займет длительного времени», — отметил глава МИД РФ С. Лавров.\n\n \n\nБудьте в курсе последних новостей\nПодпишитесь на наш Telegram-канал",
    ),
    "t_ru_ria24_protests_toll_jan7": (
        "https://ria24.today/news/protesty-v-kazahstane-skolko-pogibshih-i/11462189",
        "Казахстан Алма-Ата Актау Нур-Султан общество протестующие Казахстан Алма-Ата Актау Нур-Султан\n\nПротесты в Казахстане – сколько погибших и задержанных – фото, видео и последние новости на сегодня 7 января 2022\n\nВ Казахстане уже шестой день не утихают массовые протесты, которые начались 2 января и постепенно охватили всю страну. С начала столкновений в стране уже погибли десятки людей, многие были ранены и задержаны.Несмотря на то, что в государстве ввели чрезвычайное положение, недовольные ситуацией в Казахстане люди продолжили выходить на улицы.По состоянию на пятницу, 7 января, напряженная обстановка сохранялась в частности в охваченном протестами городе Алматы.\n\n",
    ),
    "t_ru_ria24_government_resigns": (
        "https://ria24.today/news/prezident-kazahstana-tokaev-prinyal-otstavku/11431747",
        "Казахстан Алма-Ата Мангистауская обл. ГАЗ правительство Казахстан Алма-Ата Мангистауская обл.\n\nПрезидент Казахстана Токаев принял отставку правительства\n\nОдной из причин, по которым Токаев отправил правительство в отставку, являются массовые несанкционированные митинги. Протесты начались из-за того, что власти повысили стоимость газа для населения в два раза.\n\nОчевидцы сообщали о драках и потасовках между бастующими и правоохранителями. В ходе стычек сотрудники полиции применили специальные средства подавления: светошумовые гранаты и слезоточивый газ.\n\nDMCA",
    ),
    "t_ru_mirtesen_administration_seized": (
        "https://nnr.mirtesen.ru/blog/43144103709/Mitinguyuschie-v-Alma-Ate-zahvatili-zdanie-administratsii-goroda",
        'На информационном ресурсе применяются рекомендательные технологии (информационные технологии предоставления информации на основе сбора, систематизации и анализа сведений, относящихся к предпочтениям пользователей сети "Интернет", находящихся на территории Российской Федерации)\n\nСвежие комментарии\n\n  • seawife2007 ОЛЬГА\n    А причём тут Аркадий Райкин? Совсем не соображаете, о чём пишете?Ловелас Аркадий Р...\n  • Кристина Геврек\n    в Москве точно такой же беспредел! такое ощущение, что всех дворников на войну отправили.Опасный гололед в...\n  • Виталий Сорокин\n    Молодец Рамзан! Скоро свои же сдадут! Считайте в уме,хохлонацики!!!Кадыров пообещал ...\n\nМитингующие в Алма-Ате захватили здание администрации города\n\nУчастники акции протеста в Казахстане захватили здание администрации Алматинской области, сообщает Telegram-канал «Протесты в мире» со ссылкой на местное население.\n\nНа опубликованных кадрах можно заметить, как протестующие борются со стражами порядка на ступеньках здания. На другом видео они под крики «Акимат наш!\n\n',
    ),
    "t_ru_gazeta_mt_tokayev_blames_government": (
        "https://mt.gazeta.ru/blog/43484948132/Tokayev-vozlozhil-osobuyu-vinu-za-protestyi-na-pravitelstvo-Kaza?utm_referrer=mirtesen.ru",
        'На информационном ресурсе применяются рекомендательные технологии (информационные технологии предоставления информации на основе сбора, систематизации и анализа сведений, относящихся к предпочтениям пользователей сети "Интернет", находящихся на территории Российской Федерации)\n\nГазета.ру\n\n8 695 подписчиков\n\nСвежие комментарии\n\n  • Grandad\n    Навезли уже сотни тысяч индусов без медицинского оссвидетельствования. Обещали принимать квалифицированных специалист...Врач Компанец: ви...\n  • Илья Немцов\n    Дай бог ей здоровьяСимоньян выложила...\n  • Татьяна Здоровцева\n    Согласна! Этого извращенца, вообще, нельзя допускать к культуре!Телеведущая Юлия ...\n\nТокаев возложил особую вину за протесты на правительство Казахстана\n\nПрезидент Казахстана Касым-Жомарт Токаев заявил, что особая вина за допущение протестной ситуации в республике лежит на Правительстве. Об этом говорится в сообщении на официальном сайте президента Казахстана.\n\n"Президент сообщил, что Премьер-министр Аскар Мамин подал прошение об отставке. Она принята Главой государства.\n\nСогласно Конституции, отставка Премьер-министр',
    ),
    "t_ru_tirek_atbasar_colony_torture_trial": (
        "https://tirek.info/?p=54260",
        "18.11.25 года Специализированный межрайонный суд по уголовным делам Акмолинской области суд по делу о пытках в колонии Атбасара\n1 часть.\nПредседательствующий: судья Сеитова Сагдат Сапаровна\nСекретарь судебного заседания: Сабыр Ә. Е.\nГосударственные обвинители Мендыбай Т.Е., Мейрбекова Д.М.\nПредставитель потерпевших адвокат Усенова Д.А.\nПотерпевшие Рахимжанов Д.Б., Жотабаев Е.Б., Толтаев М.Б. доставлены конвоем.\nПотерпевший Данебаев Т.Ю. подключен посредством видеосвязи ZOOM.\nПредставитель потерпевших Сулейманкулова Т.Р., Бегаз Ж.Д. — Смагулов Н.Х. подключен посредством видеосвязи ZOOM. Переводчик Ахметов Г.Б. Подсудимые Саутбеков А.С., Мурзашев А.Е., Проценко Н.С., Жуманалин Д.М., Жунусов Ж.М., Рустемов Д.Т., Тургумбаев И.А., Ерназар Ж.Т., Абильхаир С.Н., Даулетбаев Н.Ж., Дауренбеков М.М., Кун А.В. ст.146 ч.3 УК РК\nЗащитники подсудимых адвокаты Косжанов А.Е., Кожахметов С.М.,\nАбдрахманов К.Е., Калыков К.Е.\nЯвилось 12 присяжных заседателей. Слушатели подключены посредством видеосвязи ZOOM.\nВремя 10:38 часов\n",
    ),
    "ru_rbc_ukibay_sovbez_handover": (
        "https://www.rbc.ru/politics/09/01/2022/61da73769a794746c0abc8ff?from=article_body",
        "Перейти к основному контенту\nПротесты в Казахстане ,  \n0 \n\nПресс-секретарь Назарбаева объяснил передачу поста главы Совбеза Токаеву\n\nПресс-секретарь: Нурсултан Назарбаев сам передал пост главы Совбеза Касым-Жомарту Токаеву\nПресс-секретарь Назарбаева сообщил, что экс-президент Казахстана сам передал пост председателя Совбеза действующему главе государства. «[Он] хорошо осознавал, что беспорядки и террор требовали оперативного ответа», — сказал Укибай\nНурсултан Назарбаев\nНурсултан Назарбаев (Фото: Алексей Никольский / пресс-служба президента России / ТАСС)\n\nБывший президент Казахстана Нурсултан Назарбаев принял решение передать пост председателя Совета безопасности республики действующему главе государства Касым-Жомарту Токаеву для оперативного реагирования на беспорядки. Об этом заявил пресс-секретарь Назарбаева Айдос Укибай.\n\n«[Он] сам принял решение передать пост председателя Совета безопасности президенту, так как хорошо осознавал, что беспорядки и террор требовали оперативного, жесткого и бескомпромиссного ответа от руководства страны», — сказал Укибай.\n\nПо его\n",
    ),
    "t_ru_rbc_almaty_police_tally": (
        "https://www.rbc.ru/politics/16/01/2022/61e432019a79474aab121d2d?from=materials_on_subject",
        "Перейти к основному контенту\nПротесты в Казахстане,\n0\n\nВласти отчитались о последствиях беспорядков в Алма-Ате\n\nПолиция Алма-Аты: во время беспорядков погибли 160 человек, заведено 405 уголовных дел\nВ Алма-Ате во время беспорядков погибли 160 человек, мародеры разграбили 1,6 тыс. объектов торговли, неизвестные напали на морг и похитили более 40 тел, заявили в полиции. Власти расследуют сотни уголовных дел\nФото: AP\nФото: AP\n\nВ Алма-Ате во время массовых беспорядков погибли 160 человек, в том числе 11 сотрудников правоохранительных органов. Об этом на брифинге заявил глава департамента полиции города Канат Таймерденов, передает NUR.kz.\n\nПо его словам, мародеры разграбили более 1,6 тыс. объектов торговли, повредили и уничтожили более 356 автомобилей, в том числе служебный транспорт полиции. «Другие группы террористов захватили одновременно семь оружейных магазинов, где завладели оружием и боевыми припасами», — цитирует его Tengrinews. Во время беспорядков было похищено более 1,3 тыс. единиц оружия, сообщил Таймерденов.\n\nКак выглядит разрушенная мэрия в Алма-Ате. Фоторепортаж\n",
    ),
    "ru_tass_karachaganak_output_reduced": (
        "https://tass.ru/ekonomika/25400289",
        ' date 2025-10-20 На Карачаганаке снизилась добыча газа после приостановки работы оренбургской ГПЗ\n\nВозврат к плановым показателям будет осуществлен после восстановления штатной работы ОГП\n\nАСТАНА, 20 октября. /ТАСС/. Возврат к плановым показателям добычи газа на месторождении Карачаганак в Казахстане будет осуществлен после восстановления штатной работы оренбургского газоперерабатывающего завода (ОГП). Сейчас объемы снижены, сообщили в Минэнерго Казахстана.\n\n"В связи с временными ограничениями на прием газа на ОГП, оператор месторождения Карачаганак осуществил контролируемое снижение объема добычи. Данная мера не влияет на исполнение обязательств по поставкам газа на внутренний рынок Казахстана. Возвращение к плановым производственным показателям начнется сразу после восстановления штатной работы ГПЗ", - сказано в сообщении.\n\nКак отметили в министерстве, по предварительной информации, возобновление приема газа на оренбургском заводе ожидается в ближайшее время.\n\n19 октября глава Оренбургской области Евгений Солнцев в своем Telegram-\n',
    ),
    "i_en_akorda_security_council_session": (
        "https://akorda.kz/en/president-kassym-jomart-tokayev-held-a-session-of-the-security-council-705318",
        "National Emblem of Kazakhstan\n\nOfficial website of the\n\nPresident of the Republic of Kazakhstan\n\nOfficial website of the\n\nPresident of the Republic of Kazakhstan\n\n\n\nPresident Kassym-Jomart Tokayev held a session of the Security Council\n\nJanuary 6, 2022\n\nUnder the chairmanship of the President, the session of the Security Council was held in Akorda Palace. The agenda of the discussion included issues of combating terrorist and criminal elements trying to destabilize the situation in Kazakhstan.\n\nThe meeting was attended by the speakers of both Parliament chambers, Acting Prime Minister, Head of the Presidential Administration, Chairman of the National Security Committee, Prosecutor General, Head of the State Security Service, Acting Deputy Prime Minister - Foreign Minister, Acting Defense Minister, Acting Internal Affairs Minister, and Acting Minister of Emergency Situations.\n\nPresident Tokayev stressed the complexity of the current situation, and pointed out to the need to take a number of urgent measures. He named the forces that made the attack on Kazakhstan as real terrorists.\n\n",
    ),
    "t3_ru_dw_kazakh_oil_to_germany": (
        "https://www.dw.com/ru/v-germaniu-budet-postupat-neft-iz-kazahstana/a-64836046",
        '1. Перейти к содержанию\n  2. Перейти к главному меню\n  3. К другим проектам DW\n\nВ Германию будет поступать нефть из Казахстана\n\n27 февраля 2023 г.\n\nКазахстан не подпадает под нефтяное эмбарго ЕС. Нефть из азиатской страны будет поставляться на нефтеперерабатывающий завод в Шведте, который до войны снабжался почти исключительно из России по трубопроводу "Дружба".\n\n',
    ),
    "t3_ru_informatro_druzhba_station_attack": (
        "https://informat.ro/ru/mezdunarodnyi/ukrainskie-drony-atakuiut-neftianuiu-nasosnuiu-stanciiu-v-rossii-81023",
        "27 сентября 14:00\nМеждународный\nFoto shutterstock.com\nАтака произошла в субботу вблизи села Конар, в 1200 км от Украины, согласно словам регионального губернатора Олега Николаева. Хотя жертв не было, атака привела к незначительным повреждениям и остановке работы станции, которая является частью трубопровода Дружба. Украина усилила атаки дронов на российскую энергетическую инфраструктуру, чтобы сократить доходы Москвы и стимулировать мирные переговоры, значительно затруднив переработку и экспорт нефти.\n",
    ),
    "t3_ru_azh_minenergo_druzhba_bryansk": (
        "https://azh.kz/ru/news/view/109374",
        "Атырау, 5 декабря 10:41\n облачноВ Атырау +4\n$ 499.65\n€ 582.89\n₽ 6.47\n\nУдар был по нефтебазе: Минэнерго об атаке беспилотников в Брянске\n\n2 621 просмотр\n\nВ Минэнерго высказались по поводу атаки беспилотников на объекты нефтепровода «Дружба» в Брянске.\n\n",
    ),
    "t3_ru_rvs_karakalpakstan_uzbekistan_exploded": (
        "https://rvs.su/statia/klassika-cvetnyh-perevorotov-kak-v-odin-den-vzorvalsya-uzbekistan",
        "Василий Верещагин. Торжествуют. 1872\n4 июля на пленарном заседании Законодательной палаты Олий Мажлиса (нижней палаты парламента Узбекистана) депутаты приняли решение о сохранении суверенитета республики Каракалпакия в составе Узбекистана.\nИстоки конфликта\nВсего три дня назад предложение изменить статьи 70-75 Конституции страны образца 1992 года, касающиеся статуса Каракалпакии, в рамках закона о внесении изменений и дополнений в главный документ страны, чуть не снесло государственность самой Каракалпакии и поставило под угрозу безопасность всего Узбекистана.\nТак, 25 июня в парламентской газете «Народное слово» был опубликован проект поправок в Конституцию Узбекистана, подготовленный конституционной комиссией и одобренный Законодательной палатой Олий Мажлиса (нижней палатой парламента). Ряд поправок предусматривал упразднение статьи 74 Конституции, закреплявшей за Каракалпакией статус суверенной республики с правом выхода из состава Узбекистана на основании референдума.\n",
    ),
    "i_kk_sputnik_akim_car_shot_video": (
        "https://sputnik.kz/regions/20220118/19167885/Almaty-akim-video.html",
        'Алматыдағы жаппай тәрпісіздіктер - Sputnik Қазақстан, 1920, 23.05.2022\nҚаңтар оқиғасы\n2022 жылғы қаңтарда Алматы қаласы мен басқа да өңірлерде болған жаппай тәртіпсіздіктерге қатысты материалдар\n\nЖеліде Алматы әкіміне оқ атылған сәттің видеосы тарады\n\n© Sputnik / Абзал КалиевБакытжан Сагинтаев\nБакытжан Сагинтаев  - Sputnik Қазақстан, 1920, 18.01.2022\nЖазылу\nШабуыл жасалған сәтте Сағынтаев штабтағы әріптестерімен бірге әкімдікке бара жатқан\nАЛМАТЫ, 18 қаңтар – Sputnik. Желіде Алматы әкімі Бақытжан Сағынтаев отырған көлікке шабуыл жасалған сәттің видеосы пайда болды. Қала әкімдігі видеоның 6 қаңтарда түсірілгенін растады, деп хабарлайды Sputnik Қазақстан.\n"Алматы қаласы әкімдігінің баспасөз қызметі 2022 жылы 6 қаңтарда болған оқиғаның бейнежазбасы шынайы екенін растайды. Тергеу жүргізілуіне байланысты қосымша ақпаратты жариялауға тыйым салынады", - делінген әкімдік таратқан ақпаратта.\nБұған дейін Алматы қаласының әкімі Бақытжан Сағынтаев жаппай тәртіпсіздік кезінде өлім аузынан қалай аман қалғанын айтып берді.\n"Қосымша күштер келіп, арнайы жасақ әкімдік пен алаңды тазартқан кезде біз штабтағы әріптестерім',
    ),
    "t3_ru_apriorinauka_zhanaozen_2011_chronicle": (
        "https://apriori-nauka.ru/graphics/massovye-besporyadki-v-kazahstane-mnogo-ubityh-i-ranenyh-tak-chto-zhe.html",
        "Массовые беспорядки в Казахстане. Много убитых и раненых. Так что же произошло в Жанаозене (Казахстан). Хроника событий Волнения в жанаозене\n\nЖанаозен (бывший Новый Узень) - город областного подчинения в Мангистауской области на западе Казахстана. Население около 90.000. Основан в 1968, имеется аэропорт. Моногород - экономика: добыча нефти и газа, газоперерабатывающий завод. Градообразующее предприятие «Озенмунайгаз» - совместная китайско-казахская дочерняя компания «КазМунайГаза», крупнейшей нефтяной корпорации в республике. В июне 1989 в тогда ещё Новом Узене произошли крупные беспорядки на национальной почве (против засилья кавказцев). Начиная с 2006, в Жанаозене регулярно проходят забастовки нефтяников, выдвигающих экономические требования.\n\nТекущая мирная забастовка началась 17 мая 2011 года. Как утверждают в профсоюзах, в июне количество бастующих достигало 18 тысяч. Рабочие требовали повышения заработной платы - приведениееёв соответствие с международными стандартами, уравнения с теми суммами, что получают привлеченные китайские специалисты , улучшений условий труда , создания\n",
    ),
    "d4_kk_aqmeshit_csto_mission_ended": (
        "https://aqmeshit-aptalygy.kz/sajasat/uqshu-missija-ajaqtaldy-16348/",
        "Бейсенбі, 28 наурыз, 17:23\n\n  • Қаз\n  • Qaz\n\nБізге жаңалық\nжіберіңіз:\n\n+7(702)932-52-25\nЖаңа шығарылым\n№24(2034)\n23.03.2024\nPDF мұрағаты\n\nҰҚШҰ: миссия аяқталды\n\n18.01.2022\n\n404 0\n\nОзбырлардың ойранынан кейін елге ҰҚШҰ әскері кіргізілген еді. Республикамызда өз күштік құрылымдарымыздың арқасында конститутциялық тәртіп қалпына келтірілді. Стратегиялық нысандарды күзеткен бітімгершілік әскер де елден шығарылды.\n\nЖалпы содырлардың лаңынан кейін еліміз сырттан көмек сұрауға мәжбүр болды. Сөйтіп Қазақстан ҰҚШҰ-ға мүше мемлекеттердің басшыларына елдегі жағдайды тұрақтандыруға жәрдемдесу үшін Біріккен бітімгершілік контингентін енгізу туралы 5 қаңтарда өтініш жасады. Бітімгершілік ұйымы ұсынысты сол күні-ақ қолдады. Осылайша 6 қаңтар күні ҰҚШҰ әскері елге келіп, әскери міндетін орындай бастаған болатын.\n\n",
    ),
    "d4_en_trend_serdyukov_handover_plan": (
        "https://en.trend.az/world/3539688.html",
        " date 2022-01-11 BAKU, Azerbaijan, Jan. 11\n\nTrend:\n\nThe withdrawal of the Collective Security Treaty Organization (CSTO) peacekeepers from Kazakhstan will take place after the completion of the tasks, in cooperation with the authorities of Kazakhstan and with the involvement of Russian military aviation, said the commander of the Russian Airborne Forces and the contingent of peacekeepers in Kazakhstan, Colonel-General Andrei Serdyukov, Trend reports citing Interfax.\n\n",
    ),
    "d4_uk_pravda_csto_summit_announced": (
        "https://www.pravda.com.ua/news/2022/01/9/7319824/",
        'Партнерський збір УП. Задонать на дрони та РЕБи\n\nСаміт ОДКБ щодо Казахстану пройде в понеділок\n\nНеділя, 9 січня 2022, 18:37\nСаміт ОДКБ щодо Казахстану пройде в понеділок\nПУТІН І ТОКАЄВ, ФОТО: KREMLIN.RU\n\nПозачерговий саміт ОДКБ в режимі онлайн відбудеться у понеділок, 10 січня, президент РФ Володимир Путін підтвердив у ньому участь.\n\nДжерело: сайт Кремля\n\nДослівно: "10 січня 2022 року президент Росії візьме участь у позачерговій сесії Ради колективної безпеки Організації Договору про колективну безпеку, яка відбудеться у режимі відеоконференції під головуванням Республіки Вірменія.\n\nРеклама:\n\nНа сесії буде обговорено питання "Про ситуацію в Республіці Казахстан та заходи щодо її нормалізації"".\n\n',
    ),
    "d4_en_dawn_kordai_dungans_ponder_future": (
        "https://www.dawn.com/news/1534786/kazakh-violence-makes-chinese-muslim-minority-ponder-future",
        "A man removes burned debris from a building in the majority-Dungan village of Masanchi in southern Kazakhstan’s Jambyl region close to the border with Kyrgyzstan.—AFP\nA man removes burned debris from a building in the majority-Dungan village of Masanchi in southern Kazakhstan’s Jambyl region close to the border with Kyrgyzstan.—AFP\n\nMASANCHI: As Khusei Daurov lay dazed after being caught up in inter-ethnic clashes near his home in southern Kazakhstan, he felt the cold steel of a pistol against his forehead.\n\nViolence had broken out among local Kazakhs and a group of ethnic Chinese Muslims called Dungans, who number more than 150,000 across Central Asia.\n\nDaurov, a Dungan community leader, was trying to calm tensions when a Kazakh man put the gun to his head. Another Kazakh intervened, convincing the man to let Daurov go.\n\n",
    ),
    "d4_en_newsaz_csto_drills_kyrgyzstan_2024": (
        "https://news.az/news/csto-military-drills-begin-in-kyrgyzstan-armenia-skips-participation",
        "+ ↺ − 16 px\n\nThe “Interaction-2024” command-staff exercises, along with the “Search-2024” and “Echelon-2024” special drills, have commenced in Balykchy, Kyrgyzstan.\n\nThe exercises will be conducted in three phases, focusing on training and coordinating joint operations to address armed conflicts in the Central Asian region, News.Az reports citing foreign media.Military personnel from Belarus, Kazakhstan, Kyrgyzstan, Russia, and Tajikistan, along with representatives from the CSTO secretariat and Joint Staff, are participating. The drills involve over 1,500 military personnel and more than 200 pieces of military equipment, including around 10 aircraft.Armenia, a CSTO member, has opted not to ",
    ),
    "d4_en_portnews_cpc_tankers_after_ban": (
        "https://www.en.portnews.ru/news/351391/",
        "2023 August 4 11:01\n\nTankers loaded at CPC Marine Terminal’s SPM to be moved away after the ban on vessel traffic in the port of Novorossiysk is lifted\n\nThere is no damage to the Consortium’s infrastructure by an attack by unscrewed surface watercraft (SWC)\n\nOn August 4, 2023, near the operational area of the CPC Marine Terminal (water area 670), Russian Federation Navy ships repelled an attack by unscrewed surface watercraft (SWC), according to CPC.\n\nOil is currently being loaded on the tankers moored to the Single Point Moorings SPM-2 and SPM-3 in a standard mode. There is no damage to the Consortium’s infrastructure.\n\nA temporary ban on vessel traffic in the CPC water area and in the port of Novorossiysk has been introduced. The loaded tankers will be moved away after the ban is lifted.\n\n",
    ),
    "d3_uk_minfin_gas_price_fixed_march": (
        "https://minfin.com.ua/ua/2025/10/09/160087130/",
        "Прем'єр-міністр Юлія Свириденко запевнила, що фіксована ціна на природний газ для населення та бюджетних установ залишається незмінною до 31 березня 2026 року.\n9 жовтня 2025, 8:37\nФіксована ціна на газ для населення буде незмінною до 31 березня 2026 року\nУряд продовжив дію покладення спеціальних обовʼязків на суб'єктів ринку природного газу:\n- для населення — 7 420 грн за 1 000 куб. м (з ПДВ);\n- для бюджетних установ — 16 390 грн за 1 000 куб. м (з ПДВ).\n«Це дозволить зберегти стабільні тарифи для людей упродовж усього опалювального сезону», — наголосила Свириденко.\nВона додала, що Уряд працює над забезпеченням стабільності для українців цієї зими, попри нові виклики з огляду на посилення російських атак по енергетиці.\n«Мета — пройти опалювальний сезон, попри всі виклики воєнного стану. Забезпечити людям світло, тепло й передбачувані тарифи», — зазначила прем'єр-міністр.\n",
    ),
    "d4_uk_onlineua_amnesty_law_signed": (
        "https://news.online.ua/prezident-kazahstanu-tokaev-pidpisav-zakon-pro-amnistiyu-uchasnikiv-sichnevih-protestiv-850381",
        '2 листопада офіційно стало відомо, що лідер Казахстану Касим-Жомарт Токаєв підписав закон про амністію приблизно півтори тисячі осіб, засуджених за незначні злочини у дні протестів у країні з 4 по 7 січня 2022 року. Закон уже готують до друку.\nДжерело: прес-служба президента Казахстану\nТокаєв підписав закон про амністію учасників січневих протестів\nВідповідно до закону, від кримінальної відповідальності звільнять за провини, злочини невеликої та середньої тяжкості, скоєні "в умовах масових заворушень у період з 4 по 7 січня".\nОкрім того, наголошується, що покарання за тяжкі та особливо тяжкі злочини буде скорочено на 3/4 та наполовину відповідно.\nТакож вказано, що під помилування можуть потрапити звинувачені у вбивствах, примусі до надання свідчень, незаконному затриманні, недбалому ставленні до служби та погроз.\nЩоб потрапити під амністію, обвинувачений має визнати провину та відшкодувати збитки, - йдеться в повідомленні.\n',
    ),
    "d1_en_cpc_storm_suspension_nov2023": (
        "https://www.cpc.ru/en/press/releases/2023/pages/20231127-1.aspx",
        "In November\n2023, storm restrictions on transshipment were repeatedly announced at the\nNovorossiysk seaport, which CPC strictly followed.As a\nreminder: oil is lifted from CPC Marine Terminal via Single Point Moorings\n(SPM) 5 km away from the shoreline with strict compliance with the industrial\nand environmental safety requirements. The SPM design allows for loading during\nadverse weather conditions when traditional onshore oil lifting systems are\nforced to suspend their operation.\nCurrently in\nthe area of Novorossiysk, there are extremely unfavorable weather conditions:\n",
    ),
}


# dev5 (half a): outlets never seen while the rules above were written
EXCERPTS.update(
    {
        "d5_kk_77tv_repression_victims_remembered": (
            "https://77tv.kz/%d1%81%d0%b0%d1%8f%d1%81%d0%b8-%d2%9b%d1%83%d2%93%d1%8b%d0%bd-%d1%81%d2%af%d1%80%d0%b3%d1%96%d0%bd-%d0%b6%d3%99%d0%bd%d0%b5-%d0%b0%d1%88%d0%b0%d1%80%d1%88%d1%8b%d0%bb%d1%8b%d2%9b-%d2%9b%d2%b1%d1%80",
            "САЯСИ ҚУҒЫН-СҮРГІН ЖӘНЕ АШАРШЫЛЫҚ ҚҰРБАНДАРЫН ЕСКЕ АЛДЫ\n1 min read\nБүгін – ХХ ғасырдың басында талайды сарсаңға салып, қасірет шектірген саяси қуғын-сүргін құрбандарын еске алу күні. Бұл дата Қазақстан үшін айрықша мағынаға ие. «Халық жауларын» анықтау бойынша қатаң саясаттың салдарынан қуғын-сүргінге ұшырағандардың өздері ғана емес, олардың жақындары да зардап шекті. Айтулы датаға орай ескерткішке гүл шоқтары қойылып, жамбылдықтар құрбандарды еске алды.",
        ),
        "d5_kk_qamshy_karakalpak_activists_refugee_denied": (
            "https://n.qamshy.kz/article/72066-qazaqstan-qaraqalpaq-belsendilerine-bosqyn-martebesin-beruden-bas-tartty",
            "• USD 468.56\n\n  • EUR 497.56\n\n  • RUB 7.3\n\n  • CNY 67.18\n\n10 Қараша, 08:17:40\nАлматы\n+12°\n\nҚазақстан Өзбекстан өтінішімен ұсталған қарақалпақ белсенділері- Қошқарбай Төремұратов пен Жангелді Жақсымбетовке босқын мәртебесін беруден бас тартты. Бұл туралы Қазақстандағы қарақалпақ диаспорасының мүшесі Ақылбек Мұратбай әлеуметтік желідегі парақшасында жазды. \n\n",
        ),
        "d5_ru_zorknews_tajikistan_asks_csto_border": (
            "https://zorknews.kz/articles/mir/tadzhikistan-zaprosil-voennoy-pomoshchi-u-odkb.html",
            "7 ноября 2024\n\n«Если судят по закону, а не по прихотям власти, тогда правосудие живёт среди людей» — Демосфен.\n\nUSD\n\n504.49 KZT\n\nEUR\n\n587.73 KZT\n\nRUB\n\n6.57 KZT\n\n7 ноября 2024\n\n«Если судят по закону, а не по прихотям власти, тогда правосудие живёт среди людей» — Демосфен.\n\nUSD\n\n504.49 KZT\n\nEUR\n\n587.73 KZT\n\nRUB\n\n6.57 KZT\n\nТаджикистан запросил военной помощи у ОДКБ\n\n3 декабря\nТаджикистан запросил военной помощи у ОДКБ\nТаджикистан ведет переговоры с Россией и ОДКБ о совместном патрулировании границы с Афганистаном. Об этом Reuters сообщили три источника в силовых структурах республики, передает корреспондент Zorknews.kz. со ссылкой на Caliber.Az.\n\nПо словам одного из собеседников, решение о привлечении сил ОДКБ пока не принято. Он добавил, что Душанбе обсудил с российской стороной возможность задействовать 201-ю военную базу для совместного патрулирования таджикско-афганской границы.\n\n",
        ),
        "d5_ru_spektr_ruzakhunov_released": (
            "https://spektr.press/muzyka-nas-razvyazala-zaderzhannyj-po-podozreniyu-v-uchastii-v-protestah-v-kazahstane-kirgizskij-muzykant-vikram-ruzahunov-osvobozhden",
            "Музыка нас развязала. Задержанный по подозрению в участии в протестах в Казахстане киргизский музыкант Викрам Рузахунов освобожден Спектр\nПятница, 22 ноября 2024\nСайт «Спектра» доступен в России через VPN\n\nМузыка нас развязала. Задержанный по подозрению в участии в протестах в Казахстане киргизский музыкант Викрам Рузахунов освобожден\n\nВикрам Рузахунов после задержания. Кадр видеоролика телеканала  «Qazaqstan», опубликованного в Instagram Викрама Рузахунова Викрам Рузахунов после задержания. Кадр видеоролика телеканала «Qazaqstan», опубликованного в Instagram Викрама Рузахунова\n\nКиргизский музыкант Викрам Рузахунов, подозреваемый в участии в беспорядках в Казахстане, освобожден. Об этом сообщило издание VB.kg со ссылкой на источники. Позднее эту информацию агентству «Спутник Кыргызстан» подтвердили а комитете нацбезопасности страны.\n\n",
        ),
        "d5_ru_ourtx_unrest_photo_recap": (
            "https://ourtx.com/archives/71621",
            "ВОЛНЕНИЯ В КАЗАХСТАНЕ\n\nALMATY, KAZAKHSTAN - JANUARY 5, 2022: A burnt car is seen by the mayor’s office on fire. Protests are spreading across Kazakhstan over the rising fuel prices; protesters broke into the Almaty mayor’s office and set it on fire. Valery Sharifulin/TASS Êàçàõñòàí. Àëìà-Àòà. Ñãîðåâøèé àâòîìîáèëü âîçëå ãîðÿùåãî çäàíèÿ àêèìàòà. Ó÷àñòíèêè ïðîòåñòà ïðîòèâ ðîñòà öåí íà òîïëèâî âîðâàëèñü â çäàíèå àêèìàòà è ïîæîäãëè åãî. Âàëåðèé Øàðèôóëèí/ÒÀÑÑ\n\nЖители городов Жанаозен и Актау в Мангистауской области 2 января массово вышли на улицы с призывом снизить цены на топливо. Позже протесты охватили весь Казахстан. Власти объявили о снижении цены на сжиженный газ в Мангистауской области, но ситуация не стабилизировалась. Президент Казахстана Касым-Жомарт Токаев на фоне протестов сменил первого главу республики Нурсултана Назарбаева на посту председателя Совета безопасности.",
        ),
        "d5_en_eurasianet_summer_of_sentences": (
            "https://eurasianet.org/kazakhstan-summer-of-sentences-over-winter-discontent",
            "Skip to main content\n\nEurasianet\n\nMain Menu\n\n  • Regions\n  • Topics\n  • Media\n  • About\n  • Search\n  • Newsletter\n  • русский\n  • Support us\nX\n\nCaucasus\n\nArmenia\nAzerbaijan\nGeorgia\n\nCentral Asia\n\nKazakhstan\nKyrgyzstan\nTajikistan\nTurkmenistan\nUzbekistan\n\nConflict Zones\n\nAbkhazia\nNagorno Karabakh\nSouth Ossetia\n\nEastern Europe\n\nBelarus\nMoldova\nRussia\nThe Baltics\nUkraine\n\nEurasian Fringe\n\nAfghanistan\nChina\nEU\nIran\nMongolia\nTurkey\nUnited Kingdom\nUnited States\nX\n\nEnvironment\n\nEconomy\n\nPolitics\n\nKazakhstan's Bloody January 2022\nKyrgyzstan 2020 unrest\n\nSecurity\n\nSociety\n\nAmerican diplomats in Central Asia\nArts and Culture\nCoronavirus\nStudent spotlight\nX\n\nVisual Stories\n\nPodcast\nVideo\n\nBlogs\n\nTamada Tales\nThe Bug Pit\n\nPodcasts\n\nEurasiaChat\nExpert Opinions\nThe Central Asianist\nX\nYou can search using keywords to narrow down the list.\nKazakhstan, Central Asia\n\nKazakhstan: Summer of sentences over winter discontent\n\nJuly has seen 100 convictions so far, but there is little faith in investigators’ impartiality.\n\nDaniyar Moldabekov Jul 18, 2022\nRelatives of January victims protest in Almaty last month. (KIBHR) Relatives of January victims protest in Almaty last month. (KIBHR)\n\nOn July 15, a court in Shymkent, Kazakhstan’s third-largest city, sentenced to jail three people who took to the streets during January’s political upheaval.\n\nOne of the defendants, Lyazzat Dosmambetova, said that during the January 5 protest outside Shymkent’s city administration she shouted, “Old man out” – a reference to Kazakhstan’s first president, Nursultan Nazarbayev. She also called for a parliamentary republic, she said.  \n\n",
        ),
    }
)


# URL slugs that say the headline (dev2, dev4)
EXCERPTS.update(
    {
        "d4_ru_forbeskz_zhanaozen_2011_stone": (
            "https://forbes.kz/process/expertise/demarsh_s_kamnem",
            "Демарш с камнем\n\n3972\n\nПротестующий жанаозенец стал символом минувшего декабря\n\nАрхивы пресс-служб\n\nБеспорядки в западноказахстанском городе Жанаозене начались в 11 часов 16 декабря. Причина выступлений — разрядка тлеющего с мая 2011 года трудового конфликта нефтяников и работодателей — компаний «Озенмунайгаз» (филиал АО «Разведка Добыча «КазМунайГаз»).\n\nМитингующие требовали повышения зарплаты и улучшения условий труда. По официальным данным, в результате беспорядков погибли 15 человек, 99 раненых (данные на 23 декабря). В городе было введено чрезвычайное положение, которое поддерживается спецсилами. Ведется расследование, задержаны подозреваемые в организации беспорядков.\n\n10 тысяч\n\n",
        ),
        "d2_i_ru_novayagazeta_pogrom_empire": (
            "https://novayagazeta.ru/articles/2022/01/08/pogromnaia-imperiia",
            "СюжетыПолитикаПри поддержке соучастниковПри поддержке соучастников\n\nПогромная империя\n\nИтоги казахстанского хаоса: Токаев победил, Назарбаева и его окружение выводят из-под удара, Москва усиливает свое влияние в республике\n\nЭтот материал вышел в номере № 1 от 10 января 2022\nЧитать\nПогромная империя\nФото: Mariya Gordeyeva/REUTERS\n\n",
        ),
        "d4_uk_unn_detained_nearly_8000": (
            "https://unn.ua/amp/kilkist-zatrimanikh-u-kazakhstani-vzhe-nablizilas-do-8-tis-osib",
            "ukenru\nkilkist-zatrimanikh-u-kazakhstani-vzhe-nablizilas-do-8-tis-osib\n\nКількість затриманих у Казахстані вже наблизилась до 8 тис. осіб\n\n • 27333 переглядiв\n\nКИЇВ. 10 січня. УНН. У Казахстані внаслідок протестів затримали 7939 людей, передає Tengrinews із посиланням на оперативний штаб Міністерства внутрішніх справ республіки, передає УНН.\n\nДеталі\n\n",
        ),
    }
)


# a lead closed by the outlet reporting it (dev)
EXCERPTS["d1_kk_mgorod_orenburg_plant_no_gas_shortage"] = (
    "https://mgorod.kz/news/energetika-ministrligi-orynbor-zauytyndagy-apat-qazaqstannyn-gazben-qamtyluyna-aser-etpeydi",
    " date 2025-10-20 Орынбор зауытындағы апатқа байланысты Қазақстан газсыз қалмайды. Бұл туралы Қазақстанның Энергетика министрлігі мәлімдеді, — деп хабарлайды Dalanews.kz\n«Газпромның» мәліметі бойынша 19 қазанда Орынбор газ өңдеу зауытында ұшқышсыз әуе аппаратының шабуылы салдарынан апат жағдайы туындап, зауыт Қарашығанақ кен орнынан шикі газ қабылдауды уақытша тоқтатқан.\n— Зауыттың зақымдану сипаты мен жұмысын қалпына келтіру мерзімдері бойынша ақпарат ресейлік тараптан әлі берілген жоқ. Қазақстан газсыз қалмайды. Газ ішкі тұтынушыларға қалыпты режимде, ешқандай шектеусіз жеткізіліп жатыр, — деп жазылған хабарламада.\n",
)


# dev5 (half a): furniture around the headline
EXCERPTS.update(
    {
        "d5_kk_tolqyn_covid_emergency_thirty_days": (
            "https://tolqyn.kz/zanalyk/12358-toaevty-tapsyrmasy-ttenshe-zhaday-rezhim-otyz-tulkke-sozylady.html",
            "Толқын Tolqyn.kz ақпараттық агенттігі\n» » Тоқаевтың тапсырмасы: Төтенше жағдай режимі отыз тәулікке созылады\n\nТоқаевтың тапсырмасы: Төтенше жағдай режимі отыз тәулікке созылады\n\nМемлекет басшысы Қасым-Жомарт Тоқаев коронавирус инфекциясының таралуына жол бермеу мақсатында енгізілген шектеу шараларына түсіністікпен қарауды сұрады. Бұл туралы Мемлекет басшысы халыққа үндеуінде хабарлады.\n\n",
        ),
        "d5_en_bindmans_uk_inquiry_mamay": (
            "https://www.bindmans.com/knowledge-hub/news/launch-of-inquiry-commission/",
            "Skip to content\n\n\n01 November 2022\n\nBritish Parliamentarians launch Inquiry Commission to investigate the treatment and detention of Zhanbolat Mamay by the Republic of Kazakhstan\n\n5 mins\n\nSenior British Parliamentarians have launched a non-governmental Commission of Inquiry into the detention and treatment of Zhanbolat Mamay – a popular politician, journalist, and leader of the ‘unregistered’ opposition Democratic Party in Kazakhstan.\n\n",
        ),
        "d5_ru_kaktus_ruzakhunov_colleagues": (
            "https://kaktus.media/doc/452423_on_jivet_myzykoy_on_jivet_djazom._chto_dymaut_kollegi_o_vikrame_ryzahynove.html",
            '"Он живет музыкой, он живет джазом". Что думают коллеги о Викраме Рузахунове\nKG\n\n"Он живет музыкой, он живет джазом". Что думают коллеги о Викраме Рузахунове\n\nВсе самое интересное в Telegram\n\nКазахские власти выдали за погромщика кыргызстанского музыканта Викрама Рузахунова. Однако они не учли того, что Викрам Рузахунов - известный кыргызстанский джазовый музыкант и его узнают на родине. В Алматы он полетел выступать, так как часто гастролирует там. Редакция Kaktus.media собрала высказывания артистов об их коллеге и друге.\n\nОтметим, что Рузахунова освободили. Но он еще не добрался до дома.\n\n',
        ),
        "d5_ru_yknews_state_of_emergency_almaty_mangystau": (
            "https://yk-news.kz/news/%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2-%D0%B2%D0%B2%D0%B5%D0%BB-%D1%80%D0%B5%D0%B6%D0%B8%D0%BC-%D0%A7%D0%9F-%D0%B2-%D0%90%D0%BB%D0%BC%D0%B0%D1%82%D1%8B-%D0%B8-%D0%9C%D0%B0%D0%BD%D0%B3%D0%B8%D1%81%D1%82%D0%B0%D1%83%D1%81%D0%BA%D0%BE%D0%B9-%D0%BE%D0%B1%D0%BB%D0%B0%D1%81%D1%82%D0%B8",
            "Токаев ввел режим ЧП в Алматы и Мангистауской области\n\n5 января 2022, 3:26\nСейчас читают:\n\nПрезидент Касым-Жомарт Токаев подписал указы о введении чрезвычайного положения в Мангистауской области и городе Алматы, сообщает Zakon.kz.\n\n",
        ),
        "d5_ru_buzb_central_asia_drills_kazakhstan_2024": (
            "https://buzb.uz/news/v-kazahstane-projdut-voennye-ucheniya-s-uchastiem-stran-centralnoj-azii",
            "В Казахстане пройдут военные учения с участием стран Центральной Азии\n\nМир\n\nВ 2024 году в Казахстане состоятся крупномасштабные военные учения с участием стран Центральной Азии - Азербайджана, Кыргызстана, Таджикистана, Узбекистана, Казахстана, сообщает Министерство обороны Республики Казахстан на официальном сайте.\n\nВ Казахстане пройдут военные учения с участием стран Центральной Азии\n",
        ),
    }
)


# dev5 (half b): energy pages of outlets never seen
EXCERPTS.update(
    {
        "d5b_uk_censorbiz_fico_transit_deal_claim": (
            "https://biz.censor.net/news/3469726/fitso_zayavyv_pro_domovlenist_prodovjyty_tranzyt_rosiyiskogo_gazu_cherez_ukrayinu_u_shmygalya_vidpovily",
            "Фіцо заявив про домовленість продовжити транзит російського газу через Україну. У Шмигаля відповіли (оновлено)\n\nСловаччина обговорює з Україною продовження транзиту російського газу після завершення чинного контракту, термін дії якого спливає наприкінці 2024 року.\nПро це прем'єр-міністр Словаччини Роберт Фіцо заявив у відеозверненні після зустрічі з очільником уряду України Денисом Шмигалем напередодні в Ужгороді, повідомляє Bloomberg.\n",
        ),
        "d5b_en_neftegazru_cpc_shutdown_could_last_months": (
            "https://neftegazru.com/news/Transportation-and-storage/731312-caspian-pipeline-consortium-shutdown-could-last-for-months/",
            "CPC chief executive Nikolai Gorban told reporters that:\n- the loading of oil at the Novorossiysk terminal has stopped completely for the time being\n- while oil can be fed into the 1 500 km pipeline, which starts at Tengiz field on the eastern shores of the Caspian, shipments in March - April will fall 5-fold compared with the usual volume\nRussian Deputy Energy Minister Pavel Sorokin said oil exports through the CPC pipeline may drop by about 1 million barrels daily over the 2 months it takes to effect repairs, TASS reported.\n",
        ),
        "d5b_en_frankuz_gazprom_supplies_up_15pct": (
            "https://frank.uz/en/news-en/russia-increased-gas-exports-to-uzbekistan-and-neighboring-ca-countries-by-15",
            "Why is this important\nThe increase in supplies underscores the strengthening energy cooperation between the Russian Federation and Central Asia, and also reflects the growing demand for energy resources amid the region’s accelerated economic growth.\nWhat happened\n- According to Miller, combined gas supplies to Uzbekistan, Kazakhstan, and Kyrgyzstan increased by 15% in 8 months.\n- This is due to growing demand: according to Gazprom’s estimates, the economies of the three countries will grow by 60% in the next 5-6 years.\n",
        ),
        "d5b_en_indiandefensenews_gas_transit_halted": (
            "https://indiandefensenews.in/2025/01/russias-gazprom-halts-gas-transit.html",
            "Russia Halts Gas Transit Through Ukraine: Russian gas exports to Europe have been suspended as of January 1, 2025, following Ukraine's refusal to extend a five-year transit agreement that expired on the same day. Gazprom, Russia's state energy company, announced that it no longer has the \"technical and legal capability\" to transport gas through Ukraine due to this expiration.\n\n",
        ),
        "d5b_ru_360_kazakhstan_sanctions_cpc_office": (
            "https://360.ru/tekst/mir/pogruzku-nefti-ostanovili-v-novorossijske-iz-za-vsu-kazahstan-v-jarosti-i-trebuet-otveta/",
            " date 2025-09-25 Сегодня 17:19 Погрузку нефти остановили в Новороссийске из-за ВСУ: Казахстан в ярости и требует ответа В Казахстане предложили варианты санкций за удар по офису КТК в Новороссийске 0 0 0 Фото: РИА «Новости» Мир\n\nКазахстан\n\nМеждународные отношения\n\nСанкции\n\nНефть\n\nВСУ\n\nРоссия\n\nВ минувшую среду ВСУ предприняли беспрецедентную атаку на Новороссийск. Под удар попали жилые дома и гостиница. Кроме того, повреждения получил офис Каспийского трубопроводного консорциума. В МИД России после этого предупредили, что удар по объекту КТК — не что иное как сигнал Банковой для Евросоюза. В Казахстане тем временем предложили задуматься о нескольких вариантах санкций для Киева.\n\n",
        ),
    }
)


EXCERPTS["d5b_uk_novynylive_tuapse_drone_attack"] = (
    "https://armiya.novyny.live/droni-atakuvali-rosiiske-misto-tuapse-iaki-naslidki-291366.html",
    " date 2025-11-02 Пожежа у Туапсе. Фото: російські ЗМІ\n\nУ ніч проти 2 листопада російський Туапсе зазнав атаки безпілотників, внаслідок якої загорівся танкер та постраждав нафтоналивний термінал. Влада Краснодарського краю повідомила про значні пошкодження інфраструктури.\n\nПро це пишуть російські ЗМІ.\n\nУ Туапсе пошкоджено танкер і нафтоналивний термінал\n\n",
)


@pytest.fixture(scope="module")
def ctx(settings):
    return load_ingest_context(settings)


def ingest(ctx, name: str) -> Article:
    url, text = EXCERPTS[name]
    raw = RawInput(data=text.encode("utf-8"), origin=f"{name}.txt", url=url)
    return ingest_bytes(raw, ctx)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # a breadcrumb list's last item "• Headline": the bullet is no part of the title
        ("t_en_bureaukz_qandy_qantar_anniversary", "Qandy Qantar Anniversary"),
        (
            "t_ru_kibhr_osce_trials_report",
            "«Заранее установленная виновность»: ОБСЕ опубликовала отчет о судебных процессах в связи с «кровавым январем»",
        ),
        # the page's title line "Headline | Site" said again on its own below it
        ("t_ru_dnkz_qantar_trials_secrecy", "Завеса секретности"),
        # ... or "Section DATE Headline"; a currency box ("UZS – -0,47%") is no dateline
        (
            "t_ru_uzdaily_lavrov_gas_transit",
            "Россия договаривается с партнерами о поставке газа в Узбекистан через Казахстан",
        ),
        # a tag list above the headline; "– фото, видео и последние новости" is no caption
        (
            "t_ru_ria24_protests_toll_jan7",
            "Протесты в Казахстане – сколько погибших и задержанных – фото, видео и последние новости на сегодня 7 января 2022",
        ),
        # a tag list ending in an abbreviation's full stop is not the lead
        (
            "t_ru_ria24_government_resigns",
            "Президент Казахстана Токаев принял отставку правительства",
        ),
        # the recommendation-technology notice and a readers' comments box above the headline
        (
            "t_ru_mirtesen_administration_seized",
            "Митингующие в Алма-Ате захватили здание администрации города",
        ),
        (
            "t_ru_gazeta_mt_tokayev_blames_government",
            "Токаев возложил особую вину за протесты на правительство Казахстана",
        ),
        # a headline right above a longer standfirst that sums up the lead
        (
            "ru_rbc_ukibay_sovbez_handover",
            "Пресс-секретарь Назарбаева объяснил передачу поста главы Совбеза Токаеву",
        ),
        ("t_ru_rbc_almaty_police_tally", "Власти отчитались о последствиях беспорядков в Алма-Ате"),
        (
            "ru_tass_karachaganak_output_reduced",
            "На Карачаганаке снизилась добыча газа после приостановки работы оренбургской ГПЗ",
        ),
    ],
)
def test_the_headline_among_page_debris(ctx, name, title):
    assert ingest(ctx, name).title == title


def test_a_site_name_said_twice_is_not_a_headline_over_a_standfirst(ctx):
    """The headline-over-standfirst rule wants the line above to be a headline in its own
    right: a site name said twice ("President of the Republic of Kazakhstan") is not."""
    assert (
        ingest(ctx, "i_en_akorda_security_council_session").title
        == "President Kassym-Jomart Tokayev held a session of the Security Council"
    )


def test_a_record_opening_with_its_date_has_no_headline(ctx):
    """ "18.11.25 года Специализированный … суд …" opens a court record: no headline on the
    page, so the title is a short one made from the lead, which stays in the body."""
    article = ingest(ctx, "t_ru_tirek_atbasar_colony_torture_trial")
    assert "title" in article.inferred
    assert article.body.startswith("18.11.25 года Специализированный межрайонный суд")
    assert article.body.startswith(article.title.rstrip(" …"))
    assert len(article.title.split()) <= 20


def test_a_comments_box_leaves_no_comment_in_the_body(ctx):
    body = ingest(ctx, "t_ru_mirtesen_administration_seized").body
    assert body.startswith("Участники акции протеста в Казахстане захватили здание")
    assert "Свежие комментарии" not in body
    assert "Аркадий Райкин" not in body and "seawife2007" not in body
    assert "рекомендательные технологии" not in body


def test_a_headline_offering_photos_and_videos_is_no_caption(ctx):
    headline = EXCERPTS["t_ru_ria24_protests_toll_jan7"][1].split("\n")[2]
    assert headline.startswith("Протесты в Казахстане")
    assert classify(headline, ctx.rules) is None
    assert classify("Здание акимата – фото: Reuters", ctx.rules) == "caption"


@pytest.mark.parametrize(
    ("name", "title"),
    [
        # a numbered skip-links menu ("1. Перейти к содержанию") is no lead to make a title of
        ("t3_ru_dw_kazakh_oil_to_germany", "В Германию будет поступать нефть из Казахстана"),
        # a weather box ("облачноВ Атырау +4") is no sentence going on from the line above
        (
            "t3_ru_azh_minenergo_druzhba_bryansk",
            "Удар был по нефтебазе: Минэнерго об атаке беспилотников в Брянске",
        ),
        # a content farm's page title of glued phrases, unfinished: no lead of two sentences
        (
            "t3_ru_apriorinauka_zhanaozen_2011_chronicle",
            "Массовые беспорядки в Казахстане. Много убитых и раненых. Так что же произошло в Жанаозене (Казахстан). Хроника событий Волнения в жанаозене",
        ),
        # a rubric's blurb opening with its year ("2022 жылғы қаңтарда … қатысты материалдар")
        # above the headline is no headline
        (
            "i_kk_sputnik_akim_car_shot_video",
            "Желіде Алматы әкіміне оқ атылған сәттің видеосы тарады",
        ),
        # a language switch in a bulleted list ("• Қаз" / "• Qaz") and a label broken over
        # two lines ("Бізге жаңалық" / "жіберіңіз:") are no headline or text
        ("d4_kk_aqmeshit_csto_mission_ended", "ҰҚШҰ: миссия аяқталды"),
        # the headline said again under its stamp is no caption said twice; a fundraising
        # banner above it is no headline
        ("d4_uk_pravda_csto_summit_announced", "Саміт ОДКБ щодо Казахстану пройде в понеділок"),
        # a long headline over a shorter standfirst that the article says again
        (
            "d4_en_portnews_cpc_tankers_after_ban",
            "Tankers loaded at CPC Marine Terminal’s SPM to be moved away after the ban on vessel traffic in the port of Novorossiysk is lifted",
        ),
        # the excerpt opens with the page's description: standfirst / stamp or source / headline
        (
            "d3_uk_minfin_gas_price_fixed_march",
            "Фіксована ціна на газ для населення буде незмінною до 31 березня 2026 року",
        ),
        (
            "d4_uk_onlineua_amnesty_law_signed",
            "Токаєв підписав закон про амністію учасників січневих протестів",
        ),
    ],
)
def test_the_headline_on_pages_of_new_layouts(ctx, name, title):
    assert ingest(ctx, name).title == title


@pytest.mark.parametrize(
    ("name", "lead"),
    [
        # a photo credit naming a photo bank ("Foto shutterstock.com") is no headline
        ("t3_ru_informatro_druzhba_station_attack", "Атака произошла в субботу вблизи села Конар"),
        # nor a picture's caption ending in its year ("Василий Верещагин. Торжествуют. 1872")
        (
            "t3_ru_rvs_karakalpakstan_uzbekistan_exploded",
            "4 июля на пленарном заседании Законодательной палаты",
        ),
    ],
)
def test_no_headline_above_the_lead(ctx, name, lead):
    """No headline on the page: the title is made from the lead, which opens the body."""
    article = ingest(ctx, name)
    assert "title" in article.inferred
    assert article.body.startswith(lead)
    assert article.title.startswith(lead)
    assert len(article.title.split()) <= 20


def test_credits_captions_and_widgets_are_debris(ctx):
    assert classify("Foto shutterstock.com", ctx.rules) == "photo_credit"
    assert classify("1. Перейти к содержанию", ctx.rules) == "skip_link"
    assert classify("облачноВ Атырау +4", ctx.rules) == "widget"
    assert classify("1. Казахстан и Россия договорились о транзите", ctx.rules) is None
    assert classify("Облачно было в Атырау весь день.", ctx.rules) is None


@pytest.mark.parametrize(
    ("name", "lead"),
    [
        # a yearless dateline on a line of its own ("BAKU, Azerbaijan, Jan. 11") is a stamp
        ("d4_en_trend_serdyukov_handover_plan", "The withdrawal of the Collective Security"),
        # a photo caption with its credit glued after a dash ("….—AFP"), said twice
        ("d4_en_dawn_kordai_dungans_ponder_future", "MASANCHI: As Khusei Daurov lay dazed"),
        # a font-size control ("+ ↺ − 16 px")
        ("d4_en_newsaz_csto_drills_kyrgyzstan_2024", "The “Interaction-2024” command-staff"),
    ],
)
def test_no_headline_over_a_dateline_caption_or_widget(ctx, name, lead):
    article = ingest(ctx, name)
    assert "title" in article.inferred and article.title.startswith(lead)
    assert article.body.startswith(lead)


def test_a_dateline_line_and_a_font_size_control_are_debris(ctx):
    assert classify("BAKU, Azerbaijan, Jan. 11", ctx.rules) == "timestamp"
    assert classify("МОСКВА, 5 января", ctx.rules) == "timestamp"
    # a headline naming places and a day is not (the places are not a dateline in capitals)
    assert classify("Moscow and Minsk agree on January 5", ctx.rules) is None
    assert classify("+ ↺ − 16 px", ctx.rules) == "widget"


def test_the_date_under_the_headline_beats_a_weekly_issue_date(ctx):
    """ "№24(2034)" / "23.03.2024" (the issue of the weekly) above the headline, "18.01.2022"
    under it: with the headline found, the stamp under it is the publication date."""
    assert ingest(ctx, "d4_kk_aqmeshit_csto_mission_ended").date.isoformat() == "2022-01-18"


def test_a_cookie_notice_is_debris(ctx):
    # the end of an IHA page (dev4): a cookie banner's text is no article text or headline
    notice = "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept Read More"
    assert classify(notice, ctx.rules) == "prompt"


def test_a_list_of_other_stories_above_the_headline_is_no_headline(ctx):
    """The "Читайте также:" list of an informburo.kz page (dev2), as a site may put it
    above the article, over the start of a qostanay.tv page (dev4): its items are no
    headline."""
    related = (
        "Читайте также:\n"
        "- В МВД назвали фейком информацию о том, что в Алматы ОМОН присоединился к протестующим\n"
        "- 190 человек обратились за медпомощью в Алматы, 7 находятся в реанимации\n\n"
    )
    page = "Президент Токаев принял отставку правительства\n\nПрезидент Токаев принял отставку правительства\n\nПрезидент Казахстана Касым-Жомарт Токаев подписал указ об отставке правительства, передает Tengrinews.kz.\n\n"
    raw = RawInput(data=(related + page).encode("utf-8"), origin="related.txt")
    assert ingest_bytes(raw, ctx).title == "Президент Токаев принял отставку правительства"


def test_a_hard_wrapped_lead_is_no_masthead_and_headline(ctx):
    """ "In November" / "2023, storm restrictions … announced at the" / "Novorossiysk seaport,
    …": a press release hard-wrapped mid-sentence. A line ending in "the" goes on in the
    next line: "In November" is no site name, the second line no headline; the body's
    first paragraph is the sentence joined again, and the title is made from it."""
    article = ingest(ctx, "d1_en_cpc_storm_suspension_nov2023")
    assert article.body.startswith(
        "In November 2023, storm restrictions on transshipment were repeatedly announced at "
        "the Novorossiysk seaport, which CPC strictly followed."
    )
    assert "title" in article.inferred and article.title.startswith("In November 2023, storm")


def test_a_promo_line_over_a_short_headline_is_no_headline(ctx):
    """ "Популярное в нашем Telegram-канале" (a promo of an informburo.kz page, dev2) over
    the start of a neftegaz.ru page (dev3): the four-word headline scores low, no line
    stands out; the first headline-shaped line that says the article's words is taken."""
    page = '«Газпром» сохранил казахстанский транзит\nОдин из немногих оставшихся верных союзников "Газпрома" Казахстан согласился сохранить действующую ставку транзита газа по территории страны\nСоответствующий протокол вчера подписали председатель правления "Газпрома" Алексей Миллер и министр энергетики и минеральных ресурсов Казахстана Бактыкожа Измухамбетов. Протоколом также определены условия поставки газа с Карачаганакского месторождения для переработки на Оренбургском ГПЗ. Между тем "Газпром" и казахский "Казмунайгаз" не успели до конца года создать совместное предприятие на базе Оренбургского ГПЗ.'
    raw = RawInput(data=("Популярное в нашем Telegram-канале\n\n" + page).encode(), origin="p.txt")
    assert ingest_bytes(raw, ctx).title == "«Газпром» сохранил казахстанский транзит"


# -- issue 10, dev5a: debris of outlets never seen --------------------------------------


def test_a_reading_time_line_is_debris_and_a_headline_in_capitals_is_a_headline(ctx):
    """ "1 min read" under the headline is a widget, not a headline; the headline set in
    capitals is no list of names (its small words are capitals too)."""
    article = ingest(ctx, "d5_kk_77tv_repression_victims_remembered")
    assert article.title == "САЯСИ ҚУҒЫН-СҮРГІН ЖӘНЕ АШАРШЫЛЫҚ ҚҰРБАНДАРЫН ЕСКЕ АЛДЫ"
    assert "1 min read" not in article.body
    assert article.body.startswith("Бүгін – ХХ ғасырдың басында")


@pytest.mark.parametrize(
    "line",
    [
        "1 min read",  # 77tv.kz, alaraby.co.uk
        "2 min read",
        "Примерное время чтения: 1 минута",  # aif.ru (dev4)
        "3 мин чтения",
        "Час читання: 2 хвилини",
        "4 хв читання",
        "Оқу уақыты: 3 мин",
        "5 минут оқу",
        "Reading time: 3 minutes",
        # player, rating, font-size and copy-link controls
        "Размер шрифта",  # gazeta.ru (dev): the font-size control over the page
        "Listen to this article",
        "Слушать новость",
        "Послухати новину",
        "Мақаланы тыңдау",
        "Оцените статью",
        "Скопировать ссылку",
    ],
)
def test_reading_time_player_rating_and_font_controls_are_widgets(ctx, line):
    assert classify(line, ctx.rules) == "widget"


def test_text_about_minutes_is_no_reading_time(ctx):
    assert classify("Read the full statement in 5 minutes", ctx.rules) is None
    assert classify("Через 3 минуты чтения приговора подсудимый упал", ctx.rules) is None


def test_a_currency_ticker_is_no_headline(ctx):
    """A currency box over the page ("• USD 468.56" / "• EUR 497.56" …) is debris; with no
    headline on the page the title is made from the lead."""
    article = ingest(ctx, "d5_kk_qamshy_karakalpak_activists_refugee_denied")
    assert "title" in article.inferred
    assert article.title.startswith("Қазақстан Өзбекстан өтінішімен ұсталған қарақалпақ")
    assert article.body.startswith("Қазақстан Өзбекстан өтінішімен")
    assert "USD" not in article.body and "468.56" not in article.body


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("• USD 468.56", "widget"),  # qamshy.kz
        ("USD", "widget"),  # zorknews.kz: the code, its rate on the next line
        ("504.49 KZT", "widget"),
        ("6.57 KZT", "widget"),  # a rate is no date
        ("₽1 – 155.42", "widget"),  # uzdaily.uz
        ("UZS – -0,47%", "widget"),
        ("Курс USD вырос до 470 тенге", None),
        ("Try", None),
        ("NATO", None),
    ],
)
def test_market_ticker_lines(ctx, line, kind):
    assert classify(line, ctx.rules) == kind


def test_an_epigraph_box_is_no_headline(ctx):
    """A quote-of-the-day box ("«…» — Демосфен.") and a currency box, both said twice over
    the page, are debris: the headline is the one said around its stamp."""
    article = ingest(ctx, "d5_ru_zorknews_tajikistan_asks_csto_border")
    assert article.title == "Таджикистан запросил военной помощи у ОДКБ"
    assert "Демосфен" not in article.body
    assert article.body.startswith("Таджикистан ведет переговоры с Россией и ОДКБ")


def test_an_epigraph_is_not_a_headline_quoting_someone(ctx):
    epigraph = "«Если судят по закону, а не по прихотям власти, тогда правосудие живёт среди людей» — Демосфен."
    assert classify(epigraph, ctx.rules) == "epigraph"
    # a headline quoting a speaker has no full stop; a quote in the text has its verb
    assert classify("«Казахстан не будет участвовать в этой операции» — Токаев", ctx.rules) is None
    assert classify("«Мы будем бороться до конца», — сказал Токаев.", ctx.rules) is None


def test_a_site_name_glued_to_the_page_title_is_not_part_of_the_headline(ctx):
    """The page's title line "Headline Спектр" (the site's name glued on) said again on its
    own below: the headline is the line without the name."""
    article = ingest(ctx, "d5_ru_spektr_ruzakhunov_released")
    assert article.title == (
        "Музыка нас развязала. Задержанный по подозрению в участии в протестах в Казахстане"
        " киргизский музыкант Викрам Рузахунов освобожден"
    )


def test_a_rubric_in_capitals_and_a_wire_caption_are_no_headline_or_lead(ctx):
    """A short rubric in capitals ("ВОЛНЕНИЯ В КАЗАХСТАНЕ") over a wire photo's caption
    ("ALMATY, KAZAKHSTAN - JANUARY 5, 2022: …"): no headline; the title is made from the lead."""
    article = ingest(ctx, "d5_ru_ourtx_unrest_photo_recap")
    assert "title" in article.inferred
    assert article.title.startswith("Жители городов Жанаозен и Актау")
    assert article.body.startswith("Жители городов Жанаозен и Актау")
    assert "A burnt car" not in article.body


def test_a_menu_item_is_no_headline(ctx):
    """A long menu whose items include story names ("Kazakhstan's Bloody January 2022")
    and a search box's hint are above the headline; neither is the headline or text."""
    article = ingest(ctx, "d5_en_eurasianet_summer_of_sentences")
    assert article.title == "Kazakhstan: Summer of sentences over winter discontent"
    assert "Bloody January 2022" not in article.body
    assert "You can search" not in article.body
    assert article.body.startswith("July has seen 100 convictions so far")


def test_the_line_the_url_slug_says_is_the_headline(ctx):
    """A short headline over a longer standfirst that scores better on its own: the URL's
    slug says the headline (forbes.kz/…/demarsh_s_kamnem, novayagazeta.ru/…/pogromnaia-imperiia),
    even where a two-word headline looks like a masthead."""
    assert ingest(ctx, "d4_ru_forbeskz_zhanaozen_2011_stone").title == "Демарш с камнем"
    assert ingest(ctx, "d2_i_ru_novayagazeta_pogrom_empire").title == "Погромная империя"


def test_the_slug_said_on_the_page_is_no_headline(ctx):
    """The slug itself printed on the page is no headline: the headline below it is."""
    article = ingest(ctx, "d4_uk_unn_detained_nearly_8000")
    assert article.title == "Кількість затриманих у Казахстані вже наблизилась до 8 тис. осіб"


def test_slug_words_are_compared_however_they_are_transliterated():
    assert _says_slug(
        "Погромная империя",
        slug_words("https://novayagazeta.ru/articles/2022/01/08/pogromnaia-imperiia"),
    )
    assert not _says_slug(
        "Итоги казахстанского хаоса: Токаев победил",
        slug_words("https://novayagazeta.ru/articles/2022/01/08/pogromnaia-imperiia"),
    )
    assert (
        slug_words("https://tass.ru/ekonomika/25150233") == frozenset()
    )  # a numeric path says nothing


def test_sentences_with_the_controls_words_are_text(ctx):
    assert classify("Listen to the people of Almaty, he said", ctx.rules) is None
    assert classify("Слушать людей надо, сказал Токаев", ctx.rules) is None


def test_sentences_closed_by_the_reporting_outlet_are_the_lead(ctx):
    """ "… қалмайды. Бұл туралы … мәлімдеді, — деп хабарлайды Dalanews.kz": two sentences
    ending in the outlet that reports them are the lead, not a headline; the title is its
    first sentence and the lead stays in the body."""
    article = ingest(ctx, "d1_kk_mgorod_orenburg_plant_no_gas_shortage")
    assert article.title == "Орынбор зауытындағы апатқа байланысты Қазақстан газсыз қалмайды"
    assert article.body.startswith("Орынбор зауытындағы апатқа байланысты")


def test_a_breadcrumbs_arrows_are_no_part_of_the_headline(ctx):
    """ "» » Тоқаевтың тапсырмасы: …": the arrows of a breadcrumb whose links were lost."""
    title = ingest(ctx, "d5_kk_tolqyn_covid_emergency_thirty_days").title
    assert title == "Тоқаевтың тапсырмасы: Төтенше жағдай режимі отыз тәулікке созылады"


@pytest.mark.parametrize(
    ("name", "lead", "debris"),
    [
        # a reading time alone under the headline
        ("d5_en_bindmans_uk_inquiry_mamay", "Senior British Parliamentarians", "5 mins"),
        # a country edition's label and a channel promo
        (
            "d5_ru_kaktus_ruzakhunov_colleagues",
            "Казахские власти",
            "Все самое интересное в Telegram",
        ),
        # a sidebar's heading without its list
        (
            "d5_ru_yknews_state_of_emergency_almaty_mangystau",
            "Президент Касым-Жомарт Токаев",
            "Сейчас читают",
        ),
        # a section label under the headline
        ("d5_ru_buzb_central_asia_drills_kazakhstan_2024", "В 2024 году в Казахстане", "Мир\n"),
    ],
)
def test_furniture_under_the_headline_is_not_the_lead(ctx, name, lead, debris):
    article = ingest(ctx, name)
    assert article.body.startswith(lead)
    assert debris not in article.body


def test_a_short_line_that_may_say_something_stays_under_the_headline(ctx):
    """Only labels go: "Их миссия завершилась" (three words, capitalised) may be a
    standfirst; an author's name or a section in one or two words is not text."""
    text = "Из Казахстана в Москву вылетели самолеты с последними российскими миротворцами\nИх миссия завершилась\nПоследние подразделения российских миротворцев вылетели из Казахстана в Москву, сообщает Минобороны России.\n"
    raw = RawInput(
        data=text.encode("utf-8"),
        origin="souzveche.txt",
        url="https://www.souzveche.ru/news/61461/",
    )
    article = ingest_bytes(raw, ctx)
    assert (
        article.title
        == "Из Казахстана в Москву вылетели самолеты с последними российскими миротворцами"
    )
    assert article.body.startswith("Их миссия завершилась")


def test_a_today_box_next_to_a_currency_ticker_is_no_stamp(ctx):
    """The site header's date beside its motto and currency box ("7 ноября 2024") is
    today's date, not the article's: the stamp is the one under the headline ("3 декабря",
    yearless, so no date at all)."""
    url, text = EXCERPTS["d5_ru_zorknews_tajikistan_asks_csto_border"]
    cleaned = clean_text(text, ctx.rules, url=url)
    assert [stamp for _where, stamp in cleaned.stamps] == ["3 декабря"]
    assert "7 ноября 2024" not in cleaned.header_lines
    assert ingest(ctx, "d5_ru_zorknews_tajikistan_asks_csto_border").date is None


def test_an_update_tag_is_no_part_of_the_headline(ctx):
    title = ingest(ctx, "d5b_uk_censorbiz_fico_transit_deal_claim").title
    assert (
        title
        == "Фіцо заявив про домовленість продовжити транзит російського газу через Україну. У Шмигаля відповіли"
    )


def test_a_sentence_introducing_a_list_is_the_lead(ctx):
    """ "CPC chief executive Nikolai Gorban told reporters that:" opens the article; the
    list items under it are no headline. The title is made from the lead."""
    article = ingest(ctx, "d5b_en_neftegazru_cpc_shutdown_could_last_months")
    assert "title" in article.inferred
    assert article.title == "CPC chief executive Nikolai Gorban told reporters that …"
    assert article.body.startswith("CPC chief executive Nikolai Gorban told reporters that:")


def test_a_card_formats_rubric_is_no_headline(ctx):
    """ "Why is this important" / "What happened" / "Context": rubrics of a card format."""
    article = ingest(ctx, "d5b_en_frankuz_gazprom_supplies_up_15pct")
    assert article.title.startswith("The increase in supplies underscores")
    assert "Why is this important" not in article.body
    assert "What happened" not in article.body


def test_a_title_case_headline_glued_to_the_lead_by_a_colon(ctx):
    article = ingest(ctx, "d5b_en_indiandefensenews_gas_transit_halted")
    assert article.title == "Russia Halts Gas Transit Through Ukraine"
    assert article.body.startswith("Russian gas exports to Europe have been suspended")


def test_a_lead_opening_with_a_place_or_a_speaker_and_colon_is_no_glued_headline(ctx):
    """A lead "Kazakhstan: the government said …" has no Title Case before the colon; a
    speaker's name and post before a quote is no headline unless the slug says it."""
    slug = slug_words("https://indiandefensenews.in/2025/01/russias-gazprom-halts-gas-transit.html")
    lead = "Kazakhstan: the government said on Monday that it would cut gas prices in Mangystau region after protests."
    assert _glued_headline(lead, slug) is None
    glued = "Russia Halts Gas Transit Through Ukraine: Russian gas exports to Europe have been suspended as of January 1, 2025."
    assert _glued_headline(glued, slug) is not None
    assert (
        _glued_headline(glued) is None
    )  # no slug: no evidence the part before the colon is a headline
    speaker = "Deputy Prime Minister Roman Sklyar: the government will keep the price of liquefied gas fixed until the end of the heating season."
    assert _glued_headline(speaker, slug) is None


def test_the_slug_finds_the_headline_inside_a_glued_header_line(ctx):
    """One line glues the stamp, the headline, the standfirst and counters together; the
    URL's slug says where the headline runs."""
    article = ingest(ctx, "d5b_ru_360_kazakhstan_sanctions_cpc_office")
    assert (
        article.title
        == "Погрузку нефти остановили в Новороссийске из-за ВСУ: Казахстан в ярости и требует ответа"
    )
    assert article.body.startswith("В Казахстане предложили варианты санкций")


def test_the_slug_inside_a_lead_sentence_is_no_headline(ctx):
    """A lead retelling the headline ("Министерство иностранных дел Казахстана выразило
    протест …" at …/mid-kazahstana-vyrazil-protest-…) keeps its sentence."""
    line = "Министерство иностранных дел Казахстана выразило протест в связи с атакой на инфраструктуру Каспийского трубопроводного консорциума (КТК). Об этом говорится в заявлении."
    url = "https://news.rambler.ru/world/55688678-mid-kazahstana-vyrazil-protest-v-svyazi-s-atakoy-na-infrastrukturu-ktk/"
    assert _slug_in_line(line, url, ctx.rules) is None


def test_a_caption_with_its_credit_is_no_headline(ctx):
    """ "Пожежа у Туапсе. Фото: російські ЗМІ" opens the page: a picture's caption with its
    credit, not a headline; no headline on the page, the title is made from the lead."""
    article = ingest(ctx, "d5b_uk_novynylive_tuapse_drone_attack")
    assert "title" in article.inferred
    assert article.title.startswith("У ніч проти 2 листопада російський Туапсе")
    assert article.body.startswith("У ніч проти 2 листопада")


@pytest.mark.parametrize(
    "line",
    [
        "You are here: Home / News",
        "Вы здесь:",
        "Ви тут:",
        "Войти / Регистрация",
        "Log in / Register",
        "Continue reading",
    ],
)
def test_breadcrumb_labels_and_login_links_are_debris(ctx, line):
    assert classify(line, ctx.rules) == "prompt"


def test_a_sentence_about_logging_in_is_text(ctx):
    assert classify("Вход в администрацию охраняют два вооруженных силовика.", ctx.rules) is None
