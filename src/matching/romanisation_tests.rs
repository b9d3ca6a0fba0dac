//! The romanisation rules as a reader of Arabic names would state them: spellings of one name
//! meet, names that share a skeleton stay apart. One test per rule, so a failure names it.

use super::NameForm;
use super::name_similarity::{name_similarity, token_pair_score};

fn pair(a: &str, b: &str) -> f32 {
    let (a, b) = (NameForm::from_full(a), NameForm::from_full(b));
    token_pair_score(&a.tokens[0], &b.tokens[0])
}

/// `pair` for a typed spelling that is itself a name on file (the index marks it so): no
/// lift for a one-letter slip, since it more likely is that other name.
fn pair_known(a: &str, b: &str) -> f32 {
    let (mut a, b) = (NameForm::from_full(a), NameForm::from_full(b));
    a.tokens[0].known = true;
    token_pair_score(&a.tokens[0], &b.tokens[0])
}

/// Every (typed, on record) pair scores at least `min`: spellings of one name.
fn all_meet(pairs: &[(&str, &str)], min: f32) {
    for &(a, b) in pairs {
        assert!(pair(a, b) >= min, "{a} / {b}: {}", pair(a, b));
    }
}

fn whole(a: &str, b: &str) -> f32 {
    name_similarity(&NameForm::from_full(a), &NameForm::from_full(b)).score
}

#[test]
fn a_vowel_said_again_between_two_consonants_is_the_same_name() {
    for (a, b) in [("FAHD", "FAHAD"), ("BADR", "BADAR"), ("BAKR", "BAKAR")] {
        assert!(pair(a, b) >= 0.9, "{a} / {b}: {}", pair(a, b));
    }
}

#[test]
fn a_vowel_of_another_syllable_makes_another_name() {
    // MAH-MUD and MU-HAM-MAD: one skeleton, two of the commonest names.
    for (a, b) in [("MAHMUD", "MUHAMMAD"), ("MAHMOUD", "MOHAMMED")] {
        assert!(pair(a, b) < 0.85, "{a} / {b}: {}", pair(a, b));
    }
    // KARIM / KARIMA: the feminine ending.
    assert!(pair("KARIM", "KARIMEH") < 0.88, "{}", pair("KARIM", "KARIMEH"));
    assert!(pair("FATIMA", "FATIMAH") >= 0.95);
}

#[test]
fn the_glide_between_two_vowels_is_written_or_not() {
    for (a, b) in [("DIA", "DEYA"), ("DIAA", "DIYA"), ("RIAD", "RIYADH"), ("ZAKARIA", "ZAKARIYYA"), ("MARIAM", "MARYAM")] {
        assert!(pair(a, b) >= 0.95, "{a} / {b}: {}", pair(a, b));
    }
}

#[test]
fn w_and_doubled_y_before_a_vowel_are_consonants() {
    // عوض is not عدي, معاذ is not مؤيد; but داود is داوود and جواد is DJAOUAD.
    assert!(pair("AWAD", "UDAYY") < 0.8, "{}", pair("AWAD", "UDAYY"));
    assert!(pair("MUADH", "MOUAYYAD") < 0.8, "{}", pair("MUADH", "MOUAYYAD"));
    for (a, b) in [("DAWUD", "DAOUD"), ("JAWAD", "DJAOUAD"), ("MUAYYAD", "MOUAYAD"), ("UDAY", "UDAYY"), ("MOUAD", "MUADH")] {
        assert!(pair(a, b) >= 0.95, "{a} / {b}: {}", pair(a, b));
    }
}

#[test]
fn gh_is_its_own_letter() {
    assert!(pair_known("GHASSAN", "HASSAN") < 0.9, "{}", pair_known("GHASSAN", "HASSAN"));
    assert!(pair("GHASSAN", "GASSAN") >= 0.9, "Gulf pronunciation: {}", pair("GHASSAN", "GASSAN"));
}

#[test]
fn every_spelling_of_abdullah_and_zayn_al_abidin_is_one_name() {
    assert!(whole("ABDULLA", "ABD ALLAH") >= 0.99);
    assert!(whole("ZEINEELABIDINE HASSAN", "ZAYN AL ABIDIN HASAN") >= 0.9, "{}", whole("ZEINEELABIDINE HASSAN", "ZAYN AL ABIDIN HASAN"));
}

