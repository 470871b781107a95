#!/usr/bin/env bash
# Event-to-register latency: registers signatories through the gateway (membership-service, AI Office token) and
# measures, for each, the time from its event (the CloudEvent's time, taken when membership-service records it in its
# transaction) until the public register holds it (commit, outbox relay -> Kafka -> transparency-service, the
# projection's commit). The register is watched through its log,
# /api/v1/public/register/log/entries, read from the last entry seen every POLL seconds on one kept-alive connection:
# the log entry is appended in the transaction that projects the event into the public lists, so it shows the moment
# they do. Prints figures, never asserts. The register is read on transparency-service itself: through the gateway,
# the public rate limit (300 a minute) would cut the watching short with 429s.
#
# Modes (MODE):
#   single     RUNS signatories one after the other, each once the previous is in the register: min, p50, p90, p99, max.
#   sustained  RATE registrations a minute for DURATION seconds, sent on CONNECTIONS connections at a steady pace:
#              the rate reached, the latency of every event (p50, p99, max) and the register's lag (the age of the
#              oldest registered signatory it does not hold yet, sampled at every read of the log; max and p99);
#              then waits until the stack is idle again and prints the CPU seconds each process (PIDS) used.
#   backlog    stops transparency-service (SIGSTOP to TRANSPARENCY_PID), registers BACKLOG signatories, waits until
#              membership-service's outbox has published them all (its taskforce_outbox_pending metric on GATEWAY's
#              /q/metrics is 0: set GATEWAY to membership-service itself), lets transparency-service go
#              on (SIGCONT) and measures how long it takes until the register holds them all (after a stop longer than
#              the consumers' session timeout, 10 s, this includes the consumer group's rebalance).
#
# Assumes the stack is up (./taskforce up). Needs curl, jq and python3. Installs nothing.
# Environment: MODE (single), RUNS (50), RATE (10000), DURATION (300), CONNECTIONS (8), BACKLOG (10000),
#              TRANSPARENCY_PID (backlog mode: the pid of the transparency-service JVM; see ./taskforce status),
#              PIDS (the directory of the stack's pid files: ~/.taskforce/run/pids),
#              POLL (seconds between reads of the log: 0.01 for single events, 0.1 in the other modes),
#              GATEWAY (http://127.0.0.1:8080), TRANSPARENCY (http://127.0.0.1:8084),
#              KEYCLOAK (http://127.0.0.1:8180/realms/taskforce), WINDOW (10: seconds per window of the sustained
#              mode's per-window p99, which shows whether the slow events came at the start or all along),
#              CPU_TRACE (1: the sustained mode also prints the cores each process used, second by second).
# Through the gateway, the sustained and backlog modes need its rate limit raised (TASKFORCE_RATE_LIMIT, per minute),
# or GATEWAY set to membership-service itself (http://127.0.0.1:8081: it checks the token itself).
# The demo accounts' password grant is used, as the system tests do. Leaves the signatories it registered.
set -euo pipefail
export MODE="${MODE:-single}" RUNS="${RUNS:-50}" RATE="${RATE:-10000}" DURATION="${DURATION:-300}"
export CONNECTIONS="${CONNECTIONS:-8}" BACKLOG="${BACKLOG:-10000}" TRANSPARENCY_PID="${TRANSPARENCY_PID:-}"
# the log is read often for single events, less under load: each read costs transparency-service what it measures
if [ "$MODE" = single ]; then POLL="${POLL:-0.01}"; else POLL="${POLL:-0.1}"; fi
export POLL GATEWAY="${GATEWAY:-http://127.0.0.1:8080}"
# the sustained mode also prints the CPU time each process of the stack used, by the pids ./taskforce keeps
export PIDS="${PIDS:-${TASKFORCE_HOME:-$HOME/.taskforce}/run/pids}"
export TRANSPARENCY="${TRANSPARENCY:-http://127.0.0.1:8084}"
KEYCLOAK="${KEYCLOAK:-http://127.0.0.1:8180/realms/taskforce}"
for tool in curl jq python3; do
  command -v "$tool" >/dev/null || { echo "✗ $tool is missing (Debian: apt-get install $tool)" >&2; exit 2; }
