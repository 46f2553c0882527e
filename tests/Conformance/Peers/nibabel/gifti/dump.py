"""Print what nibabel reads from GIFTI files, as one JSON object per file.

Usage: /usr/bin/python3 dump.py FILE.gii [FILE.gii ...]
Array elements are printed as hex of their little-endian bytes in the file's
ArrayIndexingOrder, so the C# side can compare them byte for byte; data_c is the same array in C
order, for the cases where nibabel's array ignores ArrayIndexingOrder.
"""
import json
import sys

import nibabel as nib
import numpy as np
from nibabel.gifti.util import array_index_order_codes, gifti_encoding_codes, gifti_endian_codes
from nibabel.nifti1 import data_type_codes, intent_codes, xform_codes


def pairs(meta):
    return [[k, v] for k, v in meta.items()] if meta is not None else []


def color(value):
    return None if value is None else float(value)


def dump(path):
    img = nib.load(path)
    arrays = []
    for da in img.darrays:
        data = np.asarray(da.data)
        order = array_index_order_codes.npcode[da.ind_ord]
        little = data.astype(data.dtype.newbyteorder('<'), copy=False)
        cs = da.coordsys
        arrays.append({
            'intent': intent_codes.niistring[da.intent],
            'datatype': data_type_codes.niistring[da.datatype],
            'order': array_index_order_codes.label[da.ind_ord],
            'dims': [int(d) for d in da.dims],
            'encoding': gifti_encoding_codes.specs[da.encoding],
            'endian': gifti_endian_codes.specs[da.endian],
            'ext_fname': da.ext_fname,
            'ext_offset': int(da.ext_offset or 0),
            'meta': pairs(da.meta),
            'coordsys': None if cs is None else {
                'dataspace': xform_codes.niistring[cs.dataspace],
                'xformspace': xform_codes.niistring[cs.xformspace],
                'matrix': [repr(float(x)) for x in np.asarray(cs.xform, dtype=float).ravel()],
            },
            'shape': [int(d) for d in data.shape],
            'data': little.tobytes(order=order).hex(),
            'data_c': little.tobytes(order='C').hex(),
        })
    labels = [
        {'key': int(label.key), 'name': label.label,
         'rgba': [color(label.red), color(label.green), color(label.blue), color(label.alpha)]}
        for label in img.labeltable.labels
    ]
    return {'path': path, 'version': img.version, 'numDA': img.numDA, 'meta': pairs(img.meta),
            'labels': labels, 'darrays': arrays}


if __name__ == '__main__':
    print(json.dumps([dump(p) for p in sys.argv[1:]]))
