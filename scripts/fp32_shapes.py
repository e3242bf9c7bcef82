#!/usr/bin/env python3
"""Measure the shapes of probe32's wrong answers that pass (w69-fp32, issue 11 round 40).

A crude reading in Python, run before any rule, to decide whether a reader in Rust is worth
building (none was).  Like fp31_shapes.py it reads the verdicts saved by
`compare_sets.py --save RUN.json` (no grading here), leaves out the held-out and blind sets
(their banks too), and counts, per shape, the tuning answers it fires on: among those that
pass today, wrong ones (what a failing rule could fix, with the sets they come from) against
right ones (what it would break); and, for scale, the wrong and right ones that fail already.
The bar is four to one, and the shape must recur in three sets or more.

  A  a comparative with *than* after it whose antonym the model answer or explanation says
     with no *than* ("the cost is a larger log"), the comparative itself never said there,
     the two clauses sharing a content word ("its log is smaller than statement-based",
     probe32:178);
  B  a member of an ordered pair the model texts never say, where they say the other and
     the answer never does, in a clause sharing two content words with the model's:
     top/bottom ("a search starts at the bottom level", probe32:161), half/twice (:162);
  C  the model's advice called the fault: a clause with *buggy*, *broken*, *bug*, *wrong*,
     *unsafe*, *culprit*, *cause(s)* or *problem* and a word only the model's imperative
     clauses say ("lo + (hi - lo) / 2 is the buggy form", probe32:35);
  D  a keyword written as a call (`read()`, `fstat()`) met by the bare word, as the grader
     does now (the brackets trimmed); a rule asking for the call form would fail these
     ("call msync() before each read", probe32:100);
  E  a model clause "Neither V O" restated plainly with two of its first content words
     ("it also limits the total time", probe32:192);
  F  a backslash escape (`\\A`, `\\n`, `\\r`) in the answer, read today as a word (`\\A` as the
     article *a*, which keeps "re.search, substring, anchors, \\A, \\Z, ..." from reading as a
     list, probe32:81).  Counted are the answers that hold one; graded alone (`one.sh`), only
     probe32:81's verdict rests on the escape (probe18:129 and probe19:89 pass on other words).

Usage, from a checkout root: python3 scripts/fp32_shapes.py RUN.json [-v]"""
import json, re, sys
from collections import Counter
sys.path.insert(0, 'scripts')
import fp31_shapes as fp31

# lang::COMPARATIVES, as written there.
COMPARATIVES = [("faster", "slower"), ("quicker", "slower"), ("higher", "lower"),
                ("larger", "smaller"), ("bigger", "smaller"), ("greater", "smaller"),
                ("more", "less"), ("more", "fewer"), ("better", "worse"), ("stronger", "weaker"),
                ("safer", "riskier"), ("easier", "harder"), ("cheaper", "costlier"),
                ("longer", "shorter"), ("heavier", "lighter"), ("newer", "older"),
                ("earlier", "later"), ("wider", "narrower"), ("tighter", "looser"),
                ("stricter", "looser")]
ANT = {}
for x, y in COMPARATIVES:
    ANT.setdefault(x, set()).add(y)
    ANT.setdefault(y, set()).add(x)
PAIRS = {'top/bottom': ({'top', 'topmost', 'highest'}, {'bottom', 'bottommost', 'lowest'}),
         'half/twice': ({'half'}, {'twice', 'double', 'doubles'})}
VERBS = set('use switch compute set run add pass rotate serialise serialize require anchor '
            'replace call enable disable prefer move put'.split())
FAULT = set('buggy broken bug wrong unsafe culprit cause causes caused problem'.split())
NEG = set("not no never neither nor cannot without don't doesn't isn't won't".split())
STOP = set('the a an of to in is it its and or for on with as by be that this than are was '
           'were so at from not no each one can also instead rather'.split())
ESCAPE = re.compile(r'(?<![\w\\])\\[A-Za-z]\b')


def words(text):
    return re.findall(r"[a-z0-9_'+\-/>()]+", text.lower())


