#!/usr/bin/env python3
"""Load for scripts/fault-pg-restart.sh: logged-in users open pages and save their declarations, with versions.

Usage: load.py setup PORT STATE_JSON
       load.py run PORT STATE_JSON EVENTS_JSONL SECONDS
       load.py report STATE_JSON EVENTS_JSONL MARKS_JSON MARKERS_TSV

setup: each filer creates one Suzhou 申报表 (40 indicators, 13 sub-projects) whose every row carries a marker.
run:   one thread per user, no think time: filers alternate edit page, save (the form as the edit page gave it, every
       row re-marked #M<user>v<version>s<seq>#, with the version), list, 待办; reviewers open the list, 待办 and the
       read view. Every request is one JSON line in EVENTS_JSONL: start and end time, user, what, status, and what the
       body was (ok, the 503 page, a stack trace, an error page ...). A session lost (redirect to /login) logs in again.
report: from the events, the fault marks (MARKS_JSON: name -> [start, end] of each fault) and the stored markers
       (MARKERS_TSV from psql: id, header marker, version, rows, rows with another marker), prints per fault what the
       users got and when the app served again, and checks every save: whole (one marker on every row) and
       acknowledged saves never lost. Exit status 1 when a check fails.
"""
import collections
import json
import re
import sys
import threading
import time

import perfclient as pc

FILERS = ["filer-001239", "filer-001276", "filer-dzzw", "filer-xxzx", "filer-jining"]
VIEWERS = ["reviewer-001239", "reviewer-dsj", "reviewer-jining", "finance", "leader-001239"]
BUSY = "系统繁忙，请稍后重试"


def classify(r):
    body = r.text()
    if any(s in body for s in ("Exception", "at cn.perf", "at org.", "Whitelabel", "Traceback")):
        return "stack-trace"
    if r.status == 503:
        return "busy-page" if BUSY in body else "503-other"
    if r.status in (200, 302):
        if r.status == 302 and "/login" in (r.header("Location") or ""):
            return "to-login"
        return "ok"
    return f"error-{r.status}"


def setup(port, state_path):
    state = {"declarations": {}}
    for i, user in enumerate(FILERS):
        b = pc.Browser(port)
        b.login(user)
        marker = f"#M{user}-setup#"
        did = pc.create_declaration(b, 2027, f"故障测试（数据库重启）{user}", marker)
        state["declarations"][user] = did
        b.close()
    with open(state_path, "w") as f:
        json.dump(state, f)
    print(f"created {len(state['declarations'])} declarations: {state['declarations']}")


