# Monte Carlo of the drift scan (detect/Baselines/DriftJudge.cs) on the simulator's day model (HumanDayGenerator:
# LogNormal(0.3) x Poisson x weekday factor): which frozen baseline (median / Hodges-Lehmann) and whether removing the
# weekday effect exactly (an oracle) helps. low: 2x for 10 working days after 7 of history; benign: 22 working days.
# Prints, per DriftZ, the share of accounts alerted at least once (ratio >= 1.5, as DriftMinRatio).
# usage: python3 benchmarks/drift-baseline-montecarlo.py low 400 5; python3 benchmarks/drift-baseline-montecarlo.py benign 3000 6
# (docs/detection-quality.md, "Frozen baseline: median or Hodges-Lehmann"; about a minute each, pure Python)
import math, random, sys
W = {0: 1.15, 4: 0.9}  # Monday, Friday
def poisson(r, lam):
    if lam > 30:
        return max(0, int(round(r.gauss(lam, math.sqrt(lam)))))
    L = math.exp(-lam); k = 0; p = 1.0
    while True:
        p *= r.random()
        if p <= L: return k
        k += 1
def med(v):
    v = sorted(v); n = len(v); return v[n//2] if n % 2 else (v[n//2-1]+v[n//2])/2
def hl(v):
    n = len(v); return med([(v[i]+v[j])/2 for i in range(n) for j in range(i, n)])
def scan(vals, est, fac, minown=5, minrec=4):
    best = (-1e9, 1.0); s = 0.0
    for rec in range(1, len(vals)-minown+1):
        s += vals[-rec]
        if rec < minrec: continue
        own = vals[:len(vals)-rec]; b = est(own); m = med(own)
        mad = 1.4826*med([abs(x-m) for x in own])
        var = max(max(0.09 + 1/math.exp(b), 0.5*mad*mad), 0.0625)
        z = (s - rec*b)/math.sqrt(rec*var + rec*rec*var*fac/len(own))
        if z > best[0]: best = (z, math.exp(s/rec - b))
    return best
def days(n0, nshift, factor, start_wd, r, mean):
    out = []; wd = start_wd
    while len(out) < n0 + nshift:
        if wd < 5:
            mu = mean*W.get(wd, 1.0)*math.exp(r.gauss(0, 0.3))
            if len(out) >= n0: mu *= factor
            out.append((wd, math.log(1+poisson(r, mu))))
        wd = (wd+1) % 7
    return out
V = {'median': (med, math.pi/2, False), 'hl': (hl, math.pi/3, False), 'hl+wd': (hl, math.pi/3, True), 'median+wd': (med, math.pi/2, True)}
def fired(d, v, cap=28):
    est, fac, wd = V[v]; top = -1e9
    for t in range(6, len(d)+1):
        vals = [x - (math.log(W.get(w, 1.0)) if wd else 0) for w, x in d[max(0, t-cap):t]]
        z, ratio = scan(vals, est, fac)
        if ratio >= 1.5: top = max(top, z)
    return top
mode = sys.argv[1]; n = int(sys.argv[2]); r = random.Random(int(sys.argv[3]))
hits = {v: [] for v in V}
for i in range(n):
    mean = math.exp(r.uniform(math.log(5), math.log(60)))
    d = days(7, 10, 2.0, 1, r, mean) if mode == 'low' else days(22, 0, 1.0, 1, r, mean)
    for v in V:
        hits[v].append(fired(d, v))
for z0 in (3.0, 3.25, 3.5, 3.75, 4.0):
    print(mode, n, z0, {v: round(sum(1 for z in hits[v] if z >= z0)/n, 4) for v in V})
