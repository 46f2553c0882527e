"""Write GIFTI files with nibabel, one per encoding and ordering nibabel can write.

Usage: /usr/bin/python3 write.py OUT_DIR
Prints the names of the files written, one per line. nibabel writes only in the
machine's byte order and cannot write ExternalFileBinary. It writes ASCII rows in
C order whatever ArrayIndexingOrder says, so ASCII files are row-major only.
"""
import os
import sys

import nibabel as nib
import numpy as np
from nibabel.gifti import GiftiCoordSystem, GiftiDataArray, GiftiImage, GiftiLabel, GiftiLabelTable, GiftiMetaData


def image(encoding, order):
    rng = np.random.default_rng(20110114)
    points = rng.normal(scale=50.0, size=(7, 3)).astype(np.float32)
    triangles = rng.integers(0, 7, size=(5, 3)).astype(np.int32)
    shape = rng.integers(0, 256, size=(7,)).astype(np.uint8)
    series = rng.normal(size=(7, 4)).astype(np.float32)
    wide = rng.normal(size=(3, 2)).astype(np.float64)
    small = rng.integers(-300, 300, size=(4,)).astype(np.int16)

    xform = np.array([[1, 0, 0, 2.5], [0, 1, 0, -3], [0, 0, 1, 0.125], [0, 0, 0, 1]], dtype=float)
    common = dict(encoding=encoding, ordering=order)
    arrays = [
        GiftiDataArray(points, intent='NIFTI_INTENT_POINTSET', datatype='NIFTI_TYPE_FLOAT32',
                       coordsys=GiftiCoordSystem(dataspace=3, xformspace=3, xform=xform),
                       meta=GiftiMetaData({'AnatomicalStructurePrimary': 'CortexLeft'}), **common),
        GiftiDataArray(triangles, intent='NIFTI_INTENT_TRIANGLE', datatype='NIFTI_TYPE_INT32', **common),
        GiftiDataArray(shape, intent='NIFTI_INTENT_SHAPE', datatype='NIFTI_TYPE_UINT8', **common),
        GiftiDataArray(series, intent='NIFTI_INTENT_TIME_SERIES', datatype='NIFTI_TYPE_FLOAT32', **common),
        GiftiDataArray(wide, intent='NIFTI_INTENT_NONE', datatype='NIFTI_TYPE_FLOAT64', **common),
        GiftiDataArray(small, intent='NIFTI_INTENT_NONE', datatype='NIFTI_TYPE_INT16', **common),
    ]
    table = GiftiLabelTable()
    for key, name, rgba in [(0, '???', (0.0, 0.0, 0.0, 0.0)), (1, 'V1 & <co>', (1.0, 0.5, 0.25, 1.0))]:
        label = GiftiLabel(key, *rgba)
        label.label = name
        table.labels.append(label)
    meta = GiftiMetaData({'Description': 'written by nibabel \u00e9 ]] >', 'UserName': 'peer'})
    return GiftiImage(meta=meta, labeltable=table, darrays=arrays)


if __name__ == '__main__':
    out = sys.argv[1]
    for encoding in ('ASCII', 'Base64Binary', 'GZipBase64Binary'):
        for order in ('RowMajorOrder', 'ColumnMajorOrder'):
            if encoding == 'ASCII' and order == 'ColumnMajorOrder':
                continue
            name = f'nibabel-{encoding}-{order}.gii'
            nib.save(image(encoding, order), os.path.join(out, name))
            print(name)
