"""Which negatives of a peer-kit-style query set are namesakes of a listed person.

The kit's negatives avoid only the exact spelling of every listed name. Its Arabic names come
from a few dozen variant groups and its Cyrillic names from Faker pools, so many negatives are
the same given and family name as a listed person in another spelling (SAFIA AZIZ for SAFIYA
AZIZ), or a listed person without a middle name: the very pairs its positives ask a matcher to
find. A name-only hit on them is right, not a false alert. This script replays the generator
(same seed, same locale table) to know each person's variant groups and original-script name,
and writes `negative_namesakes.tsv` (qid, namesake 0/1, the reason) next to `queries.tsv`;
`bordercheck bench peer` then also reports the false-alert rate among the other negatives.

A negative is a namesake when a listed person has the same given name and family name (the
same variant group for Arabic names, the same Cyrillic original, the same letters after ICAO
9303's diacritic expansions), and either side has no middle name or both have the same.

    PY=/tmp/peers-venv/bin/python
    $PY benches/eval/kit_namesakes.py --kit ../shared/peers --set kit --seed 1 --data /tmp/peerwork/peers-data
    $PY benches/eval/kit_namesakes.py --kit ../shared/peers --set b --seed 23 --data /tmp/peerlike-b
"""
import argparse
import importlib
import random
import sys
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kit", required=True)
    ap.add_argument("--set", required=True, help="kit (the kit's own locales) or a peer_like.py set")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--data", required=True, help="the folder the generator wrote")
    a = ap.parse_args()
    sys.path.insert(0, str(Path(a.kit).resolve()))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    gen = importlib.import_module("gen_names")
    nd = importlib.import_module("names_data")
    if a.set != "kit":
        pl = importlib.import_module("peer_like")
        gen.ORIGINS = pl.SETS[a.set]
        for loc, nat in pl.NATIONALITY.items():
            nd.LOCALE_NAT.setdefault(loc, nat)
    data = Path(a.data)
    listed_norms, n = set(), 0
    with open(data / "watchlist.tsv") as fh:
        next(fh)
        for line in fh:
            listed_norms.add(line.split("\t")[4])
            n += 1

    def fold(s):
        return gen.norm("".join(nd.LATIN_ICAO.get(ch, ch) for ch in s.upper())) if s else None

    def key(p):
        """(given, middle or None, family) by the generator's own notion of the same name."""
        if p.origin == "arabic":
            g = p.groups
            return (("A",) + g["given"], g.get("middle"), g["family"])
        if p.origin in gen.CYRILLIC:
            w = p.orig.split(" ")
            k = len([x for x in (p.given, p.middle) if x])
            return (w[0], w[1] if k == 2 else None, " ".join(w[k:]))
        return (fold(p.given), fold(p.middle), fold(p.family))

    # Replay the watchlist exactly as gen_names.main draws it (person, date of birth, nationality).
    pools = gen.build_pools(a.seed)
    rng = random.Random(a.seed)
    origins = list(gen.ORIGINS)
    weights = [gen.ORIGINS[o] for o in origins]
    full, given_family = set(), set()
    for _ in range(n):
        o = rng.choices(origins, weights)[0]
        p = gen.make_person(rng, pools, o)
        gen.rand_dob(rng)
        gen.nationality(rng, o)
        g, m, f = key(p)
        full.add((g, m, f))
        given_family.add((g, f))
    neg_rng = random.Random(a.seed + 2)
    negatives = {}
    queries = [line.rstrip("\n").split("\t") for line in open(data / "queries.tsv")][1:]
    wanted = sum(1 for q in queries if q[3] == "negative")
    while len(negatives) < wanted:
        o = neg_rng.choices(origins, weights)[0]
        p = gen.make_person(neg_rng, pools, o)
        if gen.norm(p.full) in listed_norms:
            continue
        g, m, f = key(p)
        if m is None:
            same = (g, f) in given_family
            why = "same given and family name as a listed person" if same else ""
        else:
            same = (g, m, f) in full or (g, None, f) in full
            why = "same names as a listed person" if same else ""
        negatives[p.full] = (same, why, o)
    out, namesakes = [], 0
    for q in queries:
        if q[3] != "negative":
            continue
        if q[1] not in negatives:
            sys.exit(f"negative {q[1]!r} was not replayed: wrong --set or --seed for {data}")
        same, why, o = negatives[q[1]]
        namesakes += same
        out.append(f"{q[0]}\t{int(same)}\t{o}\t{why}\n")
    with open(data / "negative_namesakes.tsv", "w") as fh:
        fh.write("qid\tnamesake\torigin\treason\n")
        fh.writelines(out)
    print(f"{namesakes} of {len(out)} negatives are namesakes of a listed person", file=sys.stderr)


if __name__ == "__main__":
    main()
