/**
 * Names for the bulk data set: the Latin spelling as in the passport and, where people of that
 * culture usually have one, the Cyrillic spelling. Surnames are given in the masculine form; the
 * feminine form of Slavic and Turkic "-ov/-ev/-in" surnames adds "A" / "а".
 */

export interface NamePool {
  surnames: readonly (readonly [string, string | null])[];
  male: readonly (readonly [string, string | null])[];
  female: readonly (readonly [string, string | null])[];
  /** Share of people of this culture whose record also carries the Cyrillic spelling. */
  cyrillic: number;
}

const KAZAKH: NamePool = {
  surnames: [
    ["ABDIMANAPOV", "Абдиманапов"], ["ZHUMABAYEV", "Жұмабаев"], ["NURLANOV", "Нұрланов"], ["SERIKBAYEV", "Серікбаев"],
    ["TOKTAROV", "Тоқтаров"], ["ISKAKOV", "Ысқақов"], ["BAIMUKHANOV", "Баймұханов"], ["OMAROV", "Омаров"],
    ["KASYMOV", "Қасымов"], ["SULTANBEKOV", "Сұлтанбеков"], ["AKHMETOV", "Ахметов"], ["ZHAKSYBEKOV", "Жақсыбеков"],
    ["MUKANOV", "Мұқанов"], ["DOSMUKHAMEDOV", "Досмұхамедов"], ["YESSENOV", "Есенов"], ["KAIRATOV", "Қайратов"],
    ["BEKOV", "Беков"], ["TULEGENOV", "Төлегенов"], ["ABENOV", "Әбенов"], ["SADYKOV", "Садықов"],
    ["KUANYSHEV", "Қуанышев"], ["ORAZBAYEV", "Оразбаев"], ["ZHANIBEKOV", "Жәнібеков"], ["KHASENOV", "Хасенов"],
  ],
  male: [
    ["BAURZHAN", "Бауыржан"], ["YERLAN", "Ерлан"], ["DAULET", "Дәулет"], ["NURLAN", "Нұрлан"], ["ASKAR", "Асқар"],
    ["SERIK", "Серік"], ["MARAT", "Марат"], ["ARMAN", "Арман"], ["ZHANDOS", "Жандос"], ["KAIRAT", "Қайрат"],
    ["TIMUR", "Тимур"], ["BOLAT", "Болат"], ["YERZHAN", "Ержан"], ["AIDOS", "Айдос"], ["ALIBEK", "Әлібек"],
  ],
  female: [
    ["AIGERIM", "Айгерім"], ["DINARA", "Динара"], ["GULNARA", "Гүлнара"], ["SAULE", "Сәуле"], ["AINUR", "Айнұр"],
    ["ZHANAR", "Жанар"], ["ASEL", "Әсел"], ["MADINA", "Мадина"], ["AKBOTA", "Ақбота"], ["DANA", "Дана"],
    ["ALIYA", "Әлия"], ["KAMILA", "Камила"], ["ZHULDYZ", "Жұлдыз"], ["MOLDIR", "Мөлдір"], ["ARUZHAN", "Аружан"],
  ],
  cyrillic: 0.85,
};

const UZBEK: NamePool = {
  surnames: [
    ["NAZAROV", "Назаров"], ["KARIMOV", "Каримов"], ["RAKHIMOV", "Рахимов"], ["YUSUPOV", "Юсупов"], ["TASHKENTOV", "Ташкентов"],
    ["ERGASHEV", "Эргашев"], ["KHOLMATOV", "Холматов"], ["MIRZAEV", "Мирзаев"], ["SAIDOV", "Саидов"], ["USMANOV", "Усманов"],
    ["ABDULLAEV", "Абдуллаев"], ["TURSUNOV", "Турсунов"], ["ISMOILOV", "Исмоилов"], ["KHAMIDOV", "Хамидов"], ["SHARIPOV", "Шарипов"],
    ["NORMATOV", "Норматов"], ["JURAEV", "Жураев"], ["ALIEV", "Алиев"], ["KHUDOYBERDIEV", "Худойбердиев"], ["RUSTAMOV", "Рустамов"],
    ["SOBIROV", "Собиров"], ["QODIROV", "Кодиров"], ["EGAMBERDIEV", "Эгамбердиев"], ["MAKHMUDOV", "Махмудов"],
  ],
  male: [
    ["BOBUR", "Бобур"], ["AZIZ", "Азиз"], ["JASUR", "Жасур"], ["SHERZOD", "Шерзод"], ["DILSHOD", "Дильшод"],
    ["OTABEK", "Отабек"], ["RUSTAM", "Рустам"], ["SARDOR", "Сардор"], ["ULUGBEK", "Улугбек"], ["FARRUKH", "Фаррух"],
    ["KHURSHID", "Хуршид"], ["ANVAR", "Анвар"], ["ISLOM", "Ислом"], ["MUKHAMMAD", "Мухаммад"], ["ZAFAR", "Зафар"],
  ],
  female: [
    ["DILNOZA", "Дилноза"], ["GULNOZA", "Гулноза"], ["MALIKA", "Малика"], ["NODIRA", "Нодира"], ["SHAKHNOZA", "Шахноза"],
    ["ZARINA", "Зарина"], ["FERUZA", "Феруза"], ["MUKHLISA", "Мухлиса"], ["NIGORA", "Нигора"], ["SEVARA", "Севара"],
  ],
  cyrillic: 0.7,
};

