#!/usr/bin/env python3
"""kill -9 of the app in the middle of an import, a save and a PDF signing (issue 12); driven by scripts/fault-kill9.sh.

Usage: kill9.py JAR PG_PORT APP_PORT WORK_DIR APP_LOG ATTEMPTS

The app runs on the private cluster's database "perf". For each operation, ATTEMPTS times: the operation is started,
the app is killed with SIGKILL at a random moment inside the time that operation took without a kill (measured first),
the app is started again, and the stored state is checked:
  save      POST /declarations/{id}/edit of a 申报表 with 40 indicators and 13 sub-projects, every row re-marked: after
            the restart the form carries one marker on all 53 rows, the old one (version unchanged) or the new one;
  import    POST /imports/{id}/confirm of an Excel file replacing a draft of 70 indicators: either the draft carries
            the file's marker on every row and the waiting import is gone, or the old marker everywhere and the waiting
            import is still there (to be confirmed again);
  approval  the bureau's POST /declarations/{id}/review (grade 优): signing runs after the approval commits, in the same
            request: after the kill the approval is either stored or not; a stored signed PDF is valid (pdfsig); after
            the restart every approved declaration has a valid signed PDF of its current version (the backfill);
  backfill  all signed PDFs deleted, the app started: its backfill signs the approved declarations one after another and
            is killed mid-way: every stored PDF valid, and after the restart all of them present and valid;
  export    the bureau's 批量导出PDF of every 申报表 it sees, a background job (POST /declarations/pdfs.zip): killed while
            the job is written; at the kill the job is either done with its whole zip or has no file; after the restart
            the job is queued again once its node has been silent for 60 s, and finished: the zip whole (every entry a
            PDF, as many as the job says) and downloadable by its owner.
"""
import io
import zipfile
import base64
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import perfclient as pc

JAR, PG_PORT, PORT, WORK, APP_LOG, ATTEMPTS = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5], \
    int(sys.argv[6])
MARK = r"#M[^#]+#"
results = {}


def info(msg):
    print(time.strftime("[%H:%M:%S] ") + msg, flush=True)


def sql(query):
    out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                          PG_PORT, "-U", "postgres", "-d", "perf", "-c", query], check=True, capture_output=True,
                         text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


