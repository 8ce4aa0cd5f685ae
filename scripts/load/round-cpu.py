"""The request threads' CPU per request of one deadline-week round (DeadlineWeekSimulation's steps, one user at a
time): what each kind of request costs the app, without queueing or think time. Used by scripts/bench-round-cpu.sh.

Usage: round-cpu.py <port>:<app pid>[:<database>][,…] <users.csv> <rounds per user> <first user> <users>
CPU: the sum of utime + stime of the app's Tomcat request threads (http-nio-*) from /proc, read before and after each
request; JIT compiler and GC threads are left out of the table (they are the same for every kind). With the app's
database named (and PostgreSQL on this machine), the same for the PostgreSQL backends serving that database (its
client connections, as pg_stat_activity lists them before each user: the app's pool and its change feed): what each
request costs PostgreSQL, which shares the node's cores. Both are read from clock ticks, so a single request's figure
is coarse; averaged over hundreds it is not. The last lines
also give the whole process's CPU (every thread: JIT compiler, GC, background jobs) over the measured part per
round, sign-ins included: what a round costs the node.
With several apps (two builds, each on its own copy of the database) every user's rounds run on each app in turn, so
that the builds share whatever else the machine was doing (a shared virtual machine's speed drifts by 20 % and more
within minutes, more than most changes of one build to the next), each app going first for every other user.
"""
import collections
import csv
import os
import random
import re
import subprocess
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "faults"))
from perfclient import Browser, PASSWORD, csrf_of, form_fields  # noqa: E402

targets = [target.split(":") for target in sys.argv[1].split(",")]
apps = [(int(t[0]), int(t[1])) for t in targets]
database = {app: (t[2] if len(t) > 2 else None) for app, t in zip(apps, targets)}
users_csv, rounds, first, count = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
HZ = os.sysconf("SC_CLK_TCK")
# the fragments DeadlineWeekSimulation searches for (its TERMS); BENCH_SEARCH=绿化,道路 … to measure others (a
# two-character fragment has no trigram: JpqlFilters.containsCondition)
TERMS = os.environ.get("BENCH_SEARCH", "绿化养护,道路照明,信息系统,平台运维,老旧小区,垃圾分类,视频监控,网络安全,档案数字化,"
                       "应急物资,污水管网,养老服务,热线运营,公交场站").split(",")
GZIP = {"Accept-Encoding": "gzip, deflate"}  # as Gatling and browsers send it: kept pages go out compressed


def cpu_seconds(stat_path):
    """utime + stime of a process or thread, from its /proc stat file."""
    with open(stat_path) as s:
        f = s.read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / HZ


def threads(pid):
    """(name, CPU seconds) of each live thread of the process; a thread that ends while it is read is left out."""
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/comm") as c:
                name = c.read().strip()
            yield name, cpu_seconds(f"/proc/{pid}/task/{tid}/stat")
        except OSError:
            continue


def request_threads_cpu(pid):
    return sum(seconds for name, seconds in threads(pid) if name.startswith("http-nio"))


# the JVM's threads by name (/proc/<pid>/task/<tid>/comm, 15 characters at most: http-nio-43895-exec-7 and
# http-nio-43895-Poller are both http-nio-43895-), in the order tried
THREAD_GROUPS = [("Tomcat's threads (requests, sign-ins' hashing, I/O)", ("http-nio-",)),
                 ("JIT compiler", ("C1 CompilerThre", "C2 CompilerThre")),
                 ("garbage collector", ("GC Thread", "G1 ", "GC Conc", "ZWorker", "Parallel GC")),
                 ("VM thread (safepoints)", ("VM Thread",)),
                 ("PostgreSQL change feed", ("perf-change-feed",)), ("background exports", ("perf-export-",))]


