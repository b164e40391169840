#!/usr/bin/env python3
"""Reference values for the gate's per-case sequential exact test, by brute force over every sample sequence.

Run: python3 sequential_case_vectors.py > sequential-case-vectors.json
A small design (cap 14) with pass boundary floor(0.15 n - 1.2) and fail boundary ceil(0.15 n + 2.5): every 0/1
sequence is walked until it stops; the stop counts give the conditional law of a split of pooled counts.
A fixed design without early stopping is also listed: there the test must equal Fisher's exact test.
"""
import itertools
import json
import math
from collections import Counter

CAP = 14


def pass_boundary(n):
    return math.floor(0.15 * n - 1.2)


def fail_boundary(n):
    return math.ceil(0.15 * n + 2.5)


def stops(pass_b, fail_b, cap):
    counts = Counter()
    for seq in itertools.product((0, 1), repeat=cap):
        x = 0
        for n, s in enumerate(seq, start=1):
            x += s
            if x >= fail_b(n) or x <= pass_b(n) or n == cap:
                counts[(n, x)] += 1
                break
    # Each stop at n was counted 2^(cap-n) times (the unread rest of the sequence).
    return {k: v // 2 ** (cap - k[0]) for k, v in counts.items()}


def p_worse(counts, nb, xb, nk, xk):
    total, t = nb + nk, xb + xk
    if t == 0 or t == total:
        return 1.0
    obs = xk / nk - xb / nb
    allw = worse = 0
    for (n, x), c in counts.items():
        m, y = total - n, t - x
        if (m, y) not in counts:
            continue
        w = c * counts[(m, y)]
        allw += w
        if y / m - x / n >= obs - 1e-12:
            worse += w
    return worse / allw


sequential = stops(pass_boundary, fail_boundary, CAP)
fixed = stops(lambda n: -1, lambda n: n + 1, 10)
ordered = sorted(sequential)
observations = [ordered[0] + ordered[-1], ordered[-1] + ordered[0], ordered[len(ordered) // 2] + ordered[len(ordered) // 3], ordered[3] + ordered[-4], ordered[-2] + ordered[-2]]
vectors = {
    "cap": CAP,
    "pass": [pass_boundary(n) for n in range(CAP + 1)],
    "fail": [fail_boundary(n) for n in range(CAP + 1)],
    "stops": len(sequential),
    "sequential": [],
    "fixed": [],
}
for nb, xb, nk, xk in observations:
    if (nb, xb) in sequential and (nk, xk) in sequential:
        vectors["sequential"].append({"observed": [nb, xb, nk, xk], "p": p_worse(sequential, nb, xb, nk, xk), "logCount": math.log(sequential[(nk, xk)])})
for xb, xk in [(0, 3), (1, 4), (2, 2), (5, 1)]:
    fisher = sum(math.comb(10, xb + xk - y) * math.comb(10, y) for y in range(xk, xb + xk + 1) if y <= 10) / math.comb(20, xb + xk)
    vectors["fixed"].append({"observed": [10, xb, 10, xk], "p": p_worse(fixed, 10, xb, 10, xk), "fisher": fisher})
print(json.dumps(vectors, indent=1))
