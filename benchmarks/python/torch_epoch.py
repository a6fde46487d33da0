"""Nielsen's network.py setup in PyTorch, written like numpy_epoch.py: float64 tensors and manual
matrix code under torch.no_grad() (no autograd, no torch.nn, no optimizer), so that both do the
same arithmetic: per mini-batch a forward pass, BP1–BP4 and w ← w − (η/m)·Σ ∂E/∂w for
E = ½ Σ (t − out)². One shuffled epoch, then the accuracy on the test images. PyTorch runs with
its default number of threads (reported). See common.py for how it is run.
"""

import re
import sys
import time

from common import SIZES, main, blas_in_use


class TorchTrainer:

    def __init__(self):
        import torch
        self.torch = torch

    def info(self):
        torch = self.torch
        a = torch.ones((64, 64), dtype=torch.float64)
        a @ a  # so that the BLAS is loaded
        config = torch.__config__.show()
        blas = re.search(r"BLAS_INFO=([^,\s]+)", config)
        return {"version": torch.__version__, "torch_threads": torch.get_num_threads(),
                "torch_blas_info": blas.group(1) if blas else "?", **blas_in_use()}

    def load(self, parts):
        torch = self.torch
        (images, labels, n) = parts["train"]
        data, offset, _ = images
        pixels = torch.frombuffer(bytearray(data[offset:offset + n * 784]), dtype=torch.uint8).reshape(n, 784)
        self.X = pixels.to(torch.float64) / 255.0
        data, offset, _ = labels
        y = torch.frombuffer(bytearray(data[offset:offset + n]), dtype=torch.uint8).to(torch.int64)
        self.Y = torch.nn.functional.one_hot(y, 10).to(torch.float64)
        (images, labels, n) = parts["test"]
        data, offset, _ = images
        self.test_X = torch.frombuffer(bytearray(data[offset:offset + n * 784]),
                                       dtype=torch.uint8).reshape(n, 784).to(torch.float64) / 255.0
        data, offset, _ = labels
        self.test_y = torch.frombuffer(bytearray(data[offset:offset + n]), dtype=torch.uint8).to(torch.int64)

    def network(self, generator, init):
        """[(W, b)] for layers 1 and 2: W ~ N(0, 1/n_in) (lecun) or Glorot uniform (xavier), b = 0."""
        torch = self.torch
        layers = []
        for n_in, n_out in zip(SIZES, SIZES[1:]):
            if init == "xavier":
                bound = (6.0 / (n_in + n_out)) ** 0.5
                w = (torch.rand((n_out, n_in), generator=generator, dtype=torch.float64) * 2 - 1) * bound
            else:
                w = torch.randn((n_out, n_in), generator=generator, dtype=torch.float64) / n_in ** 0.5
            layers.append((w, torch.zeros(n_out, dtype=torch.float64)))
        return layers

    def epoch(self, m, seed, eta, init):
        torch = self.torch
        generator = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            (W1, b1), (W2, b2) = self.network(generator, init)
            X, Y = self.X, self.Y
            n = len(X)
            sigmoid = torch.sigmoid
            error = 0.0
            start = time.perf_counter()
            order = torch.randperm(n, generator=generator)
            for first in range(0, n, m):
                batch = order[first:first + m]
                x, t = X[batch], Y[batch]
                out1 = sigmoid(x @ W1.T + b1)                 # forward: out¹ = σ(W¹x + b¹)
                out2 = sigmoid(out1 @ W2.T + b2)              # out² = σ(W²out¹ + b²)
                diff = out2 - t                               # ∂E/∂out² for E = ½Σ(t − out)²
                error += 0.5 * float(torch.dot(diff.reshape(-1), diff.reshape(-1)))
                delta2 = diff * out2 * (1.0 - out2)           # BP1
                delta1 = (delta2 @ W2) * out1 * (1.0 - out1)  # BP2, through the old W²
                step = eta / len(batch)                       # the mean gradient over the batch
                W2 -= step * (delta2.T @ out1)                # BP4
                b2 -= step * delta2.sum(dim=0)                # BP3
                W1 -= step * (delta1.T @ x)
                b1 -= step * delta1.sum(dim=0)
            seconds = time.perf_counter() - start
            out = sigmoid(sigmoid(self.test_X @ W1.T + b1) @ W2.T + b2)
            accuracy = float((out.argmax(dim=1) == self.test_y).to(torch.float64).mean())
        return {"seconds": f"{seconds:.6f}", "accuracy": f"{accuracy:.6f}", "error": f"{error / n:.6f}"}


if __name__ == "__main__":
    sys.exit(main("torch_epoch.py", TorchTrainer))
