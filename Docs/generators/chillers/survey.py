from idf import load
for f in ["Chillers.idf", "AirCooledChiller.idf"]:
    ch, cu = load(f)
    for o in ch:
        cap, eir, plr = cu[o[8]], cu[o[9]], cu[o[10]]
        print(f[:3], o[1].replace("ElectricEIRChiller ",""), "| ref", o[4], o[5], "| plr", o[11:15], o[20], "| capx", cap[8:12], "out", cap[12:14], "| eirx", eir[8:12], eir[12:14], "| plr", plr[5:9])
