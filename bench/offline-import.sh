#!/usr/bin/env bash
# Benchmark of the offline results import (issue 4): a 500,000-row CSV imported with
#   java -Xmx512m -jar target/baiti.jar import offline FILE --contest ID
# on SQLite and on PostgreSQL (fresh schema), under /usr/bin/time -v, with a GC log for the heap.
#   bench/offline-import.sh                 # both databases, 500,000 rows
#   ROWS=100000 DBS=sqlite bench/offline-import.sh
# Environment: ROWS, DBS ("sqlite postgresql"), PG_URL, ENCODING (gb18030|utf-8), QUESTIONS (paper size),
#   JARS (one or more jars to compare side by side, default target/baiti.jar, built when older than the sources),
#   CSV (an existing file from gen_offline.py with ROWS rows, instead of generating one),
#   JAVA_OPTS (more options for the import JVM, e.g. a JFR recording).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${ROWS:-500000}
DBS=${DBS:-sqlite postgresql}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
ENCODING=${ENCODING:-gb18030}
QUESTIONS=${QUESTIONS:-20}
PASSWORD=bench-admin-password
JARS=${JARS:-target/baiti.jar}
WORK=$(mktemp -d /tmp/baiti-bench-XXXXXX)

if [ "$JARS" = target/baiti.jar ] && { [ ! -f target/baiti.jar ] || [ -n "$(find pom.xml src -newer target/baiti.jar -print -quit)" ]; }; then
  ./mvnw -B -q -DskipTests package
fi

if [ -n "${CSV:-}" ]; then
  ln -s "$(realpath "$CSV")" "$WORK/offline.csv"
else
  echo "== generating $ROWS rows ($ENCODING) in $WORK" >&2
  python3 bench/gen_offline.py "$ROWS" "$WORK/offline.csv" "$ENCODING" "$QUESTIONS"
fi
ls -lL "$WORK/offline.csv" >&2

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts Baiti on the database, creates a contest with the demo bank and units over the API, stops it.
prepare() {
  local port; port=$(free_port)
  BAITI_ADMIN_PASSWORD=$PASSWORD java -Xmx512m -jar "$JAR" serve --server.port="$port" --baiti.demo=false "$@" \
    > "$WORK/serve.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
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
  local tag; tag=$db-$(basename "$JAR" .jar)
  local id; id=$(prepare "$@")
  echo "== $tag: contest $id, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  local cmd=(java -Xmx512m ${JAVA_OPTS:-} "-Xlog:gc:file=$WORK/gc-$tag.log" -jar "$JAR" import offline "$WORK/offline.csv" --contest "$id" "$@")
  echo "\$ /usr/bin/time -v ${cmd[*]}" >&2
  /usr/bin/time -v -o "$WORK/time-$tag.txt" "${cmd[@]}" > "$WORK/out-$tag.txt" 2> "$WORK/err-$tag.txt" || {
    cat "$WORK/err-$tag.txt" >&2; exit 1; }
  cat "$WORK/err-$tag.txt" "$WORK/out-$tag.txt" >&2
  python3 - "$tag" "$ROWS" "$WORK/time-$tag.txt" "$WORK/gc-$tag.log" "$WORK/err-$tag.txt" <<'PY'
import re, sys
db, rows, time_file, gc_file, err_file = sys.argv[1], int(sys.argv[2]), *sys.argv[3:]
t = open(time_file).read()
wall = t.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].splitlines()[0].split(":")
seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
cpu = re.search(r"Percent of CPU this job got: (\d+)%", t).group(1)
heap = [int(m) for m in re.findall(r"(\d+)M->\d+M\(\d+M\)", open(gc_file).read())]
total = re.search(r"(?:in|用时) ([\d.]+) (?:s|秒)", open(err_file, encoding="utf-8").read())  # the total line in English or Chinese
import_s = float(total.group(1)) if total else seconds
print(f"RESULT {db}: {rows} rows, import {import_s:.1f} s = {rows / import_s:,.0f} rows/s "
      f"(whole command incl. JVM and Spring start {seconds:.1f} s = {rows / seconds:,.0f} rows/s), "
      f"{cpu}% CPU, max RSS {rss / 1024:,.0f} MiB, peak heap before GC {max(heap) if heap else 0} MiB of -Xmx512m")
PY
}

for db in $DBS; do
  for JAR in $JARS; do
    case $db in
      sqlite)
        data=$WORK/data-$(basename "$JAR" .jar)
        mkdir -p "$data"
        run sqlite --baiti.data-dir="$data"
        rm -rf "$data" ;;
      postgresql)
        schema=bench_$(date +%s)
        psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
        run postgresql --spring.datasource.url="$PG_URL&currentSchema=$schema"
        psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $schema CASCADE" ;;
    esac
  done
done
echo "work files (CSV, GC logs, time output): $WORK" >&2
