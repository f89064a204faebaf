#!/usr/bin/python3
"""Fidelity of the Java baseline to scikit-image's: per slice, the adjusted Rand index between the two label
images on all pixels and the share of identical pixels; then both challenge scores (mean ARI against the truth
on truth > 0, as the challenge computes it).
Usage: baseline_fidelity.py JAVA_LABELS_DIR SKIMAGE_LABELS_DIR TRUTH_LABELS_DIR"""
import os
import sys

import numpy as np
from PIL import Image
from sklearn.metrics import adjusted_rand_score


def load(folder, name):
    return np.array(Image.open(os.path.join(folder, name))).astype(np.int64).ravel()


java_dir, skimage_dir, truth_dir = sys.argv[1:4]
names = sorted(n for n in os.listdir(truth_dir) if n.endswith('.png'))
agreement, identical, java_scores, skimage_scores = [], [], [], []
for name in names:
    java, skimage, truth = load(java_dir, name), load(skimage_dir, name), load(truth_dir, name)
    agreement.append(adjusted_rand_score(skimage, java))
    identical.append(np.mean(java == skimage))
    scored = truth > 0
    java_scores.append(adjusted_rand_score(truth[scored], java[scored]))
    skimage_scores.append(adjusted_rand_score(truth[scored], skimage[scored]))
print(f'java vs skimage ARI (all pixels): mean {np.mean(agreement):.6f}, min {np.min(agreement):.6f} '
      f'over {len(names)} slices; identical pixels {np.mean(identical) * 100:.4f}%, '
      f'{sum(i == 1.0 for i in identical)} of {len(names)} slices identical')
print(f'challenge score (mean ARI vs truth, truth > 0): java {np.mean(java_scores):.6f}, '
      f'skimage {np.mean(skimage_scores):.6f}, difference {np.mean(java_scores) - np.mean(skimage_scores):+.6f}')