done
if [ "$MODE" = backlog ] && [ -z "$TRANSPARENCY_PID" ]; then
  echo "✗ MODE=backlog needs TRANSPARENCY_PID, the pid of transparency-service (./taskforce status)" >&2; exit 2
fi
TOKEN=$(curl -sf -d grant_type=password -d client_id=taskforce-portal -d username=office -d password=office-demo \
  "$KEYCLOAK/protocol/openid-connect/token" | jq -r .access_token)
export TOKEN KEYCLOAK
exec python3 - <<'PY'
import datetime, http.client, json, os, signal, threading, time, uuid
import urllib.parse
import urllib.request
from urllib.parse import urlsplit

env = os.environ
MODE, POLL = env["MODE"], float(env["POLL"])
WINDOW = float(env.get("WINDOW", "10"))   # seconds: the sustained mode's latency is also given per window of the run
PIDS = env["PIDS"]
GATEWAY, TRANSPARENCY = urlsplit(env["GATEWAY"]), urlsplit(env["TRANSPARENCY"])
TOKEN = {"value": env["TOKEN"], "at": time.monotonic()}
TOKEN_LOCK = threading.Lock()


def headers():
    # Keycloak's access tokens live 5 minutes: a new one every 4, so that a 5-minute run keeps a valid token
    with TOKEN_LOCK:
        if time.monotonic() - TOKEN["at"] > 240:
            form = urllib.parse.urlencode({"grant_type": "password", "client_id": "taskforce-portal",
                                           "username": "office", "password": "office-demo"}).encode()
            with urllib.request.urlopen(env["KEYCLOAK"] + "/protocol/openid-connect/token", form) as answer:
                TOKEN["value"] = json.load(answer)["access_token"]
            TOKEN["at"] = time.monotonic()
        return {"Authorization": "Bearer " + TOKEN["value"], "Content-Type": "application/json"}


def connect(url):
    return http.client.HTTPConnection(url.hostname, url.port or 80, timeout=30)


def get_json(conn, path):
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise RuntimeError(f"GET {path}: {response.status} {body[:200]!r}")
    return json.loads(body)


class Register:
    """Reads the log from its head on: when each subject first appeared in it."""

    def __init__(self):
        self.conn = connect(TRANSPARENCY)
        self.next = get_json(self.conn, "/api/v1/public/register/log/entries?from=1&limit=1")["headSequence"] + 1
        self.seen = {}          # subject -> when the register was seen to hold it (time.time())
        self.latency = {}       # subject -> seconds from its event's time until then
        self.lock = threading.Condition()
        self.paused = threading.Event()
        self.stopped = False
        self.lag_samples = []   # (seconds since the oldest registered signatory not seen yet) at each read
        self.waiting = {}       # id -> registered at, not yet seen
        threading.Thread(target=self.watch, daemon=True).start()

    def watch(self):
        while not self.stopped:
            if self.paused.is_set():
                time.sleep(0.05)
                continue
            try:
                page = get_json(self.conn, f"/api/v1/public/register/log/entries?from={self.next}&limit=500")
            except (OSError, http.client.HTTPException):
                self.conn.close(); self.conn = connect(TRANSPARENCY); time.sleep(0.1)
                continue
            now = time.time()
            with self.lock:
                for item in page["entries"]:
                    subject = item["entry"]["subject"]
                    if subject not in self.seen:
                        self.seen[subject] = now
                        self.latency[subject] = now - datetime.datetime.fromisoformat(
                            item["entry"]["time"].replace("Z", "+00:00")).timestamp()
                    self.waiting.pop(subject, None)
                    self.next = item["sequence"] + 1
                if self.waiting:
                    self.lag_samples.append(now - min(self.waiting.values()))
                elif MODE == "sustained":
                    self.lag_samples.append(0.0)
                self.lock.notify_all()
            if len(page["entries"]) < 500:
                time.sleep(POLL)

    def registered(self, signatory, at):
        with self.lock:
            if signatory not in self.seen:
                self.waiting[signatory] = at

    def wait_for(self, ids, timeout):
        deadline = time.time() + timeout
        with self.lock:
            while not all(i in self.seen for i in ids):
                left = deadline - time.time()
                if left <= 0:
                    missing = sum(1 for i in ids if i not in self.seen)
                    raise SystemExit(f"✗ {missing} signatories not in the register after {timeout} s")
                self.lock.wait(min(left, 0.5))
            return max(self.seen[i] for i in ids)


