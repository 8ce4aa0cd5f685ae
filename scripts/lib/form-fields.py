#!/usr/bin/env python3
"""Prints the fields of one HTML form as a browser would post them (application/x-www-form-urlencoded).

Usage: form-fields.py FILE FORM_ID [name=value ...]   (the extra pairs replace fields of that name)
Reads <input> (not unchecked checkboxes/radios, not buttons), <select> (selected option, else the first) and
<textarea>; used by scripts/two-nodes.sh to save a declaration exactly as its edit page would.
"""
import sys
import urllib.parse
from html.parser import HTMLParser


class Form(HTMLParser):
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


def main():
    path, form_id, *overrides = sys.argv[1:]
    form = Form(form_id)
    with open(path, encoding="utf-8") as f:
        form.feed(f.read())
    if not form.fields:
        sys.exit(f"no form #{form_id} with fields in {path}")
    replace = dict(o.split("=", 1) for o in overrides)
    fields = [(n, replace.pop(n) if n in replace else v) for n, v in form.fields] + list(replace.items())
    print(urllib.parse.urlencode(fields), end="")


if __name__ == "__main__":
    main()
