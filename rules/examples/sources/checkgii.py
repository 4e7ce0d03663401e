import csv,math
def g3(a,b,c): return (a*b*c)**(1/3)
def gii(r):
    f=lambda k: float(r[k])
    mmr=min(max(f('mmr'),10),1000); abr=f('abr')
    pf=max(f('pr_f'),0.1)/100; pm=f('pr_m')/100
    hf=math.sqrt(10/mmr*1/abr); ef=math.sqrt(pf*f('se_f')/100); lf=f('lfpr_f')/100
    em=math.sqrt(pm*f('se_m')/100); lm=f('lfpr_m')/100
    GF=g3(hf,ef,lf); GM=g3(1,em,lm)
    harm=2/(1/GF+1/GM)
    Gbar=g3((hf+1)/2,(ef+em)/2,(lf+lm)/2)
    return 1-harm/Gbar
for r in csv.DictReader(open('/tmp/gii_raw.csv')):
    if not r['gii']: print(r['iso3'],'no GII'); continue
    v=gii(r); print(r['iso3'], f"{v:.5f}", r['gii'], 'OK' if f"{v:.3f}"==f"{float(r['gii']):.3f}" else 'MISMATCH')