def register(conn):
    name = f"Latency bench AI {uuid.uuid4()}"
    body = json.dumps({"name": name, "country": "BE", "chapters": ["TRANSPARENCY"], "signedOn": "2025-08-01"})
    conn.request("POST", "/api/v1/membership/signatories", body=body, headers=headers())
    response = conn.getresponse()
    answer = response.read()
    if response.status != 201:
        raise RuntimeError(f"POST: {response.status} {answer[:300]!r}")
    return json.loads(answer)["id"], time.time()


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def ms(seconds):
    return round(seconds * 1000)


def registering(count, rate_per_second, register_log):
    """Registers count signatories on CONNECTIONS connections, at rate_per_second (None: as fast as they go)."""
    ids, times, lock = [], {}, threading.Lock()
    start = time.time()
    slots = iter(range(count))
    def worker():
        conn = connect(GATEWAY)
        while True:
            with lock:
                slot = next(slots, None)
            if slot is None:
                return
            if rate_per_second:
                delay = start + slot / rate_per_second - time.time()
                if delay > 0:
                    time.sleep(delay)
            try:
                signatory, at = register(conn)
            except (OSError, http.client.HTTPException):
                conn.close(); conn = connect(GATEWAY)
                signatory, at = register(conn)
            with lock:
                ids.append(signatory); times[signatory] = at
            if register_log:
                register_log.registered(signatory, at)
    threads = [threading.Thread(target=worker) for _ in range(int(env["CONNECTIONS"]))]
    for t in threads: t.start()
    for t in threads: t.join()
    return ids, times, time.time() - start


