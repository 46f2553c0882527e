"""Writes one FreeSurfer file with nibabel from a JSON description.

Usage: write.py geometry|curv|annot INPUT.json OUTPUT

geometry: {"coords": [x, y, z, ...], "faces": [a, b, c, ...], "stamp": str, "volume_info": {...} or null}
curv:     {"values": [...], "fnum": int}
annot:    {"labels": [...], "ctab": [[r, g, b, t], ...], "names": [...]}

The C# cross-check tests read the output with the reference reader.
"""

import json
import sys

import numpy as np
from nibabel.freesurfer import io


def main(kind, source, target):
    with open(source, encoding="utf-8") as f:
        spec = json.load(f)
    if kind == "geometry":
        coords = np.array(spec["coords"], dtype=np.float32).reshape(-1, 3)
        faces = np.array(spec["faces"], dtype=np.int32).reshape(-1, 3)
        info = spec.get("volume_info")
        if info is not None:
            info = {
                k: (np.array(v) if isinstance(v, list) else v)
                for k, v in info.items()
            }
        io.write_geometry(target, coords, faces, create_stamp=spec["stamp"], volume_info=info)
    elif kind == "curv":
        io.write_morph_data(target, np.array(spec["values"], dtype=np.float32), fnum=spec["fnum"])
    elif kind == "annot":
        io.write_annot(
            target,
            np.array(spec["labels"], dtype=np.int32),
            np.array(spec["ctab"], dtype=np.int32),
            spec["names"],
        )
    else:
        raise SystemExit(f"unknown kind {kind}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
