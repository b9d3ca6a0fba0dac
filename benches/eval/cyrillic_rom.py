"""Romanisation of Russian and Ukrainian names.

Russian: the iuliia package (pinned 0.13.0) for the published schemes it names (ICAO_DOC_9303 = Russian
passports since 2013, MVD_310 = 1997 passports, MVD_310_FR = its French table, MVD_782 = 2010 passports,
BGN_PCGN, GOST_779_ALT = GOST 7.79-2000 system B, SCIENTIFIC, WIKIPEDIA, ALA_LC, BS_2979, TELEGRAM), plus
GERMAN (Duden-style, written here: Chruschtschow, Jelzin, Solowjow, Juri).
Ukrainian: tables written here from the published schemes: KMU2010 (Cabinet resolution 55 of 2010, used in
Ukrainian passports), ICAO_UA (ICAO Doc 9303 table with its Ukrainian exception И -> Y), BGN_UA (BGN/PCGN
1965), ALA_UA (ALA-LC), GOST779B_UA (GOST 7.79-2000 system B), SCHOL_UA (scholarly), GERMAN_UA (Duden-style:
Selenskyj, Tymoschenko) and FRENCH_UA (French press style: Zelensky, Iouchtchenko).
"""
RU_WATCH, UA_WATCH = "ICAO_DOC_9303", "KMU2010"
RU_QUERY = ("BGN_PCGN", "GOST_779_ALT", "MVD_310", "MVD_310_FR", "MVD_782", "SCIENTIFIC", "WIKIPEDIA",
            "ALA_LC", "BS_2979", "TELEGRAM", "GERMAN")
