#!/usr/bin/env bash
# The public register at scale (issue 19): how the public lists, search and the log's entries answer with 1,000 and
# with 1,000,000 log entries / 100,000 rows, and how the CSV export streams 1,000,000 rows.
#
# For each size (small: 1,000 rows of each kind, 1,000 membership periods, 1,000 log entries; large: 100,000 rows of
# each kind, 1,000,000 membership periods, 1,000,000 log entries; see bench/scale-data.sql for what is made and what
# is not like the projectors' output), in a database of its own (transparency_scale_small, _large; DB_SUFFIX):
#   1. creates the database (as the PostgreSQL superuser, over the server's socket) and starts one instance of
#      transparency-service's packaged jar on it (PORT), which migrates it; Kafka topics of its own (TOPIC_PREFIX,
#      empty), the page cache off (every request reads the database: the cost that grows with the data)
#   2. fills the served generation with bench/scale-data.sql (psql, generate_series); with REUSE=1, a database kept by
#      an earlier run (KEEP=1) is measured again as it is, neither dropped nor filled (two builds compared in turns:
#      a database each, as a build migrates it to its own schema)
#   3. per call (those whose name matches the regular expression ONLY, all by default): ROUNDS rounds of REQUESTS requests one after the other on one kept-alive connection (a plain curl
#      with many URLs; each request's time_total), after WARMUP requests; prints p50 and p99 over all rounds, and the
#      spread of each round's p99. Lists are asked for their first page and for a page deep inside (the cursor after
#      DEEP_ROWS rows, followed through rel="next" links with limit=500)
#   4. the CSV export of the membership periods (1,000 and 1,000,000 rows), EXPORTS times: rows/s, and the JVM's RSS
#      (/proc/<pid>/status VmRSS) before, its highest while it streams (sampled every 0.1 s) and after
#   5. stops the instance and drops the database (KEEP=1 keeps them)
# then the p99 at the large size against the p99 at the small one, for each call (target ≤ 2×).
# Prints figures, never asserts. Installs nothing; needs curl, psql and a built jar (./mvnw install -DskipTests -pl
# transparency-service -am), and the stack's PostgreSQL and Kafka (./taskforce up --infra, or a whole stack).
#
# Environment: PORT (18084), SIZES ("small large"), ROUNDS (3), REQUESTS (50), WARMUP (20), DEEP_ROWS (50000),
#              EXPORTS (2), KEEP (0), REUSE (0), ONLY (.), DB_SUFFIX (_scale), TOPIC_PREFIX (scale-), JAR (transparency-service/target/quarkus-app/quarkus-run.jar: another build
#              to compare), PGADMIN (the directory of the PostgreSQL server's socket; found under /var/tmp),
#              TASKFORCE_DB_URL / TASKFORCE_DB_USER / TASKFORCE_DB_PASSWORD (as for the services),
#              TASKFORCE_SERVICE_JAVA_OPTS (as for ./taskforce).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${PORT:=18084}" "${SIZES:=small large}" "${ROUNDS:=3}" "${REQUESTS:=50}" "${WARMUP:=20}" "${DEEP_ROWS:=50000}" \
  "${EXPORTS:=2}" "${KEEP:=0}" "${REUSE:=0}" "${ONLY:=.}" "${DB_SUFFIX:=_scale}" "${TOPIC_PREFIX:=scale-}"
BASE="http://127.0.0.1:$PORT"
JAR="${JAR:-$REPO/transparency-service/target/quarkus-app/quarkus-run.jar}"
declare -A ROWS=([small]=1000 [large]=100000) PERIODS=([small]=1 [large]=10) LOG=([small]=1000 [large]=1000000)

for tool in curl psql awk; do
  command -v "$tool" >/dev/null || { echo "✗ $tool is missing. On Debian/Ubuntu: sudo apt-get install ${tool/psql/postgresql-client}" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "✗ $JAR is missing: ./mvnw install -DskipTests -pl transparency-service -am" >&2; exit 2; }
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then echo "✗ port $PORT is taken: choose another PORT" >&2; exit 2; fi
PGADMIN="${PGADMIN:-$(dirname "$(ls /var/tmp/taskforce-*/.s.PGSQL.5432 2>/dev/null | head -1)")}"
admin() { psql -h "$PGADMIN" -U postgres -d postgres -q -v ON_ERROR_STOP=1 "$@"; }
admin -Atc 'select 1' >/dev/null || { echo "✗ no PostgreSQL superuser over the socket in $PGADMIN: set PGADMIN" >&2; exit 2; }
DB_URL="${TASKFORCE_DB_URL:-jdbc:postgresql://127.0.0.1:5432}"
DB_HOST_PORT="${DB_URL#jdbc:postgresql://}"
export PGPASSWORD="${TASKFORCE_DB_PASSWORD:-taskforce}"
db() { psql -h "${DB_HOST_PORT%%:*}" -p "${DB_HOST_PORT##*:}" -U "${TASKFORCE_DB_USER:-taskforce}" -d "transparency${DB_SUFFIX}_$1" -q -v ON_ERROR_STOP=1 "${@:2}"; }

