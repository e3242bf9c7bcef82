#!/usr/bin/env python3
"""Measure shapes of "the right idea plus one wrong claim" (short-plus-error, long-buried-error,
factual-error) that the question's own texts could reveal (w60-buried, issue 11 round 36).

Grades every tuning set with target/release/recall (held-out and blind sets left out), then,
for each candidate shape, counts the answers it would fire on, by mark and current verdict:
the target classes that pass today (what a failing rule could fix) against the right answers
that pass today (what it would break).  Shapes (a crude reading in Python, to decide whether a
reader in Rust is worth building; none was):

  P1  an answer clause denies (not/never/cannot ...) a verb the model clause lacks, and the two
      content words after it are two words in a row of a plain model clause whose subject
      shares a word with the answer's ("services cannot reach each other by name" against
      "services find each other by name");
  P2  an answer clause (not negated, hedged, compared or limited) states plainly a word that a
      clause of the model answer or explanation (optionally also a misconception's feedback)
      states only after a negation, sharing N more content words with that clause ("the
      host itself must be down" against "it is not down");
  P3  a passive with its doer, "X is V-ed by D", where the model answer gives V actively to
      other doers and D does something else in the model answer ("all four messages are
      broadcast by the server" against "the client broadcasts a DHCPDISCOVER").

The 69 false passes read one by one are in scripts/buried_errors_sample.tsv.
Run from a checkout root."""
import glob, json, os, re, subprocess, tomllib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

BLIND = re.compile(r'docker-holdout|docker-edge(2[6-9]|[3-9]\d)$|probe(2[89]|[3-9]\d)$')
TARGET = {'short-plus-error', 'long-buried-error', 'factual-error'}


def sets():
    out = []
    for p in sorted(glob.glob('tests/fixtures/grade/docker-*.csv')):
        n = os.path.basename(p)[:-4]
        if not BLIND.search(n):
            out.append((n, 'banks/docker', p))
    for d in sorted(glob.glob('tests/fixtures/grade/probe*/')):
        n = os.path.basename(d.rstrip('/'))
        if not BLIND.search(n) and os.path.exists(d + 'probe.csv'):
            out.append((n, d + 'probe.toml', d + 'probe.csv'))
    return out


def questions(bank):
    files = glob.glob(bank + '/*.toml') if os.path.isdir(bank) else [bank]
    d = {}
    for f in files:
        t = tomllib.load(open(f, 'rb'))
        bid = t.get('bank', {}).get('id', '')
        for q in t.get('question', []):
            d[q['id']] = q
            d[bid + '/' + q['id']] = q
    return d


def graded(s):
    name, bank, path = s
    env = dict(os.environ, RECALL_DB='/tmp/buried-none.db', HOME='/tmp/buried-home')
    run = subprocess.run(['target/release/recall', 'grade', bank, '--responses', path,
                          '--format', 'json'], capture_output=True, text=True, env=env)
    qs = questions(bank)
    rows = []
    for x in json.loads(run.stdout):
        q = qs.get(x['question']) or {}
        rows.append(dict(cls=x.get('class', ''), exp=x['expected'], ok=x['pass'],
                         resp=x['response'], model=q.get('model_answer', ''),
                         expl=q.get('explanation', '') or '',
                         mis=[m.get('feedback', '') for m in q.get('misconception', [])]))
    return rows


STOP = set("""a an the of to in on at by for with from as is are was were be been being it its
this that these those and or but if then so than into onto over under it's there their they
them he she we you your our i me my his her which who whom whose what when where why how all
any each every both some such only also just not no never can could would should may might
must will shall do does did done has have had more most less very same other another own up
out about after before again once here one two""".split())
NEG = set('not never no cannot nothing none neither nor nobody'.split())
BE = set('is are was were be been being get gets got'.split())
SPLIT = re.compile(r"[.;:!?()]|,| but | while | whereas | so | because | since | although "
                   r"| though | and then ")
IRREGULAR = {'sent': 'send', 'broadcast': 'broadcast', 'run': 'run', 'ran': 'run',
             'written': 'write', 'made': 'make', 'kept': 'keep', 'held': 'hold',
             'read': 'read', 'set': 'set', 'built': 'build', 'done': 'do', 'given': 'give',
             'taken': 'take', 'chosen': 'choose'}


def stem(w):
    for suf in ('ing', 'ed', 'es', 's'):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            return w[:-len(suf)]
    return w


