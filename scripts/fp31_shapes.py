#!/usr/bin/env python3
"""Measure three shapes of probe31's wrong answers that pass (w67-fp31, issue 11 round 39).

A crude reading in Python, run before any rule, to decide whether a reader in Rust is worth
building (none was).  It reads the verdicts saved by `compare_sets.py --save RUN.json` (no
grading here), leaves out the held-out and blind sets, and counts, per shape, the answers it
fires on among those that pass today: wrong ones (what a failing rule could fix) against right
ones (what it would break).  The bar is four to one.

  D1  a denial (never, not, no, cannot) followed, within REACH words, by two content words
      that stand in that order (at most GAP apart) in a plain clause of the model answer or
      explanation ("never between threads of one process" against "signalling between
      threads", probe31:186);
      D1-CUE, the same with one cue word only, reach 3, two words in a row, and neither
      word one that a negated clause of the model answer or explanation holds;
  D2  D1 inside a sentence that restricts with *only* before the denial ("can only be used
      between processes, never between threads");
  S1  a keyword pair `{ all = [X, A], within = "sentence" }` met where A stands in a clause of
      its own (after ", and", ";", *while*, *whereas*, ", so"), with another subject before
      it (no pronoun) and X only in another clause ("The CA publishes a CAA record ..., and
      the domain owner checks it", probe31:98);
  O1  two numbers of the model answer written in the other order, in an answer with a word of
      sequence (first, then, after that, later, next) ("For the first 300 seconds ... stale,
      and after that ... fresh for 60 seconds", probe31:121).

Usage, from a checkout root: python3 scripts/fp31_shapes.py RUN.json [-v]"""
import json, re, sys
from collections import Counter
sys.path.insert(0, 'scripts')
import buried_shapes as b
import compare_sets as c

NEGW = {'never', 'not', 'no', 'cannot'}
PRON = set('it they this that these those he she we you i which who there each both one'.split())
CLAUSE = re.compile(r",\s*(?:and|but|while|whereas)\s+|;\s*|\s+while\s+|\s+whereas\s+|,\s*so\s+")


def plain_pairs(r, gap):
    out = set()
    for cl in b.clauses(r['model'] + ' . ' + r['expl']):
        if b.negated(cl):
            continue
        cs = b.content(cl)
        for i in range(len(cs)):
            for j in range(i + 1, min(len(cs), i + 1 + gap)):
                out.add((cs[i], cs[j]))
    return out


def d1(r, reach=3, span=2, gap=1):
    plain = plain_pairs(r, gap)
    for ws in b.clauses(r['resp']):
        for i, w in enumerate(ws):
            if w in NEGW:
                after = b.content(ws[i + 1:i + 1 + reach])[:span]
                for x in range(len(after)):
                    for y in range(x + 1, len(after)):
                        if (after[x], after[y]) in plain:
                            return (after[x], after[y])
    return None


def d1_cue(r, cue):
    plain = plain_pairs(r, 1)
    denied = set()
    for cl in b.clauses(r['model'] + ' . ' + r['expl']):
        if b.negated(cl):
            denied |= set(b.content(cl))
    for ws in b.clauses(r['resp']):
        for i, w in enumerate(ws):
            if w == cue:
                after = b.content(ws[i + 1:i + 4])[:2]
                if len(after) == 2 and tuple(after) in plain and not set(after) & denied:
                    return tuple(after)
    return None


SEQ = re.compile(r'\b(first|then|after that|afterwards|later|after which|next)\b', re.I)
NUM = re.compile(r'(?<![\w.])(\d+(?:\.\d+)?)(?![\w.]*\d)')


def o1(r):
    if not SEQ.search(r['resp']):
        return None
    mpos, apos = {}, {}
    for m in NUM.finditer(r['model']):
        mpos.setdefault(m.group(1), m.start())
    for m in NUM.finditer(r['resp']):
        apos.setdefault(m.group(1), m.start())
    common = [n for n in apos if n in mpos]
    for x in common:
        for y in common:
            if mpos[x] < mpos[y] and apos[y] < apos[x]:
                return (x, y)
    return None


