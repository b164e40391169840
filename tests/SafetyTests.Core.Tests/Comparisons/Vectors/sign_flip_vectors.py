#!/usr/bin/env python3
"""Reference values for the gate's regression test, computed independently of the C# code.

Run: python3 sign_flip_vectors.py > sign-flip-vectors.json
Pure Python (itertools, fractions, math): exact sign-flip p-values by brute force or meet-in-the-middle,
the hybrid approximation the gate uses above 20 informative cases, weighted Holm, and the gate's paired
difference (D, standard error with cases as units, sampling floor) from counts.
"""
import bisect
import itertools
import json
import math
from fractions import Fraction


def exact_brute(a):
    """P(sum s_i |a_i| >= T) by listing all sign vectors (exact rational arithmetic on the inputs)."""
    a = [Fraction(x) for x in a if x != 0]
    t = sum(a)
    m = [abs(x) for x in a]
    hits = sum(1 for signs in itertools.product((1, -1), repeat=len(m)) if sum(s * v for s, v in zip(signs, m)) >= t)
    return hits / 2 ** len(m)


def exact_mitm(a):
    """The same by meet-in-the-middle: sums of two halves, one sorted and searched (floats, K up to ~28)."""
    a = [x for x in a if x != 0]
    t = sum(a)
    m = [abs(x) for x in a]
    h = len(m) // 2
    left = [sum(s * v for s, v in zip(signs, m[:h])) for signs in itertools.product((1, -1), repeat=h)]
    right = sorted(sum(s * v for s, v in zip(signs, m[h:])) for signs in itertools.product((1, -1), repeat=len(m) - h))
    eps = 1e-9 * sum(m)
    hits = 0
    for l in left:
        hits += len(right) - bisect.bisect_left(right, t - eps - l)
    return hits / 2 ** len(m)


def upper_normal(z):
    return 0.5 * math.erfc(z / math.sqrt(2))


def hybrid(a, largest=12):
    """Signs of the 12 largest |a_i| enumerated, the rest normal with its exact variance."""
    a = [x for x in a if x != 0]
    t = sum(a)
    m = sorted((abs(x) for x in a), reverse=True)
    big, rest = m[:largest], m[largest:]
    sigma = math.sqrt(sum(v * v for v in rest))
    total = 0.0
    for signs in itertools.product((1, -1), repeat=len(big)):
        total += upper_normal((t - sum(s * v for s, v in zip(signs, big))) / sigma)
    return total / 2 ** len(big)


def binomial_upper(k, positive):
    return sum(math.comb(k, j) for j in range(positive, k + 1)) / 2 ** k


def weighted_holm(p, w):
    order = sorted(range(len(p)), key=lambda i: (p[i] / w[i], i))
    remaining = sum(w)
    adjusted = [0.0] * len(p)
    running = 0.0
    for i in order:
        running = max(running, min(1.0, p[i] * remaining / w[i]))
        adjusted[i] = running
        remaining -= w[i]
    return adjusted


def paired(cases):
    """cases: (weight, baseline failures, baseline trials, candidate failures, candidate trials)."""
    n = len(cases)
    W = sum(c[0] for c in cases)
    rb = sum(c[0] * c[1] / c[2] for c in cases) / W
    rk = sum(c[0] * c[3] / c[4] for c in cases) / W
    d = rk - rb
    spread = n / (n - 1) * sum(((c[0] / W) * (c[3] / c[4] - c[1] / c[2] - d)) ** 2 for c in cases)

    def smoothed(x, t):
        q = (x + 1) / (t + 2)
        return q * (1 - q) / t

    sampling = sum((c[0] / W) ** 2 * (smoothed(c[1], c[2]) + smoothed(c[3], c[4])) for c in cases)
    se = math.sqrt(max(spread, sampling))
    contributions = [c[0] * (c[3] / c[4] - c[1] / c[2]) for c in cases]
    return {"difference": d, "standardError": se, "floored": sampling > spread, "contributions": contributions}


vectors = {"signFlip": [], "weightedHolm": [], "paired": []}

small = [
    ("five distinct", [0.3, -0.1, 0.25, 0.05, 0.4]),
    ("weighted severities", [8 * 0.1, 2 * 0.05, -1 * 0.2, 4 * 0.15, 2 * -0.05, 1 * 0.3, 8 * -0.025]),
    ("all positive, twelve", [0.05 * (i + 1) for i in range(12)]),
    ("one dominant", [8 * 0.5, 0.01, -0.02, 0.03, -0.01, 0.02]),
    ("nineteen mixed", [((-1) ** (i * 7 % 3)) * (0.01 + 0.013 * i) for i in range(19)]),
]
for name, a in small:
    p = float(exact_brute(a)) if len(a) <= 16 else exact_mitm(a)
    vectors["signFlip"].append({"name": name, "contributions": a, "method": "exact-enumeration", "p": p})

vectors["signFlip"].append({"name": "equal magnitudes 7 up 2 down", "contributions": [0.5] * 7 + [-0.5] * 2, "method": "exact-binomial", "p": binomial_upper(9, 7)})
vectors["signFlip"].append({"name": "single samples 15 up 6 down", "contributions": [1.0] * 15 + [-1.0] * 6, "method": "exact-binomial", "p": binomial_upper(21, 15)})

large = [
    ("twenty-four mixed", [((-1) ** (i % 4 == 3)) * (0.02 + 0.011 * (i % 9)) * (1 + (i % 3)) for i in range(24)]),
    ("twenty-six small rises", [0.03 + 0.002 * i if i % 5 else -0.04 for i in range(26)]),
]
for name, a in large:
    vectors["signFlip"].append({"name": name, "contributions": a, "method": "exact-largest-normal-rest", "p": hybrid(a), "exactP": exact_mitm(a)})

holm = [
    ([0.01, 0.04, 0.03], [0.5, 0.25, 0.25]),
    ([0.02, 0.001, 0.2, 0.04], [0.5, 1 / 6, 1 / 6, 1 / 6]),
    ([0.3, 0.3], [1.0, 1.0]),
]
for p, w in holm:
    vectors["weightedHolm"].append({"p": p, "weights": w, "adjusted": weighted_holm(p, w)})

suites = [
    ("issue 12: 24 cases from 0 to about 12 percent", [(2, 0, 9, x, n) for x, n in [(1, 12), (0, 9), (2, 15), (1, 11), (0, 9), (3, 20), (1, 13), (2, 14), (0, 9), (1, 10), (4, 24), (1, 12), (0, 9), (2, 16), (1, 12), (1, 11), (3, 19), (0, 9), (2, 13), (1, 12), (1, 10), (0, 9), (2, 15), (1, 12)]]),
    ("mixed weights and counts", [(8, 1, 20, 4, 31), (1, 0, 9, 0, 9), (4, 2, 18, 1, 20), (2, 3, 25, 6, 40), (1, 0, 12, 2, 12), (2, 1, 10, 1, 10)]),
]
for name, cases in suites:
    r = paired(cases)
    a = r["contributions"]
    informative = [x for x in a if abs(x) > 1e-12]
    k = len(informative)
    if len(set(round(abs(x), 12) for x in informative)) == 1:
        p = binomial_upper(k, sum(1 for x in informative if x > 0))
    elif k <= 20:
        p = exact_mitm(informative)
    else:
        p = hybrid(informative)
    vectors["paired"].append({"name": name, "cases": [list(c) for c in cases], "difference": r["difference"], "standardError": r["standardError"], "floored": r["floored"], "informative": k, "p": p})

print(json.dumps(vectors, indent=1))
