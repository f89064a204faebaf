#!/usr/bin/python3
"""Reference values for RandIndexTest on the embedded test images, from Debian's python3-sklearn.
Run from the project root:
  /usr/bin/python3 src/test/resources/org/fewshotct/core/metric/make_sklearn_images_fixture.py > src/test/resources/org/fewshotct/core/metric/sklearn-ari-test-images.txt
Truth: test-images/train/labels; prediction: the CT slices' stored values (hundreds of "labels" per slice, so
the contingency table is large). One line per slice, then the mean, as the Java test reads them."""
import os

import numpy as np
from PIL import Image
from sklearn.metrics import adjusted_rand_score

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../../../../../../test-images/train')
names = sorted(os.listdir(os.path.join(root, 'labels')))
scores = []
for s, name in enumerate(names):
    truth = np.array(Image.open(os.path.join(root, 'labels', name))).ravel()
    prediction = np.array(Image.open(os.path.join(root, 'images', name))).ravel()
    fg = truth > 0
    scores.append(adjusted_rand_score(truth[fg], prediction[fg]))
    print(f'slice {s} ARI {scores[-1]:.12f}')
print(f'mean ARI {np.mean(scores):.12f}')
