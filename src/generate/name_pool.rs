//! Name material for synthetic people, by origin, and the respellings that origin's names get.

use rand::Rng;

use super::cyrillic::{SCHEMES, romanise};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Arabic,
    Cyrillic,
    LatinEuropean,
    Turkish,
    Persian,
    WestAfrican,
    EastAsian,
    Anglo,
}

pub const ORIGINS: [(Origin, u32); 8] = [
    (Origin::Arabic, 18),
    (Origin::Cyrillic, 14),
    (Origin::LatinEuropean, 22),
    (Origin::Turkish, 8),
    (Origin::Persian, 6),
    (Origin::WestAfrican, 8),
    (Origin::EastAsian, 8),
    (Origin::Anglo, 16),
];

const ARABIC_GIVEN_M: &[&str] = &[
    "MUHAMMAD",
    "AHMAD",
    "OMAR",
    "KHALID",
    "YUSUF",
    "IBRAHIM",
    "ALI",
    "HASAN",
    "HUSAYN",
    "ABDULLAH",
    "ABDULAZIZ",
    "MAHMUD",
    "MUSTAFA",
    "TARIQ",
    "KARIM",
    "SAMIR",
    "NASIR",
    "WALID",
    "JAMAL",
    "RASHID",
    "SALIM",
    "FAISAL",
    "HAMZA",
    "BILAL",
    "ZAYD",
    "ANAS",
    "MAJID",
    "SULAYMAN",
];
const ARABIC_GIVEN_F: &[&str] =
    &["FATIMA", "AISHA", "MARYAM", "ZAYNAB", "KHADIJA", "NUR", "LAYLA", "SALMA", "HUDA", "AMINA", "RANIA", "YASMIN", "HANAN", "SAMIRA"];
const ARABIC_FAMILY: &[&str] = &[
    "AL-MASRI",
    "AL-HASHIMI",
    "HADDAD",
    "KHURI",
    "MANSUR",
    "SAID",
    "NASIR",
    "AL-TIKRITI",
    "AL-BAGHDADI",
    "ABBAS",
    "QURESHI",
    "RAHMAN",
    "HAMDAN",
    "SALIH",
    "UTHMAN",
    "JABIR",
    "AZIZ",
    "BAKR",
    "DARWISH",
    "FARAH",
    "AL-SHAMI",
    "AL-HALABI",
    "SHARIF",
    "AL-ZUBAYDI",
    "AL-ANSARI",
    "KHALIL",
    "YASIN",
    "HIJAZI",
    "AL-JAZAIRI",
    "BEN ALI",
];
const CYR_GIVEN_M: &[&str] = &[
    "Дмитрий",
    "Юрий",
    "Сергей",
    "Алексей",
    "Андрей",
    "Николай",
    "Владимир",
    "Михаил",
    "Иван",
    "Олег",
    "Тарас",
    "Богдан",
    "Евгений",
    "Максим",
    "Артём",
];
const CYR_GIVEN_F: &[&str] = &["Ольга", "Наталья", "Юлия", "Екатерина", "Татьяна", "София", "Анастасия", "Ирина", "Оксана", "Дарья"];
const CYR_FAMILY: &[&str] = &[
    "Жуков",
    "Волков",
    "Шевченко",
    "Кузнецов",
    "Смирнов",
    "Попов",
    "Соколов",
    "Лебедев",
    "Козлов",
    "Новиков",
    "Морозов",
    "Петров",
    "Зайцев",
    "Павлов",
    "Ковальчук",
    "Бондаренко",
    "Ткаченко",
    "Щербаков",
    "Чернов",
    "Юдин",
    "Яковлев",
    "Цветков",
    "Жданов",
    "Шаповалов",
];
const LATIN_GIVEN_M: &[&str] = &[
    "Jürgen",
    "José",
    "François",
    "Łukasz",
    "Mateusz",
    "Luca",
    "João",
    "Søren",
    "Miguel",
    "Pierre",
    "Stefan",
    "Tomáš",
    "András",
    "Marek",
    "Giuseppe",
    "Andrés",
    "Björn",
    "Karel",
];
const LATIN_GIVEN_F: &[&str] =
    &["Zoë", "Małgorzata", "Inés", "Chloé", "Agnieszka", "Giulia", "Léa", "María", "Ana", "Ingrid", "Petra", "Zsófia", "Élodie", "Ewa"];
