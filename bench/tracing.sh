#!/usr/bin/env bash
# What tracing costs the gateway: the stack's gateway (:8080; its OpenTelemetry SDK is off unless
# TASKFORCE_OTLP_ENDPOINT is set) against a second gateway from the same jar that makes spans without exporting them
# (-Dquarkus.otel.sdk.disabled=false) on :8090, through bench/gateway.sh (GATEWAY_B): each read measured on the one,
# then on the other.
#
# Assumes the stack is up (./taskforce up) with its rate limits raised (TASKFORCE_RATE_LIMIT and
# TASKFORCE_PUBLIC_RATE_LIMIT); starts and stops the second gateway itself.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the gateway's JVM options as ./taskforce gives them, so that it is compared with the stack's gateway like for like
eval "$(grep -E '^GATEWAY_JAVA_OPTS=' "$REPO/taskforce")"
JAR="$REPO/gateway/target/quarkus-app/quarkus-run.jar"
PORT_B="${PORT_B:-8090}"
[ -f "$JAR" ] || { echo "✗ $JAR is missing: ./mvnw -pl gateway -am install -DskipTests" >&2; exit 2; }

log=$(mktemp)
TASKFORCE_RATE_LIMIT="${TASKFORCE_RATE_LIMIT:-1000000}" TASKFORCE_PUBLIC_RATE_LIMIT="${TASKFORCE_PUBLIC_RATE_LIMIT:-1000000}" \
  java $GATEWAY_JAVA_OPTS -Dquarkus.http.port="$PORT_B" \
  -Dquarkus.otel.sdk.disabled=false -jar "$JAR" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT_B/q/health/ready")" = 200 ] && break
  sleep 0.5
done
GATEWAY_B="http://127.0.0.1:$PORT_B" LABEL_B="spans made (:$PORT_B)" "$REPO/bench/gateway.sh"