# the JVM options as ./taskforce gives them to a service (its own definitions, not a copy)
eval "$(grep -E '^(SERVICE_JAVA_OPTS|SERVICE_JVM_FLAGS)=' "$REPO/taskforce")"

LOGS=$(mktemp -d)
PID=""
stop() {
  [ -n "$PID" ] || return 0
  kill "$PID" 2>/dev/null || true
  for _ in $(seq 1 80); do kill -0 "$PID" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
  PID=""
}
drop() { [ "$KEEP" = 1 ] || admin -c "drop database if exists transparency${DB_SUFFIX}_$1" 2>/dev/null || true; }
cleanup() { stop; for size in $SIZES; do drop "$size"; done; rm -rf "$LOGS"; }
trap cleanup EXIT

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
start() {
  local size=$1
  (cd "$LOGS" && TASKFORCE_DB_SUFFIX="${DB_SUFFIX}_$size" TASKFORCE_KAFKA_TOPIC_PREFIX="$TOPIC_PREFIX" \
    TASKFORCE_REGISTER_GENERATE_SIGNING_KEY=true TASKFORCE_REGISTER_PAGE_CACHE_SIZE=0 \
    TASKFORCE_MEMBERSHIP_URL=http://127.0.0.1:9 QUARKUS_HTTP_PORT="$PORT" \
    exec java $SERVICE_JAVA_OPTS $SERVICE_JVM_FLAGS -jar "$JAR" >>"$LOGS/$size.log" 2>&1) &
  PID=$!
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/public/signatories?limit=1")" = 200 ] && return 0
    kill -0 "$PID" 2>/dev/null || { echo "✗ transparency-service exited while starting; its log:" >&2; tail -n 30 "$LOGS/$size.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "✗ transparency-service did not answer within 2 minutes" >&2; exit 1
}

# the calls measured: name and path (lists with limit=50, as a client pages)
CALLS=(
  "participants /api/v1/public/participants?limit=50"
  "membership-periods /api/v1/public/membership-periods?limit=50"
  "signatories /api/v1/public/signatories?limit=50"
  "stakeholders /api/v1/public/stakeholders?limit=50"
  "ad-hoc-groups /api/v1/public/ad-hoc-groups?limit=50"
  "meetings /api/v1/public/meetings?limit=50"
  "meetings-upcoming /api/v1/public/meetings/upcoming?limit=50"
  "requests-declined /api/v1/public/meetings/requests/declined?limit=50"
  "decisions /api/v1/public/meetings/decisions?limit=50"
  "guidance-documents /api/v1/public/guidance/documents?limit=50"
  "guidance-windows /api/v1/public/guidance/windows?limit=50"
  "guidance-feedback /api/v1/public/guidance/feedback?limit=50"
  "guidance-evidence /api/v1/public/guidance/evidence?limit=50"
  "evidence-by-reference /api/v1/public/guidance/evidence?codeReference=TRANSPARENCY-1&limit=50"
  "search-rare /api/v1/public/search?q=zephyrine"
  "search-common /api/v1/public/search?q=watermarking"
  "search-very-common /api/v1/public/search?q=transparency"
)
DEEP="participants membership-periods signatories stakeholders meetings guidance-feedback"

# the cursor DEEP_ROWS rows into a list (or half way when it is shorter), through its rel="next" links
deep_cursor() {
  local path=$1 rows=$2 url next hops i
  hops=$(( (rows / 2 < DEEP_ROWS ? rows / 2 : DEEP_ROWS) / 500 )); (( hops >= 1 )) || hops=1
  url="$BASE${path/limit=50/limit=500}"
  for (( i = 0; i < hops; i++ )); do
    next=$(curl -s -D - -o /dev/null "$url" | tr -d '\r' | sed -n 's/^[Ll]ink: <\([^>]*\)>; *rel="next".*/\1/p')
    [ -n "$next" ] || break
    url="$next"
  done
  sed -n 's/.*[?&]cursor=\([^&]*\).*/\1/p' <<<"$url"
}

# times URL COUNT: the time_total of COUNT requests, in ms, one per line, on one connection
times() {
  local url=$1 count=$2 config
  config="$LOGS/curl.config"
  : >"$config"
  for (( i = 0; i < count; i++ )); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$config"; done
  curl -s -K "$config" -w '%{http_code} %{time_total}\n' | awk '$1 != 200 { bad++ } { printf "%.3f\n", $2 * 1000 }
    END { if (bad) printf "%d answers not 200\n", bad > "/dev/stderr" }'
}
percentile() { sort -n | awk -v p="$1" '{ v[NR] = $1 } END { i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; printf "%.2f", v[i] }'; }

