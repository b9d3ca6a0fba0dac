//! A name prepared once for matching: its tokens, their phonetic keys and article-free forms.

use super::normalize::name_words;
use super::phonetic::{alternate_key, arabic_key, arabic_q_key, phonetic_key};

/// Arabic articles and particles that romanisations attach, detach or drop (AL-MASRI, ALMASRI, MASRI).
/// IBN stands for every "son / daughter of" particle between names (see `compound`).
/// Assimilated articles (AD-DIN, AR-RAHMAN) become AL in `compound` only when the next word
/// starts with their consonant, so that a name such as EZ (IZZ) or AN is not taken for one.
const ARTICLES: &[&str] = &["AL", "EL", "UL", "ELL", "IBN"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: Box<str>,
    pub key: Box<str>,
    /// A second reading of the token's J (see `phonetic::alternate_key`).
    pub alt_key: Option<Box<str>>,
    /// The token read as a romanised Arabic name, when that differs (see `phonetic::arabic_key`).
    pub arabic_key: Option<Box<str>>,
    /// The Arabic reading with G as ق (see `phonetic::arabic_q_key`).
    pub arabic_q_key: Option<Box<str>>,
    /// Set on a query's tokens by the name index: the spelling is itself a name on file, so a
    /// one-letter difference from another name is more likely another name than a typo.
    pub known: bool,
    /// The token without a glued-on article (ALMASRI → MASRI), when it had one.
    pub without_article: Option<Box<str>>,
    /// Standalone articles weigh little: "AL MASRI" and "MASRI" are the same family name.
    pub is_article: bool,
    pub from_family_name: bool,
    /// Two adjacent tokens glued together (ABDUL+AZIZ); compared only with tokens of about its length.
    pub is_glued: bool,
    /// Read from Arabic script: its consonants are the letters written (ج is never the glide
    /// of German JURIJ, س never the Š of a scholarly spelling without its diacritic).
    pub from_script: bool,
}

impl Token {
    /// Keys under which the token is indexed and looked up: its phonetic key, the J reading and,
    /// for a glued-on article, the key without it. Glued pairs use their main key only.
    pub fn blocking_keys(&self) -> Vec<String> {
        let mut keys = Vec::with_capacity(3);
        if self.is_article {
            return keys;
        }
        keys.push(self.key.to_string());
        if !self.is_glued {
            keys.extend(self.alt_key.as_deref().map(str::to_owned));
            keys.extend(self.arabic_key.as_deref().map(str::to_owned));
            keys.extend(self.arabic_q_key.as_deref().map(str::to_owned));
            keys.extend(self.without_article.as_deref().map(phonetic_key));
            keys.sort_unstable();
            keys.dedup();
        }
        keys.retain(|k| k.len() >= 2);
        keys
    }

    pub fn weight(&self) -> f32 {
        if self.is_article {
            // Articles are optional in romanisation: present or absent, they prove nothing.
            0.0
        } else if self.text.len() <= 1 {
            0.4
        } else {
            1.0
        }
    }
}

/// One spelling of a person's name, tokenised and keyed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameForm {
    pub tokens: Vec<Token>,
    /// Adjacent content tokens glued together (index of the first), for ABDUL AZIZ ↔ ABDULAZIZ.
    pub glued: Vec<(usize, Token)>,
    /// Typed in Arabic script: compared with a record's own Arabic-script name when it has one.
    pub arabic_script: bool,
}

