#!/usr/bin/env python3
"""Issue 12: a list's 导出 as a user lives it, against a running app: click (POST the search), the export's page, its
status polled until the background job is done, the file downloaded. Prints, per phase, p50/p95/max over the rounds,
and the time from the click to the file being ready. Rounds run one after another (a user has at most three exports
on the way), each a new job of the same search.

Usage: bench-export-jobs.py <port> <user> <list path, e.g. /declarations/summary.xlsx> [rounds] [--prepare]
  --prepare: queue one export, wait for it, print only its job id (for wrk on its file and status).
Standard library only; the small browser of scripts/faults/perfclient.py.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "faults"))
import perfclient  # noqa: E402

STATUS = re.compile(r'id="export-status"[^>]*data-status="([A-Z]+)"|data-status="([A-Z]+)"[^>]*id="export-status"')


def status_of(html):
    m = STATUS.search(html)
    if not m:
        raise RuntimeError("no export status panel in the page")
    return m.group(1) or m.group(2)


def one(browser, list_path, csrf):
    t0 = time.monotonic()
    r = browser.post(list_path, [("_csrf", csrf)])
    location = r.header("Location") or ""
    m = re.search(r"/exports/(\d+)$", location)
    if r.status != 302 or not m:
        raise RuntimeError(f"POST {list_path}: {r.status} {location}")
    job = m.group(1)
    page = browser.get(f"/exports/{job}")
    if page.status != 200:
        raise RuntimeError(f"GET /exports/{job}: {page.status}")
    status, polls, poll_seconds = status_of(page.text()), 0, []
    while status in ("QUEUED", "RUNNING"):
        time.sleep(0.05)  # the page polls every second; finer here, to time the job itself
        p = browser.request("GET", f"/exports/{job}/status", headers={"HX-Request": "true"})
        if p.status != 200:
            raise RuntimeError(f"GET /exports/{job}/status: {p.status}")
        polls += 1
        poll_seconds.append(p.seconds)
        status = status_of(p.text())
        if time.monotonic() - t0 > 300:
            raise RuntimeError(f"export {job} not done after 300 s")
    ready = time.monotonic() - t0
    if status != "DONE":
        raise RuntimeError(f"export {job}: {status}")
    f = browser.get(f"/exports/{job}/file")
    if f.status != 200 or not f.body.startswith(b"PK"):
        raise RuntimeError(f"GET /exports/{job}/file: {f.status}")
    return {"job": job, "click": r.seconds, "page": page.seconds, "poll": poll_seconds, "ready": ready,
            "file": f.seconds, "bytes": len(f.body)}


def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100.0 * len(s) + 0.5)) - 1))]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    port, user, list_path = int(args[0]), args[1], args[2]
    rounds = int(args[3]) if len(args) > 3 else 20
    browser = perfclient.Browser(port, timeout=120)
    browser.login(user)
    list_page = list_path.rsplit("/", 1)[0]
    csrf = perfclient.csrf_of(browser.get(list_page).text())
    if "--prepare" in sys.argv:
        print(one(browser, list_path, csrf)["job"])
        return
    results = [one(browser, list_path, csrf) for _ in range(rounds)]
    ms = lambda v: f"{v * 1000:.1f}"  # noqa: E731
    print(f"| {user} | {list_path} | {rounds} | {results[-1]['bytes']:,} "
          f"| {ms(pct([r['click'] for r in results], 50))} / {ms(pct([r['click'] for r in results], 95))} "
          f"| {ms(pct([r['page'] for r in results], 50))} / {ms(pct([r['page'] for r in results], 95))} "
          f"| {ms(pct([p for r in results for p in r['poll']] or [0], 50))} / "
          f"{ms(pct([p for r in results for p in r['poll']] or [0], 95))} "
          f"| {ms(pct([r['file'] for r in results], 50))} / {ms(pct([r['file'] for r in results], 95))} "
          f"| {ms(pct([r['ready'] for r in results], 50))} / {ms(pct([r['ready'] for r in results], 95))} "
          f"/ {ms(max(r['ready'] for r in results))} |")


if __name__ == "__main__":
    main()
