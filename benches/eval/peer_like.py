"""Peer-like evaluation sets with name groups the public peer kit never shows.

Runs the peer kit's own generator (`shared/peers/gen_names.py`, imported from where it lives, not
copied) with its Faker locales replaced, so that the noise, the query mix and the file format are
exactly the kit's while the names are not. The kit's Arabic and Cyrillic groups are kept (its
transliteration noise is built for them).

    PY=/tmp/peers-venv/bin/python                 # the kit's venv (shared/peers/setup.sh)
    $PY benches/eval/peer_like.py --kit ../shared/peers --set a --seed 11 --out /tmp/peerlike-a
    $PY benches/eval/peer_like.py --kit ../shared/peers --set b --seed 23 --out /tmp/peerlike-b

Set `a` (seed 11) was used this round to find rules; set `b` (seed 23) only to measure. Then
`bordercheck bench peer --data /tmp/peerlike-b [--with-dob]`.
"""
import argparse
import importlib
import sys
from pathlib import Path

SETS = {
    # Australian, Canadian, Austrian, Mexican, Argentine, Portuguese, Belgian, Filipino, Nordic,
    # Baltic, Balkan, Bulgarian, Persian, Korean, Thai, Taiwanese, Armenian, Georgian, Hebrew,
    # Greek, Hindi, Nepali, Albanian, Bosnian.
    "a": {
        "en_AU": 6, "en_CA": 5, "fr_CA": 5, "de_AT": 5, "es_MX": 5, "es_AR": 3, "pt_PT": 4,
        "nl_BE": 3, "fil_PH": 3, "fi_FI": 2, "da_DK": 2, "no_NO": 2, "hr_HR": 2, "sk_SK": 2,
        "lt_LT": 1, "lv_LV": 1, "sl_SI": 1, "bg_BG": 3, "fa_IR": 4, "ko_KR": 2, "th_TH": 1,
        "zh_TW": 2, "hy_AM": 1, "ka_GE": 1, "he_IL": 2, "el_GR": 2, "et_EE": 1, "ga_IE": 1,
        "hi_IN": 3, "ne_NP": 2, "sq_AL": 1, "bs_BA": 1, "ru_RU": 7, "uk_UA": 3, "arabic": 12,
    },
    # Swiss, Colombian, Chilean, New Zealand, Belgian, Cypriot, Filipino, Icelandic, Zulu, Amharic,
    # Swahili, Hungarian, Swedish, Azerbaijani, Uzbek, Indonesian, Vietnamese, Japanese.
    "b": {
        "de_CH": 5, "fr_CH": 4, "it_CH": 3, "es_CO": 5, "es_CL": 4, "en_NZ": 5, "fr_BE": 4,
        "el_CY": 2, "en_PH": 4, "is_IS": 1, "zu_ZA": 2, "am_ET": 2, "tl_PH": 2, "sw": 2,
        "hu_HU": 2, "sv_SE": 2, "az_AZ": 2, "uz_UZ": 2, "id_ID": 3, "vi_VN": 3, "ja_JP": 2,
        "ru_RU": 8, "uk_UA": 4, "arabic": 14,
    },
}

NATIONALITY = {
    "en_AU": "AUS", "en_CA": "CAN", "fr_CA": "CAN", "de_AT": "AUT", "es_MX": "MEX", "es_AR": "ARG",
    "pt_PT": "PRT", "nl_BE": "BEL", "fil_PH": "PHL", "fi_FI": "FIN", "hr_HR": "HRV", "sk_SK": "SVK",
    "lt_LT": "LTU", "lv_LV": "LVA", "sl_SI": "SVN", "bg_BG": "BGR", "fa_IR": "IRN", "ko_KR": "KOR",
    "th_TH": "THA", "zh_TW": "TWN", "hy_AM": "ARM", "ka_GE": "GEO", "he_IL": "ISR", "el_GR": "GRC",
    "et_EE": "EST", "ga_IE": "IRL", "hi_IN": "IND", "ne_NP": "NPL", "sq_AL": "ALB", "bs_BA": "BIH",
    "de_CH": "CHE", "fr_CH": "CHE", "it_CH": "CHE", "es_CO": "COL", "es_CL": "CHL", "en_NZ": "NZL",
    "fr_BE": "BEL", "el_CY": "CYP", "en_PH": "PHL", "is_IS": "ISL", "zu_ZA": "ZAF", "am_ET": "ETH",
    "tl_PH": "PHL",
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kit", required=True, help="the peer kit's folder (shared/peers)")
    ap.add_argument("--set", choices=sorted(SETS), required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True, help="output folder, outside the repository and the kit")
    a = ap.parse_args()
    sys.path.insert(0, str(Path(a.kit).resolve()))
    gen = importlib.import_module("gen_names")
    nd = importlib.import_module("names_data")
    gen.ORIGINS = SETS[a.set]
    for loc, nat in NATIONALITY.items():
        nd.LOCALE_NAT.setdefault(loc, nat)
    sys.argv = [sys.argv[0], "--seed", str(a.seed), "--out", a.out]
    gen.main()


if __name__ == "__main__":
    main()