def clauses(text):
    t = text.lower().replace('\u2019', "'")
    t = re.sub(r"\bcan't\b", 'can not', t)
    t = re.sub(r"won't", 'will not', t)
    t = re.sub(r"n't\b", ' not', t)
    return [[re.sub(r"^[^\w/-]+|[^\w/-]+$", '', w) for w in c.split()]
            for c in SPLIT.split(t) if c.strip()]


def content(ws):
    return [stem(w) for w in ws if w and w not in STOP and w not in NEG and not w.isdigit()]


def negated(ws):
    return any(w in NEG for w in ws)


def p1(r):
    plain = [c for c in clauses(r['model'] + ' . ' + r['expl']) if not negated(c)]
    for ws in clauses(r['resp']):
        for i, w in enumerate(ws):
            if w not in NEG:
                continue
            subject, after = set(content(ws[:i])), content(ws[i + 1:])
            if not subject or len(after) < 3:
                continue
            for m in plain:
                ms = content(m)
                if after[0] in ms:
                    continue
                if any(ms[k:k + 2] == after[1:3] and subject & set(ms[:k])
                       for k in range(1, len(ms) - 1)):
                    return True
    return False


def p2(r, need, first_only, with_feedback):
    text = r['model'] + ' . ' + r['expl']
    if with_feedback:
        text += ' . ' + ' . '.join(r['mis'])
    mc = clauses(text)
    plain = {s for c in mc if not negated(c) for s in content(c)}
    denied = []
    for c in mc:
        for i, w in enumerate(c):
            if w in NEG:
                for d in content(c[i + 1:])[:1 if first_only else 2]:
                    if d not in plain:
                        denied.append((d, set(content(c)) - {d}))
    for ws in clauses(r['resp']):
        if negated(ws) or {'if', 'would', 'could', 'might', 'instead', 'rather', 'unlike',
                           'than', 'only'} & set(ws):
            continue
        cs = set(content(ws))
        if any(d in cs and len(cs & rest) >= need for d, rest in denied):
            return True
    return False


def verb(w):
    return IRREGULAR.get(w) or stem(re.sub(r'ies$', 'y', w))


def actives(cs):
    out = []
    for c in cs:
        for i, w in enumerate(c):
            if i == 0 or c[i - 1] in BE or w in STOP or w in NEG:
                continue
            if not (w.endswith('s') or w.endswith('ed') or w in IRREGULAR):
                continue
            subject = [stem(x) for x in c[max(0, i - 3):i] if x and x not in STOP]
            if subject:
                out.append((verb(w), set(subject[-2:])))
    return out


def passives(cs):
    out = []
    for c in cs:
        for i, w in enumerate(c):
            if w in BE and i + 3 < len(c):
                j = i + 1 + (c[i + 1] in ('then', 'also', 'only', 'first', 'always', 'usually'))
                if j + 1 < len(c) and c[j + 1] == 'by':
                    doer = [stem(x) for x in c[j + 2:j + 5] if x and x not in STOP][:2]
                    if doer:
                        out.append((verb(c[j]), set(doer)))
    return out


def p3(r):
    mc = [c for c in clauses(r['model'] + ' . ' + r['expl']) if not negated(c)]
    act, pas = actives(mc), passives(mc)
    parties = set().union(*[s for _, s in act]) if act else set()
    ac = clauses(r['resp'])
    answer_act = actives(ac)
    for v, d in passives([c for c in ac if not negated(c)]):
        doers = [s for w, s in act + pas if w == v]
        if not doers or any(d & s for s in doers) or not d & parties:
            continue
        if any(w == v and s & set().union(*doers) for w, s in answer_act):
            continue
        return True
    return False


def main():
    with ThreadPoolExecutor(2) as ex:
        rows = [r for rs in ex.map(graded, sets()) for r in rs]
    print(f'{len(rows)} tuning rows')
    shapes = [('P1 denial, other verb, model object', p1), ('P3 passive doer', p3)]
    for need in (2, 3, 4):
        for first in (True, False):
            for fb in (False, True):
                shapes.append((f'P2 shared>={need} first_only={first} feedback={fb}',
                               lambda r, n=need, f=first, b=fb: p2(r, n, f, b)))
    print('shape | target classes passing (fixable) | other wrong passing | right passing (at risk)')
    for name, f in shapes:
        c = Counter()
        for r in rows:
            if r['ok'] and f(r):
                c['right' if r['exp'] else 'target' if r['cls'] in TARGET else 'wrong'] += 1
        print(f"{name} | {c['target']} | {c['wrong']} | {c['right']}")


if __name__ == '__main__':
    main()
