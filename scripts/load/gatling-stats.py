#!/usr/bin/env python3
"""Prints the per-request table of a Gatling HTML report (its index.html statistics table): count, KO, p50/p75/p95/p99
and max in ms, and each request's p95 as a multiple of the static file's p95. Usage: gatling-stats.py <report dir>
Also prints the KO reasons of the report's error table."""
import html, re, sys

t = open(sys.argv[1] + '/index.html', encoding='utf-8').read()
rows = []
for m in re.finditer(r'<tr id="([^"]+)"[^>]*>(.*?)</tr>', t, re.S):
    name = re.search(r'class="ellipsed-name">([^<]*)<', m.group(2))
    cells = re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', m.group(2))
    if not name or len(cells) < 13:
        continue
    c = {int(k): v for k, v in cells}
    rows.append((html.unescape(name.group(1)), c[2], c[4], c[8], c[9], c[10], c[11], c[12], c[6]))
total = re.search(r'<td class="value total col-2">([^<]*)</td>\s*<td class="value ok col-3">[^<]*</td>\s*'
                  r'<td class="value ko col-4">([^<]*)</td>\s*<td class="value ko col-5">[^<]*</td>\s*'
                  r'<td class="value total col-6">([^<]*)</td>\s*<td class="value total col-7">[^<]*</td>\s*'
                  r'<td class="value total col-8">([^<]*)</td>\s*<td class="value total col-9">([^<]*)</td>\s*'
                  r'<td class="value total col-10">([^<]*)</td>\s*<td class="value total col-11">([^<]*)</td>\s*'
                  r'<td class="value total col-12">([^<]*)</td>', t)
if total:
    g = total.groups()
    rows.insert(0, ('all requests', g[0], g[1], g[3], g[4], g[5], g[6], g[7], g[2]))
static = next((r for r in rows if r[0].startswith('static')), None)
print('| request | count | KO | p50 (ms) | p75 (ms) | p95 (ms) | p99 (ms) | max (ms) | req/s | p95 ÷ static p95 |')
print('|---|---|---|---|---|---|---|---|---|---|')
for r in rows:
    try:
        ratio = '%.1f' % (float(r[5].replace(',', '')) / float(static[5].replace(',', '')))
    except (TypeError, ValueError, ZeroDivisionError):
        ratio = ''
    print('| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (r + (ratio,)))
errors = re.findall(r'<td class="error-col-1 total ko">([^<]*)<span class="value" style="display:none">\d+</span></td>'
                    r'\s*<td class="value error-col-2 total ko">([^<]*)</td>', t)
for e in errors:
    print('KO: %s × %s' % (e[1], html.unescape(e[0]).strip()))
