#!/usr/bin/env python3
"""Prints the fields of one HTML form as a browser would post them (application/x-www-form-urlencoded).

Usage: form-fields.py FILE FORM_ID [name=value ...]   (the extra pairs replace fields of that name)
Reads <input> (not unchecked checkboxes/radios, not buttons), <select> (selected option, else the first) and
<textarea> with scripts/faults/perfclient.py's parser, the one the fault and benchmark scripts post with; used by
scripts/two-nodes.sh and scripts/bench-edit-page.sh to save a declaration exactly as its edit page would.
"""
import os
import sys
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "faults"))
from perfclient import form_fields  # noqa: E402


def main():
    path, form_id, *overrides = sys.argv[1:]
    with open(path, encoding="utf-8") as f:
        fields = form_fields(f.read(), form_id)
    if not fields:
        sys.exit(f"no form #{form_id} with fields in {path}")
    replace = dict(o.split("=", 1) for o in overrides)
    fields = [(n, replace.pop(n) if n in replace else v) for n, v in fields] + list(replace.items())
    print(urllib.parse.urlencode(fields), end="")


if __name__ == "__main__":
    main()
