#!/usr/bin/env python3
"""Splits an async-profiler collapsed-stack file (scripts/bench-round-cpu.sh with BENCH_ASPROF) by phase of a request.

Usage: profile-by-request.py <file.collapsed> [top N] [phase filter]

A request thread's stack goes to the deepest phase it is in: the controller method that handles it
(cn/perf/…Controller.method, under InvocableHandlerMethod), the view being rendered (Thymeleaf, after the controller
returned: the render is not under the controller's frame), a kept page sent, the sign-in (password hashing), the
session filters, or the other filters. Stacks of no request (JIT compiler, GC, pollers) are grouped by their thread's
first frame. Per phase: its share, then its heaviest frames inclusive below the phase's own frame (each frame counted
once per stack) — where a page's CPU goes (Hibernate, the JDBC driver, Thymeleaf's expressions) without a flame-graph
viewer.
"""
import collections
import re
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
only = sys.argv[3] if len(sys.argv) > 3 else None
controller = re.compile(r'^cn/perf/web/.*\.[a-zA-Z]\w*$')
by_phase = collections.Counter()
below = collections.defaultdict(collections.Counter)
total = 0


def phase_of(parts):
    if 'org/apache/tomcat/util/net/NioEndpoint$SocketProcessor.doRun' not in parts:
        return 'no request: ' + parts[0], len(parts)
    for i, f in enumerate(parts):
        if f.endswith('.render') and 'thymeleaf' in f.lower():
            return 'render (Thymeleaf)', i + 1
        if f.startswith('org/springframework/web/method/support/InvocableHandlerMethod.doInvoke'):
            j = next((k for k in range(i + 1, len(parts)) if controller.match(parts[k])), None)
            if j is not None:
                return parts[j], j + 1
    for i, f in enumerate(parts):
        if f.startswith('cn/perf/web/security/HashingLane'):
            return 'sign-in: password hashing', i + 1
    for i, f in enumerate(parts):
        if 'PageCache' in f or 'KeptPage' in f or 'SplicedGzip' in f:
            return 'kept page: ' + f, i + 1
    for i, f in enumerate(parts):
        if f.startswith('cn/perf/web/session/SparingSessions'):
            return 'session: ' + f, i + 1
    return 'other (filters, Tomcat)', 0


for line in open(path, encoding='utf-8', errors='replace'):
    line = line.rstrip('\n')
    if not line:
        continue
    stack, _, n = line.rpartition(' ')
    n = int(n)
    total += n
    parts = [re.sub(r'_\[[a-z0-9]\]$', '', f) for f in stack.split(';')]
    key, start = phase_of(parts)
    by_phase[key] += n
    seen = set()
    for f in parts[start:]:
        if f not in seen:
            seen.add(f)
            below[key][f] += n
print(f'{total} samples')
try:
    for key, n in by_phase.most_common():
        if only and only not in key:
            continue
        print(f'\n== {n:7d} {100.0 * n / total:5.1f} %  {key}')
        if only or n >= total / 40:
            for f, c in below[key].most_common(top):
                print(f'   {100.0 * c / n:5.1f} %  {f[:170]}')
except BrokenPipeError:
    pass
