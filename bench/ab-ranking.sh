#!/usr/bin/env bash
# Two builds side by side on one seeded PostgreSQL schema, for the ranking and "my rank" figures: both servers up at
# once, driven alternately (old, new; then new, old; ...) so that a machine's changing background load falls on both
# alike. Seed the schema first with a suite run that keeps it:
#
#   KEEP_SCHEMA=1 bench/run.sh --jar /abs/new.jar --db postgresql --sections ranking --rows 1000000
#   bench/ab-ranking.sh /abs/old.jar /abs/new.jar SCHEMA CONTEST WORK/probes-postgresql.txt WORK/classes [ROUNDS]
#
# SCHEMA is the bench_... schema left in the database, CONTEST the id of "Benchmark ranking 排名" in it, WORK the
# folder the suite printed. Results: one line per phase in /tmp/ab-ranking.jsonl (label old / new); the summary
# gives the medians of rounds 2.. (round 1 still has the JIT warming up). A build without a later migration
# runs on the newer schema (Flyway ignores future migrations), which is fine for these read-only scenarios.
set -euo pipefail
OLD=$1 NEW=$2 SCHEMA=$3 CONTEST=$4 PROBES=$5 CLASSES=$6 ROUNDS=${7:-4}
OUT=/tmp/ab-ranking.jsonl
: > $OUT
URL="jdbc:postgresql://127.0.0.1:5432/test?user=postgres&currentSchema=$SCHEMA"
declare -A PID PORT JAR=([old]=$OLD [new]=$NEW)
for v in old new; do
  PORT[$v]=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BAITI_ADMIN_PASSWORD=bench-admin-password java -Xmx1g -jar "${JAR[$v]}" serve --server.port=${PORT[$v]} \
    --baiti.demo=false --baiti.rate-limit.enabled=false \
    --spring.datasource.url="$URL" > /tmp/ab-ranking-$v.log 2>&1 &
  PID[$v]=$!
done
trap 'kill ${PID[old]} ${PID[new]} 2>/dev/null || true' EXIT
for v in old new; do
  for _ in $(seq 1 240); do curl -fs http://127.0.0.1:${PORT[$v]}/actuator/health >/dev/null 2>&1 && break; sleep 0.5; done
done
drive() { # old|new, LoadDriver args...
  local v=$1; shift
  java -cp "$CLASSES" LoadDriver --base http://127.0.0.1:${PORT[$v]} --server-pid ${PID[$v]} --out $OUT \
    --requests 1000000 --label "$v" "$@" | grep RESULT || true
}
for v in old new; do # warm-up
  drive $v --scenario ranking --contest "$CONTEST" --concurrency 8 --seconds 15 >/dev/null
  drive $v --scenario myrank --probes "$PROBES" --concurrency 8 --seconds 15 >/dev/null
done
sed -i '/"label":"\(old\|new\)"/d' $OUT
for r in $(seq 1 "$ROUNDS"); do
  if [ $((r % 2)) = 1 ]; then order="old new"; else order="new old"; fi
  for c in 1 8; do
    for v in $order; do
      drive $v --scenario ranking --contest "$CONTEST" --concurrency $c --seconds 8 --warmup-seconds 1
      drive $v --scenario myrank --probes "$PROBES" --concurrency $c --seconds 8 --warmup-seconds 1
    done
  done
  echo "round $r done $(date -u +%T) ($(uptime | sed 's/.*load/load/'))" >&2
done
python3 - "$OUT" <<'PY'
import collections, json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
rows = [r for r in rows if r["label"] in ("old", "new") and not r["scenario"].endswith("warmup")]
g = collections.defaultdict(list)
for r in rows:
    g[(r["scenario"], r["concurrency"], r["label"])].append(r)
print("| figure | old p50 / p99 ms | new p50 / p99 ms | req/s old -> new | server CPU ms/request old -> new (each round) |")
print("|---|---|---|---|---|")
for sc in ("ranking", "myrank"):
    for c in (1, 8):
        m = {}
        for lab in ("old", "new"):
            rs = g[(sc, c, lab)][1:] or g[(sc, c, lab)]
            m[lab] = {k: statistics.median(x[k] for x in rs) for k in ("p50", "p99", "rps", "serverCpuMs")}
            m[lab]["each"] = [x["serverCpuMs"] for x in g[(sc, c, lab)]]
        o, n = m["old"], m["new"]
        print(f"| {sc}, {c} user(s) | {o['p50']:.1f} / {o['p99']:.1f} | {n['p50']:.1f} / {n['p99']:.1f} | "
              f"{o['rps']:.0f} -> {n['rps']:.0f} (x{n['rps'] / o['rps']:.2f}) | {o['serverCpuMs']:.2f} -> "
              f"{n['serverCpuMs']:.2f} ({100 * (n['serverCpuMs'] / o['serverCpuMs'] - 1):+.0f} %; old {o['each']}, new {n['each']}) |")
PY
