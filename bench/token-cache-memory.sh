#!/usr/bin/env bash
# The heap the verified-token cache holds (module common, security.VerifiedTokens; the gateway and every service keep
# one): a caller who signs in again and again brings a new valid token each time, and each is remembered until it
# expires, so the cache's bound is what a flood of valid tokens can make a process hold. Fills a cache as
# quarkus-oidc's identities would (bench/TokenCacheMemory.java) and prints the heap used after a full GC, in all and
# per token kept: at the default bound with tokens shaped like the realm's access tokens, with more tokens than the
# bound, and with tokens ten times as long (each counts as several towards the bound).
#
# Needs the JDK and the repository's Maven wrapper (compiles module common in place). Installs nothing; needs no stack.
# Environment: BOUND (1000: taskforce.token-cache.max-size).
set -euo pipefail
cd "$(dirname "$0")/.."
BOUND="${BOUND:-1000}"
# compiled in place, not installed: a project jar put into ~/.m2 would be taken by any build running beside this
./mvnw -q -o -pl common -am compile 2>/dev/null || ./mvnw -q -pl common -am compile
cp_file=$(mktemp)
./mvnw -q -o -pl common dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$cp_file" >/dev/null
classes=$(mktemp -d)
trap 'rm -rf "$cp_file" "$classes"' EXIT
classpath="common/target/classes:$(cat "$cp_file")"
# compiled first: the JDK's source launcher keeps its compiler's objects until main runs, which the figures would see
javac -d "$classes" -cp "$classpath" bench/TokenCacheMemory.java
run() { java -Xmx512m -XX:+UseSerialGC -cp "$classes:$classpath" TokenCacheMemory "$@"; }
run "$BOUND" "$BOUND" 0
run "$BOUND" $((BOUND * 5)) 0
run "$BOUND" "$BOUND" 12000
