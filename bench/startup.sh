#!/usr/bin/env bash
# How soon each service is ready, how much memory it holds and how soon it stops. For each of the six (membership,
# meeting, guidance, transparency, notification, then the gateway), in turn: launches its packaged jar (target/quarkus-app, from ./mvnw install) on its
# port + PORT_OFFSET with the JVM options that ./taskforce gives it, and prints
#   cold   seconds from launch to /q/health/ready answering 200, and the resident memory (RSS) then; then stops it
#   warm   the same for a second start right after (file caches warm; a class-data archive, where the options make one
#          at the first start's exit, in use)
#   load   the RSS after a warm-up load (LOAD_DURATION of wrk, LOAD_CONNECTIONS connections, on reads of the service
#          with a real token), of which anonymous (private: heap, metadata, code, malloc; the rest maps files: the JVM's
#          library, the archive's clean pages), and whether the JVM ran out of heap (it exits on OutOfMemoryError)
#   stop   seconds from SIGTERM to the process's exit after the load (./taskforce down waits 10 s, then kills)
# With NMT=1 the warm start runs with native memory tracking, and a second line per service says where the memory
# after the load is: committed heap, class metadata (metaspace and class space), the class-data archive as mapped,
# JIT code, thread stacks, and the anonymous memory that the JVM does not track (malloc arenas, the archive's pages
# that the JVM relocated and so made private).
# Each service is stopped after its turn (its database connections back to a PostgreSQL that others share), but
# transparency-service, through which the gateway's load goes; that one is stopped at the end. Every start is alone on
# the machine's cores; `./taskforce up` starts the services together.
#
# Needs PostgreSQL, Kafka and Keycloak of a stack (./taskforce up --infra, or a whole stack: these instances come on
# other ports), wrk, curl and jq. Installs nothing. The services write (schema, demo data) to their databases and
# topics: TASKFORCE_DB_SUFFIX (databases <name><suffix>, which must exist) and TASKFORCE_KAFKA_TOPIC_PREFIX keep them
# apart from a running stack's, as for a second instance of each.
#
# Environment: PORT_OFFSET (10000), LOAD_DURATION (20s), LOAD_CONNECTIONS (16), SERVICES (all six, in this order),
#              JARS (a directory with <module>/quarkus-app of another build, e.g. main's, to compare; default the
#              modules' target directories), NMT (0),
#              TASKFORCE_SERVICE_JAVA_OPTS / TASKFORCE_GATEWAY_JAVA_OPTS (as for ./taskforce),
#              KEYCLOAK (http://127.0.0.1:8180/realms/taskforce).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT_OFFSET="${PORT_OFFSET:-10000}"
LOAD_DURATION="${LOAD_DURATION:-20s}"
LOAD_CONNECTIONS="${LOAD_CONNECTIONS:-16}"
SERVICES="${SERVICES:-membership-service meeting-service guidance-service transparency-service notification-service gateway}"
JARS="${JARS:-}"
NMT="${NMT:-0}"
KEYCLOAK="${KEYCLOAK:-http://127.0.0.1:8180/realms/taskforce}"

for tool in wrk curl jq; do
  command -v "$tool" >/dev/null || { echo "✗ $tool is missing. On Debian/Ubuntu: sudo apt-get install $tool" >&2; exit 2; }
done
# the JVM options as ./taskforce launches them (its class-data archives in this run's directory): its own
# definitions, not a copy
eval "$(grep -E '^(SERVICE_JAVA_OPTS|GATEWAY_JAVA_OPTS|SERVICE_JVM_FLAGS)=' "$REPO/taskforce")"
for function in java_opts_of class_data_opts jar_of; do
  eval "$(sed -n "/^$function() {/,/^}/p" "$REPO/taskforce")"
done
service_of() { echo "$1"; }
[ -z "$JARS" ] || jar_of() { echo "$JARS/$1/quarkus-app/quarkus-run.jar"; }

declare -A PORT=([membership-service]=8081 [meeting-service]=8082 [guidance-service]=8083 [transparency-service]=8084
  [notification-service]=8085 [gateway]=8080)
