#!/usr/bin/python3
"""A second, independent implementation of docs/design.md rule 11 (severity-
adjusted scores), written from the rule's text, to check scorewheel's.

    severity_ref.py RUBRIC.xml CAL.json PATH...     compare calibrate's JSON
    severity_ref.py --pairs FILE.csv                print the fit of candidate,interviewer,z

Where the C module (core/rules/severity.c) absorbs the candidates, eigen-decomposes
the interviewers' system once and bisects the derivative of the profile REML
likelihood, this one writes the whole mixed model down - y = X f + Z b + e with
V = sigma2 I + tau2 Z Z' - and maximises the restricted likelihood

    -2 l(sigma2, tau2) = log|V| + log|X' V^-1 X| + y' P y,
    P = V^-1 - V^-1 X (X' V^-1 X)^-1 X' V^-1

(Harville 1977; Searle, Casella & McCulloch 1992, ch. 6) directly: Nelder-Mead
over (log sigma2, log tau2), then Fisher scoring with the exact score
tr(P V_k) - y'P V_k P y and information tr(P V_k P V_l) / 2 until the score
vanishes, against the boundary tau2 = 0. The BLUP and its standard errors come
from Henderson's mixed-model equations with the candidates NOT absorbed:

    [X'X  X'Z          ] [f]   [X'y]
    [Z'X  Z'Z + lambda I] [b] = [Z'y],   se(i)^2 = sigma2 [inverse](b_i, b_i).

Exit 0 when every figure agrees with calibrate's to 1e-6 (relative above 1).
Needs numpy (Debian python3-numpy), hence /usr/bin/python3."""
import json
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import recompute  # noqa: E402  (the rubric and scorecard reader, rule 1)


class Reml:
    def __init__(self, y, X, Z):
        self.y, self.X, self.Z = y, X, Z
        self.ZZ = Z @ Z.T
        self.n = len(y)

    def parts(self, s2, t2):
        V = s2 * np.eye(self.n) + t2 * self.ZZ
        Vi = np.linalg.inv(V)
        XVX = self.X.T @ Vi @ self.X
        P = Vi - Vi @ self.X @ np.linalg.solve(XVX, self.X.T @ Vi)
        return V, XVX, P

    def m2l(self, s2, t2):
        V, XVX, P = self.parts(s2, t2)
        return (np.linalg.slogdet(V)[1] + np.linalg.slogdet(XVX)[1]
                + float(self.y @ P @ self.y))

    def score_info(self, s2, t2):
        _, _, P = self.parts(s2, t2)
        Py = P @ self.y
        dv = [np.eye(self.n), self.ZZ]
        score = np.array([np.trace(P @ v) - Py @ v @ Py for v in dv])
        info = np.array([[np.sum((P @ a) * (P @ b).T) for b in dv] for a in dv]) / 2
        return score, info


def nelder_mead(f, x0, step=1.0, iters=4000):
    pts = [np.array(x0, float)] + [np.array(x0, float) + step * e for e in np.eye(len(x0))]
    vals = [f(p) for p in pts]
    for _ in range(iters):
        order = np.argsort(vals)
        pts, vals = [pts[i] for i in order], [vals[i] for i in order]
        if abs(vals[-1] - vals[0]) <= 1e-14 * (1 + abs(vals[0])):
            break
        centre = sum(pts[:-1]) / (len(pts) - 1)
        refl = centre + (centre - pts[-1])
        fr = f(refl)
        if fr < vals[0]:
            exp = centre + 2 * (centre - pts[-1])
            fe = f(exp)
            pts[-1], vals[-1] = (exp, fe) if fe < fr else (refl, fr)
        elif fr < vals[-2]:
            pts[-1], vals[-1] = refl, fr
        else:
            con = centre + 0.5 * (pts[-1] - centre)
            fc = f(con)
            if fc < vals[-1]:
                pts[-1], vals[-1] = con, fc
            else:
                pts = [pts[0] + 0.5 * (p - pts[0]) for p in pts]
                vals = [f(p) for p in pts]
    best = int(np.argmin(vals))
    return pts[best], vals[best]