class App:
    def __init__(self):
        self.proc = None

    def start(self, *args):
        env = dict(os.environ, PERF_DB_URL=f"jdbc:postgresql://127.0.0.1:{PG_PORT}/perf", PERF_DB_USER="postgres",
                   PERF_DEMO_DATA="true", PERF_PORT=str(PORT), PERF_DATA_DIR=os.path.join(WORK, "data"))
        log = open(APP_LOG, "a")
        log.write(f"\n===== start {time.strftime('%H:%M:%S')} {' '.join(args)}\n")
        log.flush()
        t0 = time.monotonic()
        self.proc = subprocess.Popen(["java", os.environ.get("FAULT_JAVA_OPTS", "-Xmx1g"), "-jar", JAR, *args],
                                     env=env, stdout=log, stderr=subprocess.STDOUT)
        while time.monotonic() - t0 < 300:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the app exited during start-up ({self.proc.returncode}); see {APP_LOG}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/actuator/health", timeout=2) as r:
                    if b'"UP"' in r.read():
                        time.sleep(1)  # and it is ours: another program on the port would answer too
                        if self.proc.poll() is not None:
                            raise RuntimeError(f"the app exited ({self.proc.returncode}), port {PORT} taken?")
                        return time.monotonic() - t0
            except Exception:
                pass
            time.sleep(0.3)
        raise RuntimeError("the app did not start within 300 s")

    def kill9(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.kill9()


app = App()


def browser(user):
    b = pc.Browser(PORT, timeout=120)
    b.login(user)
    return b


def in_thread(fn):
    """Runs fn in a thread; returns (thread, box) where box gets 'response' or 'error' and 'answered_at'."""
    box = {}

    def run():
        try:
            box["response"] = fn()
        except Exception as e:  # the kill: connection reset or closed
            box["error"] = type(e).__name__
        box["answered_at"] = time.monotonic()

    t = threading.Thread(target=run, daemon=True)
    return t, box


def kill_during(fn, delay):
    """Starts fn, kills the app after delay seconds; returns (answered before the kill?, box)."""
    t, box = in_thread(fn)
    started = time.monotonic()
    t.start()
    time.sleep(delay)
    killed_at = time.monotonic()
    app.kill9()
    t.join(30)
    answered = "response" in box and box["answered_at"] <= killed_at
    box["elapsed_at_kill"] = killed_at - started
    return answered, box


def restart():
    return app.start()


def pdf_ok(data):
    with tempfile.NamedTemporaryFile(suffix=".pdf", dir=WORK, delete=False) as f:
        f.write(data)
        path = f.name
    try:
        out = subprocess.run(["pdfsig", path], capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    return "Signature is Valid." in out and "Total document signed" in out


def signed_pdfs():
    """{declaration id: (version, valid?)} for every stored signed PDF."""
    rows = sql("select declaration_id, declaration_version, translate(encode(pdf, 'base64'), E'\\n', '') "
               "from declaration_signed_pdf")
    return {int(i): (int(v), pdf_ok(base64.b64decode(b))) for i, v, b in rows}


def markers(did):
    """(header marker, version, rows, rows with another marker) of declaration did."""
    r = sql(f"""with d as (select id, version, substring(overview from '{MARK}') as m from declaration where id = {did})
      select d.m, d.version,
        (select count(*) from declaration_indicator i where i.declaration_id = d.id)
          + (select count(*) from declaration_sub_project s where s.declaration_id = d.id),
        (select count(*) from declaration_indicator i where i.declaration_id = d.id
           and substring(i.explanation from '{MARK}') is distinct from d.m)
          + (select count(*) from declaration_sub_project s where s.declaration_id = d.id
           and substring(s.name from '{MARK}') is distinct from d.m)
      from d""")[0]
    return r[0], int(r[1]), int(r[2]), int(r[3])


def record(op, line, ok):
    results.setdefault(op, []).append((line, ok))
    info(f"{op}: {line} -> {'OK' if ok else 'PARTIAL / FAILED'}")


# ------------------------------------------------------------------------------------------------ save

def save_attempts(did, rows):
    b = browser("filer-001239")
    durations = []
    for i in range(3):
        _, fields = pc.edit_form(b, did)
        r = pc.save(b, did, fields, f"#Msave-warm{i}#")
        assert r.status == 302, r.status
        durations.append(r.seconds)
    m = statistics.median(durations)
    info(f"save: unkilled saves took {', '.join(f'{d * 1000:.0f}' for d in durations)} ms; kills at 0–{m * 1000:.0f} ms")
    for k in range(ATTEMPTS):
        b = browser("filer-001239")
        _, fields = pc.edit_form(b, did)
        before = markers(did)
        marker = f"#Msave{k}v{before[1]}#"
        delay = random.uniform(0, m)
        answered, box = kill_during(lambda: pc.save(b, did, fields, marker), delay)
        restart()
        after = markers(did)
        whole = after[2] == rows and after[3] == 0
        saved = after[0] == marker
        consistent = whole and ((saved and after[1] > before[1]) or (after[0] == before[0] and after[1] == before[1]))
        if answered:
            consistent = consistent and saved  # a 302 was received: the save must be there
        record("save", f"kill after {box['elapsed_at_kill'] * 1000:.0f} ms, "
                       f"{'answered before the kill' if answered else 'in flight at the kill'}; stored: "
                       f"{'the new save' if saved else 'the previous version'} (version {before[1]} -> {after[1]}), "
                       f"{after[2]} rows, {after[3]} with another marker", consistent)
        results.setdefault("save-meta", []).append({"answered": answered, "saved": saved})


# ------------------------------------------------------------------------------------------------ import

def multipart(fields, file_field, file_name, data):
    boundary = "----perffault" + str(time.time_ns())
    out = b""
    for n, v in fields:
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{n}"\r\n\r\n{v}\r\n'.encode()
    out += (f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{file_name}"\r\n'
            f"Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n").encode()
    out += data + f"\r\n--{boundary}--\r\n".encode()
    return boundary, out


def stage_import(b, did, data):
    page = b.get("/imports").text()
    action = re.search(r'id="import-form"[^>]*action="([^"]+)"', page) or re.search(
        r'action="(/imports\?_csrf=[^"]+)"', page)
    boundary, body = multipart([("kind", "DECLARATION"), ("declarationId", str(did))], "file", "form.xlsx", data)
    r = b.request("POST", action.group(1).replace("&amp;", "&"), body=body,
                  headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    m = re.search(r"/imports/(\d+)$", r.header("Location") or "")
    if r.status != 302 or not m:
        raise RuntimeError(f"upload: {r.status} {r.text()[:300]}")
    iid = int(m.group(1))
    preview = b.get(f"/imports/{iid}").text()
    form = preview[preview.find(f"/imports/{iid}/confirm"):]
    version = re.search(r'name="version" value="(\d+)"', form).group(1)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    return iid, [("version", version), ("_csrf", csrf)]


def import_attempts(did, rows, files):
    b = browser("filer-001239")
    durations = []
    for i in range(3):
        cur = markers(did)[0]
        nxt = "B" if cur == "#MA#" else "A"
        iid, fields = stage_import(b, did, files[nxt])
        r = b.post(f"/imports/{iid}/confirm", fields)
        assert r.status == 302, (r.status, r.text()[:500])
        assert markers(did)[0] == f"#M{nxt}#", markers(did)
        durations.append(r.seconds)
    m = statistics.median(durations)
    info(f"import: unkilled confirmations took {', '.join(f'{d * 1000:.0f}' for d in durations)} ms; "
         f"kills at 0–{m * 1000:.0f} ms")
    for k in range(ATTEMPTS):
        b = browser("filer-001239")
        before = markers(did)
        nxt = "B" if before[0] == "#MA#" else "A"
        iid, fields = stage_import(b, did, files[nxt])
        delay = random.uniform(0, m)
        answered, box = kill_during(lambda: b.post(f"/imports/{iid}/confirm", fields), delay)
        restart()
        after = markers(did)
        waiting = int(sql(f"select count(*) from pending_import where id = {iid}")[0][0])
        whole = after[2] == rows and after[3] == 0
        imported = after[0] == f"#M{nxt}#"
        consistent = whole and ((imported and waiting == 0 and after[1] > before[1])
                                or (not imported and waiting == 1 and after[1] == before[1]))
        if answered:
            consistent = consistent and imported
        record("import", f"kill after {box['elapsed_at_kill'] * 1000:.0f} ms, "
                         f"{'answered before the kill' if answered else 'in flight at the kill'}; stored: "
                         f"{'the file, whole' if imported else 'the previous draft'}, waiting import "
                         f"{'still there' if waiting else 'gone'} (version {before[1]} -> {after[1]}), {after[2]} rows,"
                         f" {after[3]} with another marker", consistent)
        results.setdefault("import-meta", []).append({"answered": answered, "saved": imported})
        if waiting:  # confirm it now, as the user would after the restart, so the next attempt starts clean
            b = browser("filer-001239")
            pv = b.get(f"/imports/{iid}").text()
            form = pv[pv.find(f"/imports/{iid}/confirm"):]
            r = b.post(f"/imports/{iid}/confirm", [("version", re.search(r'name="version" value="(\d+)"', form)
                                                    .group(1)), ("_csrf", re.search(r'name="_csrf" value="([^"]+)"',
                                                                                    form).group(1))])
            info(f"  the waiting import confirmed after the restart: {r.status}, stored marker {markers(did)[0]}")


# ------------------------------------------------------------------------------------------------ signing

def review(b, did, **decision):
    page = b.get(f"/declarations/{did}").text()
    form = page[page.find('id="review-form"'):]
    version = re.search(r'name="version" value="(\d+)"', form).group(1)
    csrf = re.search(r'name="_csrf" value="([^"]+)"', page[page.find('id="review-form"') - 400:]) or re.search(
        r'name="_csrf" value="([^"]+)"', form)
    fields = [("_csrf", csrf.group(1)), ("version", version), ("comment", "故障测试：同意。")]
    fields += list(decision.items())
    return fields


def to_department_approved(count):
    """count new declarations of unit 001239, submitted and approved by the department (waiting for the bureau)."""
    filer, dept = browser("filer-001239"), browser("reviewer-001239")
    ids = []
    for i in range(count):
        did = pc.create_declaration(filer, 2028, f"故障测试（kill -9 签章）{i}-{time.time_ns() % 100000}", "#Msign#")
        page = filer.get(f"/declarations/{did}").text()
        form = page[page.find(f"/declarations/{did}/submit"):]
        r = filer.post(f"/declarations/{did}/submit", [
            ("_csrf", re.search(r'name="_csrf" value="([^"]+)"', form).group(1)),
            ("version", re.search(r'name="version" value="(\d+)"', form).group(1))])
        if r.status != 302:
            raise RuntimeError(f"submit {did}: {r.status} {re.findall(r'invalid-feedback[^>]*>([^<]+)', r.text())[:5]}")
        r = dept.post(f"/declarations/{did}/review", review(dept, did, decision="APPROVE"))
        if r.status != 302:
            raise RuntimeError(f"department review {did}: {r.status}")
        ids.append(did)
    return ids


def approved_without_valid_pdf():
    approved = {int(i): int(v) for i, v in sql("select id, version from declaration where status = 'APPROVED'")}
    pdfs = signed_pdfs()
    return approved, pdfs, [i for i, v in approved.items() if i not in pdfs or pdfs[i][0] != v or not pdfs[i][1]]


def wait_backfill(seconds=120):
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        approved = {int(i): int(v) for i, v in sql("select id, version from declaration where status = 'APPROVED'")}
        have = {(int(i), int(v)) for i, v in sql("select declaration_id, declaration_version from declaration_signed_pdf")}
        if all((i, v) in have for i, v in approved.items()):
            return time.monotonic() - t0
        time.sleep(0.5)
    return None


def approval_attempts(ids):
    fin = browser("finance")
    warm = ids[:3]
    durations = []
    for did in warm:
        r = fin.post(f"/declarations/{did}/review", review(fin, did, grade="EXCELLENT"))
        assert r.status == 302, r.status
        durations.append(r.seconds)
    m = statistics.median(durations)
    info(f"approval: unkilled approvals (commit, then signing in the same request) took "
         f"{', '.join(f'{d * 1000:.0f}' for d in durations)} ms; kills at 0–{m * 1000:.0f} ms")
    for k, did in enumerate(ids[3:3 + ATTEMPTS]):
        fin = browser("finance")
        fields = review(fin, did, grade="EXCELLENT")
        answered, box = kill_during(lambda: fin.post(f"/declarations/{did}/review", fields), random.uniform(0, m))
        status = sql(f"select status, version from declaration where id = {did}")[0]
        pdfs = signed_pdfs()
        present = did in pdfs
        valid_now = all(ok for _, ok in pdfs.values())
        restart()
        took = wait_backfill()
        approved, pdfs, missing = approved_without_valid_pdf()
        consistent = valid_now and took is not None and not missing and status[0] in ("APPROVED",
                                                                                      "DEPARTMENT_APPROVED")
        record("approval+signing", f"kill after {box['elapsed_at_kill'] * 1000:.0f} ms, "
                                   f"{'answered before the kill' if answered else 'in flight at the kill'}; "
                                   f"after the kill: {status[0]}, signed PDF {'present' if present else 'absent'}"
                                   f"{', every stored PDF valid' if valid_now else ', AN INVALID PDF'}; after the "
                                   f"restart: {len(approved)} approved, all with a valid signed PDF of their version "
                                   f"{'after ' + format(took, '.1f') + ' s' if took is not None else 'NEVER'}",
                consistent)
        results.setdefault("approval-meta", []).append({"answered": answered, "approved": status[0] == "APPROVED",
                                                        "present": present})


def backfill_attempts():
    for k in range(ATTEMPTS):
        app.stop()
        sql("delete from declaration_signed_pdf")
        approved = int(sql("select count(*) from declaration where status = 'APPROVED'")[0][0])
        target = random.randint(1, max(1, approved - 2))
        app.start()
        t0 = time.monotonic()
        while time.monotonic() - t0 < 120:
            n = int(sql("select count(*) from declaration_signed_pdf")[0][0])
            if n >= target:
                break
            time.sleep(0.05)
        time.sleep(random.uniform(0, 0.3))
        app.kill9()
        pdfs = signed_pdfs()
        valid_now = all(ok for _, ok in pdfs.values())
        restart()
        took = wait_backfill()
        approved_now, pdfs_after, missing = approved_without_valid_pdf()
        consistent = valid_now and took is not None and not missing
        record("backfill", f"killed with {len(pdfs)} of {approved} signed PDFs stored "
                           f"({'mid-pass' if len(pdfs) < approved else 'pass already complete'})"
                           f"{', every stored PDF valid' if valid_now else ', AN INVALID PDF'}; after the restart "
                           f"{len(pdfs_after)} of {len(approved_now)} present and valid "
                           f"{'after ' + format(took, '.1f') + ' s' if took is not None else 'NEVER'}", consistent)
        results.setdefault("backfill-meta", []).append({"mid": len(pdfs) < approved})


# ------------------------------------------------------------------------------------------------ export

def queue_export(b):
    csrf = pc.csrf_of(b.get("/declarations").text())
    r = b.post("/declarations/pdfs.zip", [("_csrf", csrf)])
    m = re.search(r"/exports/(\d+)$", r.header("Location") or "")
    if r.status != 302 or not m:
        raise RuntimeError(f"export: {r.status} {r.header('Location')}")
    return int(m.group(1))


def export_state(jid):
    """(status, attempts, rows, whole zip?) of job jid, read from the database."""
    status, attempts, rows, has = sql(f"select status, attempts, coalesce(row_count, -1), content is not null "
                                      f"from export_job where id = {jid}")[0]
    whole = None
    if has == "t":
        data = base64.b64decode(sql(f"select translate(encode(content, 'base64'), E'\\n', '') from export_job "
                                    f"where id = {jid}")[0][0])
        whole = zip_whole(data, int(rows))
    return status, int(attempts), int(rows), whole


def zip_whole(data, rows):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = z.namelist()
            return z.testzip() is None and len(names) == rows and all(z.read(n)[:5] == b"%PDF-" for n in names)
    except zipfile.BadZipFile:
        return False


def wait_export(jid, seconds):
    t0 = time.monotonic()
    while time.monotonic() - t0 < seconds:
        if sql(f"select status from export_job where id = {jid}")[0][0] in ("DONE", "FAILED"):
            return time.monotonic() - t0
        time.sleep(0.2)
    return None


def export_attempts():
    fin = browser("finance")
    durations = []
    for i in range(3):
        t0 = time.monotonic()
        jid = queue_export(fin)
        assert wait_export(jid, 120) is not None, f"export {jid} did not finish"
        durations.append(time.monotonic() - t0)
        state = export_state(jid)
        assert state[0] == "DONE" and state[3], state
    m = statistics.median(durations)
    info(f"export: unkilled zips of {state[2]} PDFs took {', '.join(f'{d * 1000:.0f}' for d in durations)} ms from "
         f"the click to the stored file; kills at 0–{m * 1000:.0f} ms")
    for k in range(ATTEMPTS):
        fin = browser("finance")
        t0 = time.monotonic()
        jid = queue_export(fin)
        time.sleep(max(0.0, random.uniform(0, m) - (time.monotonic() - t0)))
        elapsed = time.monotonic() - t0
        app.kill9()
        at_kill = export_state(jid)
        restart()
        took = wait_export(jid, 240)
        after = export_state(jid)
        b = browser("finance")
        f = b.get(f"/exports/{jid}/file")
        downloaded = f.status == 200 and zip_whole(f.body, after[2])
        consistent = (at_kill[3] is True if at_kill[0] == "DONE" else at_kill[3] is None) \
            and after[0] == "DONE" and after[3] is True and downloaded
        record("export", f"kill after {elapsed * 1000:.0f} ms; at the kill: {at_kill[0]}"
                         f"{', zip whole' if at_kill[3] else (', NO FILE' if at_kill[3] is None else ', A BROKEN ZIP')}"
                         f"; after the restart: {after[0]} after {format(took, '.1f') + ' s' if took else 'NEVER'}, "
                         f"started {after[1]}×, {after[2]} PDFs, zip {'whole' if after[3] else 'BROKEN'}, "
                         f"download {'whole' if downloaded else 'FAILED'}", consistent)
        results.setdefault("export-meta", []).append({"done_at_kill": at_kill[0] == "DONE", "took": took})


# ------------------------------------------------------------------------------------------------ main

def export(b, did):
    r = b.get(f"/declarations/{did}/xlsx")
    assert r.status == 200, r.status
    return r.body


def main():
    random.seed(int(os.environ.get("FAULT_SEED", time.time())))
    secs = app.start()
    info(f"app UP after {secs:.1f} s")
    ops = os.environ.get("FAULT_OPS", "save import approval backfill export").split()
    b = browser("filer-001239")
    if "save" in ops or "import" in ops:
        save_id = pc.create_declaration(b, 2027, "故障测试（kill -9 保存）", "#Msave-0#")
        imp_rows = 70
        imp_id = pc.create_declaration(b, 2027, "故障测试（kill -9 导入）", "#MA#", indicators=imp_rows)
        file_a = export(b, imp_id)
        _, fields = pc.edit_form(b, imp_id)
        assert pc.save(b, imp_id, fields, "#MB#").status == 302
        file_b = export(b, imp_id)
        info(f"save target: declaration {save_id} (40 indicators, 13 sub-projects); import target: declaration "
             f"{imp_id} ({imp_rows} indicators, 13 sub-projects; Excel files of {len(file_a) // 1024} and "
             f"{len(file_b) // 1024} KB)")
    if "approval" in ops or "backfill" in ops or "export" in ops:
        sign_ids = to_department_approved(3 + ATTEMPTS + 12)
        info(f"{len(sign_ids)} declarations (40 indicators each) approved by the department, waiting for the bureau")
    if "save" in ops:
        save_attempts(save_id, 53)
    if "import" in ops:
        import_attempts(imp_id, imp_rows + 13, {"A": file_a, "B": file_b})
    if "approval" in ops:
        approval_attempts(sign_ids)
    # the rest approved without a kill, so that the backfill has enough to sign
    fin = browser("finance")
    if "backfill" in ops or "export" in ops:
        for did in sign_ids[3 + ATTEMPTS if "approval" in ops else 0:]:
            assert fin.post(f"/declarations/{did}/review", review(fin, did, grade="EXCELLENT")).status == 302
    if "backfill" in ops:
        backfill_attempts()
    if "export" in ops:
        export_attempts()
    app.stop()

    print()
    print(f"=== kill -9 results ({ATTEMPTS} attempts per operation)")
    ok = True
    for op in ("save", "import", "approval+signing", "backfill", "export"):
        lines = results.get(op, [])
        if not lines:
            continue
        good = sum(1 for _, g in lines if g)
        print(f"{op}: {good} of {len(lines)} consistent after the restart")
        for line, g in lines:
            print(f"  {'ok     ' if g else 'FAILED '} {line}")
        ok = ok and good == len(lines)
    for op in ("save", "import"):
        meta = results.get(op + "-meta", [])
        print(f"{op}: {sum(1 for x in meta if not x['answered'])} of {len(meta)} kills hit while the request was in "
              f"flight; of those, {sum(1 for x in meta if not x['answered'] and x['saved'])} had committed and "
              f"{sum(1 for x in meta if not x['answered'] and not x['saved'])} had not")
    meta = results.get("approval-meta", [])
    print(f"approval+signing: {sum(1 for x in meta if not x['answered'])} of {len(meta)} in flight at the kill; "
          f"{sum(1 for x in meta if x['approved'] and not x['present'])} approved without a signed PDF at the kill "
          f"(killed between the approval's commit and the stored signature: re-created by the backfill), "
          f"{sum(1 for x in meta if x['present'])} signed before the kill, "
          f"{sum(1 for x in meta if not x['approved'])} not approved")
    meta = results.get("backfill-meta", [])
    print(f"backfill: {sum(1 for x in meta if x['mid'])} of {len(meta)} kills mid-pass")
    meta = results.get("export-meta", [])
    print(f"export: {sum(1 for x in meta if not x['done_at_kill'])} of {len(meta)} kills while the job was queued or "
          f"being written; finished after the restart in "
          f"{', '.join(format(x['took'], '.0f') + ' s' for x in meta if x['took'] is not None)}")
    print("CHECKS PASSED" if ok else "CHECKS FAILED")
    with open(os.path.join(WORK, "results.json"), "w") as f:
        json.dump(results, f, ensure_ascii=False)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    try:
        main()
    finally:
        app.stop()
