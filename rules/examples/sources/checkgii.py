"""Recomputes the GII of every country in hdr23-24-2022-gii-extract.csv with the HDR 2023/24 formula,
independently of Tarazy, and prints one line per country with OK or MISMATCH (see check.py)."""

import csv
import math
import os


def g3(a, b, c):
    return (a * b * c) ** (1 / 3)


def gii(r):
    def f(k):
        return float(r[k])

    mmr = min(max(f("mmr"), 10), 1000)
    abr = f("abr")
    pf = max(f("pr_f"), 0.1) / 100
    pm = f("pr_m") / 100
    hf = math.sqrt(10 / mmr * 1 / abr)
    ef = math.sqrt(pf * f("se_f") / 100)
    lf = f("lfpr_f") / 100
    em = math.sqrt(pm * f("se_m") / 100)
    lm = f("lfpr_m") / 100
    gf = g3(hf, ef, lf)
    gm = g3(1, em, lm)
    harm = 2 / (1 / gf + 1 / gm)
    gbar = g3((hf + 1) / 2, (ef + em) / 2, (lf + lm) / 2)
    return 1 - harm / gbar


with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hdr23-24-2022-gii-extract.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if not r["gii"]:
            print(r["iso3"], "no GII")
            continue
        v = gii(r)
        print(r["iso3"], f"{v:.5f}", r["gii"], "OK" if f"{v:.3f}" == f"{float(r['gii']):.3f}" else "MISMATCH")