def cpu_seconds():
    """The CPU time (user and system) each process of the stack has used with its children (PostgreSQL's backends,
    Keycloak's JVM under kc.sh), read from /proc by the pids in PIDS."""
    stats = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[pid] = (fields[1], (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"))
    children = {}
    for pid, (parent, _) in stats.items():
        children.setdefault(parent, []).append(pid)

    def tree(pid):
        return stats[pid][1] + sum(tree(child) for child in children.get(pid, [])) if pid in stats else 0

    used = {}
    for name in os.listdir(PIDS) if os.path.isdir(PIDS) else []:
        if name.endswith(".pid"):
            with open(os.path.join(PIDS, name)) as f:
                pid = (f.read().split() or [""])[0]
            if pid in stats:
                used[name[:-4]] = tree(pid)
    return used


def trace_cpu(stop, start):
    """With CPU_TRACE=1: the cores each process used, second by second, until stop is set (which process the first
    seconds after a start wait for)."""
    last, tick = cpu_seconds(), time.time()
    while not stop.wait(max(0.0, tick + 1 - time.time())):
        tick += 1
        now = cpu_seconds()
        print(f"  cores used, second {round(tick - start):3d}: " + " ".join(
            f"{name} {now[name] - last[name]:.2f}" for name in sorted(now) if name in last
            and now[name] - last[name] >= 0.01), flush=True)
        last = now


def settle(since, idle=0.05, longest=600):
    """Waits until the stack is idle (all of it under `idle` of a core over 5 s) after the last event: the other
    consumers of the topic may still be at work when the register holds every event. Returns the wait and the CPU."""
    start, last = time.time(), cpu_seconds()
    while time.time() - start < longest:
        time.sleep(5)
        now = cpu_seconds()
        if sum(now.get(name, 0) - last.get(name, 0) for name in now) / 5 < idle * max(1, len(now)):
            return time.time() - start - 5, now
        last = now
    return time.time() - start, last


if MODE == "single":
    log, conn, latencies = Register(), connect(GATEWAY), []
    for _ in range(int(env["RUNS"])):
        signatory, _ = register(conn)
        log.wait_for([signatory], 30)
        latencies.append(log.latency[signatory])
    print(f"event-to-register latency over {len(latencies)} signatories (ms): min {ms(min(latencies))}, "
          f"p50 {ms(pct(latencies, .5))}, p90 {ms(pct(latencies, .9))}, p99 {ms(pct(latencies, .99))}, "
          f"max {ms(max(latencies))}   (targets: p50 <= 50, p99 <= 250)")
elif MODE == "sustained":
    rate, duration = float(env["RATE"]), float(env["DURATION"])
    log = Register()
    cpu_before = cpu_seconds()
    tracing = threading.Event()
    if env.get("CPU_TRACE") == "1":
        threading.Thread(target=trace_cpu, args=(tracing, time.time()), daemon=True).start()
    ids, times, took = registering(int(rate * duration / 60), rate / 60, log)
    tracing.set()
    log.wait_for(ids, 120)
    latencies = [log.latency[i] for i in ids]
    print(f"sustained: {len(ids)} registrations in {took:.1f} s = {len(ids) / took * 60:.0f} a minute "
          f"(asked {rate:.0f}); latency (ms) p50 {ms(pct(latencies, .5))}, p99 {ms(pct(latencies, .99))}, "
          f"max {ms(max(latencies))}; register lag (ms) p99 {ms(pct(log.lag_samples, .99))}, "
          f"max {ms(max(log.lag_samples))}   (target: lag < 2000 at 10000 a minute for 5 minutes)")
    # when in the run the slow events were: a stack started cold is slow in its first minute, not later
    first = min(times.values())
    windows = {}
    for i in ids:
        windows.setdefault(int((times[i] - first) // WINDOW), []).append(log.latency[i])
    print(f"latency p99 (ms) by {WINDOW:.0f} s of the run: " + " ".join(
        str(ms(pct(windows[w], .99))) for w in sorted(windows)))
    settled, after = settle(cpu_before)
    used = {name: after[name] - cpu_before[name] for name in after if name in cpu_before}
    if used:
        print(f"CPU seconds from the first registration until the stack was idle again ({settled:.0f} s after the "
              f"register held the last): " + ", ".join(f"{name} {seconds:.1f}" for name, seconds in sorted(used.items(),
                                                                                        key=lambda u: -u[1])))
else:
    pid, count = int(env["TRANSPARENCY_PID"]), int(env["BACKLOG"])
    log = Register()
    log.paused.set()
    time.sleep(0.2)
    os.kill(pid, signal.SIGSTOP)
    try:
        ids, times, took = registering(count, None, None)
        print(f"backlog: {len(ids)} signatories registered in {took:.1f} s while transparency-service was stopped")
        # the backlog is on the topics once membership-service's outbox holds nothing (its metric, read by the relay)
        metrics = connect(GATEWAY)
        for _ in range(600):
            time.sleep(1)
            metrics.request("GET", "/q/metrics")
            text = metrics.getresponse().read().decode()
            pending = [line for line in text.splitlines() if line.startswith("taskforce_outbox_pending")]
            if pending and float(pending[0].split()[-1]) == 0:
                break
    finally:
        os.kill(pid, signal.SIGCONT)
    resumed = time.time()
    log.paused.clear()
    last = log.wait_for(ids, 600)
    print(f"backlog of {count} events drained in {last - resumed:.1f} s after transparency-service went on "
          f"(target: <= 30 s)")
log.stopped = True
PY
