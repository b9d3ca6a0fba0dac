//! Jaro-Winkler on ASCII bytes without allocating: the inner loop of name scoring runs it
//! tens of thousands of times per query. Longer or non-ASCII input falls back to strsim.

const MAX: usize = 64;

pub fn jaro_winkler(a: &str, b: &str) -> f32 {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() > MAX || b.len() > MAX || !a.is_ascii() || !b.is_ascii() {
        return strsim::jaro_winkler(&String::from_utf8_lossy(a), &String::from_utf8_lossy(b)) as f32;
    }
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_flag = [false; MAX];
    let mut b_flag = [false; MAX];
    let mut matches = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_flag[j] && b[j] == ca {
                a_flag[i] = true;
                b_flag[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        if a_flag[i] {
            while !b_flag[j] {
                j += 1;
            }
            if ca != b[j] {
                transpositions += 1;
            }
            j += 1;
        }
    }
    let m = matches as f32;
    let jaro = (m / a.len() as f32 + m / b.len() as f32 + (m - (transpositions / 2) as f32) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count() as f32;
    jaro + prefix * 0.1 * (1.0 - jaro)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_strsim() {
        let pairs = [
            ("MARTHA", "MARHTA"),
            ("DWAYNE", "DUANE"),
            ("DIXON", "DICKSONX"),
            ("MOHAMMED", "MUHAMMAD"),
            ("A", "B"),
            ("", "X"),
            ("SAME", "SAME"),
        ];
        for (a, b) in pairs {
            let ours = jaro_winkler(a, b);
            let theirs = strsim::jaro_winkler(a, b) as f32;
            assert!((ours - theirs).abs() < 1e-5, "{a}/{b}: {ours} vs {theirs}");
        }
    }
}
