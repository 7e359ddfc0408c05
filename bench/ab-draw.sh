#!/usr/bin/env bash
# Old jar against new jar on the draw (docs/draw.md, "Speed"): one seeded database, servers of jar A and jar B started
# alternately, each running R draws (commit + reveal of 140 from the pool) timed by curl, with the server process's
# CPU time (utime + stime from /proc) around each request and the phases the server logs. On a machine shared with
# other work the CPU times are the steadier measure; the wall-clock times show the queueing.
# usage: bench/ab-draw.sh sqlite|postgresql /abs/old.jar /abs/new.jar ALTERNATIONS DRAWS_PER_START POOL
# e.g.   bench/ab-draw.sh sqlite /tmp/draw-old.jar "$PWD/target/baiti.jar" 2 2 1000000
# "rec=" is a digest of the record without id, name and times, and the first winner: equal for A and B.
# Each jar runs on its own copy of the seeded database (a newer jar may migrate the schema beyond what the older knows).
set -euo pipefail
DB=$1; A=$2; B=$3; ALT=$4; R=$5; POOL=$6
cd "$(dirname "$0")/.."
W=$(mktemp -d /tmp/baiti-draw-ab-XXXXXX); echo "work $W" >&2
PASSWORD=ab-admin-password
mkdir -p $W/lib $W/classes
(cd $W/lib && unzip -q -j -o "$A" 'BOOT-INF/lib/sqlite-jdbc-*.jar' 'BOOT-INF/lib/postgresql-*.jar')
CP=$(ls $W/lib/*.jar | tr '\n' ':')
javac -d $W/classes -cp "$CP" bench/Seed.java
PG_URL='jdbc:postgresql://127.0.0.1:5432/test?user=postgres'
if [ $DB = sqlite ]; then ARGS=(--baiti.data-dir=$W/data); SEED_URL=jdbc:sqlite:$W/data/baiti.db; mkdir -p $W/data
else SCHEMA=ab_$(date +%s); psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $SCHEMA"
  ARGS=(--spring.datasource.url="$PG_URL&currentSchema=$SCHEMA"); SEED_URL="$PG_URL&currentSchema=$SCHEMA"; fi
PID=
start() { # JAR LOGNAME [DATABASE-ARGS...]; without database arguments, jar A's database
  local jar=$1 name=$2; shift 2; [ $# -gt 0 ] || set -- "${ARGS[@]}"
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  BASE=http://127.0.0.1:$PORT
  BAITI_ADMIN_PASSWORD=$PASSWORD java -Xmx1g -jar "$jar" serve --server.port=$PORT --baiti.demo=false "$@" > $W/serve-$name.log 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do curl -fs $BASE/actuator/health >/dev/null 2>&1 && return 0; sleep 0.5; done; echo "no start" >&2; exit 1; }
stop() { kill $PID; wait $PID 2>/dev/null || true; }
cpu() { awk '{print $14+$15}' /proc/$PID/stat; }
TCK=$(getconf CLK_TCK)
start "$A" seed
opens=$(date -u -d '-1 hour' +%Y-%m-%dT%H:%M:%SZ); closes=$(date -u -d '+2 days' +%Y-%m-%dT%H:%M:%SZ)
C=$(curl -fs -u admin:$PASSWORD -H 'Content-Type: application/json' $BASE/api/admin/contests -d "{\"name\":\"ab 抽奖\",\"questionsPerPaper\":20,\"timeLimitSeconds\":3600,\"opensAt\":\"$opens\",\"closesAt\":\"$closes\",\"onlineQuota\":100,\"drawQuota\":140,\"orgQuota\":10}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -fs -u admin:$PASSWORD -F file=@src/main/resources/demo/units.csv $BASE/api/admin/contests/$C/units >/dev/null
java -cp "$W/classes:$CP" Seed --url "$SEED_URL" --contest $C --what offline --rows $POOL >&2
stop
if [ $DB = sqlite ]; then cp -r $W/data $W/data-b; ARGS_B=(--baiti.data-dir=$W/data-b)
else pg_dump -h 127.0.0.1 -U postgres -d test -n $SCHEMA | sed "s/\b$SCHEMA\b/${SCHEMA}_b/g" | psql -q -h 127.0.0.1 -U postgres -d test >/dev/null
  ARGS_B=(--spring.datasource.url="$PG_URL&currentSchema=${SCHEMA}_b"); fi
for a in $(seq 1 $ALT); do for side in A B; do
  if [ $side = A ]; then start "$A" "A$a"; else start "$B" "B$a" "${ARGS_B[@]}"; fi
  for r in $(seq 1 $R); do
    c0=$(cpu); out=$(curl -s -o $W/commit.json -w '%{http_code} %{time_total}' -u admin:$PASSWORD -H 'Content-Type: application/json' $BASE/api/admin/contests/$C/draws -d '{"name":"ab","k":140,"pool":"offline-perfect","seedSources":"fixed"}'); c1=$(cpu)
    id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' $W/commit.json)
    out2=$(curl -s -o $W/record.json -w '%{http_code} %{time_total} %{size_download}' -u admin:$PASSWORD -H 'Content-Type: application/json' $BASE/api/admin/draws/$id/reveal -d '{"seed":["ab","1"]}'); c2=$(cpu)
    sha=$(python3 -c 'import json,sys,hashlib; d=json.load(open(sys.argv[1])); d.pop("id"); d.pop("name"); d.pop("committedAt"); d.pop("revealedAt"); print(hashlib.sha256(json.dumps(d,ensure_ascii=False).encode()).hexdigest()[:12], d["winners"][0])' $W/record.json)
    echo "$side alt=$a draw=$r commit=[$out] cpu=$(( (c1-c0)*1000/TCK ))ms reveal=[$out2] cpu=$(( (c2-c1)*1000/TCK ))ms load=$(cut -d' ' -f1 /proc/loadavg) rec=$sha"
  done
  grep -h "Committed draw\|Sealed draw" $W/serve-$side$a.log | sed 's/.*: \(Committed\|Sealed\)/  \1/; s/P = [0-9a-f]*//; s/D = [0-9a-f]*//' 
  stop
done; done
[ $DB = postgresql ] && psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA $SCHEMA CASCADE" -c "DROP SCHEMA ${SCHEMA}_b CASCADE" 2>/dev/null || true
