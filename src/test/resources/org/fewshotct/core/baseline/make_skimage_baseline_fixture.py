#!/usr/bin/python3
"""Reference outputs for the baseline tests, from Debian's python3-skimage 0.19 (the challenge notebook's calls).
Run from the project root:
  /usr/bin/python3 src/test/resources/org/fewshotct/core/baseline/make_skimage_baseline_fixture.py
Writes next to this script:
- crop-*.png: 8-bit crops of the embedded synthetic test images (test-images/, the suite's own phantoms),
  windowed as the real 8-bit slices are (HU [-1000, 1000] to 0..255), written by PIL (input);
  crop-*-skimage.png: 16-bit labels of
  watershed(sobel(c), ndi.label(rank.gradient(rank.median(c, disk(2)), disk(5)) < 20)[0], compactness=0.0001);
- skimage-filters.tsv: one line per case, name, width, height, then row-major values: a seeded random 8-bit
  image with few grey levels and its sobel (repr, exact doubles), rank medians and gradients (disks 1, 2, 5)."""
import os

import numpy as np
from PIL import Image
from scipy import ndimage as ndi
from skimage.filters import rank, sobel
from skimage.morphology import disk
from skimage.segmentation import watershed

here = os.path.dirname(os.path.abspath(__file__))
images = os.path.join(here, '../../../../../../../test-images')
CROPS = {  # name: (folder, slice, top, left, size); structure-rich, two across the body's edge into the air
    'phantom-abdomen': ('train', '003', 96, 80, 96),
    'phantom-edge': ('train', '001', 80, 0, 96),
    'phantom-pelvis-edge': ('test', '000', 140, 150, 96),
}


def baseline(image):
    edges = sobel(image)
    markers = ndi.label(rank.gradient(rank.median(image, disk(2)), disk(5)) < 20)[0]
    return watershed(edges, markers=markers, compactness=0.0001)


def window8(stored):
    hu = stored.astype(np.float64) - 1024
    return np.round(np.clip((hu + 1000) / 2000, 0, 1) * 255).astype(np.uint8)


for name, (folder, slice_name, top, left, size) in CROPS.items():
    image = window8(np.array(Image.open(os.path.join(images, folder, 'images', 'phantom-' + slice_name + '.png'))))
    crop = np.ascontiguousarray(image[top:top + size, left:left + size])
    Image.fromarray(crop).save(os.path.join(here, f'crop-{name}.png'))
    Image.fromarray(baseline(crop).astype(np.uint16)).save(os.path.join(here, f'crop-{name}-skimage.png'))

rng = np.random.default_rng(20261123)
image = (rng.integers(0, 6, size=(9, 13)) * 51).astype(np.uint8)
image[2, 3] = 33  # 33 / 255 and 33 * (1 / 255) differ in the last bit: scaling must be the latter
cases = [('image', image), ('sobel', sobel(image))]
for r in (1, 2, 5):
    cases.append((f'median{r}', rank.median(image, disk(r))))
    cases.append((f'gradient{r}', rank.gradient(image, disk(r))))
with open(os.path.join(here, 'skimage-filters.tsv'), 'w') as out:
    for name, values in cases:
        text = ','.join(repr(float(v)) if values.dtype.kind == 'f' else str(int(v)) for v in values.ravel())
        out.write(f'{name}\t{image.shape[1]}\t{image.shape[0]}\t{text}\n')
