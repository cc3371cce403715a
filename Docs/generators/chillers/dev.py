from idf import load
from pick import curve, bi
for f in ["Chillers.idf", "AirCooledChiller.idf"]:
    ch, cu = load(f)
    for o in ch:
        try:
            c1, c2, c3 = curve(cu[o[8]]), curve(cu[o[9]]), curve(cu[o[10]])
        except Exception as e:
            continue
        if c3["kind"] != "quad" or c1["kind"] != "bi": continue
        t, tc = float(o[4]), float(o[5])
        cap = bi(c1, t, tc); eir = bi(c2, t, tc); plr = sum(c3["k"])
        dev = max(abs(cap-1), abs(eir-1), abs(plr-1))
        inside = c1["x"][0] <= t <= c1["x"][1] and c1["y"][0] <= tc <= c1["y"][1]
        print(f"{dev:.4f}", f[:3], o[1].replace("ElectricEIRChiller ",""), t, tc, c1["x"], c1["y"], "minPLR", o[11], o[14], inside)