const LATIN_FAMILY: &[&str] = &[
    "Müller",
    "González",
    "Nowak",
    "Kowalski",
    "Dubois",
    "Rossi",
    "Silva",
    "Schäfer",
    "Fernández",
    "Wiśniewski",
    "Lefèvre",
    "Bianchi",
    "Pereira",
    "Jørgensen",
    "Novák",
    "Horváth",
    "García Márquez",
    "Santos Oliveira",
    "Weiß",
    "Lindqvist",
    "Nieminen",
    "Papadopoulos",
    "Kovač",
    "Dvořák",
];
const TURKISH_GIVEN_M: &[&str] = &["Mehmet", "Mustafa", "Ahmet", "Hüseyin", "Emre", "Burak", "Oğuz", "Çağlar"];
const TURKISH_GIVEN_F: &[&str] = &["Ayşe", "Fatma", "Zeynep", "Elif", "Gülşen", "Büşra"];
const TURKISH_FAMILY: &[&str] = &["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Öztürk", "Aydın", "Doğan", "Kılıç", "Arslan"];
const PERSIAN_GIVEN_M: &[&str] = &["Reza", "Mohsen", "Hossein", "Farhad", "Dariush", "Kourosh", "Behnam"];
const PERSIAN_GIVEN_F: &[&str] = &["Shirin", "Maryam", "Parisa", "Nasrin", "Leila"];
const PERSIAN_FAMILY: &[&str] = &["Hosseini", "Rezaei", "Mohammadi", "Karimi", "Ahmadi", "Jafari", "Tehrani", "Moradi"];
const WA_GIVEN_M: &[&str] = &["Oluwaseun", "Chinedu", "Kwame", "Mamadou", "Ibrahima", "Abdoulaye", "Kofi", "Emeka"];
const WA_GIVEN_F: &[&str] = &["Aminata", "Fatoumata", "Ngozi", "Adaeze", "Abena", "Mariama"];
const WA_FAMILY: &[&str] = &["Okafor", "Diallo", "Traoré", "Mensah", "Adeyemi", "Ouédraogo", "Keita", "Nwosu", "Coulibaly", "Boateng"];
const EA_GIVEN_M: &[&str] = &["Wei", "Jun", "Minh", "Hiroshi", "Seung-ho", "Tuan", "Jian"];
const EA_GIVEN_F: &[&str] = &["Mei", "Lan", "Yuki", "Ji-woo", "Thi Hoa", "Xiu"];
const EA_FAMILY: &[&str] = &["Chen", "Wang", "Nguyen", "Kim", "Park", "Tanaka", "Li", "Tran", "Zhang", "Sato"];
const ANGLO_GIVEN_M: &[&str] = &["James", "John", "Robert", "Michael", "David", "Thomas", "Daniel", "Matthew", "Andrew", "Christopher"];
const ANGLO_GIVEN_F: &[&str] = &["Mary", "Sarah", "Emily", "Jessica", "Emma", "Olivia", "Hannah", "Charlotte"];
const ANGLO_FAMILY: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson", "Thomas", "Roberts", "Walker", "Wright", "Thompson",
    "White", "O'Connor",
];

/// Nationalities typical for each origin (ICAO alpha-3).
pub fn nationalities(origin: Origin) -> &'static [&'static str] {
    match origin {
        Origin::Arabic => &["IRQ", "SYR", "EGY", "TUN", "MAR", "DZA", "JOR", "LBN", "SAU", "LBY", "FRA", "BEL"],
        Origin::Cyrillic => &["RUS", "UKR", "BLR", "KAZ", "BGR", "SRB"],
        Origin::LatinEuropean => &["DEU", "FRA", "ESP", "ITA", "POL", "PRT", "SWE", "CZE", "HUN", "UTO", "NLD", "FIN"],
        Origin::Turkish => &["TUR", "DEU", "AZE"],
        Origin::Persian => &["IRN", "AFG", "TJK"],
        Origin::WestAfrican => &["NGA", "SEN", "MLI", "GHA", "CIV", "BFA"],
        Origin::EastAsian => &["CHN", "VNM", "KOR", "JPN"],
        Origin::Anglo => &["GBR", "USA", "IRL", "AUS", "CAN", "UTO"],
    }
}

pub struct GeneratedName {
    pub family: String,
    pub given: String,
    pub original_script: Option<String>,
    pub male: bool,
}

fn pick<'a, R: Rng>(rng: &mut R, list: &[&'a str]) -> &'a str {
    list[rng.random_range(0..list.len())]
}

