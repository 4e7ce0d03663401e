"""Recomputes the HDI, the female and male HDI and the GDI of every country in hdr23-24-2022-extract.csv with
the HDR 2023/24 formula, independently of Tarazy, and prints one line per country with OK or MISMATCH.
The extract was read by hand from the annex file; this check is what shows it was read right."""

import csv
import math
import os


def idx(v, lo, hi):
    return min(max((v - lo) / (hi - lo), 0), 1)


def hdi(le, eys, mys, gni, lelo=20, lehi=85):
    h = idx(le, lelo, lehi)
    e = (idx(eys, 0, 18) + idx(mys, 0, 15)) / 2
    i = idx(math.log(gni), math.log(100), math.log(75000))
    return (h * e * i) ** (1 / 3)


with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hdr23-24-2022-extract.csv"), encoding="utf-8") as f:
    for r in csv.DictReader(f):
        def num(k):
            return float(r[k])

        h = hdi(num("le"), num("eys"), num("mys"), num("gni"))
        msg = [r["iso3"], f"{h:.5f}", r["hdi"], "OK" if f"{h:.3f}" == f"{num('hdi'):.3f}" else "HDI-MISMATCH"]
        if r["gni_f"]:
            hf = hdi(num("le_f"), num("eys_f"), num("mys_f"), num("gni_f"), 22.5, 87.5)
            hm = hdi(num("le_m"), num("eys_m"), num("mys_m"), num("gni_m"), 17.5, 82.5)
            ok = abs(hf - num("hdi_f")) < 1e-6 and abs(hm - num("hdi_m")) < 1e-6 and f"{hf / hm:.3f}" == f"{num('gdi'):.3f}"
            msg += [f"{hf:.6f}/{r['hdi_f']}", f"{hm:.6f}/{r['hdi_m']}", f"{hf / hm:.4f}/{r['gdi']}", "GDI-OK" if ok else "GDI-MISMATCH"]
        print(*msg)