const TAJIK: NamePool = {
  surnames: [
    ["RAKHMONOV", "Рахмонов"], ["SAFAROV", "Сафаров"], ["NAZARZODA", "Назарзода"], ["KHOLOV", "Холов"], ["SHARIFOV", "Шарифов"],
    ["DAVLATOV", "Давлатов"], ["QURBONOV", "Курбонов"], ["MIRZOEV", "Мирзоев"], ["SAIDZODA", "Саидзода"], ["ODINAEV", "Одинаев"],
  ],
  male: [["FIRDAVS", "Фирдавс"], ["SUHROB", "Сухроб"], ["FARHOD", "Фарход"], ["DALER", "Далер"], ["MANUCHEHR", "Манучехр"], ["BAKHTIYOR", "Бахтиёр"]],
  female: [["MEHRONA", "Мехрона"], ["SITORA", "Ситора"], ["TAHMINA", "Тахмина"], ["MADINA", "Мадина"], ["ZARINA", "Зарина"]],
  cyrillic: 0.7,
};

const KYRGYZ: NamePool = {
  surnames: [
    ["ASANOV", "Асанов"], ["SYDYKOV", "Сыдыков"], ["TOKTOGULOV", "Токтогулов"], ["ISAKOV", "Исаков"], ["BAKIROV", "Бакиров"],
    ["ABDYLDAEV", "Абдылдаев"], ["MAMBETOV", "Мамбетов"], ["OSMONOV", "Осмонов"], ["DZHUMABEKOV", "Джумабеков"], ["KYDYRALIEV", "Кыдыралиев"],
  ],
  male: [["NURBEK", "Нурбек"], ["AZAMAT", "Азамат"], ["BAKYT", "Бакыт"], ["EMIL", "Эмиль"], ["TALANT", "Талант"], ["ULAN", "Улан"]],
  female: [["AIZADA", "Айзада"], ["NURZADA", "Нурзада"], ["CHOLPON", "Чолпон"], ["GULZAT", "Гулзат"], ["ELNURA", "Элнура"]],
  cyrillic: 0.8,
};

const RUSSIAN: NamePool = {
  surnames: [
    ["IVANOV", "Иванов"], ["PETROV", "Петров"], ["SMIRNOV", "Смирнов"], ["KUZNETSOV", "Кузнецов"], ["POPOV", "Попов"],
    ["VASILYEV", "Васильев"], ["SOKOLOV", "Соколов"], ["MIKHAILOV", "Михайлов"], ["NOVIKOV", "Новиков"], ["FEDOROV", "Фёдоров"],
    ["MOROZOV", "Морозов"], ["VOLKOV", "Волков"], ["ALEKSEYEV", "Алексеев"], ["LEBEDEV", "Лебедев"], ["SEMYONOV", "Семёнов"],
    ["YEGOROV", "Егоров"], ["PAVLOV", "Павлов"], ["KOZLOV", "Козлов"], ["STEPANOV", "Степанов"], ["NIKOLAYEV", "Николаев"],
    ["ORLOV", "Орлов"], ["ANDREYEV", "Андреев"], ["MAKAROV", "Макаров"], ["ZAKHAROV", "Захаров"],
  ],
  male: [
    ["ALEKSANDR", "Александр"], ["SERGEY", "Сергей"], ["DMITRIY", "Дмитрий"], ["ANDREY", "Андрей"], ["ALEKSEY", "Алексей"],
    ["MAKSIM", "Максим"], ["YEVGENIY", "Евгений"], ["IVAN", "Иван"], ["MIKHAIL", "Михаил"], ["NIKOLAY", "Николай"],
    ["VLADIMIR", "Владимир"], ["PAVEL", "Павел"], ["ARTYOM", "Артём"], ["OLEG", "Олег"], ["YURIY", "Юрий"],
  ],
  female: [
    ["OLGA", "Ольга"], ["YELENA", "Елена"], ["TATYANA", "Татьяна"], ["NATALYA", "Наталья"], ["IRINA", "Ирина"],
    ["SVETLANA", "Светлана"], ["YULIYA", "Юлия"], ["ANNA", "Анна"], ["MARIYA", "Мария"], ["YEKATERINA", "Екатерина"],
    ["ANASTASIYA", "Анастасия"], ["KSENIYA", "Ксения"], ["DARYA", "Дарья"], ["LYUDMILA", "Людмила"], ["VALENTINA", "Валентина"],
  ],
  cyrillic: 0.9,
};

