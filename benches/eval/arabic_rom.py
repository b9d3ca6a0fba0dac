"""Rule-based romanisation of vocalised Arabic names under published systems and civil-registry practice.

Input is the per-name vocalised notation of data/arabic_names.tsv (one token per Arabic letter or vowel):
  consonants  ' (hamza) ` (ayn) b t th j H kh d dh r z s sh S D T Z gh f q k l m n h w y;  @ = ta marbuta
  vowels      a i u (short)  aa ii uu (long)  á (alif maqsura);  | breaks a digraph (ad|ham = أدهم)
  a word "al-xxx" carries the article; the word "allaah" is the name of God in compounds.
A double consonant is a shadda. Systems (see README.md for sources):
  ALA     ALA-LC 1997 table: al- never assimilated, ta marbuta h, medial iyy -> iy, 'Abd Allah
  BGN     BGN/PCGN 1956: cedilla letters, article "al"/"ar" etc. (assimilated, space, no hyphen), ah
  UNGEGN  UN 2017 (amended Beirut 2007): as BGN, but zah -> dh, underline letters
  DIN     DIN 31635: j->g(ǧ), kh->h(ḫ), th->t(ṯ), dh->d(ḏ), sh->s(š), gh->g(ġ), ai/au, ta marbuta a,
          ar-Rahman, Abu l-Hasan, 'Abdallah
  EGY     Egyptian English-style registry practice (Mohamed, Ahmed, Hosny, Gamal, Abdel Rahman, Alaa)
  LEV     Levantine English-style (Mohammad, Ahmad, Abdul Rahman, Hussein, Youssef)
  MAG     Maghrebi French-style (Mohamed, Abderrahmane, Noureddine, Djamel, Hicham, Faouzi, Oualid)
  GULF    Gulf English-style (Mohammed, Abdulla, Abdulrahman, Saeed, Mansoor, Hussain, Fahad)
Scholarly systems are deterministic; the practice systems draw among attested alternatives with the
caller's random.Random, so the same name is not always spelled the same (as in real registries).
"""
import unicodedata

SCHOLARLY = ("ALA", "BGN", "UNGEGN", "DIN")
PRACTICE = ("EGY", "LEV", "MAG", "GULF")
SYSTEMS = SCHOLARLY + PRACTICE
VOWELS = {"a", "i", "u", "aa", "ii", "uu", "á"}
SUN = {"t", "th", "d", "dh", "r", "z", "s", "sh", "S", "D", "T", "Z", "l", "n"}
DIGRAPHS = {"th", "kh", "dh", "sh", "gh", "aa", "ii", "uu"}

_COMMON = {c: c for c in "b t j d r z s f q k l m n h w y".split()} | {"th": "th", "kh": "kh", "dh": "dh", "sh": "sh", "gh": "gh"}
SCHOL = {
    "ALA": _COMMON | {"'": "ʼ", "`": "ʻ", "H": "ḥ", "S": "ṣ", "D": "ḍ", "T": "ṭ", "Z": "ẓ", "@": "h",
                      "aa": "ā", "ii": "ī", "uu": "ū", "á": "á", "ay": "ay", "aw": "aw"},
    "BGN": _COMMON | {"'": "’", "`": "‘", "H": "ḩ", "S": "ş", "D": "ḑ", "T": "ţ", "Z": "z̧", "@": "h",
                      "aa": "ā", "ii": "ī", "uu": "ū", "á": "á", "ay": "ay", "aw": "aw"},
    "UNGEGN": _COMMON | {"'": "’", "`": "‘", "H": "ẖ", "S": "s̱", "D": "ḏ", "T": "ṯ", "Z": "d͟h", "@": "h",
                         "aa": "ā", "ii": "ī", "uu": "ū", "á": "á", "ay": "ay", "aw": "aw"},
    "DIN": _COMMON | {"'": "ʾ", "`": "ʿ", "th": "ṯ", "j": "ǧ", "H": "ḥ", "kh": "ḫ", "dh": "ḏ", "sh": "š",
                      "S": "ṣ", "D": "ḍ", "T": "ṭ", "Z": "ẓ", "gh": "ġ", "@": "", "aa": "ā", "ii": "ī",
                      "uu": "ū", "á": "ā", "ay": "ai", "aw": "au"},
}

