#!/usr/bin/env python3
"""Measure the shapes of probe33's wrong answers that pass (w72-fp33, issue 11 round 41).

A crude reading in Python, run before any rule, to decide whether a reader in Rust is worth
building.  Only G cleared the bar (at three in four new words); it was built on the branch
w72-fp33 with the grader's own measure of a new word, where it failed 4 wrong passes of 3
sets and no right one, and not merged: on fresh right answers that add a true fact with
*also* it failed 2 of 6 (BENCHMARKS.md, round 41, the lead's merges).  Like fp31_shapes.py and fp32_shapes.py it reads the verdicts saved by
`compare_sets.py --save RUN.json` (no grading here), leaves out the held-out and blind sets
(their banks too), and counts, per shape, the tuning answers it fires on: among those that
pass today, wrong ones (what a failing rule could fix, with the sets they come from) against
right ones (what it would break); and, for scale, the wrong and right ones that fail already.
The bar is four to one, and the shape must recur in three sets or more.

  G  an added claim: a clause with *also* after its subject (not an opening "Also, ..."),
     most of whose content words (crude stems) no text of the question uses: the model
     answer, explanation, prompt, situation or a misconception's feedback ("Doubling also
     never wastes memory", probe33:69); at SHARE 0.6 and 0.75;
  H  a thing the model says is blocked said to go on: an answer clause with *carry on*,
     *continue*, *proceed*, *still works*, *unaffected*, *doesn't block* ..., sharing two
     content words (the prompt's aside) with a plain model clause that *blocks*,
     *prevents*, *stalls* or makes wait ("reads and writes carry on while it runs" against
     "an ACCESS EXCLUSIVE lock that blocks reads and writes", probe33:128);
  I  an ability the model states, denied: "S can't/cannot V O" with a word of S and two of
     V O (five-letter prefixes) in a plain model clause ("A reverse proxy can't terminate
     TLS" against "for TLS termination", probe33:114);
  J  "X also V O" where O (two content words) stands in a model clause that never names X
     ("the setgid bit also changes the group of the files that are already there" against
     "Fix the files already there once with chgrp", probe33:98);
  K  a model counterfactual, "Without X, S could not ...", met by an answer clause that
     gives a plain outcome under the same condition ("When there is no common ancestor at
     all, git picks the branch with more commits", probe33:64).

Usage, from a checkout root: python3 scripts/fp33_shapes.py RUN.json [-v]"""
import json, re, sys
from collections import Counter
sys.path.insert(0, 'scripts')
import buried_shapes as b
import fp31_shapes as fp31

STOP = b.STOP | set('also too well then there which that what'.split())
DENIED = re.compile(r"\b(not|no|never|n't|cannot|without|only)\b")
BLOCKS = re.compile(r'\b(block|blocks|blocked|blocking|prevents?|locks? out|stalls?|waits?|'
                    r'freezes?)\b')
GOES_ON = re.compile(r"\b(carry on|carries on|continues?|proceeds?|keeps? going|still (?:work|"
                     r"run|go|proceed|succeed)s?|unaffected|unblocked|not blocked|aren't "
                     r"blocked|isn't blocked|never blocks?|doesn't block|don't block|without "
                     r"blocking|no blocking)\b")
CANT = re.compile(r"\b(can't|cannot|can not|cant|unable to)\s+(.*)", re.I)
COUNTERFACTUAL = re.compile(r"\b(?:without|with no)\s+([^,]+),\s*[^.;]*?\b(?:could not|"
                            r"couldn't|cannot|can't|would|could|has no way|is unable)\b", re.I)
UNDER_NONE = re.compile(r'\b(?:without|with no|when there is no|if there is no|there is no|'
                        r'no)\s+(.*)', re.I)


def stem(w):
    for suf in ('ing', 'ed', 'es', 's'):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[:-len(suf)]
    return w


def stems(text):
    return {stem(w) for w in re.findall(r'[a-z0-9_\-.]+', text.lower())
            if w not in STOP and len(w) > 1}


def clauses(text):
    return [x for x in re.split(r'[.;:!?]\s|[.;:!?]$|,\s*(?:and|but|so|while|which)\s|'
                                r'\bwhile\b|\bbut\b|\bwhereas\b', text) if x.strip()]


