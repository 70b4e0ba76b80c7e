"""Real news excerpts (the dev split of tests/data/realset, as the search tool stored them)
for the summary and keyword rules; each keeps its URL (listed in tuning_urls). Only the
article text is kept: page debris and the parts the rules do not need are left out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RealText:
    url: str
    language: str
    title: str
    body: str  # paragraphs separated by a blank line


SHOIGU_WITHDRAWAL = RealText(
    "https://ria24.today/news/shoygu-obyavil-chto-vozvrashchenie/11525804",
    "ru",
    "Шойгу объявил, что возвращение миротворцев ОДКБ из Казахстана завершится 19 января",
    "Москва. 13 января. INTERFAX.RU - Стартовавшее в четверг возвращение миротворцев стран "
    "Организации Договора о коллективной безопасности (ОДКБ) из Казахстана завершится 19 "
    "января, сообщил министр обороны РФ Сергей Шойгу на встрече с президентом Владимиром "
    'Путиным. "Утвердили решение о поэтапном выводе и передаче объектов под охрану '
    'Казахстану", - заявил Шойгу.\n\n'
    "По его словам, процесс возвращения миротворцев начнется сегодня, 13 января. Он добавил, "
    "что завтра на 14 самолетах будут вывезены из Казахстана миротворцы Армении, Таджикистана, "
    "Белоруссии.",
)

CPC_MOORING = RealText(
    "https://newdaynews.ru/incidents/865838.html",
    "ru",
    "Морские дроны ВСУ атаковали причал КТК в Новороссийске, он выведен из строя",
    "Один из выносных причалов Каспийского трубопроводного консорциума (КТК) под "
    "Новороссийском подвергся «целенаправленной террористической атаке» украинскими "
    "безэкипажными катерами, сообщила КТК. Дальнейшая эксплуатация причала невозможна, "
    "отметили в компании.\n\n"
    "Атака произошла в 04:06 мск 29 ноября. Выносное причальное устройство №2 (ВПУ-2) "
    "получило значительные повреждения. Погрузочные и другие операции были прекращены, "
    "танкеры отведены за пределы акватории КТК. Пострадавших среди персонала компании и "
    "подрядчиков нет.\n\n"
    "В компании добавили, что дальнейшая эксплуатация ВПУ-2 не представляется возможной.",
)

CSTO_TERMS_UK = RealText(
    "https://www.rbc.ua/ukr/news/mirotvortsy-odkb-kazahstane-nazvany-sroki-1641734141.html",
    "uk",
    '"Миротворці" ОДКБ у Казахстані: названо терміни роботи місії',
    "Миротворчий контингент Організації Договору про колективну безпеку (ОДКБ) ще залишиться "
    'в Казахстані. Таке рішення висловив командувач "миротворцями" ОДКБ Андрій Сердюков.\n\n'
    "Про це повідомляє РБК-Україна з посиланням на брифінг.\n\n"
    '"Відповідно до рішення Ради колективної безпеки ОДКБ, колективні миротворчі сили '
    "завершили розгортання на території Республіки Казахстан. В даний час підрозділи "
    "миротворчих сил виконують завдання з охорони важливих державних, військових об'єктів та "
    "об'єктів соціальної значущості\", - заявив Сердюков.\n\n"
    'За його словами, "миротворці" ОДКБ залишаться в Казахстані до повної стабілізації '
    "обстановки.",
)

CSTO_DRILLS_KK = RealText(
    "https://kaz.zakon.kz/okiga/6076593-sh-kshter-azastana-keled.html",
    "kk",
    "ҰҚШҰ күштері Қазақстанға келеді",
    "Бұл туралы ҰҚШҰ Біріккен штаб бастығы, генерал-полковник Андрей Сердюков арнайы "
    "брифингте мәлімдеді. Оның айтуынша, 2026 жылы бірлескен және шұғыл даярлық бойынша 60 "
    "іс-шара, оның ішінде сегіз командалық-штабтық және арнайы оқу-жаттығуларды өткізу "
    "жоспарланып отыр.\n\n"
    '"Қыркүйек айында Қазақстан Республикасының аумағында "Рубеж" Орталық Азия өңірінің '
    "жедел өрістету ұжымдық күштерінің бөлімшелерімен бірлескен оқу-жаттығу өткізілмек. "
    'Қазан айында Тәжікстан Республикасының аумағында "Кобальт" арнайы оқу-жаттығуы және '
    '"Скала" арнайы оқу-жаттығуы өтеді, - деді спикер.',
)

CPC_NORMAL_KK = RealText(
    "https://qazaqstan.tv./news/153951",
    "kk",
    "",
    "Каспий құбыр желісі консорциумы қалыпты режимде мұнай тасымалдап жатыр. Энергетика "
    "министрлігінің өкілдері осылай деп хабарлады. Бұған дейін Рейтер агенттігі Ресейге "
    "салынған санкцияларға байланысты Каспий құбыр консорциумы мұнай тасымалдауда "
    "қиындыққа тап болғаны туралы ақпарат жариялаған. Алайда халықаралық кәсіпорын тұрақты "
    "жұмыс істеп тұрғанын жеткізді. Айта кетейік, Консорциум тәулігіне шамамен 1,2 миллион "
    "баррель мұнай жөнелтеді. Оны елдегі кен орындарында Chevron, Exxon Mobil, Еni және "
    "Shell өндіреді. Негізгі акционерлері Ресей, Қазмұнайгаз, Chevron.",
)

CSTO_WITHDRAWAL_EN = RealText(
    "https://d1softballnews.com/kazakhstan-russian-led-troops-announce-start-of-withdrawal-asia/",
    "en",
    "",
    "Russian-led troops stationed in Kazakhstan to help the government restore order have "
    "begun their withdrawal operations following violent unrest last week. This was "
    "announced by the Russian Defense Ministry from Moscow.\n\n"
    "“The peacekeeping units of the Collective Security Treaty Organization (CSTO), having "
    "fulfilled their intended tasks, have begun to prepare the military and technical "
    "material to be loaded on the Russian Air Force aircraft in view of a return to their "
    "permanent base “, reads a note from the ministry.\n\n"
    "The president of Kazakhstan, Kassym-Jomart Tokayev, announced on 11 January that the "
    "approximately 2,000 CSTO soldiers would begin to leave the country within two days, "
    "with a “gradual withdrawal” that would last “no more than 10 days”.",
)

MASSIMOV_EN = RealText(
    "https://english.alarabiya.net/News/world/2022/01/08/"
    "Kazakhstan-detains-former-security-chief-for-treason",
    "en",
    "",
    "The former head of Kazakhstan’s domestic intelligence agency has been detained on "
    "suspicion of high treason, the agency said Saturday, after he was fired amid violent "
    "protests.\n\n"
    "The National Security Committee, or KNB, said in a statement that its former chief "
    "Karim Masimov had been detained on Thursday after it launched an investigation into "
    "charges of high treason.\n\n"
    "“On January 6 of this year the National Security Committee launched a pre-trial "
    "investigation into high treason,” the statement said.\n\n"
    "Masimov, a close ally of Kazakhstan’s founding president Nursultan Nazarbayev, was "
    "sacked from his post as head of the KNB this week after protesters in Kazakhstan’s "
    "largest city Almaty stormed government buildings.",
)

ALL = (
    SHOIGU_WITHDRAWAL,
    CPC_MOORING,
    CSTO_TERMS_UK,
    CSTO_DRILLS_KK,
    CPC_NORMAL_KK,
    CSTO_WITHDRAWAL_EN,
    MASSIMOV_EN,
)
