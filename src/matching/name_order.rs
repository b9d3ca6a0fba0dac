//! What a name comparison says beyond its score: the order of the name parts (for ranking ties)
//! and the romanisation rule that made two spellings one name (for the explanation).

use super::name_form::NameForm;
use super::name_similarity::token_pair_how as token_pair;

/// How far the record's name parts come in the order the query's do (1.0: all in order), each
/// name read given names first, then the family name. Used only to order hits that tie.
pub fn order_agreement(query: &NameForm, record: &NameForm) -> f32 {
    let natural = |form: &NameForm| -> Vec<usize> {
        let given = form.tokens.iter().enumerate().filter(|(_, t)| !t.from_family_name && !t.is_article).map(|(i, _)| i);
        let family = form.tokens.iter().enumerate().filter(|(_, t)| t.from_family_name && !t.is_article).map(|(i, _)| i);
        given.chain(family).collect()
    };
    let (q, r) = (natural(query), natural(record));
    let mut rank_in_record = vec![usize::MAX; record.tokens.len()];
    for (pos, &i) in r.iter().enumerate() {
        rank_in_record[i] = pos;
    }
    let positions: Vec<usize> = q
        .iter()
        .filter_map(|&i| {
            let best = r
                .iter()
                .map(|&j| (token_pair(&query.tokens[i], &record.tokens[j]).0, j))
                .filter(|(s, _)| *s >= 0.7)
                .max_by(|a, b| a.0.total_cmp(&b.0))?;
            Some(rank_in_record[best.1])
        })
        .collect();
    if positions.len() < 2 {
        return 1.0;
    }
    let in_order = positions.windows(2).filter(|w| w[1] > w[0]).count();
    in_order as f32 / (positions.len() - 1) as f32
}

/// Names the romanisation rule that makes two spellings one name, for the explanation.
pub fn transliteration_rule(a: &str, b: &str) -> &'static str {
    let has = |t: &str, p: &str| t.contains(p);
    let either = |p: &str, q: &[&str]| (has(a, p) && q.iter().any(|x| has(b, x))) || (has(b, p) && q.iter().any(|x| has(a, x)));
    let g_alone = |t: &str| t.as_bytes().windows(2).any(|w| w[0] == b'G' && w[1] != b'H') || t.ends_with('G');
    if (g_alone(a) && (has(b, "J") || has(b, "DJ"))) || (g_alone(b) && (has(a, "J") || has(a, "DJ"))) {
        "J/G: Egyptian pronunciation of ج"
    } else if has(a, "Z") != has(b, "Z") && (has(a, "D") || has(b, "D")) {
        "D/Z/DH: one Arabic letter (ض ذ ظ)"
    } else if either("Q", &["K", "C"]) {
        "Q/K: one Arabic letter (ق)"
    } else if either("TH", &["S", "T"]) && (has(a, "TH") != has(b, "TH")) {
        "TH/T/S: one Arabic letter (ث)"
    } else if either("KH", &["H", "CH"]) && has(a, "KH") != has(b, "KH") {
        "KH/H/CH: one letter (خ, Х)"
    } else if (has(a, "W") != has(b, "W")) && (has(a, "OU") || has(b, "OU") || has(a, "V") || has(b, "V") || has(a, "U") || has(b, "U")) {
        "W/V/OU: one letter in different schemes"
    } else if ["SCH", "SH", "CH", "ZH", "J"].iter().any(|p| has(a, p) != has(b, p)) {
        "SH/SCH/CH/ZH/J: one sound in different schemes"
    } else if a.ends_with('H') != b.ends_with('H') {
        "final H dropped (ta marbuta)"
    } else {
        "vowels written differently"
    }
}
