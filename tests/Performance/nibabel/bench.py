"""Reads one surface with nibabel on request, for SurfaceReadBenchmarks (NibabelBench.cs).

Usage: /usr/bin/python3 bench.py gifti|freesurfer PATH

Python's start-up and the imports happen once, before the first request. Then one request per
line on stdin, one JSON answer per line on stdout:

  ready   -> {"nibabel": version, "numpy": version}
  run     -> one read of PATH, timed here too: {"ms": milliseconds}
  check   -> one read, then {"sha256": ...} of the vertex coordinates as little-endian float32
             followed by the triangles as little-endian int32 (outside any timing)

A read is nibabel.load(PATH) with every data array's values in memory (an ExternalFileBinary
array, which nibabel maps with numpy.memmap, is copied into memory, as the library reads it),
or nibabel.freesurfer.read_geometry(PATH).
"""

import hashlib
import json
import sys
import time

import nibabel
import numpy as np
from nibabel.freesurfer import read_geometry


def read_gifti(path):
    image = nibabel.load(path)
    arrays = []
    for darray in image.darrays:
        data = darray.data
        if isinstance(data, np.memmap):
            data = np.array(data)
        arrays.append(data)
    return arrays[0], arrays[1]


def read_freesurfer(path):
    coordinates, faces = read_geometry(path)
    return coordinates, faces


def main():
    kind, path = sys.argv[1], sys.argv[2]
    read = {"gifti": read_gifti, "freesurfer": read_freesurfer}[kind]
    for line in sys.stdin:
        request = line.strip()
        try:
            if request == "ready":
                answer = {"nibabel": nibabel.__version__, "numpy": np.__version__}
            elif request == "run":
                start = time.perf_counter()
                read(path)
                answer = {"ms": (time.perf_counter() - start) * 1000.0}
            elif request == "check":
                coordinates, faces = read(path)
                digest = hashlib.sha256()
                digest.update(np.ascontiguousarray(coordinates, dtype="<f4").tobytes())
                digest.update(np.ascontiguousarray(faces, dtype="<i4").tobytes())
                answer = {"sha256": digest.hexdigest()}
            else:
                answer = {"error": "unknown request " + request}
        except Exception as error:  # noqa: BLE001 - every failure goes back to the benchmark
            answer = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
