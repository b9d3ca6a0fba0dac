#!/usr/bin/env python3
"""Independent name-matching evaluation on real romanisation practice (Arabic and Cyrillic).

Writes, in the peer kit's format (shared/peers/README.md), to --out (outside the repository):
  watchlist.tsv  id given_names surname full_name name_norm dob nationality origin script_orig
  queries.tsv    qid query query_norm kind noise target_id target_name_norm target_origin detail
  queries_arabic_script.tsv  the Arabic rows of queries.tsv typed in Arabic script (query_norm is empty:
                 the normalisation keeps A-Z only)
  target_equiv.tsv  qid target_id equiv_ids: every watchlist row with the same names as the target
  meta.json      parameters, counts, systems, SHA-256 of the files
Arabic: a person is GIVEN FATHER GRANDFATHER drawn from data/arabic_names.tsv, given_names = given and
father (with BIN / BEN between them in some Gulf and Maghrebi rows), surname = grandfather, all three
romanised by one system per person (arabic_rom.py). A positive spells each of the three names in another
system, chosen per name. Cyrillic: given name + surname (feminine form for women) from
data/cyrillic_*.tsv; watchlist under ICAO 9303 (Russian passports since 2013) or KMU 2010 (Ukrainian
passports); a positive spells the whole name under one other published scheme (cyrillic_rom.py).
Names are split into dev / heldout by a stable hash of their native-script spelling; --split chooses
which names may appear. Negatives are built the same way and are rejected when their names, in any
spelling any system gives and in any order, equal a listed person's.
Requires Python 3.11; the Cyrillic family needs iuliia==0.13.0 (pip install iuliia==0.13.0, e.g. into
/tmp/eval-venv). Deterministic for a given --seed: a larger --n only appends watchlist rows.
"""
import argparse
import datetime
import hashlib
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import arabic_rom as AR  # noqa: E402
import cyrillic_rom as CY  # noqa: E402

AR_WEIGHTS = {"EGY": 20, "LEV": 18, "MAG": 18, "GULF": 18, "ALA": 6, "BGN": 8, "UNGEGN": 8, "DIN": 4}
AR_NAT = {"EGY": [("EGY", 8), ("SDN", 2)], "LEV": [("JOR", 3), ("LBN", 3), ("SYR", 3), ("PSE", 2), ("IRQ", 2)],
          "MAG": [("MAR", 4), ("DZA", 4), ("TUN", 3), ("MRT", 1)],
          "GULF": [("SAU", 4), ("ARE", 2), ("KWT", 2), ("QAT", 1), ("BHR", 1), ("OMN", 1), ("YEM", 2)]}
AR_NAT_ANY = [c for v in AR_NAT.values() for c in v]
CY_NAT = {"ru": [("RUS", 17), ("BLR", 1), ("KAZ", 1), ("ISR", 1)], "uk": [("UKR", 18), ("POL", 1), ("DEU", 1)]}
APOS = re.compile(r"['`\u2018\u2019\u02b9\u02bb\u02bc\u02be\u02bf\u201d\u02ba]")


def norm(s):
    """ASCII upper: NFKD, combining marks dropped, apostrophes removed, anything outside A-Z one space."""
    s = unicodedata.normalize("NFKD", APOS.sub("", s))
    s = "".join(c for c in s if not unicodedata.combining(c)).upper()
    return " ".join(re.sub(r"[^A-Z]+", " ", s).split())


def split_of(native):
    return "dev" if hashlib.sha256(native.encode()).digest()[0] % 2 == 0 else "heldout"


def pick(rng, items):
    return AR.pick(rng, items)


