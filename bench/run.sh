#!/usr/bin/env bash
# Baiti's benchmark suite (issue 8), one command. See BENCHMARKS.md for what each figure means and the targets.
#
#   bench/run.sh                     # SQLite and PostgreSQL, full sizes (about 20 minutes on 2 cores)
#   bench/run.sh --db sqlite         # one database
#   bench/run.sh --quick --db sqlite # small sizes, one round: a smoke test of the suite (about 3 minutes)
#
# Options:
#   --db sqlite|postgresql|both      databases (default both)
#   --quick                          100,000 seeded rows, 10 s warm-up, 1 round, 5 s phases, 50,000-row import, 1 draw
#   --rounds N                       rounds of "no-op, then starts and submits" side by side (default 3)
#   --concurrency N                  virtual users for no-op, starts and submits (default 256)
#   --seconds S                      length of one measured phase (default 10)
#   --warmup S                       warm-up before the rounds, no-op and starts/submits each (default 30)
#   --rows N                         counted attempts seeded for the ranking (default 1,000,000)
#   --pool N                         offline perfect results seeded for the draw (default 1,000,000)
#   --import-rows N                  rows of the offline import (default 500,000; 0 skips it)
#   --paced-share F                  rate of the open-loop submit phase, as a share of the round's no-op throughput
#                                    (default 0.5, what the target asks for; 0 skips the phase)
#   --no-compare                     skip the extra round with group commit switched off
#   --sections "LIST"                what to run, of: rounds ranking draw compare import (default all)
#   --jar FILE                       the jar to run (default target/baiti.jar, built when missing or older than src)
#   --pg-url URL                     PostgreSQL base URL (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres)
# Environment: SERVER_JAVA_OPTS (extra JVM options for the server, e.g. a JFR recording), KEEP_SCHEMA=1.
#
# Everything runs on loopback: Baiti (java -Xmx1g -jar ... serve) on a free port, the load driver
# (bench/LoadDriver.java, JDK HTTP client) on the same machine. The 1,000,000 counted attempts and the draw pool are
# seeded straight into the database by bench/Seed.java (bypassing HTTP: the API would need hours for them).
# Results: one line per phase in WORK/results.jsonl, a table at the end; WORK is printed.
set -euo pipefail
cd "$(dirname "$0")/.."

DBS="sqlite postgresql"
QUICK=false
ROUNDS=3
CONC=256
SECONDS_PER_PHASE=10
WARMUP=30
ROWS=1000000
POOL=1000000
IMPORT_ROWS=500000
COMPARE=true
PACED_SHARE=0.5
SECTIONS="rounds ranking draw compare import"
JAR=target/baiti.jar
PG_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres
while [ $# -gt 0 ]; do
  case $1 in
    --db) case $2 in both) DBS="sqlite postgresql" ;; *) DBS=$2 ;; esac; shift 2 ;;
    --quick) QUICK=true; ROUNDS=1; SECONDS_PER_PHASE=5; WARMUP=10; ROWS=100000; POOL=100000; IMPORT_ROWS=50000; COMPARE=false; shift ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --concurrency) CONC=$2; shift 2 ;;
    --seconds) SECONDS_PER_PHASE=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --rows) ROWS=$2; shift 2 ;;
    --pool) POOL=$2; shift 2 ;;
    --import-rows) IMPORT_ROWS=$2; shift 2 ;;
    --no-compare) COMPARE=false; shift ;;
    --paced-share) PACED_SHARE=$2; shift 2 ;;
    --sections) SECTIONS=$2; shift 2 ;;
    --jar) JAR=$2; shift 2 ;;
    --pg-url) PG_URL=$2; shift 2 ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

PASSWORD=bench-admin-password
WORK=$(mktemp -d /tmp/baiti-perf-XXXXXX)
RESULTS=$WORK/results.jsonl
: > "$RESULTS"
log() { echo "== $(date -u +%H:%M:%S) $*" >&2; }

if [ "$JAR" = target/baiti.jar ] && { [ ! -f "$JAR" ] || [ -n "$(find pom.xml src -newer "$JAR" -print -quit)" ]; }; then
  log "building $JAR"
  ./mvnw -B -q -DskipTests package