# Practice systems: token -> [(spelling, weight)]. Keys with a suffix are contexts:
#   a_fin = short a in a final closed syllable, ii_end / uu_end / aa'_end = word-final long vowel.
P = {
    "EGY": {"th": [("s", 3), ("th", 2)], "j": [("g", 1)], "dh": [("z", 3), ("dh", 1)], "Z": [("z", 1)],
            "q": [("k", 3), ("q", 1)], "a_fin": [("e", 1), ("a", 2)], "i": [("e", 3), ("i", 1)],
            "i_fin": [("e", 6), ("i", 1)], "u": [("o", 4), ("u", 1)], "u_fin": [("e", 2), ("o", 1), ("u", 1)], "ii": [("i", 2), ("ee", 1)], "ii_end": [("y", 3), ("i", 1)],
            "uu": [("ou", 3), ("o", 1), ("u", 1)], "uu_end": [("ou", 1), ("o", 1), ("u", 2)],
            "aa'_end": [("aa", 3), ("a", 1)], "ay": [("ei", 2), ("ai", 1), ("ay", 1)],
            "aw": [("aw", 2), ("ou", 1)], "@": [("a", 3), ("ah", 1)],
            "degem": 0.35, "ss": 0.3, "ayn_rep": 0.7, "ayn_a": 0.4, "epen": ("e", 0.25), "iy_drop": 0.5},
    "LEV": {"th": [("th", 3), ("s", 1)], "dh": [("dh", 2), ("z", 1)], "Z": [("z", 2), ("dh", 1)],
            "q": [("q", 2), ("k", 2)], "a_fin": [("a", 6), ("e", 1)], "i": [("i", 1), ("e", 1)],
            "i_fin": [("e", 2), ("i", 1)], "u": [("o", 1), ("u", 1)], "u_fin": [("e", 2), ("o", 1), ("u", 1)], "ii": [("i", 2), ("ee", 1)], "ii_end": [("i", 1)],
            "uu": [("ou", 2), ("u", 2), ("oo", 1)], "uu_end": [("u", 2), ("ou", 1)],
            "aa'_end": [("aa", 1), ("a", 1)], "ay": [("ei", 1), ("ay", 1), ("ai", 1)], "aw": [("aw", 1)],
            "@": [("a", 2), ("ah", 1), ("eh", 1)],
            "degem": 0.2, "ss": 0.3, "ayn_rep": 0.5, "ayn_a": 0.2, "epen": ("e", 0.2), "iy_drop": 0.5},
    "MAG": {"th": [("t", 2), ("th", 1)], "j": [("dj", 2), ("j", 2)], "sh": [("ch", 1)], "dh": [("d", 1), ("dh", 1)],
            "Z": [("d", 1), ("dh", 1)], "q": [("k", 3), ("q", 1)], "w": [("ou", 1)],
            "a": [("a", 9), ("e", 1)], "a_fin": [("e", 1), ("a", 3)], "i": [("i", 2), ("e", 1)],
            "i_fin": [("e", 3), ("i", 1)], "u": [("o", 2), ("ou", 2), ("u", 1)], "u_fin": [("e", 2), ("ou", 1), ("o", 1)], "ii": [("i", 1)], "ii_end": [("i", 1)], "uu": [("ou", 1)],
            "uu_end": [("ou", 1)], "aa'_end": [("ae", 1), ("a", 1)], "ay": [("ai", 2), ("ei", 1), ("i", 1)],
            "aw": [("aou", 2), ("aw", 1)], "@": [("a", 1)],
            "degem": 0.3, "ss": 0.8, "ayn_rep": 0.3, "ayn_a": 0.2, "epen": ("e", 0.25), "iy_drop": 0.8,
            "ne": 0.85, "c": 0.25},
    "GULF": {"Z": [("dh", 1)], "D": [("dh", 1), ("d", 2)], "q": [("q", 3), ("g", 1)], "i": [("i", 3), ("e", 1)], "i_fin": [("i", 3), ("e", 1)],
             "u": [("u", 2), ("o", 1)], "u_fin": [("u", 2), ("e", 1)], "ii": [("ee", 2), ("i", 2)], "ii_end": [("i", 6), ("ee", 1)],
             "uu": [("oo", 3), ("ou", 1), ("u", 1)], "uu_end": [("u", 3), ("oo", 1)],
             "aa'_end": [("aa", 1), ("a", 1)], "ay": [("ai", 3), ("ay", 1)], "aw": [("aw", 2), ("ou", 1)],
             "@": [("a", 2), ("ah", 2)],
             "degem": 0.15, "ss": 0.1, "ayn_rep": 0.6, "ayn_a": 0.4, "epen": ("a", 0.3), "iy_drop": 0.3},
}
# Templates joining a word P with a following article word (stem S, its first consonant s, lower-case Sl)
# or with "allaah". Keys: art / art_abd (P is 'Abd) / art_sun / art_v (P ends in a long vowel) / allah / allah_v.
T = {
    "EGY": {"art": [("{P} El-{S}", 3), ("{P} El {S}", 3), ("{P} El{Sl}", 2), ("{P}el{Sl}", 2)],
            "art_abd": [("{P}el {S}", 3)], "art_v": [("{P} El {S}", 3), ("{P} El-{S}", 2), ("{P}l {S}", 2), ("{P}l{Sl}", 1)],
            "allah": [("{P}allah", 3), ("{P}alla", 2), ("{P} Allah", 1), ("{P}ullah", 1)],
            "allah_v": [("{P}llah", 3), ("{P}lla", 2), ("{P} Allah", 1)]},
    "LEV": {"art": [("{P} al-{S}", 2), ("{P} Al {S}", 2), ("{P} el-{S}", 1), ("{P} Al{Sl}", 1)],
            "art_abd": [("{P}ul {S}", 3), ("{P}ul{Sl}", 2), ("{P}el {S}", 2)],
            "art_v": [("{P} al-{S}", 2), ("{P}l {S}", 2), ("{P}l-{S}", 1)],
            "allah": [("{P}allah", 2), ("{P}ullah", 2), ("{P} Allah", 1)], "allah_v": [("{P}llah", 2), ("{P}ullah", 1)]},
    "MAG": {"art": [("{P}el{Sl}", 4), ("{P}el {S}", 2), ("{P} El {S}", 1), ("{P}-El-{S}", 1)],
            "art_sun": [("{P}e{s}{Sl}", 4), ("{P} E{s}{Sl}", 2), ("{P}-E{s}{Sl}", 1)],
            "art_v": [("{P}l{Sl}", 2), ("{P}l {S}", 2), ("{P} El {S}", 1)],
            "allah": [("{P}ellah", 3), ("{P}allah", 2)], "allah_v": [("{P}llah", 1)]},
    "GULF": {"art": [("{P} Al {S}", 3), ("{P} Al-{S}", 1), ("{P} Al{Sl}", 2), ("{P}ul {S}", 1)],
             "art_abd": [("{P}ul{Sl}", 4), ("{P}ul {S}", 3), ("{P} Al {S}", 1)], "art_sun": [("{P}u{s}{Sl}", 1)],
             "art_v": [("{P} Al {S}", 2), ("{P}l {S}", 2)],
             "allah": [("{P}ulla", 3), ("{P}ullah", 3), ("{P}allah", 1)], "allah_v": [("{P}ullah", 2), ("{P}llah", 1)]},
}


