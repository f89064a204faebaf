#!/usr/bin/python3
"""Reference values for RandIndexTest, from Debian's python3-sklearn.
Run: /usr/bin/python3 src/test/resources/org/fewshotct/core/metric/make_sklearn_fixture.py > src/test/resources/org/fewshotct/core/metric/sklearn-ari.tsv
Each case builds truth/prediction of n pixels from integer formulas that RandIndexTest repeats in Java."""
import numpy as np
from sklearn.metrics import adjusted_rand_score, rand_score

n = 4096
i = np.arange(n, dtype=np.int64)
cases = {
    'blocks_vs_shifted': ((i // 300) % 9, ((i + 137) // 280) % 11),
    'mod_vs_mod': ((i * 7919) % 13, (i * 104729) % 17),
    'mostly_background_truth': (np.where(i % 5 == 0, (i // 50) % 20 + 1, 0), (i // 64) % 40),
    'split_in_two': ((i // 1024) + 1, (i // 512) + 1),
    'merged_all': ((i // 1024) + 1, np.full(n, 7)),
}
# Over 16M contingency cells: exercises the sparse path (n = 20000 pixels, 6667 x 6667 labels).
j = np.arange(20000, dtype=np.int64)
cases['many_labels'] = (j // 3 + 1, (j + 1) // 3)
for name, (y, p) in cases.items():
    fg = y > 0
    print(f'{name}\t{adjusted_rand_score(y[fg], p[fg]):.17g}\t{rand_score(y[fg], p[fg]):.17g}')
