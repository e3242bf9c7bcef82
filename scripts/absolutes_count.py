#!/usr/bin/env python3
"""Count tuning answers with a universal or exclusive word (every, all, always, never, any,
both, each, only, none, forever/for good/permanently ...) in a clause that the model answer and
explanation do not state with the same word (w52-absolute, issue 11 round 34), by mark and by
the current verdict of target/release/recall, per word and per writer group, and for the
narrower shapes tried. Run from a checkout root. Leaves out the held-out and blind sets."""
import tomllib, glob, os, re, json, subprocess, sys, csv
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
ROOT=os.getcwd()
BLIND={'docker-edge24','probe26','docker-edge25','probe27'}
def qtexts(toml, prefix=''):
    d=tomllib.load(open(toml,'rb')); bid=d['bank']['id']; out={}
    for q in d.get('question',[]):
        t=' '.join(str(q.get(k,'')) for k in ('model_answer','explanation','answer') if isinstance(q.get(k,''),str))
        out[q['id']]=t; out[bid+'/'+q['id']]=t
    return out
Q={}
for f in glob.glob('banks/docker/*.toml'): Q.update(qtexts(f))
sets=[]
for f in sorted(glob.glob('tests/fixtures/grade/docker-*.csv')):
    n=os.path.basename(f)[:-4]
    if 'holdout' in n or n in BLIND: continue
    sets.append((n,'banks/docker',f,Q))
for d in sorted(glob.glob('tests/fixtures/grade/probe*/')):
    n=os.path.basename(d.rstrip('/'))
    if n in BLIND: continue
    sets.append((n,d+'probe.toml',d+'probe.csv',qtexts(d+'probe.toml')))
def grade(s):
    n,b,c,q=s
    r=subprocess.run(['target/release/recall','grade',b,'--responses',c,'--format','json'],capture_output=True,text=True)
    return n,q,json.loads(r.stdout)
with ThreadPoolExecutor(4) as ex: res=list(ex.map(grade,sets))
QW={'every':'every','everything':'every','all':'all','always':'always','never':'never','any':'any','both':'both',
    'only':'only','none':'none','forever':'forever','each':'each','whenever':'always','nothing':'none','entire':'all','everyone':'every','entirely':'all','completely':'all','permanently':'forever'}
PHR={'for good':'forever','each time':'always','every time':'always','no matter':'always'}
STOP=set('the a an is are was be been to of in on at by for with and or but it its this that these those as from into so if then than not no do does did can will would should may might has have had you your they them their there here when which what who how i we he she his her our us also just very more most less any all every each both only always never none'.split())
def stems(s): return {w[:5] for w in re.findall(r"[a-z0-9]+",s.lower()) if w not in STOP and len(w)>2}
def clauses(t): return [c for c in re.split(r"[.;:!?]|,\s*(?:but|and|so|while|whereas|because)\b|\s+-\s+|\bbut\b",t) if c.strip()]
def quants(c):
    cl=c.lower(); found=[]
    for p,g in PHR.items():
        if p in cl: found.append(g)
    for w in re.findall(r"[a-z]+",cl):
        if w in QW and not (w=='each' and 'each time' in cl): found.append(QW[w])
    return found
def supported(c, model, g):
    # model states the same quantifier group in a clause sharing >=1 content stem with the answer clause
    cs=stems(c)
    for mc in clauses(model):
        if g in quants(mc) and (cs & stems(mc)): return True
    return False
def graded():
    """(set name, row, model text) of every graded row whose question has a model text."""
    for n,q,rows in res:
        for r in rows:
            m=q.get(r['question'],'')
            if m: yield n,r,m
cnt=defaultdict(Counter); byset=defaultdict(Counter); ex=defaultdict(list)
for n,r,m in graded():
    un=set()
    for c in clauses(r['response']):
        for g in quants(c):
            if not supported(c,m,g): un.add(g)
    exp='right' if r['expected'] else 'wrong'; gp='pass' if r['pass'] else 'fail'
    key=exp+'/'+gp
    cnt['ANY'][key]+=1 if un else 0
    cnt['ALLROWS'][key]+=1
    for g in un: cnt[g][key]+=1
    if un:
        byset[re.sub(r'\d+$','',n) if False else n][key]+=1
        ex[key].append((n,r['line'],sorted(un),r['response'][:200]))
for k,v in sorted(cnt.items()): print(k,dict(v))


G=defaultdict(Counter)
for n,q,rows in res:
    grp='dev' if n.startswith('docker-dev') else 'edge' if n.startswith('docker-edge') else 'probe'
    for r in rows:
        m=q.get(r['question'],'')
        if not m: continue
        un={g for c in clauses(r['response']) for g in quants(c) if not supported(c,m,g)}
        k=('R' if r['expected'] else 'W')+('p' if r['pass'] else 'f')
        for g in un|({'ANY'} if un else set()): G[(g,grp)][k]+=1
print('--- by word and writer group: wrong (of them passing) / right (of them passing)')
for g in ['ANY','every','all','always','never','any','both','each','only','none','forever']:
    print(g,'  '.join(f"{grp}: W {G[(g,grp)]['Wf']+G[(g,grp)]['Wp']} ({G[(g,grp)]['Wp']}) R {G[(g,grp)]['Rp']+G[(g,grp)]['Rf']} ({G[(g,grp)]['Rp']})" for grp in ['dev','edge','probe']))
UNI={'every','all','always','both','forever','each','any'}
LIM=re.compile(r"\b(only|some|unless|only when|only if|not all|not every|never|none|sometimes|may)\b")
S=defaultdict(Counter)
for n,r,m in graded():
    hits=set()
    for c in clauses(r['response']):
        gs=set(quants(c)); cs=stems(c)
        for mc in clauses(m):
            ov=len(cs&stems(mc)); mq=set(quants(mc))
            if ov<2: continue
            if gs&UNI and not (mq&UNI) and LIM.search(mc.lower()): hits.add('universal where the nearest model clause limits or hedges')
            if gs&UNI and ov>=3 and not mq: hits.add('universal added to a model clause (3 shared words) with none')
            if 'only' in gs and ov>=3 and 'only' not in mq: hits.add('only added to a model clause (3 shared words)')
    k=('R' if r['expected'] else 'W')+('p' if r['pass'] else 'f')
    for h in hits: S[h][k]+=1
print('--- narrower shapes: wrong passing / right passing (wrong failing, right failing)')
for h,v in S.items(): print(f"{h}: {v['Wp']} / {v['Rp']} ({v['Wf']}, {v['Rf']})")