def threads_cpu_by_group(pid):
    """The CPU of the process's live threads by THREAD_GROUPS, and 'other' for the rest (a dict of seconds); threads
    that have ended are in the process's total only."""
    groups = collections.defaultdict(float)
    for name, seconds in threads(pid):
        group = next((g for g, prefixes in THREAD_GROUPS if name.startswith(prefixes)), None)
        groups[group or "other: " + re.sub(r"[-#]?\d+$", "", name)] += seconds
    return groups


def backends(db):
    """The pids of the PostgreSQL backends serving the database's clients."""
    if not db:
        return []
    out = subprocess.run(["psql", "-X", "-At", "-h", os.environ.get("LOAD_PGHOST", "127.0.0.1"),
                          "-p", os.environ.get("LOAD_PGPORT", "5432"), "-U", os.environ.get("LOAD_PGADMIN", "postgres"),
                          "-d", "postgres", "-c", "select pid from pg_stat_activity where datname = '" + db
                          + "' and backend_type = 'client backend'"], capture_output=True, text=True, check=True)
    return [int(line) for line in out.stdout.split()]


def processes_cpu(pids):
    total = 0.0
    for pid in pids:
        try:
            total += cpu_seconds(f"/proc/{pid}/stat")
        except OSError:
            continue
    return total


spent = {app: collections.defaultdict(float) for app in apps}
spent_db = {app: collections.defaultdict(float) for app in apps}
done = {app: collections.Counter() for app in apps}
sizes = {app: collections.defaultdict(int) for app in apps}


def round_trips(app, user):
    """One user's sign-in and rounds on one app."""
    port, pid = app
    db_pids = backends(database[app])

    def measured(kind, call, expect=200):
        before_db = processes_cpu(db_pids)
        before = request_threads_cpu(pid)
        r = call()
        spent[app][kind] += request_threads_cpu(pid) - before
        spent_db[app][kind] += processes_cpu(db_pids) - before_db
        done[app][kind] += 1
        sizes[app][kind] += len(r.body)
        if r.status != expect:
            raise SystemExit(f"{kind} on port {port}: {r.status}, expected {expect}")
        return r

    d, e = user["declaration"], user["evaluation"]
    b = Browser(port)
    get = lambda path: b.request("GET", path, headers=GZIP)  # noqa: E731
    measured("login page", lambda: get("/login"))
    token = re.search(r'name="_csrf" value="([^"]+)"', b.get("/login").text()).group(1)
    measured("login", lambda: b.post("/login", [("username", user["username"]), ("password", PASSWORD),
                                                ("_csrf", token)]), 302)
    measured("stylesheet", lambda: get("/css/perf.css"))
    for n in range(rounds):
        # the edit page and the 自评表 page are rendered the first time a user opens them and kept after (the edit page
        # by the save's page of the round before): two rows each, so that a kept page's cost is not averaged with a
        # render's (until 2026-12-02 one row each, read as "a kept page costs 6 ms")
        first = " (first round: rendered)" if n == 0 else " (later rounds: kept)"
        measured("待办", lambda: get("/todo"))
        term = random.choice(TERMS)
        measured("search", lambda: get("/declarations?name=" + urllib.parse.quote(term)))
        measured("open 申报表", lambda: get(f"/declarations/{d}"))
        measured("edit page" + first, lambda: get(f"/declarations/{d}/edit"))
        fields = form_fields(b.get(f"/declarations/{d}/edit").text(), "declaration-form")  # not counted: a 2nd copy
        fields = [(k, f"负责人{random.randint(1, 99999)}" if k == "projectLeader" else v) for k, v in fields]
        saved = measured("save", lambda: b.post(f"/declarations/{d}/edit", fields), 302)
        measured("edit page after the save", lambda: get(urllib.parse.urlsplit(saved.header("Location")).path))
        measured("自评表 page" + first, lambda: get(f"/evaluations/{e}/edit"))
        page = b.get(f"/evaluations/{e}/edit").text()
        body = urllib.parse.urlencode(form_fields(page, "evaluation-form")).encode()
        headers = {"X-CSRF-TOKEN": csrf_of(page), "HX-Request": "true", "HX-Trigger": "live-trigger",
                   "Content-Type": "application/x-www-form-urlencoded", **GZIP}
        for _ in range(2):
            measured("live score", lambda: b.request("POST", f"/evaluations/{e}/preview", body=body,
                                                      headers=headers))
        measured("stylesheet", lambda: get("/css/perf.css"))
    b.close()