class Worker(threading.Thread):
    def __init__(self, port, user, declaration, out, lock, until):
        super().__init__(daemon=True)
        self.port, self.user, self.did, self.out, self.lock, self.until = port, user, declaration, out, lock, until
        self.browser, self.seq = pc.Browser(port, timeout=30), 0

    def log(self, what, t0, status, kind, **extra):
        e = {"t0": t0, "t1": time.time(), "user": self.user, "what": what, "status": status, "kind": kind}
        e.update(extra)
        with self.lock:
            self.out.write(json.dumps(e, ensure_ascii=False) + "\n")
            self.out.flush()

    def call(self, what, fn):
        t0 = time.time()
        try:
            r = fn()
        except pc.LoginRefused as ex:  # 429: too many sign-ins at once on this node (LoginThrottle)
            self.log(what, t0, ex.status, "login-busy" if ex.status == 429 else "login-refused")
            time.sleep(0.5)
            return None
        except Exception as ex:  # refused, reset, timed out: the app did not answer
            self.log(what, t0, 0, "no-answer", error=type(ex).__name__)
            time.sleep(0.2)
            return None
        kind = classify(r)
        extra = {}
        if kind not in ("ok", "busy-page"):
            extra["body"] = r.text()[:300]
        if kind == "busy-page":
            extra["retryAfter"] = r.header("Retry-After")
        self.log(what, t0, r.status, kind, **extra)
        if kind == "to-login" or (r.status == 200 and what != "login" and 'action="/login"' in r.text()):
            self.relogin()
            return None
        return r

    def relogin(self):
        self.browser = pc.Browser(self.port, timeout=30)
        while time.time() < self.until:
            if self.call("login", lambda: self.browser.login(self.user)) is not None:
                return
            time.sleep(0.5)

    def run(self):
        self.relogin()
        while time.time() < self.until:
            if self.did is not None:
                self.filer_round()
            else:
                self.viewer_round()

    def filer_round(self):
        r = self.call("edit-page", lambda: self.browser.get(f"/declarations/{self.did}/edit"))
        if r is None or r.status != 200:
            return
        fields = pc.form_fields(r.text(), "declaration-form")
        version = dict(fields).get("version")
        self.seq += 1
        marker = f"#M{self.user}v{version}s{self.seq}#"
        t0 = time.time()
        try:
            s = pc.save(self.browser, self.did, fields, marker)
        except Exception as ex:
            self.log("save", t0, 0, "no-answer", error=type(ex).__name__, marker=marker, version=version)
            return
        kind = classify(s)
        extra = {"marker": marker, "version": version}
        if kind not in ("ok", "busy-page"):
            extra["body"] = s.text()[:300]
        if kind == "busy-page":
            extra["retryAfter"] = s.header("Retry-After")
        saved = s.status == 302 and (s.header("Location") or "").endswith(f"/declarations/{self.did}/edit")
        self.log("save", t0, s.status, kind, saved=saved, **extra)
        for path in ("/declarations", "/todo"):
            if time.time() >= self.until:
                return
            self.call(path, lambda p=path: self.browser.get(p))

    def viewer_round(self):
        r = self.call("/declarations", lambda: self.browser.get("/declarations"))
        ids = sorted(set(re.findall(r'href="/declarations/(\d+)"', r.text()))) if r is not None else []
        for path in ["/todo"] + [f"/declarations/{i}" for i in ids[:2]]:
            if time.time() >= self.until:
                return
            self.call(path.rsplit("/", 1)[0] + "/{id}" if path[-1].isdigit() else path,
                      lambda p=path: self.browser.get(p))


def run(port, state_path, events_path, seconds):
    with open(state_path) as f:
        state = json.load(f)
    until = time.time() + seconds
    lock = threading.Lock()
    with open(events_path, "a") as out:
        workers = [Worker(port, u, state["declarations"][u], out, lock, until) for u in FILERS]
        workers += [Worker(port, u, None, out, lock, until) for u in VIEWERS]
        for w in workers:
            w.start()
        for w in workers:
            w.join(seconds + 60)


