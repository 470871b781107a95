#!/usr/bin/env bash
# What sharing the rate-limit buckets costs the gateway: the stack's gateway (:8080, buckets in its own memory)
# against two more gateways from the same jar that share theirs in an embedded Hazelcast cluster (:8085 and :8086,
# cluster ports 5801 and 5802), through bench/gateway.sh (GATEWAY_B), once against each of the two: a benchmark is one
# caller, whose bucket lives on one of them, so one of the two runs takes every token over the cluster's connection.
#
# Assumes the stack is up (./taskforce up, one instance of each) with its rate limits raised (TASKFORCE_RATE_LIMIT and
# TASKFORCE_PUBLIC_RATE_LIMIT); starts and stops the two clustered gateways itself. Needs what bench/gateway.sh needs.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the gateway's JVM options as ./taskforce gives them, so that it is compared with the stack's gateway like for like
eval "$(grep -E '^GATEWAY_JAVA_OPTS=' "$REPO/taskforce")"
JAR="$REPO/gateway/target/quarkus-app/quarkus-run.jar"
[ -f "$JAR" ] || { echo "✗ $JAR is missing: ./mvnw -pl gateway -am install -DskipTests" >&2; exit 2; }

pids=()
logs=()
trap 'kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null; rm -f "${logs[@]}"' EXIT
for k in 1 2; do
  log=$(mktemp); logs+=("$log")
  TASKFORCE_RATE_LIMIT="${TASKFORCE_RATE_LIMIT:-1000000}" TASKFORCE_PUBLIC_RATE_LIMIT="${TASKFORCE_PUBLIC_RATE_LIMIT:-1000000}" \
    TASKFORCE_GATEWAY_CLUSTER_MEMBERS=127.0.0.1:5801,127.0.0.1:5802 TASKFORCE_GATEWAY_CLUSTER_PORT=580$k \
    java $GATEWAY_JAVA_OPTS -Dquarkus.http.port=808$((4 + k)) -jar "$JAR" >"$log" 2>&1 &
  pids+=($!)
done
for k in 1 2; do
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:808$((4 + k))/q/health/ready")" = 200 ] && break
    sleep 0.5
  done
done
grep -h "Rate-limit cluster" "${logs[@]}" | tail -n 1
for k in 1 2; do
  echo "== against the clustered gateway :808$((4 + k))"
  GATEWAY_B="http://127.0.0.1:808$((4 + k))" LABEL_B="shared buckets (:808$((4 + k)))" "$REPO/bench/gateway.sh"
done