#[test]
fn a_glued_pair_must_be_the_same_name_not_a_lookalike() {
    // محمد + طه glued looks like محمود to Jaro-Winkler; it must not count for طه.
    let score = whole("شوقي محمد طه", "شوقي محمد محمود");
    assert!(score < 0.8, "{score}");
    assert!(whole("ABDUL AZIZ", "ABDULAZIZ") >= 0.99);
}

#[test]
fn two_names_from_arabic_script_differ_by_a_long_vowel() {
    // Script writes long vowels: محمد and محمود are two names there, whatever the Latin does.
    assert!(pair_known("محمد", "محمود") < 0.9, "{}", pair_known("محمد", "محمود"));
    assert!(pair("محمد", "MUHAMMAD") >= 0.95, "script against Latin keeps its leniency");
}

#[test]
fn an_exact_date_of_birth_carries_a_short_name_with_two_typos() {
    use super::person_score::{PersonCandidate, TravellerFacts, person_score_value};
    use crate::domain::{PartialDate, Sex};
    let dob = PartialDate::parse("1984-02-11").ok();
    let name = name_similarity(&NameForm::new("BAYR", "INGOLG"), &NameForm::new("BAHR", "INGOLF")).score;
    let record = PersonCandidate { name_label: "primary name", date_of_birth: dob, sex: Sex::Unknown, nationalities: &[] };
    let with = person_score_value(name, &TravellerFacts { date_of_birth: dob, ..Default::default() }, &record);
    let without = person_score_value(name, &TravellerFacts::default(), &record);
    assert!(with >= 75, "the date agrees: {with}");
    assert!(without < 75, "the name alone is too weak: {without}");
}

#[test]
fn sh_typed_as_s_is_the_scholarly_letter_without_its_diacritic() {
    // DIN 31635 writes ش as Š: RUŠDĪ, ŠIḤĀTA typed without the háček.
    for (a, b) in [("RUSDI", "RUSHDI"), ("SIHATA", "SHIHATA"), ("BASIR", "BASHIR")] {
        assert!(pair_known(a, b) >= 0.9, "{a} / {b}: {}", pair_known(a, b));
    }
    let m = name_similarity(&NameForm::from_full("BANDAR AMR RUSDI"), &NameForm::from_full("BANDAR AMR RUSHDI"));
    assert!(m.notes.iter().any(|n| n.contains("SH typed as S")), "{:?}", m.notes);
    // The vowels still count: SAMIR is not SHAMIL, and two SH names are not lifted by the rule.
    assert!(pair_known("SAMIR", "SHAMIL") < 0.85, "{}", pair_known("SAMIR", "SHAMIL"));
    assert!(pair_known("SHAMS", "SHAMIL") < 0.85);
}

#[test]
fn ou_after_abd_is_the_w_of_the_name_after_it() {
    // ABDEL OUAHAB is Maghrebi French for ABD AL-WAHHAB.
    assert!(whole("ABD AL WAHHAB", "ABDEL OUAHHAB") >= 0.9, "{}", whole("ABD AL WAHHAB", "ABDEL OUAHHAB"));
    assert!(whole("ABDELOUAHAB", "ABDULWAHAB") >= 0.9, "{}", whole("ABDELOUAHAB", "ABDULWAHAB"));
}

#[test]
fn ad_din_and_al_abidin_join_in_any_article_form() {
    assert!(whole("NASIR MUHYI AD DIN", "NASIR MUHYI ALDEEN") >= 0.99, "{}", whole("NASIR MUHYI AD DIN", "NASIR MUHYI ALDEEN"));
    assert!(whole("ZAINEEL ABIDINE", "ZAYN AL ABEDEEN") >= 0.9, "{}", whole("ZAINEEL ABIDINE", "ZAYN AL ABEDEEN"));
    // A two-letter name after ABD and the article, joined as Arabic script writes it.
    assert!(whole("عبدالحي", "عبد الحي") >= 0.99, "{}", whole("عبدالحي", "عبد الحي"));
    assert!(whole("ABDULHAY", "ABD AL HAY") >= 0.99);
}