def d2(r):
    plain = plain_pairs(r, 1)
    for sent in re.split(r'[.;!?]', r['resp'].lower()):
        ws = sent.replace(',', ' ').split()
        if 'only' not in ws:
            continue
        o = ws.index('only')
        for i, w in enumerate(ws):
            if i > o and w in NEGW:
                after = b.content(ws[i + 1:i + 4])[:2]
                if len(after) == 2 and tuple(after) in plain:
                    return tuple(after)
    return None


def words(s):
    return [re.sub(r"^[^\w/.-]+|[^\w/.-]+$", '', w) for w in s.lower().replace("'s", '').split()]


def found(ws, alt):
    aw = alt.lower().split()
    for i in range(len(ws) - len(aw) + 1):
        if all(t.startswith(b.stem(a)) for t, a in zip(ws[i:i + len(aw)], aw)):
            return i
    return None


def s1(r):
    for k in r['q'].get('keywords', []):
        if 'all' not in k or len(k['all']) != 2 or k.get('within') != 'sentence':
            continue
        xs_, as_ = ([t] if isinstance(t, str) else list(t) for t in k['all'])
        for sent in re.split(r'(?<=[.!?])\s+', r['resp']):
            cls = [words(x) for x in CLAUSE.split(sent) if x.strip()]
            if len(cls) < 2:
                continue
            xs = [any(found(w, x) is not None for x in xs_) for w in cls]
            at = [min([i for i in (found(w, a) for a in as_) if i is not None], default=None)
                  for w in cls]
            if not any(xs) or any(x and a is not None for x, a in zip(xs, at)):
                continue
            for w, a in zip(cls, at):
                if a is None or w[0] in PRON or any(t in PRON for t in w[:a]):
                    continue
                if [t for t in w[:a] if t and t not in b.STOP]:
                    return (k['all'], ' '.join(w[:a + 1]))
    return None


def tuning_rows(base):
    """Every graded row of the tuning sets (held-out and blind sets and their banks left
    out), with its mark (`exp`), its saved verdict (`got`), its question and texts."""
    rows = []
    for name, bank, path in c.sets():
        if name in c.BLIND or 'holdout' in name:
            continue
        qs = b.questions(bank)
        for line, (qid, exp, cls, resp) in c.marks(path).items():
            got = base.get(name, {}).get(str(line))
            if got is not None:
                q = qs.get(qid) or {}
                rows.append(dict(set=name, line=line, exp=exp, got=got, cls=cls, resp=resp,
                                 q=q, model=q.get('model_answer', ''),
                                 expl=q.get('explanation', '') or ''))
    return rows


def main():
    rows = [r for r in tuning_rows(json.load(open(sys.argv[1]))) if r['got']]
    print(f'{len(rows)} tuning rows that pass today')
    print('shape | wrong passing (sets) | right passing')
    shapes = [(f'D1 reach={n} span={s} gap={g}', lambda r, n=n, s=s, g=g: d1(r, n, s, g))
              for n in (3, 5) for s in (2, 3) for g in (1, 2)]
    shapes += [(f'D1-CUE {w}', lambda r, w=w: d1_cue(r, w)) for w in ('never', 'not', 'no')]
    shapes += [('D2 only ..., never <pair>', d2), ('S1 sentence pair, A with its own subject', s1),
               ('O1 model numbers in the other order', o1)]
    for name, f in shapes:
        n, sets = Counter(), set()
        for r in rows:
            h = f(r)
            if h:
                n[r['exp']] += 1
                if not r['exp']:
                    sets.add(r['set'])
                if '-v' in sys.argv:
                    print('  ', 'right' if r['exp'] else 'wrong', r['set'], r['line'], r['cls'], h)
        print(f'{name} | {n[False]} ({len(sets)}) | {n[True]}')


if __name__ == '__main__':
    main()
