#!/usr/bin/env python3
"""Issue 11's tuning measure: grade every marked set and compare with a saved run.

Grades each `tests/fixtures/grade/docker-*.csv` against banks/docker and each
`tests/fixtures/grade/probe*/probe.csv` against its probe.toml, with a temporary database
and home (it never touches the real ones), and prints agreement, false passes and false
fails over the tuning sets and, as totals only, over the held-out docker-holdout*.csv sets.
The blind probes of BLIND (MARKING.md, "Which sets are held out now": update BLIND when a
probe is released or written) are not graded at all unless --blind is given; a moved row of a
held-out or blind set is named by its set only, never shown.

Usage (from a checkout root, after `cargo build --release`):
  python3 scripts/compare_sets.py --save run.json      # save this build's verdicts
  python3 scripts/compare_sets.py --base run.json      # totals, and rows fixed/broken since
  options: --rows (list every moved tuning row), --recall BINARY, --only SET,SET
"""
import argparse, csv, glob, json, os, shutil, subprocess, sys, tempfile
from concurrent.futures import ThreadPoolExecutor
# Tuning sets the lead keeps as a fresh measure of this round: totals move, rows stay unshown.
FRESH = set()
BLIND = {'docker-edge40', 'probe42', 'docker-edge41', 'probe43'}
BASE = None

def sets():
    out = []
    for p in sorted(glob.glob('tests/fixtures/grade/docker-*.csv')):
        name = os.path.basename(p)[:-4]
        out.append((name, 'banks/docker', p))
    for d in sorted(glob.glob('tests/fixtures/grade/probe*/')):
        name = os.path.basename(d.rstrip('/'))
        if os.path.exists(d + 'probe.csv'):
            out.append((name, d + 'probe.toml', d + 'probe.csv'))
    return out

def marks(path):
    rows = {}
    with open(path, newline='', encoding='utf-8') as f:
        r = csv.reader(f); h = next(r); end = r.line_num
        qi, ei = h.index('question'), h.index('expected')
        ci = h.index('class') if 'class' in h else None
        for rec in r:
            line, end = end + 1, r.line_num
            rows[line] = (rec[qi], rec[ei] == 'pass', rec[ci] if ci is not None else '', rec[h.index('response')])
    return rows

def grade(args, s):
    name, bank, path = s
    home = tempfile.mkdtemp(prefix='compare-sets-')
    run = subprocess.run([args.recall, 'grade', bank, '--responses', path, '--format', 'json'],
                         capture_output=True, text=True,
                         env=dict(os.environ, RECALL_DB=os.path.join(home, 'r.db'), HOME=home))
    shutil.rmtree(home, ignore_errors=True)
    if run.returncode not in (0, 1):
        sys.exit(f'{name}: grade failed {run.returncode}: {run.stderr[:500]}')
    g = json.loads(run.stdout)
    return name, {str(x['line']): x['pass'] for x in g}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--save'); ap.add_argument('--base', default=BASE)
    ap.add_argument('--rows', action='store_true'); ap.add_argument('--recall', default='target/release/recall')
    ap.add_argument('--only'); ap.add_argument('--blind', action='store_true')
    a = ap.parse_args()
    ss = sets()
    if a.only:
        want = set(a.only.split(',')); ss = [s for s in ss if s[0] in want]
    if not a.blind:
        ss = [s for s in ss if s[0] not in BLIND]
    with ThreadPoolExecutor(2) as ex:
        got = dict(ex.map(lambda s: grade(a, s), ss))
    if a.save:
        json.dump(got, open(a.save, 'w')); print('saved', a.save)
    base = json.load(open(a.base)) if a.base and os.path.exists(a.base) else {}
    def total(names):
        n = ag = fp = nw = ff = nr = 0
        for s in ss:
            if s[0] not in names: continue
            m = marks(s[2])
            for line, (q, want, klass, resp) in m.items():
                v = got[s[0]].get(str(line))
                if v is None: continue
                n += 1; ag += (v == want)
                if want: nr += 1; ff += (not v)
                else: nw += 1; fp += v
        return f'{n} rows: agree {ag}, FP {fp}/{nw}, FF {ff}/{nr}'
    tuning = {s[0] for s in ss if 'holdout' not in s[0] and s[0] not in BLIND}
    hold = {s[0] for s in ss if 'holdout' in s[0]}
    print('tuning  ', total(tuning))
    if hold: print('holdout ', total(hold))
    if a.blind:
        for b in sorted(BLIND & set(got)): print(f'{b:9}', total({b}))
    if base:
        fixed = broke = 0; lines = []
        for s in ss:
            if s[0] in BLIND and not a.blind: continue
            if s[0] not in base: continue
            m = marks(s[2])
            for line, (q, want, klass, resp) in m.items():
                v = got[s[0]].get(str(line)); b = base[s[0]].get(str(line))
                if b is None or v is None or v == b: continue
                if v == want: fixed += 1; tag = 'FIXED'
                else: broke += 1; tag = 'BROKE'
                if 'holdout' in s[0] or s[0] in BLIND or s[0] in FRESH:
                    lines.append(f'{tag} {s[0]} (held out or a fresh lead measure: row not shown)')
                else:
                    lines.append(f'{tag} {s[0]}:{line} {q} [{klass}] want={"pass" if want else "fail"} :: {resp[:160]}')
        print(f'vs base {a.base}: fixed {fixed}, broke {broke}')
        if a.rows or broke:
            print('\n'.join(lines))
if __name__ == '__main__':
    main()
