#!/usr/bin/python3
"""Reference floods for WatershedTest, from Debian's python3-skimage 0.19.
Run: /usr/bin/python3 src/test/resources/org/fewshotct/core/label/make_skimage_watershed_fixture.py > src/test/resources/org/fewshotct/core/label/skimage-watershed.tsv
One case a line: name, width, height, compactness, then surface, markers, mask and skimage's labels, each as
comma-separated row-major values. Surfaces are multiples of 1/8 (exact in float32), so plateaus and ties
exercise the queue's order."""
import numpy as np
from skimage.segmentation import watershed

rng = np.random.default_rng(20261123)


def case(name, h, w, compactness, with_mask, levels=8, seeds=4):
    surface = rng.integers(0, levels, size=(h, w)) / 8.0
    markers = np.zeros((h, w), dtype=np.int32)
    for label in range(1, seeds + 1):
        markers[rng.integers(0, h), rng.integers(0, w)] = label
    mask = rng.random((h, w)) > 0.2 if with_mask else np.ones((h, w), dtype=bool)
    labels = watershed(surface, markers=markers, mask=mask if with_mask else None, compactness=compactness)
    cols = [name, str(w), str(h), repr(compactness)]
    for a in (surface, markers, mask.astype(np.int32), labels):
        cols.append(','.join(str(v) for v in a.ravel().tolist()))
    print('\t'.join(cols))


for k in range(4):
    case(f'plain{k}', 9 + k, 13 - k, 0.0, False)
    case(f'masked{k}', 11, 10, 0.0, True)
    case(f'compact{k}', 12, 12, 0.05 * (k + 1), False)
    case(f'compact_masked{k}', 10, 14, 0.0001, True)
case('plateau', 16, 16, 0.0, False, levels=1, seeds=5)
case('plateau_compact', 16, 16, 0.0001, False, levels=1, seeds=5)