/// Whether text holds Arabic letters (the Arabic block and its presentation forms).
pub fn has_arabic_script(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

impl NameForm {
    /// From separate family and given names (order of tokens is not significant for matching).
    pub fn new(family_name: &str, given_names: &str) -> Self {
        let mut tokens = Vec::new();
        push_tokens(&mut tokens, family_name, true);
        let family = tokens.len();
        push_tokens(&mut tokens, given_names, false);
        let (family_script, given_script) = (has_arabic_script(family_name), has_arabic_script(given_names));
        for (i, t) in tokens.iter_mut().enumerate() {
            t.from_script = if i < family { family_script } else { given_script };
        }
        Self { arabic_script: family_script || given_script, ..Self::with_glued(tokens) }
    }

    /// From one free-text name (aliases, original-script names).
    pub fn from_full(name: &str) -> Self {
        let mut tokens = Vec::new();
        push_tokens(&mut tokens, name, false);
        let script = has_arabic_script(name);
        for t in &mut tokens {
            t.from_script = script;
        }
        Self { arabic_script: script, ..Self::with_glued(tokens) }
    }

    fn with_glued(tokens: Vec<Token>) -> Self {
        let glued = tokens
            .windows(2)
            .enumerate()
            .filter(|(_, w)| !w[0].is_article && !w[1].is_article)
            .map(|(i, w)| (i, glued_token(&w[0], &w[1])))
            .collect();
        Self { tokens, glued, arabic_script: false }
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.iter().all(|t| t.is_article)
    }

    /// Keys under which this name is indexed and looked up (article-free and glued-pair keys too).
    pub fn blocking_keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.tokens.iter().chain(self.glued.iter().map(|(_, g)| g)).flat_map(Token::blocking_keys).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The query's blocking keys grouped by the token they come from: (bit mask of the content
    /// tokens a key stands for, key). A glued pair's key stands for both of its tokens.
    pub fn keys_by_token(&self) -> Vec<(u32, String)> {
        let bit = |i: usize| 1u32 << i.min(31);
        let tokens = self.tokens.iter().enumerate().flat_map(|(i, t)| t.blocking_keys().into_iter().map(move |k| (bit(i), k)));
        let glued = self.glued.iter().flat_map(|(i, g)| g.blocking_keys().into_iter().map(move |k| (bit(*i) | bit(*i + 1), k)));
        tokens.chain(glued).collect()
    }

    pub fn display(&self) -> String {
        self.tokens.iter().map(|t| &*t.text).collect::<Vec<_>>().join(" ")
    }
}

fn push_tokens(tokens: &mut Vec<Token>, text: &str, from_family_name: bool) {
    for word in name_words(text) {
        tokens.push(word_token(&word, from_family_name));
    }
}

/// Whether a normalised word is a standalone Arabic article or particle (AL, EL…).
pub fn is_article(word: &str) -> bool {
    ARTICLES.contains(&word)
}

/// One normalised word (see `normalize_name`) as a token.
pub fn word_token(word: &str, from_family_name: bool) -> Token {
    let without_article = ["AL", "EL", "UL"]
        .iter()
        .find(|a| word.len() >= a.len() + 4 && word.starts_with(**a))
        .map(|a| &word[a.len()..])
        .or_else(|| {
            // Assimilated article glued on: ASSAYED, ESSAYED, ARRASHID, ADDARWISH.
            let stripped = super::compound::strip_glued_article(word);
            // What follows the article starts with a consonant and a vowel: EZZ-EDDIN is the name
            // IZZ AD-DIN, not an article before ZDIN.
            let syllable = stripped.as_bytes().get(1).is_some_and(|c| b"AEIOUY".contains(c));
            (stripped.len() < word.len() && !word[1..].starts_with('L') && syllable).then_some(stripped)
        })
        .map(Into::into);
    Token {
        text: word.into(),
        key: phonetic_key(word).into(),
        alt_key: alternate_key(word).map(Into::into),
        arabic_key: arabic_key(word).map(Into::into),
        arabic_q_key: arabic_q_key(word).map(Into::into),
        known: false,
        without_article,
        is_article: is_article(word),
        from_family_name,
        is_glued: false,
        from_script: false,
    }
}

/// Two adjacent content tokens written as one (ABDUL + AZIZ → ABDULAZIZ).
pub fn glued_token(first: &Token, second: &Token) -> Token {
    let text = format!("{}{}", first.text, second.text);
    Token {
        key: phonetic_key(&text).into(),
        alt_key: alternate_key(&text).map(Into::into),
        arabic_key: arabic_key(&text).map(Into::into),
        arabic_q_key: arabic_q_key(&text).map(Into::into),
        known: false,
        text: text.into(),
        without_article: None,
        is_article: false,
        from_family_name: first.from_family_name,
        is_glued: true,
        from_script: first.from_script || second.from_script,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_marked_and_glued_articles_split_off() {
        let f = NameForm::new("al-Masri", "Ahmad");
        assert!(f.tokens[0].is_article);
        assert_eq!(&*f.tokens[1].text, "MASRI");
        let g = NameForm::new("ALMASRI", "Ahmad");
        assert_eq!(g.tokens[0].without_article.as_deref(), Some("MASRI"));
        assert!(g.blocking_keys().contains(&"MSR".to_owned()));
        assert!(f.blocking_keys().contains(&"MSR".to_owned()));
    }

    #[test]
    fn empty_names_are_empty() {
        assert!(NameForm::new("", "").is_empty());
        assert!(NameForm::new("AL", "").is_empty());
    }
}