UA_QUERY = ("ICAO_UA", "BGN_UA", "ALA_UA", "GOST779B_UA", "SCHOL_UA", "GERMAN_UA", "FRENCH_UA")
VOW = set("аеёиоуыэюяіїє")
_B = dict(zip("абвдзклмнопрстуф", "abvdzklmnoprstuf"))
# Ukrainian tables: letter -> spelling; a pair (initial, elsewhere) where the scheme distinguishes them.
UA = {
    "KMU2010": _B | {"г": "h", "ґ": "g", "е": "e", "є": ("ye", "ie"), "ж": "zh", "и": "y", "і": "i", "ї": ("yi", "i"),
                     "й": ("y", "i"), "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "'": "",
                     "ю": ("yu", "iu"), "я": ("ya", "ia")},
    "ICAO_UA": _B | {"г": "g", "ґ": "g", "е": "e", "є": "ie", "ж": "zh", "и": "y", "і": "i", "ї": "i", "й": "i",
                     "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "'": "", "ю": "iu", "я": "ia"},
    "BGN_UA": _B | {"г": "h", "ґ": "g", "е": "e", "є": "ye", "ж": "zh", "и": "y", "і": "i", "ї": "yi", "й": "y",
                    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "’", "'": "”", "ю": "yu", "я": "ya"},
    "ALA_UA": _B | {"г": "h", "ґ": "g", "е": "e", "є": "i͡e", "ж": "zh", "и": "y", "і": "i", "ї": "ï", "й": "ĭ",
                    "х": "kh", "ц": "t͡s", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "ʹ", "'": "ʺ", "ю": "i͡u", "я": "i͡a"},
    "GOST779B_UA": _B | {"г": "g", "ґ": "g`", "е": "e", "є": "ye", "ж": "zh", "и": "y`", "і": "i", "ї": "yi",
                         "й": "j", "х": "x", "ц": "c", "ч": "ch", "ш": "sh", "щ": "shh", "ь": "`", "'": "''",
                         "ю": "yu", "я": "ya"},
    "SCHOL_UA": _B | {"г": "h", "ґ": "g", "е": "e", "є": "je", "ж": "ž", "и": "y", "і": "i", "ї": "ji", "й": "j",
                      "х": "x", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ь": "ʹ", "'": "", "ю": "ju", "я": "ja"},
    "GERMAN_UA": _B | {"в": "w", "з": "s", "г": "h", "ґ": "g", "е": "e", "є": "je", "ж": "sch", "и": "y", "і": "i",
                       "ї": "ji", "й": "j", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ь": "",
                       "'": "", "ю": "ju", "я": "ja"},
    "FRENCH_UA": _B | {"г": "h", "ґ": "g", "е": "e", "є": "ie", "ж": "j", "и": "y", "і": "i", "ї": "ï", "й": "ï",
                       "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch", "у": "ou", "ь": "", "'": "",
                       "ю": "iou", "я": "ia"},
}
GERMAN_RU = _B | {"в": "w", "з": "s", "г": "g", "е": "e", "ё": "jo", "ж": "sch", "и": "i", "й": "i", "х": "ch",
                  "ц": "z", "ч": "tsch", "ш": "sch", "щ": "schtsch", "ъ": "", "ы": "y", "ь": "", "э": "e",
                  "ю": "ju", "я": "ja"}

_iuliia = None


def _schema(name):
    global _iuliia
    if _iuliia is None:
        try:
            import iuliia
        except ImportError as e:
            raise SystemExit("the Cyrillic family needs iuliia: pip install iuliia==0.13.0") from e
        _iuliia = iuliia
    return getattr(_iuliia, name)


def _word_ua(w, scheme):
    t, out = UA[scheme], []
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        v = t.get(ch, ch)
        if isinstance(v, tuple):
            v = v[0] if i == 0 else v[1]
        if scheme == "KMU2010" and ch == "г" and prev == "з":
            v = "gh"                                  # зг -> zgh
        elif scheme == "GOST779B_UA" and ch == "ц" and nxt and nxt in "еиіїйєя":
            v = "cz"
        elif scheme in ("GERMAN_UA", "FRENCH_UA") and ch == "с" and prev in VOW and nxt in VOW:
            v = "ss"
        elif scheme == "FRENCH_UA" and ch == "й" and i + 1 == len(w):
            v = "" if prev == "и" else "ï"           # Zelensky, Andriï
        elif scheme == "FRENCH_UA" and ch == "ь" and nxt in VOW:
            v = "i"
        out.append(v)
    return "".join(out)


def _word_de(w):
    out = []
    for i, ch in enumerate(w):
        prev = w[i - 1] if i else ""
        nxt = w[i + 1] if i + 1 < len(w) else ""
        v = GERMAN_RU.get(ch, ch)
        if ch == "е" and (i == 0 or prev in VOW or prev in ("ь", "ъ")):
            v = "je"                                  # Jelzin, Afanassjew
        elif ch == "ё":
            v = "o" if prev and prev in "жчшщ" else "jo"       # Gorbatschow, Solowjow
        elif ch in "ьъ" and nxt and nxt in "еёиюя":
            v = "j"
        elif ch in "ьъ":
            v = ""
        elif ch == "й" and prev and prev in "иы" and i + 1 == len(w):
            v = ""                                    # Juri, Dmitri, -ski
        elif ch == "й" and nxt in VOW:
            v = "j"
        elif ch == "с" and prev in VOW and nxt in VOW:
            v = "ss"
        if ch in "юяё" and prev and prev in "ьъ":
            v = v[1:] if v.startswith("j") else v     # j already written for the sign
        if ch == "е" and prev and prev in "ьъ":
            v = "e"
        out.append(v)
    return "".join(out)


def _cap_words(s):
    return " ".join(x[:1].upper() + x[1:] for x in s.split(" "))


def render(cyr, scheme):
    """Romanise a Cyrillic name (words separated by spaces) under one scheme; Title case."""
    if scheme in UA:
        return _cap_words(" ".join(_word_ua(w, scheme) for w in cyr.lower().split()))
    if scheme == "GERMAN":
        return _cap_words(" ".join(_word_de(w) for w in cyr.lower().split()))
    s = _schema(scheme).translate(cyr)
    return _cap_words(s.replace("ё", "ë").replace("Ё", "Ë"))   # schemes that leave ё as is write ë


PATR_IRREGULAR = {
    "ru": {"Павел": "Павл", "Пётр": "Петр", "Лев": "Льв", "Дмитрий": "Дмитри", "Георгий": "Георги",
           "Илья": ("Ильич", "Ильинична"), "Никита": ("Никитич", "Никитична")},
    "uk": {"Микола": "Миколай", "Федір": "Федор", "Ілля": ("Ілліч", "Іллівна"), "Лев": "Льв"},
}


def patronymic(father, sex, lang):
    """Patronymic from the father's given name by the Russian / Ukrainian rules (with the usual irregulars)."""
    irr = PATR_IRREGULAR[lang].get(father)
    if isinstance(irr, tuple):
        return irr[0] if sex == "m" else irr[1]
    f = irr or father
    if lang == "ru":
        if f.endswith("ий"):
            stem, soft = f[:-2] + "ь", True
        elif f.endswith(("й", "ь")):
            stem, soft = f[:-1], True
        elif irr and irr.endswith("и"):
            stem, soft = f, True
        else:
            stem, soft = f, False
        return stem + ("евич" if soft else "ович") if sex == "m" else stem + ("евна" if soft else "овна")
    if f.endswith(("о", "а")):
        f = f[:-1]
    if f.endswith("й"):
        return f + "ович" if sex == "m" else f[:-1] + "ївна"
    return f + "ович" if sex == "m" else f + "івна"


def feminine(surname, lang):
    """The feminine form of a surname (Russian and Ukrainian rules; -enko, -uk and the like do not change)."""
    s = surname
    if lang == "ru":
        if s.endswith(("ов", "ев", "ёв", "ин", "ын")):
            return s + "а"
        if s.endswith(("ский", "цкий")):
            return s[:-2] + "ая"
        if s.endswith("ой"):
            return s[:-2] + "ая"
        return s
    if s.endswith(("ов", "ев")):
        return s + "а"
    if s.endswith(("ський", "цький")):
        return s[:-2] + "а"
    if s.endswith("ий"):
        return s[:-2] + "а"
    return s