def tokens(word):
    out, i = [], 0
    while i < len(word):
        if word[i] == "|":
            i += 1
        elif word[i:i + 2] in DIGRAPHS:
            out.append(word[i:i + 2])
            i += 2
        else:
            out.append(word[i])
            i += 1
    return out


def pick(rng, choices):
    total = sum(w for _, w in choices)
    x = rng.random() * total
    for v, w in choices:
        x -= w
        if x < 0:
            return v
    return choices[-1][0]


def asciify(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c) and c not in "ʻʼʿʾ‘’'`")
    return s


def _stem_scholarly(tk, sysname):
    m, out, n = SCHOL[sysname], [], len(tk)
    for i, t in enumerate(tk):
        nxt = tk[i + 1] if i + 1 < n else None
        prev = tk[i - 1] if i else None
        if t == "'" and i == 0:
            continue
        if t in ("y", "w") and prev == "a" and nxt not in VOWELS and nxt != "@" and nxt != t:
            out[-1] = m["a" + t]        # diphthong ay / aw
            continue
        if t == "y" and prev == "i" and nxt == "y" and sysname != "DIN" and i + 2 < n:
            out[-1] = m["ii"]           # medial iyy -> īy (ALA rule 11(b)(1), BGN note 7)
            continue
        if t == "@":
            out.append("a" + m["@"] if prev not in VOWELS else m["@"])
            continue
        out.append(m.get(t, t))
    return out


