#!/usr/bin/env bash
# What the gateway costs, against the service called directly and against nginx as the yardstick of a plain reverse
# proxy: throughput and latency percentiles of
#   - a public list      GET /api/v1/public/participants          transparency-service :8084
#   - an authenticated   GET /api/v1/membership/signatories/{id}  membership-service   :8081
#     read (real Keycloak token of the demo user "office"; the gateway checks it, nginx passes it on unchecked)
# each measured directly against the service, through the gateway (:8080) and through nginx, in interleaved rounds
# (direct, gateway, nginx, then the next round in another order), so that a machine whose speed drifts (other builds
# on the same cores) weighs on every target alike. Prints each target's median over the rounds, the ratios of each
# round's figures (median, and min–max: the noise), and the p99 that each proxy adds on one connection. Also the CPU
# time per request of the process that listens on each target's port (read from /proc; the service for "direct", the
# proxy alone otherwise): on a machine shared with other work it moves less than the throughput does.
#
# Assumes the stack is up (./taskforce up). Needs wrk, curl and jq; the nginx comparison needs nginx (Debian:
# apt-get install wrk nginx-light). Installs nothing: without nginx it measures direct and gateway only.
# nginx is configured by this script in a temporary directory (a plain proxy_pass per route, HTTP/1.1 keep-alive to
# the services, its access log on as by default), started on NGINX_PORT and stopped at the end.
#
# Two passes: under load (CONNECTIONS concurrent connections: throughput, and latency at saturation), then one
# connection at a time (LATENCY_DURATION each: the latency a proxy adds when nothing queues). Last, the latency each
# proxy adds measured request by request (bench/AddedLatency.java, run by the JDK alone: one request to each target in
# turn, INTERLEAVED requests each), because the p99 of seconds-long one-connection runs, one target after the other,
# moves with the machine by more than the 2 ms asked about.
#
# Environment: ROUNDS (3), DURATION (10s per measurement), CONNECTIONS (32), THREADS (2), LATENCY_DURATION (5s),
#              WARMUP (5s, once per target and pass, not counted), INTERLEAVED (5000 requests per target),
#              GATEWAY (http://127.0.0.1:8080), MEMBERSHIP (http://127.0.0.1:8081),
#              TRANSPARENCY (http://127.0.0.1:8084), KEYCLOAK (http://127.0.0.1:8180/realms/taskforce),
#              NGINX (nginx: the binary; NGINX=off leaves nginx out), NGINX_PORT (8098).
# GATEWAY_B (unset): a second gateway measured beside the first on the same reads, with the ratio B / A (its label:
#              LABEL_B; bench/tracing.sh uses it to compare the gateway with and without tracing).
# The gateway's rate limits would cut a benchmark short: start the gateway with TASKFORCE_RATE_LIMIT and
# TASKFORCE_PUBLIC_RATE_LIMIT set high (the script says so when it meets a 429).
set -euo pipefail

ROUNDS="${ROUNDS:-3}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WARMUP="${WARMUP:-5s}"
LATENCY_DURATION="${LATENCY_DURATION:-5s}"
INTERLEAVED="${INTERLEAVED:-5000}"
GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
MEMBERSHIP="${MEMBERSHIP:-http://127.0.0.1:8081}"
TRANSPARENCY="${TRANSPARENCY:-http://127.0.0.1:8084}"
KEYCLOAK="${KEYCLOAK:-http://127.0.0.1:8180/realms/taskforce}"
NGINX="${NGINX:-nginx}"
NGINX_PORT="${NGINX_PORT:-8098}"
GATEWAY_B="${GATEWAY_B:-}"
LABEL_B="${LABEL_B:-gateway B}"

for tool in wrk curl jq; do
  if ! command -v "$tool" >/dev/null; then
    echo "✗ $tool is missing. On Debian/Ubuntu: sudo apt-get install $tool" >&2
    exit 2
  fi
done
if [ "$NGINX" != off ] && ! command -v "$NGINX" >/dev/null; then
  echo "! nginx is missing: measuring without it (Debian/Ubuntu: sudo apt-get install nginx-light)" >&2
  NGINX=off
fi

status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
for url in "$GATEWAY/q/health/live" "$MEMBERSHIP/q/health/live" "$TRANSPARENCY/q/health/live"; do
  if [ "$(status "$url")" != 200 ]; then
    echo "✗ $url does not answer: is the stack up? (./taskforce up)" >&2
    exit 2
  fi
