#!/usr/bin/env python3
"""Independent reference implementation of baiti-draw-v1 (spec section 5) and its known-answer cases.

Needs nothing but Python 3 and hashlib. It shares no code with the Java implementation; the Java
known-answer test (src/test/java/org/baiti/draw/DrawAlgorithmKnownAnswerTest.java) holds the values
this script printed.

    python3 tools/draw_kat.py                      # print every case as JSON
    python3 tools/draw_kat.py --write-kat-b DIR    # also write the published record of case (b):
                                                   # DIR/kat-b.json (raw UTF-8) and DIR/kat-b-ascii.json
                                                   # (the same record, non-ASCII written as \\uXXXX escapes)

The algorithm, in plain words:
  * Pool: sort the unique entry keys by their UTF-8 bytes (unsigned); P = SHA-256 of every key
    followed by a line feed.
  * Seed: D = SHA-256("baiti-draw-v1\\n" + hex(P) + "\\n" + k + "\\n" + S_1 + "\\n" + ... + S_m + "\\n").
  * Random numbers: u_j = first 8 bytes (big-endian, unsigned) of SHA-256(D || j), j as 8 bytes big-endian.
  * uniform(m): limit = 2^64 - (2^64 mod m); take the next u while u >= limit; return u mod m.
  * Selection: for i = 0..k-1: r = i + uniform(n - i); swap a[i], a[r]. Winners: a[0..k-1] in order.
"""

import hashlib
import json
import os
import sys

ALGORITHM = "baiti-draw-v1"
TWO_64 = 2 ** 64


def sort_pool(keys):
    keys = list(keys)
    for key in keys:
        if key == "" or "\n" in key:
            raise ValueError("invalid key %r" % key)
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate keys")
    # Python compares bytes objects as unsigned bytes, lexicographically.
    return sorted(keys, key=lambda s: s.encode("utf-8"))


def pool_digest(sorted_keys):
    return hashlib.sha256(b"".join(k.encode("utf-8") + b"\n" for k in sorted_keys)).digest()


def seed_digest(p, k, seed):
    assert len(seed) >= 1
    text = ALGORITHM + "\n" + p.hex() + "\n" + str(k) + "\n" + "".join(s + "\n" for s in seed)
    return hashlib.sha256(text.encode("utf-8")).digest()


class Stream:
    def __init__(self, d):
        self.d = d
        self.j = 0

    def next_u(self):
        block = hashlib.sha256(self.d + self.j.to_bytes(8, "big")).digest()
        self.j += 1
        return int.from_bytes(block[:8], "big")

    def uniform(self, m):
        limit = TWO_64 - (TWO_64 % m)
        u = self.next_u()
        while u >= limit:
            u = self.next_u()
        return u % m


def select(sorted_pool, k, d):
    a = list(sorted_pool)
    n = len(a)
    assert 0 <= k <= n
    stream = Stream(d)
    for i in range(k):
        r = i + stream.uniform(n - i)
        a[i], a[r] = a[r], a[i]
    return a[:k]


def run(name, keys, k, seed):
    pool = sort_pool(keys)
    p = pool_digest(pool)
    d = seed_digest(p, k, seed)
    return {"case": name, "pool": pool, "n": len(pool), "k": k, "seed": seed,
            "poolDigest": p.hex(), "seedDigest": d.hex(), "winners": select(pool, k, d)}


POOL_A = ["B007", "A001", "C010", "A002", "B005", "A003", "C009", "B004", "B006", "C008"]
POOL_B = ["准考证002", "z9", "准考证001", "Ä1", "\U00020000" + "1", "\uFF21" + "1", "A001", "a01"]
POOL_D = ["D1", "D2", "D3", "D4", "D5"]

CASES = [
    ("a", POOL_A, 3, ["2026-11-29", "42"]),
    ("b", POOL_B, 4, ["beacon:abc", "骰子 3 5 6"]),
    ("c", ["T%05d" % i for i in range(1000)], 140, ["x"]),
    ("d0", POOL_D, 0, ["d"]),
    ("dn", POOL_D, 5, ["d"]),
    ("e", [], 0, ["empty"]),
    ("f", ["only"], 1, ["", "second"]),
]


def write_kat_b(directory, result):
    surnames = ["张", "李", "王", "赵", "刘", "陈", "杨", "黄"]
    record = {
        "id": "kat-b",
        "name": "known-answer case (b)",
        "algorithm": ALGORITHM,
        "poolDigest": result["poolDigest"],
        "n": result["n"],
        "k": result["k"],
        "pool": [{"key": key, "name": surnames[i % len(surnames)] + "*", "unit": "测试单位"}
                 for i, key in enumerate(result["pool"])],
        "seed": result["seed"],
        "seedSources": ["test beacon", "dice 骰子"],
        "seedDigest": result["seedDigest"],
        "winners": result["winners"],
        "committedAt": "2026-11-29T10:00:00Z",
        "revealedAt": "2026-11-29T11:00:00Z",
    }
    for name, ascii_only in (("kat-b.json", False), ("kat-b-ascii.json", True)):
        with open(os.path.join(directory, name), "w", encoding="utf-8", newline="\n") as f:
            json.dump(record, f, ensure_ascii=ascii_only, indent=2)
            f.write("\n")


def main(argv):
    results = [run(*case) for case in CASES]
    if len(argv) == 3 and argv[1] == "--write-kat-b":
        write_kat_b(argv[2], next(r for r in results if r["case"] == "b"))
    elif len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    for r in results:
        if r["case"] == "c":  # the 1000-key pool is not worth printing in full
            r = dict(r, pool="T00000..T00999")
        print(json.dumps(r, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
