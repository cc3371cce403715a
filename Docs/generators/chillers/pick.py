"""Selection of EnergyPlus 25.2 Chiller:Electric:EIR curve sets shipped with HeatLoop."""
from idf import load
PICK = [
 # slug, file, object name, compressor, VSD
 ("carrier-19xr-vsd", "Chillers.idf", "ElectricEIRChiller Carrier 19XR 1586kW/5.53COP/VSD", "centrifugal", True),
 ("york-yk-vsd", "Chillers.idf", "ElectricEIRChiller York YK 2771kW/6.84COP/VSD", "centrifugal", True),
 ("york-yk-vanes", "Chillers.idf", "ElectricEIRChiller York YK 2237kW/6.41COP/Vanes", "centrifugal", False),
 ("trane-rthb-screw", "Chillers.idf", "ElectricEIRChiller Trane RTHB 1051kW/5.05COP/Valve", "screw", False),
 ("york-ys-screw", "Chillers.idf", "ElectricEIRChiller York YS 781kW/5.42COP/Valve", "screw", False),
 ("carrier-30xa-screw", "AirCooledChiller.idf", "ElectricEIRChiller Carrier 30XA160 535.1kW/3.1COP", "screw", False),
 ("carrier-30rb-scroll", "AirCooledChiller.idf", "ElectricEIRChiller Carrier 30RB390 1325.8kW/2.8COP", "scroll", False),
 ("trane-cgam-scroll", "AirCooledChiller.idf", "ElectricEIRChiller Trane CGAM40 114kW/2.93COP", "scroll", False),
]
def num(s, default=None):
    return float(s) if s not in ("", None) else default
def field(o, i):
    return o[i] if len(o) > i else ""
def curve(c):
    kind = c[0]
    if kind == "Curve:Biquadratic":
        return dict(kind="bi", k=[float(v) for v in c[2:8]], x=(float(c[8]), float(c[9])),
                    y=(float(c[10]), float(c[11])), out=(num(field(c, 12)), num(field(c, 13))))
    if kind == "Curve:Quadratic":
        return dict(kind="quad", k=[float(v) for v in c[2:5]], x=(float(c[5]), float(c[6])),
                    out=(num(field(c, 7)), num(field(c, 8))))
    raise ValueError(kind)
def sets():
    cache = {}
    for slug, f, name, comp, vsd in PICK:
        if f not in cache: cache[f] = load(f)
        ch, cu = cache[f]
        o = next(o for o in ch if o[1] == name)
        yield dict(slug=slug, file=f, name=name, compressor=comp, vsd=vsd,
            cap=float(o[2]), cop=float(o[3]), tchw=float(o[4]), tcond=float(o[5]),
            capft=curve(cu[o[8]]), eirft=curve(cu[o[9]]), eirfplr=curve(cu[o[10]]),
            minPLR=float(o[11]), maxPLR=float(o[12]), minUnload=float(o[14]),
            condenser=o[19], fanRatio=num(field(o, 20), 0.0))
def bi(c, x, y):
    k = c["k"]; return k[0]+k[1]*x+k[2]*x*x+k[3]*y+k[4]*y*y+k[5]*x*y