done

# --- nginx, configured here and stopped on exit ------------------------------------------------------------------
NGINX_DIR=""
stop_nginx() {
  if [ -n "$NGINX_DIR" ] && [ -f "$NGINX_DIR/nginx.pid" ]; then
    "$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" -s stop 2>/dev/null || true
    for _ in $(seq 1 40); do [ -f "$NGINX_DIR/nginx.pid" ] || break; sleep 0.25; done
  fi
  [ -z "$NGINX_DIR" ] || rm -rf "$NGINX_DIR"
}
trap stop_nginx EXIT
start_nginx() {
  NGINX_DIR=$(mktemp -d)
  chmod 755 "$NGINX_DIR"   # its workers run as nobody when started as root
  local temp
  for temp in body proxy fastcgi uwsgi scgi; do mkdir -p "$NGINX_DIR/$temp"; done
  cat >"$NGINX_DIR/nginx.conf" <<EOF
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
  access_log $NGINX_DIR/access.log;
  client_body_temp_path $NGINX_DIR/body;
  proxy_temp_path $NGINX_DIR/proxy;
  fastcgi_temp_path $NGINX_DIR/fastcgi;
  uwsgi_temp_path $NGINX_DIR/uwsgi;
  scgi_temp_path $NGINX_DIR/scgi;
  # wrk's connections are kept for the whole run, as the gateway keeps them (nginx would close one every 1,000)
  keepalive_requests 1000000;
  upstream transparency { server ${TRANSPARENCY#*://}; keepalive 64; keepalive_requests 1000000; }
  upstream membership { server ${MEMBERSHIP#*://}; keepalive 64; keepalive_requests 1000000; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    location /api/v1/public/ { proxy_pass http://transparency; }
    location /api/v1/membership/ { proxy_pass http://membership; }
  }
}
EOF
  "$NGINX" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log" \
    || { echo "✗ nginx did not start (port $NGINX_PORT taken?)" >&2; exit 2; }
  for _ in $(seq 1 40); do [ "$(status "http://127.0.0.1:$NGINX_PORT/api/v1/public/participants")" = 200 ] && return; sleep 0.25; done
  echo "✗ nginx on :$NGINX_PORT does not answer; its log: $NGINX_DIR/error.log" >&2
  exit 2
}

token() {
  local token
  token=$(curl -sf "$KEYCLOAK/protocol/openid-connect/token" -d grant_type=password -d client_id=taskforce-portal \
    -d username=office -d password=office-demo | jq -r .access_token) || true
  if [ -z "$token" ] || [ "$token" = null ]; then
    echo "✗ no token from $KEYCLOAK for the demo user office" >&2
    return 1
  fi
  echo "$token"
}

TOKEN=$(token)
PUBLIC_PATH=/api/v1/public/participants
ID=$(curl -sf "$MEMBERSHIP/api/v1/membership/signatories?limit=1" -H "Authorization: Bearer $TOKEN" \
  | jq -r '(.items // .)[0].id')
if [ -z "$ID" ] || [ "$ID" = null ]; then
  echo "✗ no signatory to read: the membership service lists none" >&2
  exit 2
fi
AUTH_PATH=/api/v1/membership/signatories/$ID

# target name -> base URL of each read (direct: the service itself)
declare -A BASE_PUBLIC=([direct]="$TRANSPARENCY" [gateway]="$GATEWAY") BASE_AUTH=([direct]="$MEMBERSHIP" [gateway]="$GATEWAY")
declare -A LABEL=([direct]="direct" [gateway]="gateway (${GATEWAY##*:})")
TARGETS=(direct gateway)
if [ "$NGINX" != off ]; then
  start_nginx
  BASE_PUBLIC[nginx]="http://127.0.0.1:$NGINX_PORT"; BASE_AUTH[nginx]="http://127.0.0.1:$NGINX_PORT"
  LABEL[nginx]="nginx (:$NGINX_PORT)"; TARGETS+=(nginx)
fi
if [ -n "$GATEWAY_B" ]; then
  BASE_PUBLIC[b]="$GATEWAY_B"; BASE_AUTH[b]="$GATEWAY_B"; LABEL[b]="$LABEL_B"; TARGETS+=(b)
fi

for target in "${TARGETS[@]}"; do
  url="${BASE_PUBLIC[$target]}$PUBLIC_PATH"
  [ "$(status "$url")" = 200 ] || { echo "✗ GET $url is not 200" >&2; exit 2; }
  url="${BASE_AUTH[$target]}$AUTH_PATH"
  [ "$(status -H "Authorization: Bearer $TOKEN" "$url")" = 200 ] || { echo "✗ GET $url is not 200" >&2; exit 2; }
done

# wrk's latency figures come as 812.00us, 1.25ms or 1.02s: to milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}

# the processes listening on the port of URL (nginx: its master and workers), and the CPU ticks they have used
pids_of() { local port=${1##*:}; port=${port%%/*}; ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u; }
ticks_of() { local pid total=0; for pid in "$@"; do total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0) )); done; echo "$total"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

# measure CONNECTIONS DURATION URL [header]: prints "req/s p50 p90 p99 non2xx cpu", cpu being the CPU microseconds per
# request of the process that listens on URL's port (the proxy's own cost, not the service's behind it; 0 if unknown)
measure() {
  local connections=$1 duration=$2 url=$3 header=${4:-} out pids before
  local args=(-t "$(( connections < THREADS ? connections : THREADS ))" -c "$connections" --latency -d "$duration")
  [ -n "$header" ] && args+=(-H "$header")
  mapfile -t pids < <(pids_of "${url%/api/*}")
  before=$(ticks_of "${pids[@]}")
  out=$(wrk "${args[@]}" "$url")
  local rps p50 p90 p99 errors requests cpu
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  cpu=$(awk -v t="$(( $(ticks_of "${pids[@]}") - before ))" -v hz="$TICKS_PER_SECOND" -v n="$requests" \
    'BEGIN { printf "%.0f", (n > 0 ? t / hz * 1e6 / n : 0) }')
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p90=$(to_ms "$(awk '$1 == "90%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
  echo "$rps $p50 $p90 $p99 ${errors:-0} $cpu"
}

load() { cut -d' ' -f1-3 /proc/loadavg; }
printf 'wrk: %s threads; %s rounds of %s per target under load, of %s on one connection (after %s warm-up); %s cores; load average %s\n' \
  "$THREADS" "$ROUNDS" "$DURATION" "$LATENCY_DURATION" "$WARMUP" "$(nproc)" "$(load)"

# R[read/connections/target/round] = "req/s p50 p90 p99 non2xx"
declare -A R
# pass READ CONNECTIONS DURATION: a warm-up of each target, then ROUNDS rounds over the targets, each round in another
# order (rotated), so that no target is always measured after the same one
pass() {
  local read=$1 connections=$2 duration=$3 target round i n=${#TARGETS[@]} path header=""
  for target in "${TARGETS[@]}"; do measure_read "$read" "$target" "$connections" "$WARMUP" >/dev/null; done
  for (( round = 1; round <= ROUNDS; round++ )); do
    for (( i = 0; i < n; i++ )); do
      target=${TARGETS[$(( (i + round - 1) % n ))]}
      R[$read/$connections/$target/$round]=$(measure_read "$read" "$target" "$connections" "$duration")
      local errors; errors=$(cut -d' ' -f5 <<<"${R[$read/$connections/$target/$round]}")
      if [ "$errors" != 0 ]; then
        echo "  ! $target: $errors answers were not 2xx (a 429 means the gateway's rate limit: raise" \
          "TASKFORCE_RATE_LIMIT and TASKFORCE_PUBLIC_RATE_LIMIT for the gateway)" >&2
      fi
    done
  done
}
measure_read() {
  local read=$1 target=$2 connections=$3 duration=$4
  if [ "$read" = public ]; then
    measure "$connections" "$duration" "${BASE_PUBLIC[$target]}$PUBLIC_PATH"
  else
    TOKEN=$(token)   # a fresh token for each measurement: realm tokens live 300 s
    measure "$connections" "$duration" "${BASE_AUTH[$target]}$AUTH_PATH" "Authorization: Bearer $TOKEN"
  fi
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# field F (1 req/s, 2 p50, 3 p90, 4 p99, 5 non-2xx, 6 CPU us/request) of TARGET's rounds, one a line
fields() { local key=$1 target=$2 f=$3 round; for (( round = 1; round <= ROUNDS; round++ )); do cut -d' ' -f"$f" <<<"${R[$key/$target/$round]}"; done; }
# per round: field F of A divided by (op /) or minus (op -) field F of B
paired() {
  local key=$1 a=$2 b=$3 f=$4 op=$5 round
  for (( round = 1; round <= ROUNDS; round++ )); do
    awk -v x="$(cut -d' ' -f"$f" <<<"${R[$key/$a/$round]}")" -v y="$(cut -d' ' -f"$f" <<<"${R[$key/$b/$round]}")" -v op="$op" \
      'BEGIN { printf "%.4f\n", op == "/" ? x / y : x - y }'
  done
}
# "median (min–max)" of a paired series, each in printf FORMAT
spread() {
  local format=$1 values; values=$(cat)
  printf "$format ($format–$format)" "$(median <<<"$values")" "$(sort -g <<<"$values" | head -1)" "$(sort -g <<<"$values" | tail -1)"
}

table() {
  local key=$1 title=$2 target
  printf '\n%-40s %10s %9s %9s %9s %8s %11s\n' "$title" "req/s" "p50 ms" "p90 ms" "p99 ms" "non-2xx" "CPU us/req"
  for target in "${TARGETS[@]}"; do
    printf '%-40s %10.0f %9.2f %9.2f %9.2f %8d %11.0f\n' "  ${LABEL[$target]}" "$(fields "$key" "$target" 1 | median)" \
      "$(fields "$key" "$target" 2 | median)" "$(fields "$key" "$target" 3 | median)" \
      "$(fields "$key" "$target" 4 | median)" "$(fields "$key" "$target" 5 | awk '{ s += $1 } END { print s }')" \
      "$(fields "$key" "$target" 6 | median)"
  done
}

ratios() {
  local key=$1 title=$2 a b
  printf '\n%-40s %s\n' "$title" "req/s ratio, median of the rounds (min–max); p99 ratio"
  for pair in gateway/direct nginx/direct gateway/nginx b/gateway; do
    a=${pair%/*}; b=${pair#*/}
    [ -n "${LABEL[$a]:-}" ] && [ -n "${LABEL[$b]:-}" ] || continue
    printf '  %-38s x%s; p99 x%s\n' "${LABEL[$a]%% (*} / ${LABEL[$b]%% (*}" \
      "$(paired "$key" "$a" "$b" 1 / | spread %.2f)" \
      "$(paired "$key" "$a" "$b" 4 / | median | awk '{ printf "%.2f", $1 }')"
  done
}

added() {
  local key=$1 title=$2 target
  printf '\n%-40s %s\n' "$title" "ms added to direct, median of the rounds (min–max)"
  for target in gateway nginx b; do
    [ -n "${LABEL[$target]:-}" ] || continue
    printf '  %-38s p50 %s; p99 %s\n' "${LABEL[$target]}" \
      "$(paired "$key" "$target" direct 2 - | spread %+.2f)" \
      "$(paired "$key" "$target" direct 4 - | spread %+.2f)"
  done
}

pass public "$CONNECTIONS" "$DURATION"
pass auth "$CONNECTIONS" "$DURATION"
pass public 1 "$LATENCY_DURATION"
pass auth 1 "$LATENCY_DURATION"

table "public/$CONNECTIONS" "public list, $CONNECTIONS connections"
table "auth/$CONNECTIONS" "authenticated read, $CONNECTIONS connections"
table public/1 "public list, one connection"
table auth/1 "authenticated read, one connection"
ratios "public/$CONNECTIONS" "public list, $CONNECTIONS connections"
ratios "auth/$CONNECTIONS" "authenticated read, $CONNECTIONS connections"
ratios public/1 "public list, one connection"
ratios auth/1 "authenticated read, one connection"
added public/1 "public list, one connection"
added auth/1 "authenticated read, one connection"

# interleaved READ: the one-connection latencies of every target, request by request, compared with direct
interleaved() {
  local read=$1 target header=- urls=()
  for target in "${TARGETS[@]}"; do
    if [ "$read" = public ]; then urls+=("${LABEL[$target]}=${BASE_PUBLIC[$target]}$PUBLIC_PATH")
    else urls+=("${LABEL[$target]}=${BASE_AUTH[$target]}$AUTH_PATH"); fi
  done
  [ "$read" = public ] || { TOKEN=$(token); header="Authorization: Bearer $TOKEN"; }
  java "$(dirname "$0")/AddedLatency.java" "$INTERLEAVED" 1000 "$header" "${urls[@]}"
}
printf '\npublic list, one connection, interleaved: '
interleaved public
printf '\nauthenticated read, one connection, interleaved: '
interleaved auth
echo
echo "load average at the end: $(load)"