def _stem_practice(tk, sysname, rng, standalone):
    cfg, out, n = P[sysname], [], len(tk)
    skip = False
    for i, t in enumerate(tk):
        if skip:
            skip = False
            continue
        nxt = tk[i + 1] if i + 1 < n else None
        prev = tk[i - 1] if i else None
        nv = nxt in VOWELS or nxt == "@"
        if t in ("'", "`"):
            if i == 0 or (prev in VOWELS and nv):
                continue
            if prev == "a" and rng.random() < cfg["ayn_rep"]:
                out.append(out[-1])      # Sa'd -> Saad, Ra'fat -> Raafat
            elif prev not in VOWELS and nv and rng.random() < cfg["ayn_a"]:
                out.append("a")          # jum'a -> Gomaa, mus'ab -> Mosaab
            continue
        if t == "aa" and nxt == "'" and i + 2 == n:
            out.append(pick(rng, cfg["aa'_end"]))
            continue
        if t in ("y", "w") and prev == "a" and not nv and nxt != t:
            out[-1] = pick(rng, cfg.get("a" + t, [("a" + t, 1)]))
            if out[-1] == "i" and nxt != "n":
                out[-1] = "ai"           # the Maghrebi contraction only in Zine, Houcine
            continue
        if t == "y" and prev == "i" and out and out[-1] == "i" and nv and rng.random() < cfg["iy_drop"]:
            continue                    # Ziyad -> Ziad
        if t in VOWELS:
            fin = nxt is not None and nxt not in VOWELS and nxt != "@" and i + 2 == n
            if t in ("a", "i", "u") and fin and t + "_fin" in cfg:
                out.append(pick(rng, cfg[t + "_fin"]))
            elif t == "a":
                first = all(x in ("'", "`") for x in tk[:i])
                out.append("a" if first else pick(rng, cfg.get("a", [("a", 1)])))
            elif t in ("ii", "uu") and i + 1 == n:
                out.append(pick(rng, cfg[t + "_end"]))
            elif t in ("aa", "á"):
                out.append("a")
            else:
                out.append(pick(rng, cfg.get(t, [(t[0], 1)])))
            continue
        if t == "@":
            out.append(pick(rng, cfg["@"]))
            continue
        c = pick(rng, cfg.get(t, [(_COMMON.get(t, t.lower()), 1)]))
        if c == "ou" and (nxt in ("u", "uu") or prev in ("u", "uu")):
            c = ""                       # Daoud, not Daououd
        if nxt == t:                     # shadda: doubled, or written single (Mohamed)
            skip = True
            c = c + c if len(c) == 1 and (i + 2 < n or not standalone) and rng.random() >= cfg["degem"] else c
        elif t == "s" and prev in VOWELS and nv and rng.random() < cfg["ss"]:
            c = "ss"                     # Youssef, Moussa
        if sysname == "MAG" and t == "n" and i + 1 == n and (prev in ("aa", "ii") or tk[i - 2:i] == ["a", "y"]) \
                and rng.random() < cfg["ne"]:
            c = "ne"                     # Othmane, Amine
        out.append(c)
    if sysname == "MAG":
        for i in range(1, len(out)):     # Hocine, Mohcine
            if out[i] in ("s", "ss") and i + 1 < len(out) and out[i + 1][:1] in ("i", "e") and rng.random() < cfg["c"]:
                out[i] = "c"
    ep, p = cfg["epen"]
    if standalone and n >= 3 and tk[-1] in ("r", "d") and tk[-2] not in VOWELS | {"'", "`", "y", "w", "m", "r", "d"} \
            and rng.random() < p:
        out.insert(len(out) - 1, ep)     # Fahd -> Fahad, Bakr -> Baker
    return out