def model_clauses(r):
    return [x for t in (r['model'], r['expl']) for x in clauses(t)]


def all_texts(r):
    q = r['q']
    return ' '.join([r['model'], r['expl'], q.get('prompt', ''), q.get('situation', '')] +
                    [m.get('feedback', '') for m in q.get('misconception', [])])


def also_at(clause):
    m = re.search(r'\balso\b', clause, re.I)
    return m if m and not clause.strip().lower().startswith('also') else None


def g(share):
    def shape(r):
        if re.search(r'\balso\b', all_texts(r), re.I):
            return None
        known = stems(all_texts(r))
        for cl in clauses(r['resp']):
            words = stems(cl)
            if also_at(cl) and not DENIED.search(cl.lower()) and len(words) >= 3 \
                    and len(words - known) / len(words) >= share:
                return cl.strip()
        return None
    return shape


def h(r):
    asked = stems(r['q'].get('prompt', ''))
    for cl in clauses(r['resp']):
        if GOES_ON.search(cl.lower()):
            for m in model_clauses(r):
                if BLOCKS.search(m.lower()) and not DENIED.search(m.lower()) \
                        and len((stems(cl) & stems(m)) - asked) >= 2:
                    return (cl.strip(), m.strip())
    return None


def i(r):
    prefixes = lambda text: {w[:5] for w in stems(text)}
    for cl in clauses(r['resp']):
        m = CANT.search(cl)
        if not m:
            continue
        subject, after = prefixes(cl[:m.start()]), prefixes(' '.join(m.group(2).split()[:4]))
        for mc in model_clauses(r):
            if not DENIED.search(mc.lower()) and subject & prefixes(mc) \
                    and len(after & prefixes(mc)) >= 2:
                return (cl.strip(), mc.strip())
    return None


def j(r):
    said = stems(r['model'] + ' ' + r['expl'])
    for cl in clauses(r['resp']):
        m = also_at(cl)
        if not m:
            continue
        subject, thing = stems(cl[:m.start()]), stems(' '.join(cl[m.end():].split()[1:]))
        if subject and len(thing) >= 2 and subject <= said:
            for mc in model_clauses(r):
                if len(thing & stems(mc)) >= 2 and not subject & stems(mc):
                    return (cl.strip(), mc.strip())
    return None


def k(r):
    for t in (r['model'], r['expl']):
        for m in COUNTERFACTUAL.finditer(t):
            for cl in clauses(r['resp']):
                u = UNDER_NONE.search(cl)
                if u and stems(u.group(1).split(',')[0]) & stems(m.group(1)) \
                        and not re.search(r"\b(not|n't|cannot|no way|unable|would|could)\b",
                                          u.group(1).lower()):
                    return (cl.strip(), m.group(0))
    return None


SHAPES = [('G also-clause, 60% new', g(0.6)), ('G also-clause, 75% new', g(0.75)),
          ('H blocked said to go on', h), ('I model ability denied', i),
          ('J X also V O, O the model gives another', j), ('K model counterfactual', k)]


def tally(rows, name, shape, verbose):
    """One line per shape; with `verbose`, every answer it fires on."""
    n, sets = Counter(), set()
    for r in rows:
        hit = shape(r)
        if not hit:
            continue
        n[(r['exp'], r['got'])] += 1
        if r['got'] and not r['exp']:
            sets.add(r['set'])
        if verbose:
            print('  ', 'right' if r['exp'] else 'wrong', 'passes' if r['got'] else 'fails',
                  r['set'], r['line'], r['cls'], hit)
    print(f'{name} | {n[(False, True)]} ({len(sets)}) | {n[(True, True)]} | '
          f'{n[(False, False)]} | {n[(True, False)]}')


if __name__ == '__main__':
    tuning = fp31.tuning_rows(json.load(open(sys.argv[1])))
    print(f'{len(tuning)} tuning rows')
    print('shape | wrong passing (sets) | right passing | wrong failing | right failing')
    for label, fn in SHAPES:
        tally(tuning, label, fn, '-v' in sys.argv)