def clauses(text, more=''):
    return [words(x) for x in re.split(r'[.;:,!?]|\bwhile\b|\bbut\b|\bwhereas\b' + more,
                                       text.lower())]


def model(r):
    return r['model'] + ' . ' + r['expl']


def a(r):
    said = set(words(model(r)))
    for cl in clauses(r['resp']):
        for i, w in enumerate(cl):
            if w in ANT and 'than' in cl[i + 1:i + 5] and w not in said:
                for m in clauses(model(r)):
                    for j, x in enumerate(m):
                        if x in ANT[w] and 'than' not in m[j + 1:]:
                            shared = (set(cl) - STOP - {w}) & (set(m) - STOP - {x})
                            if shared:
                                return (w, x, sorted(shared)[:3])
    return None


def pair(name):
    def shape(r):
        mw, aw = set(words(model(r))), set(words(r['resp']))
        for mine, other in (PAIRS[name], PAIRS[name][::-1]):
            if not mw & other or mw & mine or aw & other or not aw & mine:
                continue
            for cl in clauses(r['resp'], r'|\band\b'):
                if set(cl) & mine:
                    for m in clauses(model(r), r'|\band\b'):
                        if set(m) & other:
                            shared = (set(cl) - STOP - mine) & (set(m) - STOP - other)
                            if len(shared) >= 2:
                                return sorted(shared)[:3]
        return None
    return shape


def c_(r):
    advice, rest = set(), set()
    for m in clauses(r['model']):
        if m and m[0] in VERBS:
            advice |= {w for w in m[1:] if w not in STOP}
        else:
            rest |= set(m)
    advice -= rest
    for cl in clauses(r['resp']):
        s = set(cl)
        if s & FAULT and s & advice and not s & NEG:
            return (sorted(s & FAULT), sorted(s & advice)[:3])
    return None


def d(r):
    for k in r['q'].get('keywords', []) or []:
        alts = [k] if isinstance(k, str) else [
            x for key in ('any', 'all') for t in k.get(key, []) or []
            for x in ([t] if isinstance(t, str) else t)]
        for alt in alts:
            if re.fullmatch(r'[a-z_]+\(\)', alt):
                w = alt[:-2]
                if re.search(r'\b%s\b(?!\()' % w, r['resp'], re.I) and \
                        not re.search(r'\b%s\(' % w, r['resp'], re.I):
                    return alt
    return None


def e(r):
    denied = []
    for cl in re.split(r'[.;:!?,]', model(r).lower()):
        ws = words(cl)
        if 'neither' in ws and 'nor' not in ws:
            denied.append([w for w in ws[ws.index('neither') + 1:] if w not in STOP][:4])
    for cl in re.split(r'[.;:!?,]', r['resp'].lower()):
        ws = words(cl)
        if set(ws) & NEG:
            continue
        for dn in denied:
            shared = [w for w in dn if w in ws]
            if len(shared) >= 2:
                return shared
    return None


def f(r):
    return ESCAPE.findall(r['resp']) or None


def main():
    rows = fp31.tuning_rows(json.load(open(sys.argv[1])))
    print(f'{len(rows)} tuning rows')
    print('shape | wrong passing (sets) | right passing | wrong failing | right failing')
    shapes = [('A comparative with than, model antonym without', a),
              ('B top/bottom', pair('top/bottom')), ('B half/twice', pair('half/twice')),
              ('C model advice called the fault', c_), ('D call keyword met bare', d),
              ('E neither-clause said plainly', e), ('F backslash escape', f)]
    for name, shape in shapes:
        n, sets = Counter(), set()
        for r in rows:
            h = shape(r)
            if h:
                n[(r['exp'], r['got'])] += 1
                if not r['exp'] and r['got']:
                    sets.add(r['set'])
                if '-v' in sys.argv:
                    print('  ', 'right' if r['exp'] else 'wrong', 'passes' if r['got'] else
                          'fails', r['set'], r['line'], r['cls'], h)
        print(f'{name} | {n[(False, True)]} ({len(sets)}) | {n[(True, True)]} | '
              f'{n[(False, False)]} | {n[(True, False)]}')


if __name__ == '__main__':
    main()