fi
# JDBC drivers for the seeder, taken from the jar itself (same versions as the server uses)
mkdir -p "$WORK/lib"
case $JAR in /*) JAR_PATH=$JAR ;; *) JAR_PATH=$PWD/$JAR ;; esac
(cd "$WORK/lib" && unzip -q -j -o "$JAR_PATH" 'BOOT-INF/lib/sqlite-jdbc-*.jar' 'BOOT-INF/lib/postgresql-*.jar')
SEED_CP=$(ls "$WORK"/lib/*.jar | tr '\n' ':')
# the driver and the seeder compiled once (java File.java would compile them again at every start)
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" bench/LoadDriver.java
javac -d "$WORK/classes" -cp "$SEED_CP" bench/Seed.java
UNITS=$(tail -n +2 src/main/resources/demo/units.csv | cut -d, -f1 | paste -sd, -)

machine() {
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with local changes)')"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
    free -h | sed -n '1,2p'
    java -version 2>&1 | sed -n '1,2p'
    psql -h 127.0.0.1 -U postgres -d test -Atc 'SHOW server_version' 2>/dev/null | sed 's/^/postgresql: /' || true
    echo "uptime: $(uptime)"
  } > "$WORK/machine.txt"
  cat "$WORK/machine.txt" >&2
}

has() { case " $SECTIONS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

SERVER_PID=
start_server() { # label, extra args...
  local label=$1; shift
  PORT=$(free_port)
  BASE=http://127.0.0.1:$PORT
  # The load comes from one address (loopback), so the per-address limits on starts and submits (docs/security.md),
  # which a real contest keeps, are switched off here: they would answer most of the load 429.
  BAITI_ADMIN_PASSWORD=$PASSWORD java -Xmx1g ${SERVER_JAVA_OPTS:-} -jar "$JAR" serve --server.port="$PORT" --baiti.demo=false \
    --baiti.rate-limit.enabled=false "$@" \
    > "$WORK/serve-$label.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/actuator/health" >/dev/null 2>&1 && { log "Baiti up on $BASE ($label)"; return 0; }
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve-$label.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "Baiti did not start" >&2; exit 1
}
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=
  fi
}
trap 'stop_server' EXIT

contest() { # name -> id; a 20-question contest of the demo bank and units, open now, 60 minutes per paper
  local opens closes id
  opens=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ)
  closes=$(date -u -d '+2 days' +%Y-%m-%dT%H:%M:%SZ)
  id=$(curl -fs -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/admin/contests" -d "{
      \"name\": \"$1\", \"questionsPerPaper\": 20, \"timeLimitSeconds\": 3600,
      \"opensAt\": \"$opens\", \"closesAt\": \"$closes\", \"onlineQuota\": 100, \"drawQuota\": 140, \"orgQuota\": 10}" \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  curl -fs -u "admin:$PASSWORD" -F file=@src/main/resources/demo/units.csv "$BASE/api/admin/contests/$id/units" >/dev/null
  curl -fs -u "admin:$PASSWORD" -F file=@src/main/resources/demo/bank.csv "$BASE/api/admin/contests/$id/bank" >/dev/null
  echo "$id"
}

drive() { # label, LoadDriver args...
  local label=$1; shift
  java -cp "$WORK/classes" LoadDriver --base "$BASE" --label "$label" --out "$RESULTS" --server-pid "$SERVER_PID" "$@" \
    | tee -a "$WORK/driver.log"
}

rounds() { # label contest phone-base rounds warm-up-seconds: no-op, then starts and submits, side by side
  drive "$1" --scenario rounds --contest "$2" --units "$UNITS" --phone-base "$3" --rounds "$4" --warmup-seconds "$5" \
    --concurrency "$CONC" --seconds "$SECONDS_PER_PHASE" --requests 1000000 --paced-share "$PACED_SHARE"
}

bench_db() {
  local db=$1 url_args=() seed_url
  case $db in
    sqlite)
      mkdir -p "$WORK/data-sqlite"
      url_args=(--baiti.data-dir="$WORK/data-sqlite")
      seed_url="jdbc:sqlite:$WORK/data-sqlite/baiti.db" ;;
    postgresql)
      SCHEMA=bench_$(date +%s)_$$
      psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $SCHEMA"
      url_args=(--spring.datasource.url="$PG_URL&currentSchema=$SCHEMA")
      seed_url="$PG_URL&currentSchema=$SCHEMA" ;;
  esac
  log "$db: uptime $(uptime)"
  start_server "$db" "${url_args[@]}"
  local online ranked drawn
  online=$(contest "Benchmark online 压测")
  ranked=$(contest "Benchmark ranking 排名")
  drawn=$(contest "Benchmark draw 抽奖")
  if has ranking; then
    log "$db: seeding $ROWS counted attempts (contest $ranked)"
    java -cp "$WORK/classes:$SEED_CP" Seed --url "$seed_url" --contest "$ranked" --what ranking --rows "$ROWS" \
      --probes 2000 --probes-out "$WORK/probes-$db.txt"
  fi
  if has draw; then
    log "$db: seeding $POOL offline perfect results (contest $drawn)"
    java -cp "$WORK/classes:$SEED_CP" Seed --url "$seed_url" --contest "$drawn" --what offline --rows "$POOL"
  fi
  if has rounds; then
    log "$db: no-op, starts and submits: warm-up ${WARMUP}s, then $ROUNDS rounds (uptime: $(uptime | sed 's/.*load/load/'))"
    rounds "$db" "$online" 0 "$ROUNDS" "$WARMUP"
  fi
  if has ranking; then
    log "$db: ranking and my rank with $ROWS counted attempts"
    for c in 8 1; do
      drive "$db" --scenario ranking --contest "$ranked" --concurrency $c --seconds "$SECONDS_PER_PHASE" \
        --warmup-seconds "$([ $c = 8 ] && echo $((WARMUP / 2)) || echo 3)" --requests 1000000
      drive "$db" --scenario myrank --probes "$WORK/probes-$db.txt" --concurrency $c --seconds "$SECONDS_PER_PHASE" \
        --warmup-seconds "$([ $c = 8 ] && echo $((WARMUP / 2)) || echo 3)" --requests 1000000
    done
  fi
  if has draw; then
    log "$db: draw of 140 from $POOL"
    drive "$db" --scenario draw --contest "$drawn" --password "$PASSWORD" --k 140 --rounds "$([ "$QUICK" = true ] && echo 1 || echo 2)"
  fi
  stop_server
  grep -h "group commit" "$WORK/serve-$db.log" >&2 || true

  if [ "$COMPARE" = true ] && has compare; then
    log "$db: the same rounds with group commit switched off (baiti.group-commit.enabled=false)"
    start_server "$db-no-group-commit" "${url_args[@]}" --baiti.group-commit.enabled=false
    rounds "$db no-gc" "$online" 100000000 1 "$WARMUP"
    stop_server
  fi
  if [ "$db" = postgresql ] && [ -z "${KEEP_SCHEMA:-}" ]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $SCHEMA CASCADE"
  fi
  if [ "$IMPORT_ROWS" -gt 0 ] && has import; then
    log "$db: offline import of $IMPORT_ROWS rows (bench/offline-import.sh)"
    JAR=$JAR ROWS=$IMPORT_ROWS DBS=$db PG_URL=$PG_URL bench/offline-import.sh 2>"$WORK/import-$db.log" | tee -a "$WORK/driver.log" \
      | python3 -c '
import json, re, sys
for line in sys.stdin:
    m = re.match(r"RESULT ([\w-]+): (\d+) rows, import ([\d.]+) s = ([\d,]+) rows/s .*max RSS ([\d,]+) MiB, peak heap before GC (\d+) MiB", line)
    if m:
        print(json.dumps({"label": m.group(1), "scenario": "import", "rows": int(m.group(2)), "seconds": float(m.group(3)),
                          "rowsPerSecond": int(m.group(4).replace(",", "")), "rssMiB": int(m.group(5).replace(",", "")),
                          "peakHeapMiB": int(m.group(6)), "failed": 0}))
' >> "$RESULTS" || { tail -20 "$WORK/import-$db.log" >&2; }
  fi
  log "$db: done (uptime: $(uptime | sed 's/.*load/load/'))"
}

machine
for db in $DBS; do
  bench_db "$db"
done
echo "uptime at the end: $(uptime)" >> "$WORK/machine.txt"
python3 bench/report.py "$RESULTS" "$WORK/machine.txt"
echo "work files (results.jsonl, server logs, probes): $WORK" >&2