#[test]
fn a_final_long_vowel_is_written_in_script_and_in_romanisation_alike() {
    // حسن is HASAN; حسني (with its final ي) is HUSNI: script writes the final long vowel.
    assert!(pair("حسن", "HASAN") >= 0.95, "{}", pair("حسن", "HASAN"));
    // (A short script word like HSNI is compared as if vocalised: close, not identical.)
    assert!(pair("حسني", "HUSNI") >= 0.9, "{}", pair("حسني", "HUSNI"));
    assert!(pair("حسن", "HUSNY") < 0.9, "{}", pair("حسن", "HUSNY"));
    assert!(pair("حسني", "HASAN") < 0.9, "{}", pair("حسني", "HASAN"));
    // A final short vowel the script leaves out still meets (MUSTAFA written مصطفى keeps its ى).
    assert!(pair("مصطفى", "MUSTAFA") >= 0.95, "{}", pair("مصطفى", "MUSTAFA"));
}

#[test]
fn vowels_around_an_unwritten_ayn_are_two_vowels_in_their_places() {
    // سعد سعيد سعود سعاد: one skeleton, four names; the ayn between two vowels is not written,
    // so the vowels either side of it are compared as two, in their places.
    for (a, b) in [("SUAD", "SAUD"), ("SOAD", "SAID"), ("SAOOD", "SAD"), ("SAEED", "SUAD"), ("SEOUD", "SAID"), ("HAMEED", "HAMAD")] {
        assert!(pair_known(a, b) < 0.9, "{a} / {b}: {}", pair_known(a, b));
    }
    // ...while the spellings of one of them still meet, the ayn written as A included.
    all_meet(
        &[
            ("SAEED", "SAID"),
            ("SAOOD", "SAUD"),
            ("SEOUD", "SAUD"),
            ("SOUAD", "SUAD"),
            ("FOUAD", "FUAD"),
            ("MONAEM", "MUNIM"),
            ("MASAOOD", "MASUD"),
            ("RIAD", "RIYAD"),
            ("REYAD", "RIYAD"),
        ],
        0.9,
    );
}

#[test]
fn cyrillic_glides_and_french_gu_are_spellings_not_vowels() {
    all_meet(
        &[
            ("SERGEEVICH", "SERGEYEVICH"),
            ("SERGUEEVITCH", "SERGEEVICH"),
            ("MAIAKOVSKII", "MAYAKOVSKIY"),
            ("HENNADIIVNA", "HENNADIJIWNA"),
            ("VASYLIOVYCH", "VASYLOVYCH"),
        ],
        0.9,
    );
}

#[test]
fn sh_typed_as_s_does_not_also_bend_the_vowels() {
    // HESHAM writes its vowels as Egyptian practice does; HUSAM is another name (حسام / هشام).
    assert!(pair_known("HESHAM", "HUSAM") < 0.85, "{}", pair_known("HESHAM", "HUSAM"));
    assert!(pair("HISAM", "HESHAM") >= 0.9, "DIN HIŠĀM without the diacritic: {}", pair("HISAM", "HESHAM"));
}

#[test]
fn the_d_of_abd_is_not_half_of_a_digraph_with_the_name_after_it() {
    // ABD + JABBAR written as one word: DJ is not the French ج here.
    for (a, b) in [("ABD AL GABBAR", "ABDELJABBAR"), ("ABDEL GALIL", "ABDUL JALEEL"), ("ABDEL DJABBAR", "ABD AL JABBAR")] {
        assert!(whole(a, b) >= 0.9, "{a} / {b}: {}", whole(a, b));
    }
}

#[test]
fn french_ou_after_a_consonant_may_be_w_and_a_final_double_y_is_the_diphthong() {
    all_meet(&[("ANOUAR", "ANWAR"), ("MAROUANE", "MARWAN"), ("MOUAD", "MUADH"), ("QUSAYY", "GUSAY"), ("UDAYY", "ODAY")], 0.9);
    assert!(pair_known("MUAYYAD", "MUADH") < 0.85, "inside a name YY is still the consonant");
}