const CHINESE: NamePool = {
  surnames: [
    ["WANG", "Ван"], ["LI", "Ли"], ["ZHANG", "Чжан"], ["LIU", "Лю"], ["CHEN", "Чэнь"], ["YANG", "Ян"], ["HUANG", "Хуан"],
    ["ZHAO", "Чжао"], ["WU", "У"], ["ZHOU", "Чжоу"], ["XU", "Сюй"], ["SUN", "Сунь"], ["MA", "Ма"], ["ZHU", "Чжу"], ["HU", "Ху"],
  ],
  male: [["WEI", "Вэй"], ["JUN", "Цзюнь"], ["HAO", "Хао"], ["MING", "Мин"], ["QIANG", "Цян"], ["LEI", "Лэй"], ["YONG", "Юн"], ["JIANGUO", "Цзяньго"]],
  female: [["FANG", "Фан"], ["LI NA", "Ли На"], ["XIU YING", "Сю Ин"], ["JING", "Цзин"], ["YAN", "Янь"], ["MEI", "Мэй"], ["LING", "Лин"]],
  cyrillic: 0.4,
};

const MONGOL: NamePool = {
  surnames: [["ERDENE", "Эрдэнэ"], ["BATBAYAR", "Батбаяр"], ["GANBOLD", "Ганболд"], ["TSEND", "Цэнд"], ["OTGONBAYAR", "Отгонбаяр"], ["BOLD", "Болд"], ["SUKHBAATAR", "Сухбаатар"]],
  male: [["BAT-ERDENE", "Бат-Эрдэнэ"], ["GANBAATAR", "Ганбаатар"], ["TEMUULEN", "Тэмүүлэн"], ["MUNKH-OCHIR", "Мөнх-Очир"], ["BATTULGA", "Баттулга"]],
  female: [["OYUNCHIMEG", "Оюунчимэг"], ["SARANGEREL", "Сарангэрэл"], ["ENKHJARGAL", "Энхжаргал"], ["NOMIN", "Номин"], ["ANUJIN", "Анужин"]],
  cyrillic: 0.6,
};

const KOREAN: NamePool = {
  surnames: [["KIM", "Ким"], ["LEE", "Ли"], ["PARK", "Пак"], ["CHOI", "Цой"], ["JUNG", "Чон"], ["KANG", "Кан"], ["YOON", "Юн"]],
  male: [["MINJUN", "Минджун"], ["SEOJUN", "Соджун"], ["JIHOON", "Джихун"], ["HYUNWOO", "Хёну"], ["DONGHYUN", "Донхён"]],
  female: [["SEOYEON", "Соён"], ["JIWOO", "Джиу"], ["MINSEO", "Минсо"], ["HAEUN", "Хэын"], ["SOYEON", "Союн"]],
  cyrillic: 0.3,
};

const TURKIC: NamePool = {
  surnames: [["YILMAZ", null], ["KAYA", null], ["DEMIR", null], ["SAHIN", null], ["CELIK", null], ["ALIYEV", "Алиев"], ["HASANOV", "Гасанов"], ["MAMMADOV", "Мамедов"], ["OZTURK", null], ["AYDIN", null]],
  male: [["MEHMET", null], ["MUSTAFA", null], ["AHMET", null], ["EMRE", null], ["ELCHIN", "Эльчин"], ["RASHAD", "Рашад"], ["MURAT", "Мурат"]],
  female: [["AYSE", null], ["FATMA", null], ["ZEYNEP", null], ["ELIF", null], ["LEYLA", "Лейла"], ["AYTAN", "Айтан"]],
  cyrillic: 0.3,
};