declare -A P50=() P99=() SPREAD=() CSV=()
measure() {
  local size=$1 name=$2 url=$3 all="$LOGS/all" r round p99s=""
  [[ $name =~ $ONLY ]] || return 0
  times "$url" "$WARMUP" >/dev/null
  : >"$all"
  for (( r = 0; r < ROUNDS; r++ )); do
    round=$(times "$url" "$REQUESTS")
    printf '%s\n' "$round" >>"$all"
    p99s="$p99s $(percentile 99 <<<"$round")"
  done
  P50[$size.$name]=$(percentile 50 <"$all")
  P99[$size.$name]=$(percentile 99 <"$all")
  SPREAD[$size.$name]=$(tr ' ' '\n' <<<"$p99s" | sed '/^$/d' | sort -n | awk 'NR == 1 { min = $1 } { max = $1 } END { printf "%s–%s", min, max }')
  printf '  %-34s p50 %8s ms  p99 %8s ms  (p99 per round %s)\n' "$name" "${P50[$size.$name]}" "${P99[$size.$name]}" "${SPREAD[$size.$name]}"
}

export_csv() {
  local size=$1 path=/api/v1/public/membership-periods.csv before peak after t0 t1 lines sampler
  before=$(rss_mb "$PID")
  ( peak=0; while kill -0 "$PID" 2>/dev/null; do r=$(rss_mb "$PID"); (( r > peak )) && peak=$r; echo "$peak" >"$LOGS/peak"; sleep 0.1; done ) &
  sampler=$!
  t0=$(date +%s%N)
  lines=$(curl -s "$BASE$path" | wc -l)
  t1=$(date +%s%N)
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  peak=$(cat "$LOGS/peak" 2>/dev/null || echo "$before")
  after=$(rss_mb "$PID")
  awk -v rows=$(( lines - 1 )) -v ns=$(( t1 - t0 )) -v b="$before" -v p="$peak" -v a="$after" 'BEGIN {
    printf "  %-34s %8d rows in %6.2f s = %7.0f rows/s; RSS %d MB before, %d MB at most while streaming (+%d), %d MB after\n",
      "membership-periods.csv", rows, ns / 1e9, rows / (ns / 1e9), b, p, p - b, a }'
}

printf 'transparency-service at scale; %s (checkout at %s); JVM %s; %s cores; load average %s\n' "$JAR" \
  "$(git -C "$REPO" rev-parse --short HEAD)" "$SERVICE_JAVA_OPTS" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'timings: curl, %s rounds of %s sequential requests on one kept-alive connection after %s to warm up\n' \
  "$ROUNDS" "$REQUESTS" "$WARMUP"
for size in $SIZES; do
  echo
  echo "== $size: ${ROWS[$size]} rows of each kind, $(( ROWS[$size] * PERIODS[$size] )) membership periods, ${LOG[$size]} log entries"
  if [ "$REUSE" = 1 ] && [ "$(admin -Atc "select count(*) from pg_database where datname = 'transparency${DB_SUFFIX}_$size'")" = 1 ]; then
    start "$size"
    echo "  the database of an earlier run, as it is"
  else
    drop "$size"
    admin -c "create database transparency${DB_SUFFIX}_$size owner ${TASKFORCE_DB_USER:-taskforce}"
    start "$size"
    t0=$(date +%s)
    db "$size" -v n="${ROWS[$size]}" -v periods="${PERIODS[$size]}" -v log="${LOG[$size]}" -f "$REPO/bench/scale-data.sql"
    echo "  data made in $(( $(date +%s) - t0 )) s"
  fi
  echo "  database $(db "$size" -Atc "select pg_size_pretty(pg_database_size(current_database()))"); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for call in "${CALLS[@]}"; do
    measure "$size" "${call%% *}" "$BASE${call#* }"
  done
  for name in $DEEP; do
    [[ "$name (deep page)" =~ $ONLY ]] || continue
    for call in "${CALLS[@]}"; do [ "${call%% *}" = "$name" ] && path="${call#* }"; done
    rows=${ROWS[$size]}; [ "$name" = membership-periods ] && rows=$(( rows * PERIODS[$size] ))
    cursor=$(deep_cursor "$path" "$rows")
    measure "$size" "$name (deep page)" "$BASE$path&cursor=$cursor"
  done
  head=${LOG[$size]}
  measure "$size" "log entries (first 100)" "$BASE/api/v1/public/register/log/entries?from=1&limit=100"
  measure "$size" "log entries (middle 100)" "$BASE/api/v1/public/register/log/entries?from=$(( head / 2 ))&limit=100"
  measure "$size" "log entries (last 100)" "$BASE/api/v1/public/register/log/entries?from=$(( head - 99 ))&limit=100"
  measure "$size" "log entries (1000 at the head)" "$BASE/api/v1/public/register/log/entries?from=$(( head - 999 > 1 ? head - 999 : 1 ))&limit=1000"
  for (( e = 0; e < EXPORTS; e++ )); do export_csv "$size"; done
  stop
  drop "$size"
done

if [[ " $SIZES " == *" small "* && " $SIZES " == *" large "* ]]; then
  echo
  echo "== p99 large / p99 small (target ≤ 2×)"
  for key in "${!P99[@]}"; do
    [[ $key == small.* ]] || continue
    name=${key#small.}
    awk -v n="$name" -v s="${P99[small.$name]}" -v l="${P99[large.$name]}" \
      'BEGIN { printf "  %-34s %8.2f → %8.2f ms  ×%.2f\n", n, s, l, l / s }'
  done | sort
fi
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