def load(name):
    rows = []
    for line in (HERE / "data" / name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def dob(rng):
    d0 = datetime.date(1940, 1, 1).toordinal()
    return datetime.date.fromordinal(d0 + rng.randrange(datetime.date(2006, 12, 31).toordinal() - d0 + 1)).isoformat()


class UF:
    def __init__(self):
        self.p = {}

    def find(self, x):
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        self.p[self.find(a)] = self.find(b)


def classes(items, spellings):
    """Union-find over name items that share any normalised spelling: the 'same name' relation."""
    uf, seen = UF(), {}
    for it in items:
        uf.find(it)
        for s in spellings(it):
            if s in seen:
                uf.union(it, seen[s])
            else:
                seen[s] = it
    return {it: uf.find(it) for it in items}


class Arabic:
    origin = "arabic"

    def __init__(self, split, ascii_only):
        # "fresh": a second list of names written after the rules were (see README, Splits).
        names = load("arabic_names_fresh.tsv" if split == "fresh" else "arabic_names.tsv")
        self.names = [dict(ar=a, voc=v, sex=s, w=int(w)) for a, v, s, w in names]
        self.ok = [i for i, n in enumerate(self.names) if split in ("all", "fresh") or split_of(n["ar"]) == split]
        self.given = [(i, self.names[i]["w"]) for i in self.ok]
        self.male = [(i, self.names[i]["w"]) for i in self.ok if self.names[i]["sex"] == "m"]
        self.ascii = ascii_only
        r = random.Random("arabic-spellings")
        self.cls = classes(self.ok, lambda i: {norm(AR.render(self.names[i]["voc"], s, r))
                                               for s in AR.SYSTEMS for _ in range(1 if s in AR.SCHOLARLY else 40)})

    def person(self, rng):
        ids = (pick(rng, self.given), pick(rng, self.male), pick(rng, self.male))
        sysname = pick(rng, list(AR_WEIGHTS.items()))
        conn = {"GULF": "Bin", "MAG": "Ben"}.get(sysname) if rng.random() < 0.25 else None
        parts = [AR.render(self.names[i]["voc"], sysname, rng, self.ascii) for i in ids]
        if sysname in AR.PRACTICE:
            parts = [p.upper() for p in parts]
            conn = conn and conn.upper()
        given = f"{parts[0]} {conn} {parts[1]}" if conn else f"{parts[0]} {parts[1]}"
        native = [self.names[i]["ar"] for i in ids]
        script = " ".join([native[0], "بن", native[1], native[2]] if conn else native)
        nat = pick(rng, AR_NAT.get(sysname, AR_NAT_ANY))
        return dict(key=ids, given=given, surname=parts[2], nat=nat, origin=self.origin, script=script,
                    system=sysname, ckey=tuple(sorted(self.cls[i] for i in ids)))

    def positive(self, rng, p):
        others = [s for s in AR.SYSTEMS if s != p["system"]]
        systems = [rng.choice(others) for _ in p["key"]]
        parts = [AR.render(self.names[i]["voc"], s, rng, self.ascii) for i, s in zip(p["key"], systems)]
        extra = ""
        if systems[1] in ("GULF", "MAG") and rng.random() < 0.25:
            parts.insert(1, "bin" if systems[1] == "GULF" else "ben")
            extra = "+" + parts[1]
        return " ".join(parts), "arabic-system-swap", f"{p['system']}>{'+'.join(systems)}{extra}"

    def negative_query(self, rng, p):
        return p["given"].title() + " " + p["surname"].title(), p["system"]

    @staticmethod
    def script_query(rng, script):
        """The Arabic-script spelling an officer might type: hamza seats, ta marbuta, alif maqsura, spaces."""
        done, s = [], script
        if rng.random() < 0.5 and re.search("[أإآ]", s):
            s = re.sub("[أإ]", "ا", s).replace("آ", "ا")
            done.append("hamza-dropped")
        if rng.random() < 0.3 and re.search("ة( |$)", s):
            s = re.sub("ة( |$)", r"ه\1", s)
            done.append("ta-marbuta-as-ha")
        if rng.random() < 0.3 and re.search("ى( |$)", s):
            s = re.sub("ى( |$)", r"ي\1", s)
            done.append("alif-maqsura-as-ya")
        if rng.random() < 0.5 and re.search("(عبد|أبو|ابو) ال| الله", s):
            s = re.sub("(عبد|أبو|ابو) ال", r"\1ال", s).replace(" الله", "الله")
            done.append("compound-joined")
        if rng.random() < 0.3 and " بن " in s:
            s = s.replace(" بن ", " ")
            done.append("bin-dropped")
        return s, ",".join(done) or "as-written"


class Cyrillic:
    def __init__(self, split, patronymics=True):
        self.patr = patronymics
        g, s = load("cyrillic_given.tsv"), load("cyrillic_surnames.tsv")
        ok = lambda n: split == "all" or split_of(n) == split  # noqa: E731
        self.given = {lang: [((n, sex), int(w)) for n, lg, sex, w in g if lg == lang and ok(n)] for lang in ("ru", "uk")}
        self.sur = {lang: [(n, int(w)) for n, lg, w in s if lg == lang and ok(n)] for lang in ("ru", "uk")}
        self.male = {lang: [(n, 1) for (n, sex), w in self.given[lang] if sex == "m"] for lang in ("ru", "uk")}
        items = [("g", lang, n) for lang in ("ru", "uk") for (n, _), _ in self.given[lang]] + \
                [("p", lang, n) for lang in ("ru", "uk") for n, _ in self.male[lang]] + \
                [("s", lang, n) for lang in ("ru", "uk") for n, _ in self.sur[lang]]

        def spell(it):
            kind, lang, n = it
            forms = {"g": lambda: [n], "s": lambda: [n, CY.feminine(n, lang)],
                     "p": lambda: [CY.patronymic(n, "m", lang), CY.patronymic(n, "f", lang)]}[kind]()
            schemes = (CY.RU_WATCH,) + CY.RU_QUERY if lang == "ru" else (CY.UA_WATCH,) + CY.UA_QUERY
            return {norm(CY.render(f, sc)) for f in forms for sc in schemes}
        self.cls = classes(items, spell)

    def person(self, rng):
        lang = "ru" if rng.random() < 0.6 else "uk"
        (gn, sex), sn = pick(rng, self.given[lang]), pick(rng, self.sur[lang])
        fa = pick(rng, self.male[lang]) if self.patr else None
        sn_f = CY.feminine(sn, lang) if sex == "f" else sn
        given = f"{gn} {CY.patronymic(fa, sex, lang)}" if fa else gn
        sc = CY.RU_WATCH if lang == "ru" else CY.UA_WATCH
        ck = [self.cls[("g", lang, gn)], self.cls[("s", lang, sn)]] + ([self.cls[("p", lang, fa)]] if fa else [])
        return dict(key=(lang, gn, fa, sn), given=CY.render(given, sc).upper(), surname=CY.render(sn_f, sc).upper(),
                    nat=pick(rng, CY_NAT[lang]), origin=f"{lang}_{'RU' if lang == 'ru' else 'UA'}",
                    script=f"{given} {sn_f}", system=sc, ckey=tuple(sorted(ck)))

    def positive(self, rng, p):
        sc = rng.choice(CY.RU_QUERY if p["key"][0] == "ru" else CY.UA_QUERY)
        return CY.render(p["script"], sc), "cyrillic-scheme-swap", f"{p['system']}>{sc}"

    def negative_query(self, rng, p):
        return p["given"].title() + " " + p["surname"].title(), p["system"]


def write_tsv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\t".join(header) + "\n")
        for r in rows:
            cells = [str(c) for c in r]
            assert not any(("\t" in c or "\n" in c) for c in cells), r
            fh.write("\t".join(cells) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--family", choices=("arabic", "cyrillic", "both"), default="arabic")
    ap.add_argument("--split", choices=("dev", "heldout", "all", "fresh"), default="dev",
                    help="fresh: Arabic only, the names of data/arabic_names_fresh.tsv")
    ap.add_argument("--n", type=int, default=100_000, help="watchlist rows")
    ap.add_argument("--queries", type=int, default=1000, help="total queries, half positive, half negative")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", required=True, help="output folder, outside the repository")
    ap.add_argument("--arabic-diacritics", action="store_true",
                    help="keep the scholarly systems' diacritics (ḥ ā ʿ ...) in the query text (name_norm is unchanged)")
    ap.add_argument("--no-script-orig", action="store_true", help="leave script_orig empty (Latin-only watchlist)")
    ap.add_argument("--no-patronymic", action="store_true",
                    help="Cyrillic names without patronymic (given + surname only: ~4k distinct names, so use --n <= 5000)")
    a = ap.parse_args()
    out = Path(a.out).resolve()
    repo = HERE.parents[1]
    if out == repo or repo in out.parents:
        sys.exit(f"refusing to write inside the repository ({repo}); pass --out elsewhere")
    out.mkdir(parents=True, exist_ok=True)

    fams = {"arabic": ["arabic"], "cyrillic": ["cyrillic"], "both": ["arabic", "cyrillic"]}[a.family]
    gens = {f: (Arabic(a.split, not a.arabic_diacritics) if f == "arabic" else Cyrillic(a.split, not a.no_patronymic)) for f in fams}
    rw = random.Random(f"{a.seed}-watchlist")
    people, wl_rows, norms, ckeys, by_key = [], [], set(), set(), {}
    for i in range(a.n):
        fam = fams[0] if len(fams) == 1 else rw.choice(fams)
        p = gens[fam].person(rw)
        p["fam"], p["id"] = fam, i
        full = f"{p['given']} {p['surname']}"
        p["norm"] = norm(full)
        people.append(p)
        norms.add(p["norm"])
        ckeys.add((fam, p["ckey"]))
        by_key.setdefault((fam, p["key"]), []).append(i)
        wl_rows.append((i, p["given"], p["surname"], full, p["norm"], dob(rw), p["nat"], p["origin"],
                        "" if a.no_script_orig else p["script"]))
    write_tsv(out / "watchlist.tsv", "id given_names surname full_name name_norm dob nationality origin script_orig".split(), wl_rows)

    rq = random.Random(f"{a.seed}-queries")
    npos = a.queries // 2
    pool = min(a.n, 100_000)
    queries = []        # (family, kind, query, noise, target person or None, detail, person)
    for k in range(npos):
        fam = fams[k % len(fams)]
        while True:
            t = people[rq.randrange(pool)]
            if t["fam"] != fam:
                continue
            for _ in range(10):
                q, noise, detail = gens[fam].positive(rq, t)
                if norm(q) != t["norm"]:
                    break
            else:
                continue            # every spelling equal to the listed one: not a transliteration test
            queries.append((fam, "positive", q, noise, t, detail, t))
            break
    nneg, tries = a.queries - npos, 0
    for k in range(nneg):
        fam = fams[k % len(fams)]
        while True:
            tries += 1
            p = gens[fam].person(rq)
            if (fam, p["ckey"]) in ckeys or norm(p["given"] + " " + p["surname"]) in norms:
                continue
            q, detail = gens[fam].negative_query(rq, p)
            queries.append((fam, "negative", q, "", None, detail, p))
            break
    rq.shuffle(queries)

    qrows, srows, erows = [], [], []
    for qid, (fam, kind, q, noise, t, detail, p) in enumerate(queries):
        origin = p["origin"]
        if t is not None:
            qrows.append((qid, q, norm(q), kind, noise, t["id"], t["norm"], origin, detail))
            erows.append((qid, t["id"], " ".join(map(str, by_key[(fam, t["key"])]))))
        else:
            qrows.append((qid, q, norm(q), kind, "", -1, "", origin, detail))
        if fam == "arabic":
            s, how = Arabic.script_query(rq, p["script"])
            srows.append((qid, s, "", kind, "arabic-script" if t else "", t["id"] if t else -1,
                          t["norm"] if t else "", origin, how))
    head = "qid query query_norm kind noise target_id target_name_norm target_origin detail".split()
    write_tsv(out / "queries.tsv", head, qrows)
    files = ["watchlist.tsv", "queries.tsv", "target_equiv.tsv"]
    if srows:
        write_tsv(out / "queries_arabic_script.tsv", head, srows)
        files.append("queries_arabic_script.tsv")
    write_tsv(out / "target_equiv.tsv", ["qid", "target_id", "equiv_ids"], erows)

    sysc = {}
    for p in people:
        sysc[p["system"]] = sysc.get(p["system"], 0) + 1
    dup = sum(len(v) for v in by_key.values() if len(v) > 1)
    try:
        import importlib.metadata as md
        iv = md.version("iuliia")
    except Exception:
        iv = None
    meta = dict(args=vars(a), rows=a.n, positives=npos, negatives=nneg, negative_draws=tries,
                watchlist_systems=dict(sorted(sysc.items())), rows_sharing_names_with_another=dup,
                distinct_name_norms=len(norms), iuliia=iv, python=sys.version.split()[0],
                names_in_split={f: (len(g.ok) if f == "arabic" else
                                    {k: len(v) for k, v in {**{"given_" + l: g.given[l] for l in g.given},
                                                            **{"surname_" + l: g.sur[l] for l in g.sur}}.items()})
                                for f, g in gens.items()},
                sha256={f: hashlib.sha256((out / f).read_bytes()).hexdigest() for f in files})
    (out / "meta.json").write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps({k: meta[k] for k in ("rows", "positives", "negatives", "negative_draws", "watchlist_systems",
                                           "rows_sharing_names_with_another", "distinct_name_norms", "names_in_split")},
                     ensure_ascii=False))


if __name__ == "__main__":
    main()
