"""A small browser for the fault scripts (issue 12): cookies, CSRF tokens, the declaration form as a browser posts it.

Standard library only (http.client, html.parser), so the scripts run wherever python3 does. Never follows
redirects: a fault script wants to see each 302, 413, 429 and 503 itself.
"""
import http.client
import re
import time
import urllib.parse
from html.parser import HTMLParser

PASSWORD = "Demo@2026"
META_CSRF = re.compile(r'<meta name="_csrf" content="([^"]+)"')
FIELD_CSRF = re.compile(r'name="_csrf" value="([^"]+)"')


class Response:
    def __init__(self, status, headers, body, seconds):
        self.status, self.headers, self.body, self.seconds = status, headers, body, seconds

    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


class LoginRefused(RuntimeError):
    def __init__(self, status, location):
        super().__init__(f"login: {status} {location}")
        self.status = status


class Browser:
    """One user's browser: its own cookies (the session), one keep-alive connection, a timeout per request."""

    def __init__(self, port, timeout=30.0):
        self.port, self.timeout, self.cookies, self.conn = port, timeout, {}, None

    def _connection(self):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        return self.conn

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def request(self, method, path, body=None, headers=None):
        h = {"Accept": "text/html,application/xhtml+xml", "Accept-Language": "zh-CN"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        h.update(headers or {})
        start = time.monotonic()
        try:
            conn = self._connection()
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            data = r.read()
            hdrs = r.getheaders()
        except Exception:
            self.close()
            raise
        seconds = time.monotonic() - start
        for k, v in hdrs:
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                value = rest.split(";", 1)[0]
                if "Max-Age=0" in v or "Expires=Thu, 01 Jan 1970" in v:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
        if any(k.lower() == "connection" and v.lower() == "close" for k, v in hdrs):
            self.close()
        return Response(r.status, hdrs, data, seconds)

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields, headers=None):
        body = urllib.parse.urlencode(fields).encode("utf-8")
        h = {"Content-Type": "application/x-www-form-urlencoded"}
        h.update(headers or {})
        return self.request("POST", path, body=body, headers=h)

    def login(self, username, password=PASSWORD):
        page = self.get("/login")
        m = FIELD_CSRF.search(page.text())
        if page.status != 200 or not m:
            raise LoginRefused(page.status, "GET /login")
        r = self.post("/login", [("username", username), ("password", password), ("_csrf", m.group(1))])
        location = r.header("Location") or ""
        if r.status != 302 or "error" in location or "login" in location:
            raise LoginRefused(r.status, location)
        return r


def csrf_of(html):
    m = META_CSRF.search(html) or FIELD_CSRF.search(html)
    return m.group(1) if m else None


class _Form(HTMLParser):
    """The fields of one form as a browser posts them (inputs, checked boxes, selected options, textareas)."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self.select, self.options, self.textarea = None, [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
            return
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((name, a.get("value") or ("on" if kind in ("checkbox", "radio") else "")))
        elif tag == "select" and name:
            self.select, self.options = name, []
        elif tag == "option" and self.select:
            self.options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            chosen = [v for v, s in self.options if s] or [v for v, _ in self.options[:1]]
            if chosen:
                self.fields.append((self.select, chosen[0]))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea[0], self.textarea[1].lstrip("\n")))
            self.textarea = None


def form_fields(html, form_id):
    f = _Form(form_id)
    f.feed(html)
    return f.fields


# ---------------------------------------------------------------------------------------------- declarations

CATEGORIES = ["产出", "产出", "投入", "结果", "影响力"]


def new_declaration_fields(csrf, unit_id, year, name, marker, indicators=40, sub_projects=13):
    """A Suzhou 申报表 as the new-declaration page posts it; every row carries {marker} (see marked())."""
    f = [("_csrf", csrf), ("layout", "SUZHOU"), ("unitId", str(unit_id)), ("year", str(year)),
         ("frameworkCode", "SUZHOU_2017"), ("projectName", name), ("projectType", "信息化工程及维护类"),
         ("projectLeader", "张三"), ("contactPerson", "李四"), ("contactPhone", "0512-12345678"),
         ("overview", f"故障测试 {marker}：本项目用于检验保存是否完整。"),
         ("establishmentBasis", "依据《苏州市市级财政项目预算绩效管理办法》。"),
         ("necessity", "保障信息系统稳定运行。"), ("implementationPlan", "按季度分批实施。"),
         ("overallGoal", "完成信息化系统建设与运维。"), ("annualGoal", "完成子项目的建设与维护。")]
    for i in range(sub_projects):
        f += [(f"subProjects[{i}].key", f"new-{i}"), (f"subProjects[{i}].name", f"子项目{i} {marker}"),
              (f"subProjects[{i}].amount", "10")]
    for i, kind in enumerate(["SUPERIOR", "CITY", "SUBORDINATE", "OTHER"]):
        f.append((f"fundingSources[{i}].kind", kind))
    f.append(("fundingSources[1].currentYear", str(sub_projects * 10)))
    for i in range(indicators):
        f += [(f"indicators[{i}].term", "ANNUAL"), (f"indicators[{i}].category", CATEGORIES[i % len(CATEGORIES)]),
              (f"indicators[{i}].name", f"指标{i}"), (f"indicators[{i}].targetText", "≥35个"),
              (f"indicators[{i}].explanation", f"指标{i}的解释 {marker}"),
              (f"indicators[{i}].targetBasis", "依据项目实施方案和历史数据测算。"),
              (f"indicators[{i}].subProjectKeys", f"new-{i % sub_projects}")]
    return f


MARK = re.compile(r"#M[0-9A-Za-z_-]+#")


def marked(fields, marker):
    """The edit form's fields with every marker (#M…#) replaced by {marker}: header, every indicator, every
    sub-project. A save is whole when the stored form carries one marker everywhere."""
    return [(n, MARK.sub(marker, v)) if (n == "overview" or n.endswith(".explanation")
                                          or (n.startswith("subProjects[") and n.endswith(".name"))) else (n, v)
            for n, v in fields]


def create_declaration(browser, year, name, marker, indicators=40, sub_projects=13):
    page = browser.get("/declarations/new?layout=SUZHOU")
    html = page.text()
    if page.status != 200:
        raise RuntimeError(f"GET /declarations/new: {page.status}")
    unit = re.search(r'name="unitId"[^>]*value="(\d+)"', html) or re.search(r'<option[^>]*value="(\d+)"',
                                                                             html[html.find('name="unitId"'):])
    r = browser.post("/declarations", new_declaration_fields(csrf_of(html), unit.group(1), year, name, marker,
                                                              indicators, sub_projects))
    m = re.search(r"/declarations/(\d+)/edit$", r.header("Location") or "")
    if r.status != 302 or not m:
        raise RuntimeError(f"POST /declarations: {r.status} {r.header('Location')}")
    return int(m.group(1))


def edit_form(browser, declaration_id):
    """GET the edit page; (response, its form fields)."""
    r = browser.get(f"/declarations/{declaration_id}/edit")
    return r, (form_fields(r.text(), "declaration-form") if r.status == 200 else None)


def save(browser, declaration_id, fields, marker):
    """POST the edit form with every row marked {marker}; the response (302 to the edit page when saved)."""
    return browser.post(f"/declarations/{declaration_id}/edit", marked(fields, marker))
