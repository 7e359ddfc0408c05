#!/usr/bin/env bash
# Benchmark of the offline results import (issue 4): a 500,000-row CSV imported with
#   java -Xmx512m -jar target/baiti.jar import offline FILE --contest ID
# on SQLite and on PostgreSQL (fresh schema), under /usr/bin/time -v, with a GC log for the heap.
#   bench/offline-import.sh                 # both databases, 500,000 rows
#   ROWS=100000 DBS=sqlite bench/offline-import.sh
# Environment: ROWS, DBS ("sqlite postgresql"), PG_URL, ENCODING (gb18030|utf-8), QUESTIONS (paper size),
# JAR (default target/baiti.jar, built when missing or older than the sources).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-500000}
DBS=${DBS:-sqlite postgresql}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
ENCODING=${ENCODING:-gb18030}
QUESTIONS=${QUESTIONS:-20}
PASSWORD=bench-admin-password
JAR=${JAR:-target/baiti.jar}
WORK=$(mktemp -d /tmp/baiti-bench-XXXXXX)

if [ "$JAR" = target/baiti.jar ] && { [ ! -f "$JAR" ] || [ -n "$(find pom.xml src -newer "$JAR" -print -quit)" ]; }; then
  ./mvnw -B -q -DskipTests package
fi

echo "== generating $ROWS rows ($ENCODING) in $WORK" >&2
python3 bench/gen_offline.py "$ROWS" "$WORK/offline.csv" "$ENCODING" "$QUESTIONS"
ls -l "$WORK/offline.csv" >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts Baiti on the database, creates a contest with the demo bank and units over the API, stops it.
prepare() {
  local port; port=$(free_port)
  BAITI_ADMIN_PASSWORD=$PASSWORD java -Xmx512m -jar "$JAR" serve --server.port="$port" --baiti.demo=false "$@" \
    > "$WORK/serve.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
  local api="http://127.0.0.1:$port/api/admin"
  local id
  id=$(curl -fs -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$api/contests" -d "{
      \"name\": \"Benchmark 基准\", \"questionsPerPaper\": $QUESTIONS, \"timeLimitSeconds\": 1200,
      \"opensAt\": \"2024-01-01T00:00:00Z\", \"closesAt\": \"2099-01-01T00:00:00Z\",
      \"onlineQuota\": 100, \"drawQuota\": 140, \"orgQuota\": 10}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  curl -fs -u "admin:$PASSWORD" -F file=@src/main/resources/demo/units.csv "$api/contests/$id/units" >/dev/null
  curl -fs -u "admin:$PASSWORD" -F file=@src/main/resources/demo/bank.csv "$api/contests/$id/bank" >/dev/null
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$id"
}

run() {
  local db=$1; shift
  local id; id=$(prepare "$@")
  echo "== $db: contest $id" >&2
  local cmd=(java -Xmx512m "-Xlog:gc:file=$WORK/gc-$db.log" -jar "$JAR" import offline "$WORK/offline.csv" --contest "$id" "$@")
  echo "\$ /usr/bin/time -v ${cmd[*]}" >&2
  /usr/bin/time -v -o "$WORK/time-$db.txt" "${cmd[@]}" > "$WORK/out-$db.txt" 2> "$WORK/err-$db.txt" || {
    cat "$WORK/err-$db.txt" >&2; exit 1; }
  cat "$WORK/err-$db.txt" "$WORK/out-$db.txt" >&2
  python3 - "$db" "$ROWS" "$WORK/time-$db.txt" "$WORK/gc-$db.log" "$WORK/err-$db.txt" <<'PY'
import re, sys
db, rows, time_file, gc_file, err_file = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
t = open(time_file).read()
wall = t.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].splitlines()[0].split(":")
seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
heap = [int(m) for m in re.findall(r"(\d+)M->\d+M\(\d+M\)", open(gc_file).read())]
total = re.search(r"in ([\d.]+) s", open(err_file).read())
import_s = float(total.group(1)) if total else seconds
print(f"RESULT {db}: {rows} rows, import {import_s:.1f} s = {rows / import_s:,.0f} rows/s "
      f"(whole command incl. JVM and Spring start {seconds:.1f} s = {rows / seconds:,.0f} rows/s), "
      f"max RSS {rss / 1024:,.0f} MiB, peak heap before GC {max(heap) if heap else 0} MiB of -Xmx512m")
PY
}

for db in $DBS; do
  case $db in
    sqlite)
      mkdir -p "$WORK/data"
      run sqlite --baiti.data-dir="$WORK/data" ;;
    postgresql)
      schema=bench_$(date +%s)
      psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
      run postgresql --spring.datasource.url="$PG_URL&currentSchema=$schema"
      psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" ;;
  esac
done
echo "work files (CSV, GC logs, time output): $WORK" >&2
