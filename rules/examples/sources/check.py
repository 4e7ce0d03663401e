import csv,math
def idx(v,lo,hi): return min(max((v-lo)/(hi-lo),0),1)
def hdi(le,eys,mys,gni,lelo=20,lehi=85):
    h=idx(le,lelo,lehi); e=(idx(eys,0,18)+idx(mys,0,15))/2; i=idx(math.log(gni),math.log(100),math.log(75000))
    return (h*e*i)**(1/3)
def r3(x): return float(f"{x+1e-12:.3f}")
for r in csv.DictReader(open('/tmp/hdr_raw.csv')):
    f=lambda k: float(r[k]) if r[k] else None
    h=hdi(f('le'),f('eys'),f('mys'),f('gni'))
    msg=[r['iso3'], f"{h:.5f}", r['hdi'], 'OK' if f"{h:.3f}"==f"{float(r['hdi']):.3f}" else 'HDI-MISMATCH']
    if r['gni_f']:
        hf=hdi(f('le_f'),f('eys_f'),f('mys_f'),f('gni_f'),22.5,87.5); hm=hdi(f('le_m'),f('eys_m'),f('mys_m'),f('gni_m'),17.5,82.5)
        ok = abs(hf-f('hdi_f'))<1e-6 and abs(hm-f('hdi_m'))<1e-6 and f"{hf/hm:.3f}"==f"{f('gdi'):.3f}"
        msg += [f"{hf:.6f}/{r['hdi_f']}", f"{hm:.6f}/{r['hdi_m']}", f"{hf/hm:.4f}/{r['gdi']}", 'GDI-OK' if ok else 'GDI-MISMATCH']
    if r['phdi']:
        msg += [f"adj={float(r['phdi'])/h:.4f}"]
    print(*msg)
