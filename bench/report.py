#!/usr/bin/env python3
"""Prints the table of a bench/run.sh run: medians over the rounds, submits as a share of the no-op endpoint.

usage: report.py results.jsonl [machine.txt]
"""
import json
import statistics
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
if len(sys.argv) > 2:
    print(open(sys.argv[2]).read().rstrip())
    print()


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def pick(label_prefix, scenario):
    return [r for r in rows if r.get("label", "").startswith(label_prefix) and r["scenario"] == scenario
            and "warm-up" not in r.get("label", "")]


def verdict(ok):
    return "met" if ok else "**missed**"


def rps(rs):
    return f"{med([r['rps'] for r in rs]):,.0f} req/s" + (
        f" ({', '.join(format(r['rps'], ',') for r in rs)})" if len(rs) > 1 else "")


def cpu(rs):
    v = med([r.get("serverCpuMs") for r in rs])
    return "" if v is None else f"{v:.2f}"


failures = sum(r.get("failed", 0) + r.get("non2xx", 0) for r in rows if "warm-up" not in r.get("label", ""))
SUBMIT_TARGET = {"sqlite": 0.50, "postgresql": 0.40}

print("| database | figure | throughput, median of rounds (each round) | p50 ms | p99 ms | server CPU ms/req | target | |")
print("|---|---|---|---|---|---|---|---|")
for db in ("sqlite", "postgresql"):
    pings = pick(db + " round", "ping")
    if not pings:
        continue
    starts = pick(db + " round", "start")
    submits = pick(db + " round", "submit")
    ratios = [s["rps"] / p["rps"] for p, s in zip(pings, submits) if p["rps"]]
    print(f"| {db} | no-op `GET /api/ping`, {pings[0]['concurrency']} users | {rps(pings)} | "
          f"{med([p['p50'] for p in pings])} | {med([p['p99'] for p in pings])} | {cpu(pings)} | | |")
    print(f"| {db} | starts, {starts[0]['concurrency']} users | {rps(starts)} | {med([s['p50'] for s in starts])} | "
          f"{med([s['p99'] for s in starts])} | {cpu(starts)} | no request fails | "
          f"{verdict(all(s['failed'] + s['non2xx'] == 0 for s in starts))} |")
    p99 = med([s["p99"] for s in submits])
    ratio = med(ratios)
    target = SUBMIT_TARGET[db]
    cpu_ratio = ""
    if pings[0].get("serverCpuMs") and submits[0].get("serverCpuMs"):
        cpu_ratio = f"; by server CPU per request {med([p['serverCpuMs'] for p in pings]) / med([s['serverCpuMs'] for s in submits]):.0%}"
    print(f"| {db} | durable submits, {submits[0]['concurrency']} users | {rps(submits)} = **{ratio:.0%} of no-op** "
          f"(rounds {', '.join(format(x, '.0%') for x in ratios)}{cpu_ratio}) | {med([s['p50'] for s in submits])} | {p99} | "
          f"{cpu(submits)} | ≥ {target:.0%} of no-op; p99 < 100 ms | {verdict(ratio >= target)}; p99 {verdict(p99 < 100)} |")
    paced = pick(db + " round", "submit-paced")
    if paced:
        pp99 = med([s["p99"] for s in paced])
        print(f"| {db} | durable submits at a fixed rate of {paced[0]['offeredRps'] / pings[0]['rps']:.0%} of the no-op "
              f"(open loop, {paced[0]['concurrency']} connections; offered {', '.join(format(s['offeredRps'], ',') for s in paced)} req/s) | "
              f"{rps(paced)} | {med([s['p50'] for s in paced])} | {pp99} | {cpu(paced)} | p99 < 100 ms at that rate | "
              f"{verdict(pp99 < 100 and all(s['rps'] >= 0.95 * s['offeredRps'] for s in paced))} |")
    nogc_p = pick(db + " no-gc", "ping")
    nogc_s = pick(db + " no-gc", "submit")
    nogc_st = pick(db + " no-gc", "start")
    if nogc_p and nogc_s:
        print(f"| {db} | *comparison, group commit off*: no-op | {rps(nogc_p)} | {nogc_p[0]['p50']} | {nogc_p[0]['p99']} | "
              f"{cpu(nogc_p)} | | |")
        print(f"| {db} | *group commit off*: starts | {rps(nogc_st)} | {nogc_st[0]['p50']} | {nogc_st[0]['p99']} | "
              f"{cpu(nogc_st)} | | |")
        print(f"| {db} | *group commit off*: submits | {rps(nogc_s)} = {nogc_s[0]['rps'] / nogc_p[0]['rps']:.0%} of no-op | "
              f"{nogc_s[0]['p50']} | {nogc_s[0]['p99']} | {cpu(nogc_s)} | | |")
    for scenario, name in (("ranking", "ranking top 100 (`GET /api/contests/{id}/ranking`)"),
                           ("myrank", "my rank (`GET /api/attempts/{id}`)")):
        for r in [r for r in rows if r.get("label") == db and r["scenario"] == scenario]:
            print(f"| {db} | {name}, {r['concurrency']} users | {r['rps']:,} req/s | {r['p50']} | {r['p99']} | "
                  f"{cpu([r])} | p99 < 20 ms | {verdict(r['p99'] < 20 and r['failed'] + r['non2xx'] == 0)} |")
    draws = [r for r in rows if r.get("label") == db and r["scenario"] == "draw"]
    if draws:
        total = med([d["totalMs"] for d in draws])
        print(f"| {db} | draw {draws[0]['k']} of {draws[0]['n']:,}: commit + reveal | {total / 1000:.2f} s "
              f"(commit {med([d['commitMs'] for d in draws]) / 1000:.2f} s, reveal {med([d['revealMs'] for d in draws]) / 1000:.2f} s "
              f"incl. the {draws[0]['recordBytes'] / 1e6:.0f} MB record"
              + (f"; rounds {', '.join(format(d['totalMs'] / 1000, '.2f') for d in draws)} s" if len(draws) > 1 else "")
              + f") | | | | < 3 s | {verdict(total < 3000)} |")
    # offline-import.sh labels its results "<database>-<jar name>"
    for r in [r for r in rows if r.get("label", "").split("-")[0] == db and r["scenario"] == "import"]:
        ok = r["rowsPerSecond"] >= 50000 and r["peakHeapMiB"] < 512
        print(f"| {db} | offline import of {r['rows']:,} rows | {r['rowsPerSecond']:,} rows/s ({r['seconds']} s), "
              f"peak heap {r['peakHeapMiB']} MiB of -Xmx512m | | | | "
              f"{'≥ 50,000 rows/s; ' if db == 'sqlite' else ''}heap < 512 MB | "
              f"{verdict(ok) if db == 'sqlite' else verdict(r['peakHeapMiB'] < 512)} |")
print()
print(f"failed or non-2xx requests in measured phases: {failures}")
