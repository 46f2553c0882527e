"""Reads one FreeSurfer file with nibabel and prints what nibabel sees as JSON.

Usage: read.py geometry|quad|curv|annot|label PATH

The C# cross-check tests compare this with what the reference reader returns.
"""

import json
import sys
import warnings

import numpy as np
from nibabel.freesurfer import io


def floats(array):
    return [float(x) for x in np.asarray(array, dtype=np.float64).ravel()]


def ints(array):
    return [int(x) for x in np.asarray(array).ravel()]


def main(kind, path):
    if kind in ("geometry", "quad"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if kind == "quad":
                coords, faces = io.read_geometry(path)
                return {"coords": floats(coords), "faces": ints(faces)}
            coords, faces, info, stamp = io.read_geometry(path, read_metadata=True, read_stamp=True)
        volume = {}
        for key, value in info.items():
            if key in ("valid", "filename"):
                volume[key] = value
            elif key in ("head", "volume"):
                volume[key] = ints(value)
            else:
                volume[key] = floats(value)
        return {"coords": floats(coords), "faces": ints(faces), "stamp": stamp, "volume_info": volume}
    if kind == "curv":
        return {"values": floats(io.read_morph_data(path))}
    if kind == "annot":
        values, ctab, names = io.read_annot(path, orig_ids=True)
        labels, _, _ = io.read_annot(path, orig_ids=False)
        return {
            "values": ints(values),
            "labels": ints(labels),
            "ctab": [ints(row) for row in ctab],
            "names": [n.decode("utf-8") for n in names],
        }
    if kind == "label":
        vertices, scalars = io.read_label(path, read_scalars=True)
        return {"vertices": ints(np.atleast_1d(vertices)), "values": floats(np.atleast_1d(scalars))}
    raise SystemExit(f"unknown kind {kind}")


if __name__ == "__main__":
    json.dump(main(sys.argv[1], sys.argv[2]), sys.stdout)