#[test]
fn a_name_typed_in_script_keeps_the_consonants_it_writes() {
    // ج is never the glide of German JURIJ, and script writes ش and س apart: the readings that
    // bend a Latin spelling do not bend one read from script.
    assert!(pair_known("جواد", "IYAD") < 0.85, "{}", pair_known("جواد", "IYAD"));
    assert!(pair_known("حسام", "HESHAM") < 0.85, "{}", pair_known("حسام", "HESHAM"));
    // The same readings still hold between two Latin spellings, and script still meets its own.
    assert!(pair("SADI", "SHADI") >= 0.9, "{}", pair("SADI", "SHADI"));
    assert!(pair("شادي", "SHADI") >= 0.9, "{}", pair("شادي", "SHADI"));
}

#[test]
fn izz_of_ezzeddine_is_a_name_not_an_assimilated_article() {
    // An assimilated article (ES-SAYED) comes before a consonant and a vowel, never before ZDIN.
    let ezz = NameForm::from_full("EZZEDDINE");
    assert_eq!(ezz.tokens[0].without_article, None, "{:?}", ezz.tokens[0].text);
    assert_eq!(NameForm::from_full("ESSAYED").tokens[0].without_article.as_deref(), Some("SAYED"));
    assert!(pair("ESSAYED", "SAYED") >= 0.9, "{}", pair("ESSAYED", "SAYED"));
}

#[test]
fn two_slips_in_a_long_name_are_less_than_one_typo_but_more_than_nothing() {
    use super::name_similarity::name_similarity as sim;
    // REGALADO typed REAGLDO (two letters swapped, one left out): found, and an exact date of
    // birth would carry it further (0.684 is enough with one); one slip scores higher.
    let record = NameForm::new("REGALADO", "HELENA");
    let two = sim(&NameForm::new("REAGLDO", "HELENA"), &record).score;
    let one = sim(&NameForm::new("REGALDO", "HELENA"), &record).score;
    assert!(two >= 0.75 && two < one, "two slips {two}, one slip {one}");
    // A spelling that is itself a name on file gets no such lift.
    assert!(pair_known("MARTINA", "MARTHA") < 0.85, "{}", pair_known("MARTINA", "MARTHA"));
}

#[test]
fn a_namesake_born_another_day_of_the_year_is_not_the_person_but_a_slip_is() {
    use super::person_score::{PersonCandidate, TravellerFacts, person_score_value};
    use crate::domain::{PartialDate, Sex};
    let on_file = PartialDate::parse("1960-08-16").ok();
    let record = PersonCandidate { name_label: "primary name", date_of_birth: on_file, sex: Sex::Unknown, nationalities: &[] };
    let score = |typed: &str| {
        person_score_value(1.0, &TravellerFacts { date_of_birth: PartialDate::parse(typed).ok(), ..Default::default() }, &record)
    };
    assert!(score("1960-12-28") < 75, "same year, day and month both wrong: {}", score("1960-12-28"));
    assert!(score("1959-12-20") < 75, "every field different: {}", score("1959-12-20"));
    assert!(score("1960-08-17") >= 75, "one day off is a slip: {}", score("1960-08-17"));
    assert!(score("1961-08-16") >= 75, "the year one off, day and month right: {}", score("1961-08-16"));
}

#[test]
fn a_j_read_as_a_glide_does_not_vanish_before_a_o_or_u() {
    // JAIME is not EMMA; JURIJ / YURIY, JAKOW / IAKOV, JELENA / ELENA still meet.
    assert!(pair_known("JAIME", "EMMA") < 0.85, "{}", pair_known("JAIME", "EMMA"));
    all_meet(&[("JURIJ", "YURIY"), ("JAKOW", "IAKOV"), ("JELENA", "ELENA"), ("JULIA", "YULIA")], 0.9);
}

#[test]
fn colloquial_spellings_leave_out_the_first_short_vowel() {
    // Iraqi and Maghrebi practice: الكبيسي KBEISI, الدليمي DLEIMI, كريم KRIM.
    all_meet(&[("KBEISI", "KUBAISI"), ("DLEIMI", "DULAIMI"), ("KRIM", "KARIM")], 0.88);
    // Only the first vowel, and only while the next one is written: MHMD is no spelling of
    // MAHMUD's skeleton read as MUHAMMAD.
    assert!(pair("MAHMUD", "MUHAMMAD") < 0.85);
}