const AFGHAN: NamePool = {
  surnames: [["RAHIMI", "Рахими"], ["AHMADI", "Ахмади"], ["KARIMI", "Карими"], ["HOSSEINI", "Хоссейни"], ["NOORI", "Нури"], ["SAFI", "Сафи"], ["POPAL", "Попал"], ["WARDAK", "Вардак"], ["STANIKZAI", "Станикзай"], ["AMIRI", "Амири"]],
  male: [["AHMAD", "Ахмад"], ["MOHAMMAD", "Мохаммад"], ["ABDUL", "Абдул"], ["NAJIB", "Наджиб"], ["FARID", "Фарид"], ["JAWAD", "Джавад"], ["HAMID", "Хамид"]],
  female: [["FATIMA", "Фатима"], ["ZAHRA", "Захра"], ["MARYAM", "Марьям"], ["SHABNAM", "Шабнам"], ["NILOFAR", "Нилуфар"], ["PARWANA", "Парвана"]],
  cyrillic: 0.5,
};

const ARAB: NamePool = {
  surnames: [["AL-HASSAN", null], ["KHALIL", "Халиль"], ["IBRAHIM", "Ибрагим"], ["HADDAD", null], ["AL-SAYED", null], ["MANSOUR", "Мансур"]],
  male: [["OMAR", "Омар"], ["KHALED", "Халед"], ["YOUSEF", "Юсеф"], ["SAMIR", "Самир"], ["ALI", "Али"]],
  female: [["NOUR", "Нур"], ["RANA", "Рана"], ["LAYLA", "Лейла"], ["HIBA", "Хиба"], ["SALMA", "Сальма"]],
  cyrillic: 0.2,
};

const AFRICAN: NamePool = {
  surnames: [["MOHAMED", null], ["HASSAN", null], ["TESFAYE", null], ["GIRMA", null], ["ABDI", null], ["WARSAME", null]],
  male: [["ABDIRAHMAN", null], ["DAWIT", null], ["YONAS", null], ["MUSE", null]],
  female: [["HODAN", null], ["SELAM", null], ["AMINA", null], ["TIGIST", null]],
  cyrillic: 0.05,
};

const INDIAN: NamePool = {
  surnames: [["SHARMA", null], ["PATEL", null], ["SINGH", null], ["KUMAR", null], ["GUPTA", null], ["REDDY", null], ["NAIR", null]],
  male: [["RAHUL", null], ["AMIT", null], ["VIKRAM", null], ["ARJUN", null], ["SANJAY", null]],
  female: [["PRIYA", null], ["ANANYA", null], ["DIVYA", null], ["POOJA", null], ["KAVYA", null]],
  cyrillic: 0.05,
};

const WESTERN: NamePool = {
  surnames: [["MUELLER", "Мюллер"], ["SCHMIDT", "Шмидт"], ["SMITH", "Смит"], ["JOHNSON", "Джонсон"], ["BROWN", "Браун"], ["WAGNER", "Вагнер"], ["MILLER", "Миллер"], ["FISCHER", "Фишер"]],
  male: [["THOMAS", "Томас"], ["MICHAEL", "Майкл"], ["JOHN", "Джон"], ["STEFAN", "Штефан"], ["DAVID", "Дэвид"]],
  female: [["ANNA", "Анна"], ["SARAH", "Сара"], ["EMILY", "Эмили"], ["JULIA", "Юлия"], ["LAURA", "Лаура"]],
  cyrillic: 0.1,
};

export const NAME_POOLS: Readonly<Record<string, NamePool>> = {
  kazakh: KAZAKH, uzbek: UZBEK, tajik: TAJIK, kyrgyz: KYRGYZ, russian: RUSSIAN, chinese: CHINESE, mongol: MONGOL,
  korean: KOREAN, turkic: TURKIC, afghan: AFGHAN, arab: ARAB, african: AFRICAN, indian: INDIAN, western: WESTERN,
};

/** The feminine form of a surname, where the language has one. */
export function feminineSurname(latin: string, cyrillic: string | null): [string, string | null] {
  if (/(OV|EV|YEV|IN)$/.test(latin)) return [`${latin}A`, cyrillic ? `${cyrillic}а` : null];
  return [latin, cyrillic];
}

/** Hosts and householders named on the cases (Kazakhstan residents). */
export const LOCAL_PEOPLE: readonly string[] = KAZAKH.surnames.flatMap(([s], i) => {
  const given = i % 2 ? KAZAKH.female[i % KAZAKH.female.length]![0] : KAZAKH.male[i % KAZAKH.male.length]![0];
  const surname = i % 2 ? feminineSurname(s, null)[0] : s;
  const cap = (w: string) => w.charAt(0) + w.slice(1).toLowerCase();
  return [`${cap(given)} ${cap(surname)}`];
});