def reml_fit(model, r):
    """(sigma2, tau2) maximising the REML likelihood, tau2 >= 0."""
    s0 = float(model.y @ model.y) / max(r, 1)
    clamp = lambda lt: max(lt, -60.0)  # noqa: E731
    f = lambda p: model.m2l(math.exp(p[0]), math.exp(clamp(p[1])))  # noqa: E731
    p, _ = nelder_mead(f, [math.log(s0 / 2 + 1e-12), math.log(s0 / 2 + 1e-12)])
    s2, t2 = math.exp(p[0]), math.exp(clamp(p[1]))
    for _ in range(200):     # Fisher scoring to the root of the score
        score, info = model.score_info(s2, t2)
        step = np.linalg.solve(info, -score / 2)
        ns2, nt2 = s2 + step[0], t2 + step[1]
        if nt2 < 0:
            nt2 = 0.0
        if ns2 <= 0:
            ns2 = s2 / 2
        done = abs(ns2 - s2) <= 1e-14 * s2 and abs(nt2 - t2) <= 1e-14 * max(t2, 1e-300)
        s2, t2 = ns2, nt2
        if done:
            break
    # The boundary: tau2 = 0 and the best sigma2 there (V = sigma2 I: y'My / r).
    _, _, P0 = model.parts(1.0, 0.0)
    b_s2 = float(model.y @ P0 @ model.y) / r
    if t2 <= 0 or model.m2l(b_s2, 0.0) <= model.m2l(s2, t2):
        return b_s2, 0.0
    return s2, t2


def fit(pairs):
    """The severity object and {interviewer: (adjustment, se)} of rule 11."""
    cands = sorted({k for k, _ in pairs})
    people = sorted({i for _, i in pairs})
    keys = sorted(pairs)
    out = {"fitted": False, "sigma2": None, "tau2": None, "pairs": len(keys),
           "components": recompute.components(keys)}
    adj = {i: (0.0, None) for i in people}
    r = len(keys) - len(cands)
    if r < 10 or len(people) < 3:
        return out, adj
    y = np.array([pairs[k] for k in keys])
    X = np.zeros((len(keys), len(cands)))
    Z = np.zeros((len(keys), len(people)))
    for row, (k, i) in enumerate(keys):
        X[row, cands.index(k)] = 1
        Z[row, people.index(i)] = 1
    model = Reml(y, X, Z)
    s2, t2 = reml_fit(model, r)
    out["sigma2"], out["tau2"] = s2, t2
    if t2 < 1e-8:
        return out, adj
    out["fitted"] = True
    lam = s2 / t2
    nk, ni = len(cands), len(people)
    M = np.block([[X.T @ X, X.T @ Z], [Z.T @ X, Z.T @ Z + lam * np.eye(ni)]])
    rhs = np.concatenate([X.T @ y, Z.T @ y])
    Mi = np.linalg.pinv(M)      # X'X block is nonsingular; the whole is too
    sol = Mi @ rhs
    for j, i in enumerate(people):
        adj[i] = (float(sol[nk + j]), math.sqrt(s2 * Mi[nk + j, nk + j]))
    return out, adj


LARGEST = [0.0]


def close(want, got):
    if want is None or got is None:
        return want is None and got is None
    LARGEST[0] = max(LARGEST[0], abs(want - got) / max(1.0, abs(want)))
    return abs(want - got) <= 1e-6 * max(1.0, abs(want))


def check(rubric, cal, paths):
    rub = recompute.load_rubric(rubric)
    cards = recompute.read_cards(rub, paths)
    sev, adj = fit(recompute.pairs_of(cards, rub["comps"]))
    with open(cal, encoding="utf-8") as f:
        got = json.load(f)
    errors = []
    gs = got["severity"]
    for key in ("fitted", "pairs", "components"):
        if gs[key] != sev[key]:
            errors.append(f"severity.{key}: {gs[key]!r} != {sev[key]!r}")
    for key in ("sigma2", "tau2"):
        if not close(sev[key], gs[key]):
            errors.append(f"severity.{key}: {gs[key]!r} != {sev[key]!r}")
    for row in got["interviewers"]:
        want = adj.get(row["id"], (None, None))
        for key, w in zip(("adjustment", "adjustment_se"), want):
            if not close(w, row[key]):
                errors.append(f"{row['id']}.{key}: {row[key]!r} != {w!r}")
    for e in errors[:20]:
        print(e)
    print(f"severity_ref: {sev['pairs']} pairs, {len(adj)} interviewers, fitted "
          f"{sev['fitted']}, sigma2 {sev['sigma2']}, tau2 {sev['tau2']}, "
          f"largest difference {LARGEST[0]:.1e}, {len(errors)} differences")
    return 1 if errors else 0


def main():
    args = sys.argv[1:]
    if args and args[0] == "--pairs":
        pairs = {}
        with open(args[1], encoding="utf-8") as f:
            next(f)
            for line in f:
                k, i, z = line.strip().split(",")
                pairs[(k, i)] = float(z)
        sev, adj = fit(pairs)
        print(json.dumps({"severity": sev, "interviewers": adj}, sort_keys=True))
        return 0
    return check(args[0], args[1], args[2:])


if __name__ == "__main__":
    sys.exit(main())