pub fn pick_origin<R: Rng>(rng: &mut R) -> Origin {
    let total: u32 = ORIGINS.iter().map(|o| o.1).sum();
    let mut roll = rng.random_range(0..total);
    for (origin, weight) in ORIGINS {
        if roll < weight {
            return origin;
        }
        roll -= weight;
    }
    Origin::Anglo
}

/// A fresh name of the given origin, romanised as a document of that origin might print it.
pub fn random_name<R: Rng>(rng: &mut R, origin: Origin) -> GeneratedName {
    let male = rng.random_bool(0.6);
    let (given_list, family_list) = match (origin, male) {
        (Origin::Arabic, true) => (ARABIC_GIVEN_M, ARABIC_FAMILY),
        (Origin::Arabic, false) => (ARABIC_GIVEN_F, ARABIC_FAMILY),
        (Origin::Cyrillic, true) => (CYR_GIVEN_M, CYR_FAMILY),
        (Origin::Cyrillic, false) => (CYR_GIVEN_F, CYR_FAMILY),
        (Origin::LatinEuropean, true) => (LATIN_GIVEN_M, LATIN_FAMILY),
        (Origin::LatinEuropean, false) => (LATIN_GIVEN_F, LATIN_FAMILY),
        (Origin::Turkish, true) => (TURKISH_GIVEN_M, TURKISH_FAMILY),
        (Origin::Turkish, false) => (TURKISH_GIVEN_F, TURKISH_FAMILY),
        (Origin::Persian, true) => (PERSIAN_GIVEN_M, PERSIAN_FAMILY),
        (Origin::Persian, false) => (PERSIAN_GIVEN_F, PERSIAN_FAMILY),
        (Origin::WestAfrican, true) => (WA_GIVEN_M, WA_FAMILY),
        (Origin::WestAfrican, false) => (WA_GIVEN_F, WA_FAMILY),
        (Origin::EastAsian, true) => (EA_GIVEN_M, EA_FAMILY),
        (Origin::EastAsian, false) => (EA_GIVEN_F, EA_FAMILY),
        (Origin::Anglo, true) => (ANGLO_GIVEN_M, ANGLO_FAMILY),
        (Origin::Anglo, false) => (ANGLO_GIVEN_F, ANGLO_FAMILY),
    };
    let mut given = pick(rng, given_list).to_owned();
    if rng.random_bool(0.3) {
        given = format!("{given} {}", pick(rng, given_list));
    }
    let mut family = pick(rng, family_list).to_owned();
    if origin == Origin::Cyrillic && !male && (family.ends_with('в') || family.ends_with('н')) {
        family.push('а');
    }
    match origin {
        Origin::Cyrillic => {
            let original = format!("{family} {given}");
            let scheme = SCHEMES[rng.random_range(0..SCHEMES.len())];
            GeneratedName { family: romanise(&family, scheme), given: romanise(&given, scheme), original_script: Some(original), male }
        }
        Origin::Arabic => {
            GeneratedName { family: respell_arabic(rng, &family), given: respell_arabic(rng, &given), original_script: None, male }
        }
        _ => GeneratedName { family, given, original_script: None, male },
    }
}

/// Another romanisation of an Arabic name, made by rule (vowel quality, doubled consonants,
/// article spelling), not from a list of known names.
pub fn respell_arabic<R: Rng>(rng: &mut R, name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let chars: Vec<char> = name.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            'U' if rng.random_bool(0.4) => out.push('O'),
            'I' if rng.random_bool(0.3) => out.push('E'),
            'A' if i > 0 && next.is_some_and(|n| n != ' ') && rng.random_bool(0.2) => out.push('E'),
            'M' | 'D' | 'S' | 'L'
                if next.is_some_and(|n| "AEIOU".contains(n)) && i > 0 && chars[i - 1].is_ascii_alphabetic() && rng.random_bool(0.2) =>
            {
                out.push(c);
                out.push(c);
            }
            'Y' if i > 0 && rng.random_bool(0.3) => out.push('I'),
            'Q' if rng.random_bool(0.3) => out.push('K'),
            '-' if rng.random_bool(0.5) => out.push(if rng.random_bool(0.5) { ' ' } else { '-' }),
            _ => out.push(c),
        }
        i += 1;
    }
    if let Some(rest) = out.strip_prefix("AL-").or_else(|| out.strip_prefix("AL ")) {
        out = match rng.random_range(0..5) {
            0 => format!("EL-{rest}"),
            1 => format!("AL{rest}"),
            2 => rest.to_owned(),
            _ => out.clone(),
        };
    }
    out
}
