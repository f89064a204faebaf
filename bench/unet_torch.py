#!/usr/bin/python3
"""The Few-Shot CT U-Net in PyTorch, as the speed peer of bench/unet.sh: the same layers (per level two 3x3
convolutions without bias, each instance-normalised with a learned scale and shift and through a ReLU, 2x2
max-pooling, 2x2 stride-2 transposed convolutions up, concatenated skips,
a 1x1 convolution to 3 class logits; the input seen through its own and a soft-tissue window), the same
pixel-weighted softmax cross-entropy and Adam, on random 512x512 images.
Usage: unet_torch.py THREADS DEPTH WIDTH SIZE TRAIN_BATCH TRAIN_STEPS INFER_BATCH INFER_BATCHES
Prints 'torch train images/s X' and 'torch inference images/s Y'."""
import sys
import time

import torch
from torch import nn

threads, depth, width, size, train_batch, train_steps, infer_batch, infer_batches = map(int, sys.argv[1:9])
torch.set_num_threads(threads)
torch.set_num_interop_threads(min(2, threads))
torch.manual_seed(1)


def normalised_conv(cin, cout):
    # The normalisation's shift does what a bias would, as in the suite's graph.
    return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.InstanceNorm2d(cout, eps=1e-5, affine=True),
            nn.ReLU(inplace=True)]


def block(cin, cout):
    return nn.Sequential(*normalised_conv(cin, cout), *normalised_conv(cout, cout))


class UNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.down = nn.ModuleList()
        channels = 2
        for level in range(depth):
            self.down.append(block(channels, width << level))
            channels = width << level
        self.bottom = block(channels, width << depth)
        self.upconv = nn.ModuleList()
        self.upblock = nn.ModuleList()
        for level in reversed(range(depth)):
            self.upconv.append(nn.ConvTranspose2d(width << (level + 1), width << level, 2, stride=2))
            self.upblock.append(block(2 * (width << level), width << level))
        self.logits = nn.Conv2d(width, 3, 1)

    def forward(self, image):
        x = torch.cat([image, ((image - 0.42) / 0.2).clamp(0, 1)], 1)
        skips = []
        for down in self.down:
            x = down(x)
            skips.append(x)
            x = nn.functional.max_pool2d(x, 2)
        x = self.bottom(x)
        for up, block_, skip in zip(self.upconv, self.upblock, reversed(skips)):
            x = block_(torch.cat([up(x), skip], 1))
        return self.logits(x)


net = UNet()
optimizer = torch.optim.Adam(net.parameters(), lr=1e-3)
images = torch.rand(train_batch, 1, size, size)
classes = torch.randint(0, 3, (train_batch, size, size))
weights = torch.rand(train_batch, size, size)


def step():
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(net(images), classes, reduction='none')
    loss = (loss * weights).sum() / weights.sum().clamp(min=1e-6)
    loss.backward()
    optimizer.step()
    return loss.item()


step()  # warm-up
t0 = time.perf_counter()
for _ in range(train_steps):
    step()
train_seconds = time.perf_counter() - t0
print(f'torch train images/s {train_steps * train_batch / train_seconds:.3f} ({train_steps} steps of {train_batch} '
      f'{size}x{size} in {train_seconds:.2f} s, {threads} threads)')

net.eval()
batch = torch.rand(infer_batch, 1, size, size)
with torch.no_grad():
    torch.softmax(net(batch), 1)  # warm-up
    t0 = time.perf_counter()
    for _ in range(infer_batches):
        torch.softmax(net(batch), 1).numpy()
    infer_seconds = time.perf_counter() - t0
print(f'torch inference images/s {infer_batches * infer_batch / infer_seconds:.3f} ({infer_batches} batches of '
      f'{infer_batch} in {infer_seconds:.2f} s)')