def _cap(s):
    for i, c in enumerate(s):
        if c.isalpha() and c not in "ʻʼʿʾ‘’":
            return s[:i] + c.upper() + s[i + 1:]
    return s


def _word(word, sysname, rng, standalone=True):
    tk = tokens(word)
    if sysname in SCHOLARLY:
        pieces = _stem_scholarly(tk, sysname)
    else:
        pieces = _stem_practice(tk, sysname, rng, standalone)
    return pieces, tk


def render(vocalised, sysname, rng, ascii_only=True):
    """Romanise one name (one or more words) under one system."""
    words = vocalised.split()
    out, i = [], 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        joins = nxt is not None and (nxt.startswith("al-") or nxt == "allaah")
        pieces, tk = _word(w, sysname, rng, standalone=not joins)
        ptxt = _cap("".join(pieces))
        if not joins:
            if sysname == "MAG" and w == "'abuu" and nxt and rng.random() < 0.3:
                ptxt = ptxt + "".join(_word(nxt, sysname, rng)[0]).lower()   # Aboubakr
                i += 1
            out.append(ptxt)
            i += 1
            continue
        pv = tk[-1] in ("uu", "aa", "á")
        if nxt == "allaah":
            out.append(_allah(ptxt, pv, sysname, rng))
        else:
            spieces, stk = _word(nxt[3:], sysname, rng)
            out.append(_article(ptxt, w, pv, stk, spieces, sysname, rng))
        i += 2
    s = " ".join(out)
    return asciify(s) if ascii_only else s


def _allah(p, pv, sysname, rng):
    if sysname in ("ALA", "BGN", "UNGEGN"):
        return p + " Allāh"
    if sysname == "DIN":
        return p + ("allāh" if not pv else " Allāh")
    return pick(rng, T[sysname]["allah_v" if pv else "allah"]).format(P=p)


def _article(p, w, pv, stk, spieces, sysname, rng):
    sun = stk[0] in SUN
    s_txt = "".join(spieces)
    S, s1 = _cap(s_txt), (spieces[0] if stk[0] not in VOWELS else "")
    if sysname == "ALA":
        return f"{p} al-{S}"
    if sysname in ("BGN", "UNGEGN"):
        return f"{p} a{s1.lower()} {S}" if sun else f"{p} al {S}"
    if sysname == "DIN":
        if pv and stk:
            return f"{p} {s1.lower() if sun else 'l'}-{S}"
        return f"{p} a{s1.lower()}-{S}" if sun else f"{p} al-{S}"
    t = T[sysname]
    if pv:
        choices = t["art_v"]
    elif sysname == "MAG":
        choices = t["art_sun"] if sun else t["art"]
    elif sysname == "GULF":
        choices = (t["art_abd"] if w == "`abd" else t["art"]) + (t["art_sun"] if sun else [])
    else:
        choices = (t["art_abd"] if w == "`abd" else []) + t["art"]
    return pick(rng, choices).format(P=p, S=S, Sl=s_txt.lower(), s=s1.lower())