with open(users_csv) as f:
    users = list(csv.DictReader(f))[first:first + count]
random.seed(12)
process_before = {app: processes_cpu([app[1]]) for app in apps}
groups_before = {app: threads_cpu_by_group(app[1]) for app in apps}

for n, user in enumerate(users):
    # each app goes first for as many users as the others: the first of a pair runs on a CPU that has just been
    # idle (the client's parsing), which an A/A run showed to be worth a few per cent
    for app in apps[n % len(apps):] + apps[:n % len(apps)]:
        round_trips(app, user)
process_spent = {app: processes_cpu([app[1]]) - process_before[app] for app in apps}
groups_spent = {}
for app in apps:
    after = threads_cpu_by_group(app[1])
    groups_spent[app] = {g: after[g] - groups_before[app].get(g, 0.0) for g in after}

with_db = [app for app in apps if database[app]]
head = "| request | count | " + " | ".join(f"CPU per request (ms), app {i + 1}" for i in range(len(apps)))
head += "".join(f" | PostgreSQL CPU (ms), app {apps.index(app) + 1}" for app in with_db)
print(head + " | response (KB), app 1 |")
print("|---" * (len(apps) + len(with_db) + 3) + "|")
first_app = apps[0]
for kind in spent[first_app]:
    cells = " | ".join(f"{1000 * spent[app][kind] / done[app][kind]:.2f}" for app in apps)
    cells += "".join(f" | {1000 * spent_db[app][kind] / done[app][kind]:.2f}" for app in with_db)
    print(f"| {kind} | {done[first_app][kind]} | {cells} | {sizes[first_app][kind] / done[first_app][kind] / 1024:.1f} |")
for i, app in enumerate(apps):
    rounds_done = done[app]["待办"]
    per_round = sum(v for k, v in spent[app].items() if not k.startswith("login")) / rounds_done
    print(f"\napp {i + 1}: per round (everything but the sign-in, {rounds_done} rounds): "
          f"{1000 * per_round:.1f} ms of request-thread CPU; whole process, sign-ins included: "
          f"{1000 * process_spent[app] / rounds_done:.1f} ms", end="")
    if database[app]:
        per_round_db = sum(v for k, v in spent_db[app].items() if not k.startswith("login")) / rounds_done
        print(f"; PostgreSQL: {1000 * per_round_db:.1f} ms", end="")
print()

# the whole process's CPU per round by thread group: where the CPU outside the request threads goes (JIT, GC, …)
print("\n| threads (whole process, per round, ms) | " + " | ".join(f"app {i + 1}" for i in range(len(apps))) + " |")
print("|---" * (len(apps) + 1) + "|")
names = sorted({g for app in apps for g, v in groups_spent[app].items() if v > 0},
               key=lambda g: -max(groups_spent[app].get(g, 0.0) for app in apps))
shown = [g for g in names if not g.startswith("other") or
         max(groups_spent[app].get(g, 0.0) / done[app]["待办"] for app in apps) >= 0.0005]
for g in shown:
    print(f"| {g} | " + " | ".join(f"{1000 * groups_spent[app].get(g, 0.0) / done[app]['待办']:.1f}" for app in apps)
          + " |")
print("| the rest (smaller groups, threads that ended) | " + " | ".join(
    f"{1000 * (process_spent[app] - sum(groups_spent[app].get(g, 0.0) for g in shown)) / done[app]['待办']:.1f}"
    for app in apps) + " |")