def report(state_path, events_path, marks_path, markers_path):
    with open(state_path) as f:
        state = json.load(f)
    events = [json.loads(line) for line in open(events_path, encoding="utf-8") if line.strip()]
    with open(marks_path) as f:
        marks = json.load(f)
    ok = True
    print(f"{len(events)} requests in all; by outcome: "
          + ", ".join(f"{k} {v}" for k, v in collections.Counter(e["kind"] for e in events).most_common()))
    bad = [e for e in events if e["kind"] not in ("ok", "busy-page", "no-answer", "login-busy")]
    print(f"answers other than a page or the 503 page: {len(bad)}")
    for e in bad[:10]:
        print(f"  {e['what']} {e['status']} {e['kind']}: {e.get('body', '')[:160]!r}")
    if bad:
        ok = False
    busy = [e for e in events if e["kind"] == "busy-page"]
    if busy:
        times = sorted(e["t1"] - e["t0"] for e in busy)
        print(f"503 pages: {len(busy)}, answered in {times[0]:.2f}–{times[-1]:.2f} s (median {times[len(times) // 2]:.2f} s); "
              "Retry-After: " + ", ".join(f"{k} {v}" for k, v in collections.Counter(
                  str(e.get("retryAfter")) for e in busy).most_common()))
        if any(e.get("retryAfter") != "5" for e in busy):
            print("  without Retry-After: 5: " + ", ".join(sorted({e["what"] for e in busy
                                                                   if e.get("retryAfter") != "5"})))
            ok = False
    print()
    print("| fault | PostgreSQL down (s) | requests during the fault window | what users got | slowest answer (s) "
          "| first good answer after PostgreSQL was back (s) | after the fault began (s) |")
    print("|---|---|---|---|---|---|---|")
    starts = sorted(m["began"] for m in marks.values())
    for name, m in marks.items():
        began, back = m["began"], m["back"]
        # until the next fault began (or 30 s after PostgreSQL was back, for the last one)
        window_end = min([t for t in starts if t > began] + [back + 30])
        inside = [e for e in events if began <= e["t1"] < window_end]  # answered between this fault and the next
        failures = [e for e in inside if e["kind"] != "ok"]
        last_failure = max((e["t1"] for e in failures), default=began)
        first_ok_after = min((e["t1"] for e in events if e["kind"] == "ok" and e["t0"] >= back
                              and e["t1"] <= window_end), default=None)
        # served again: the first good answer after the last failure of this window
        good_after = min((e["t1"] for e in events if e["kind"] == "ok" and e["t1"] > last_failure
                          and e["t1"] <= window_end), default=None)
        counts = collections.Counter(f"{e['status']} {e['kind']}" for e in failures)
        got = ", ".join(f"{k}: {v}" for k, v in counts.most_common()) or "no failure"
        slowest = max((e["t1"] - e["t0"] for e in inside), default=0)
        after_back = "never" if first_ok_after is None else f"{first_ok_after - back:.1f}"
        served = "never" if good_after is None else f"{good_after - began:.1f}"
        print(f"| {name} | {back - began:.1f} | {len(inside)} | {got} | {slowest:.1f} | {after_back} | {served} |")
        if first_ok_after is None:
            ok = False
    print()
    # saves: whole, and acknowledged ones kept
    stored = {}
    for line in open(markers_path, encoding="utf-8"):
        did, marker, version, rows, foreign = line.rstrip("\n").split("\t")
        stored[int(did)] = (marker, int(version), int(rows), int(foreign))
    saves = [e for e in events if e["what"] == "save"]
    print(f"saves: {len(saves)} posted, {sum(1 for e in saves if e.get('saved'))} acknowledged (302), "
          + ", ".join(f"{k} {v}" for k, v in collections.Counter(
              f"{e['status']} {e['kind']}" for e in saves if not e.get("saved")).most_common()))
    for user, did in state["declarations"].items():
        marker, version, rows, foreign = stored[did]
        mine = [e for e in saves if e["user"] == user]
        acked = [e for e in mine if e.get("saved")]
        last_ack = max(acked, key=lambda e: e["t0"]) if acked else None
        # the stored marker must be the last acknowledged one, or one posted after it whose answer was lost
        later = {e["marker"] for e in mine if last_ack is None or e["t0"] > last_ack["t0"]}
        allowed = ({last_ack["marker"]} if last_ack else {f"#M{user}-setup#"}) | later
        whole = foreign == 0 and rows == 53
        kept = marker in allowed
        unacked_but_stored = marker in later and not (last_ack and marker == last_ack["marker"])
        print(f"  {user}: declaration {did} version {version}, {rows} rows, rows with another marker: {foreign} "
              f"-> {'whole' if whole else 'PARTIAL'}; stored {marker} "
              f"{'= the last acknowledged save' if last_ack and marker == last_ack['marker'] else ''}"
              f"{'(a save whose answer was lost: committed, not acknowledged)' if unacked_but_stored else ''}"
              f"{'' if kept else ' LOST an acknowledged save'}")
        ok = ok and whole and kept
    print()
    print("CHECKS PASSED" if ok else "CHECKS FAILED")
    return ok


def main():
    cmd = sys.argv[1]
    if cmd == "setup":
        setup(int(sys.argv[2]), sys.argv[3])
    elif cmd == "run":
        run(int(sys.argv[2]), sys.argv[3], sys.argv[4], float(sys.argv[5]))
    elif cmd == "report":
        sys.exit(0 if report(*sys.argv[2:6]) else 1)


if __name__ == "__main__":
    main()