# a read of each service under the warm-up load
declare -A READ=([membership-service]=/api/v1/membership/signatories?limit=50 [meeting-service]=/api/v1/meetings?limit=50
  [guidance-service]=/api/v1/guidance/documents?limit=50 [transparency-service]=/api/v1/public/participants
  [notification-service]=/api/v1/notifications/webhooks?limit=50 [gateway]=/api/v1/public/participants)
url_of() { echo "http://127.0.0.1:$(( ${PORT[$1]} + PORT_OFFSET ))"; }

status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
token() {
  curl -sf "$KEYCLOAK/protocol/openid-connect/token" -d grant_type=password -d client_id=taskforce-portal \
    -d username=office -d password=office-demo | jq -r .access_token
}
[ -n "$(token)" ] || { echo "✗ no token from $KEYCLOAK: is the stack's infrastructure up? (./taskforce up --infra)" >&2; exit 2; }

for name in $SERVICES; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$(( ${PORT[$name]} + PORT_OFFSET ))") 2>/dev/null; then
    echo "✗ port $(( ${PORT[$name]} + PORT_OFFSET )) for $name is taken: choose another PORT_OFFSET" >&2
    exit 2
  fi
done

LOGS=$(mktemp -d)
RUN="$LOGS"
declare -A PID=()
# stop NAME [GRACE_S]: SIGTERM, then SIGKILL after GRACE_S (20); sets STOP_S (seconds until it exited, "killed" if
# it had to be)
stop() {
  local name=$1 pid=${PID[$1]:-} grace=${2:-20} t0 i
  STOP_S=-
  [ -n "$pid" ] || return 0
  t0=$(date +%s%N)
  kill "$pid" 2>/dev/null || true
  for (( i = 0; i < grace * 20; i++ )); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
  STOP_S=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  kill -0 "$pid" 2>/dev/null && { kill -9 "$pid" 2>/dev/null; STOP_S=killed; }
  wait "$pid" 2>/dev/null || true
  unset "PID[$name]"
}
stop_all() { local name; for name in "${!PID[@]}"; do stop "$name"; done; rm -rf "$LOGS"; }
trap stop_all EXIT

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
anon_mb() { awk '/RssAnon/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# nmt_line PID: the native memory tracking summary in MB, and the anonymous memory outside it
nmt_line() {
  local summary; summary=$(jcmd "$1" VM.native_memory summary scale=KB) || return 0
  awk -v anon="$(awk '/RssAnon/ { print $2 }' "/proc/$1/status")" '
    function committed(line) { match(line, /committed=[0-9]+/); return substr(line, RSTART + 10, RLENGTH - 10) / 1024 }
    /^Total:/ { total = committed($0) }
    /^-/ { name = $0; sub(/^- +/, "", name); sub(/ \(.*/, "", name); mb[name] = committed($0) }
    END { printf "  NMT MB: heap %.0f, class metadata %.0f, class-data archive %.0f, code %.0f, threads %.0f, other tracked %.0f; anonymous RSS not tracked %.0f\n",
            mb["Java Heap"], mb["Metaspace"] + mb["Class"], mb["Shared class space"], mb["Code"], mb["Thread"],
            total - mb["Java Heap"] - mb["Metaspace"] - mb["Class"] - mb["Shared class space"] - mb["Code"] - mb["Thread"],
            anon / 1024 - (total - mb["Shared class space"]) }' <<<"$summary"
}
# launch NAME: starts the jar as ./taskforce would, with every service's URL on this script's ports
launch() {
  local name=$1 jar; jar=$(jar_of "$1")
  [ -f "$jar" ] || { echo "✗ $jar is missing: ./mvnw install -DskipTests" >&2; exit 2; }
  (cd "$LOGS" && TASKFORCE_DEMO_DATA="${TASKFORCE_DEMO_DATA:-true}" \
    TASKFORCE_REGISTER_GENERATE_SIGNING_KEY="${TASKFORCE_REGISTER_GENERATE_SIGNING_KEY:-true}" \
    QUARKUS_HTTP_PORT=$(( ${PORT[$name]} + PORT_OFFSET )) \
    TASKFORCE_MEMBERSHIP_URL="$(url_of membership-service)" TASKFORCE_MEETING_URL="$(url_of meeting-service)" \
    TASKFORCE_GUIDANCE_URL="$(url_of guidance-service)" TASKFORCE_TRANSPARENCY_URL="$(url_of transparency-service)" \
    TASKFORCE_GATEWAY_CLUSTER_PORT=$(( 5701 + PORT_OFFSET )) \
    TASKFORCE_RATE_LIMIT=100000000 TASKFORCE_PUBLIC_RATE_LIMIT=100000000 \
    exec java $(java_opts_of "$name") ${EXTRA_JAVA_OPTS:-} $SERVICE_JVM_FLAGS -jar "$jar" >>"$LOGS/$name.log" 2>&1) &
  PID[$name]=$!
}
# start NAME: launches it and waits until ready; sets READY_S (seconds from launch) and READY_MB (RSS then)
start() {
  local name=$1 t0 i
  t0=$(date +%s%N)
  launch "$name"
  for (( i = 0; i < 1200; i++ )); do
    [ "$(status "$(url_of "$name")/q/health/ready")" = 200 ] && break
    kill -0 "${PID[$name]}" 2>/dev/null || { echo "✗ $name exited while starting; its log:" >&2; tail -n 20 "$LOGS/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  READY_S=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  READY_MB=$(rss_mb "${PID[$name]}")
}

printf 'JVM options: services %s; gateway %s; %s cores; load average %s\n' "$SERVICE_JAVA_OPTS" "$GATEWAY_JAVA_OPTS" \
  "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'jars: %s\n' "${JARS:-$REPO/<module>/target}"
printf '\n%-22s %9s %9s %9s %9s %11s %9s %9s %6s %7s\n' "" "cold s" "cold MB" "warm s" "warm MB" "loaded MB" "anon MB" "req/s" "OOM" "stop s"
for name in $SERVICES; do
  start "$name"; cold_s=$READY_S cold_mb=$READY_MB
  # the first stop writes the class-data archive (10-70 s on a busy machine): killed, it would leave none
  stop "$name" 120
  EXTRA_JAVA_OPTS=""; [ "$NMT" = 1 ] && EXTRA_JAVA_OPTS="-XX:NativeMemoryTracking=summary"
  start "$name"; warm_s=$READY_S warm_mb=$READY_MB
  EXTRA_JAVA_OPTS=""
  out=$(wrk -t2 -c"$LOAD_CONNECTIONS" -d"$LOAD_DURATION" -H "Authorization: Bearer $(token)" "$(url_of "$name")${READ[$name]}")
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
  nmt=""
  if kill -0 "${PID[$name]}" 2>/dev/null; then
    loaded_mb=$(rss_mb "${PID[$name]}") anon=$(anon_mb "${PID[$name]}")
    [ "$NMT" = 1 ] && nmt=$(nmt_line "${PID[$name]}")
  else loaded_mb="exited" anon="-"; fi
  oom=no; grep -q OutOfMemoryError "$LOGS/$name.log" && oom=YES
  # transparency-service serves the gateway's load: stopped at the end
  STOP_S="(end)"; [ "$name" = transparency-service ] && [[ " $SERVICES " == *" gateway "* ]] || stop "$name"
  printf '%-22s %9s %9s %9s %9s %11s %9s %9s %6s %7s%s\n' "$name" "$cold_s" "$cold_mb" "$warm_s" "$warm_mb" "$loaded_mb" "$anon" \
    "$rps" "$oom" "$STOP_S" "${errors:+  ($errors answers not 2xx)}"
  [ -z "$nmt" ] || echo "$nmt"
done
if [ -n "${PID[transparency-service]:-}" ]; then stop transparency-service; echo "transparency-service stopped in $STOP_S s"; fi
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
