"""Nielsen's network.py setup in numpy, the way the helper jar computes it: float64, one mini-batch
of m images as one matrix, per batch a forward pass, BP1–BP4, and the update with the mean
gradient, w ← w − (η/m)·Σ ∂E/∂w, for E = ½ Σ (t − out)² (the jar's squared error).

Rows are samples here (X is m × 784), so Wˡ (n_out × n_in) appears transposed where Nielsen's
columns-as-samples form has it plain; the products are the same. One shuffled epoch, then the
accuracy on the test images. See common.py for how it is run.
"""

import sys
import time

from common import SIZES, main, blas_in_use


class NumpyTrainer:

    def __init__(self):
        import numpy
        self.np = numpy

    def info(self):
        np = self.np
        a = np.ones((64, 64))
        a @ a  # so that the BLAS is loaded
        return {"version": np.__version__, **blas_in_use()}

    def load(self, parts):
        np = self.np
        (images, labels, n) = parts["train"]
        data, offset, shape = images
        pixels = np.frombuffer(data, np.uint8, n * 784, offset).reshape(n, 784)
        self.X = pixels / 255.0
        data, offset, _ = labels
        y = np.frombuffer(data, np.uint8, n, offset)
        self.Y = np.zeros((n, 10))
        self.Y[np.arange(n), y] = 1.0
        (images, labels, n) = parts["test"]
        data, offset, _ = images
        self.test_X = np.frombuffer(data, np.uint8, n * 784, offset).reshape(n, 784) / 255.0
        data, offset, _ = labels
        self.test_y = np.frombuffer(data, np.uint8, n, offset).astype(np.int64)

    def network(self, rng, init):
        """[(W, b)] for layers 1 and 2: W ~ N(0, 1/n_in) (lecun) or Glorot uniform (xavier), b = 0."""
        np = self.np
        layers = []
        for n_in, n_out in zip(SIZES, SIZES[1:]):
            if init == "xavier":
                bound = (6.0 / (n_in + n_out)) ** 0.5
                w = rng.uniform(-bound, bound, (n_out, n_in))
            else:
                w = rng.standard_normal((n_out, n_in)) / n_in ** 0.5
            layers.append((w, np.zeros(n_out)))
        return layers

    def sigmoid(self, z):
        np = self.np
        with np.errstate(over="ignore"):  # exp(−z) → inf gives σ = 0, as it should
            return 1.0 / (1.0 + np.exp(-z))

    def epoch(self, m, seed, eta, init):
        np = self.np
        rng = np.random.default_rng(seed)
        (W1, b1), (W2, b2) = self.network(rng, init)
        X, Y = self.X, self.Y
        n = len(X)
        sigmoid = self.sigmoid
        error = 0.0
        start = time.perf_counter()
        order = rng.permutation(n)
        for first in range(0, n, m):
            batch = order[first:first + m]
            x, t = X[batch], Y[batch]
            out1 = sigmoid(x @ W1.T + b1)                 # forward: out¹ = σ(W¹x + b¹)
            out2 = sigmoid(out1 @ W2.T + b2)              # out² = σ(W²out¹ + b²)
            diff = out2 - t                               # ∂E/∂out² for E = ½Σ(t − out)²
            error += 0.5 * float(np.vdot(diff, diff))
            delta2 = diff * out2 * (1.0 - out2)           # BP1
            delta1 = (delta2 @ W2) * out1 * (1.0 - out1)  # BP2, through the old W²
            step = eta / len(batch)                       # the mean gradient over the batch
            W2 -= step * (delta2.T @ out1)                # BP4
            b2 -= step * delta2.sum(axis=0)               # BP3
            W1 -= step * (delta1.T @ x)
            b1 -= step * delta1.sum(axis=0)
        seconds = time.perf_counter() - start
        out = sigmoid(sigmoid(self.test_X @ W1.T + b1) @ W2.T + b2)
        accuracy = float(np.mean(np.argmax(out, axis=1) == self.test_y))
        return {"seconds": f"{seconds:.6f}", "accuracy": f"{accuracy:.6f}", "error": f"{error / n:.6f}"}


if __name__ == "__main__":
    sys.exit(main("numpy_epoch.py", NumpyTrainer))
