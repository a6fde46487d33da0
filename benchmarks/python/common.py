"""What numpy_epoch.py and torch_epoch.py share: reading Fashion-MNIST's .gz files, telling which
BLAS the process uses, and the two ways of running them.

Run on their own (``python3 numpy_epoch.py --batch-size 10``) they train one epoch per repetition
and print what they measured. With ``--serve`` they are the workers of the epoch harness
(org.backprop.benchmarks.Epochs, behind benchmarks/epoch): they load the data once, say
``@@ready``, then train one epoch per ``epoch M SEED ETA INIT`` line read on stdin and answer each
with one ``@@epoch`` line, so that the harness can run the jar, numpy and PyTorch in turn, each
process warm. Every line meant for the harness starts with ``@@`` and holds tab-separated
``key=value`` pairs.

Only the standard library is imported here, so that a missing numpy or torch can be reported.
"""

import argparse
import gzip
import os
import platform
import re
import resource
import statistics
import struct
import sys
import time

DEFAULT_DATA = "/usr/share/datasets/fashion-mnist"
SIZES = (784, 30, 10)


def data_folder(given):
    """The folder with the four files: --data, else $BACKPROP_DATA, else Debian's dataset-fashion-mnist."""
    return given or os.environ.get("BACKPROP_DATA") or DEFAULT_DATA


def read_idx(path):
    """An IDX file (gzip-compressed): (its bytes, where the values start, its shape)."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    if data[0] != 0 or data[1] != 0 or data[2] != 0x08:
        raise ValueError(f"{path}: not an IDX file of unsigned bytes")
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return data, 4 + 4 * dims, shape


def raw_fashion_mnist(folder, limit=None, test_limit=None):
    """Training and test images and labels as (bytes, offset, shape) quadruples, limited to the first n."""
    parts = {}
    for part, prefix, n in (("train", "train", limit), ("test", "t10k", test_limit)):
        images = read_idx(os.path.join(folder, prefix + "-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(folder, prefix + "-labels-idx1-ubyte.gz"))
        count = images[2][0] if not n else min(n, images[2][0])
        parts[part] = (images, labels, count)
    return parts


def mapped_libraries(*words):
    """The shared libraries this process has mapped whose path holds one of the words."""
    found = []
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                fields = line.split()
                if len(fields) >= 6 and fields[5].startswith("/"):
                    path = fields[5]
                    if any(w in os.path.basename(path).lower() for w in words) and path not in found:
                        found.append(path)
    except OSError:
        pass
    return found


def blas_in_use():
    """Which BLAS this process really calls: the mapped libraries, and OpenBLAS's own word on itself.

    Debian's numpy links libblas.so.3, which update-alternatives points at OpenBLAS (with
    libopenblas0-pthread) or at the reference BLAS; the kernel's map of the process names the file.
    Call after a float64 matrix product, so that the library is loaded.
    """
    libs = mapped_libraries("blas", "mkl", "blis", "lapack")
    info = {"blas_libraries": ",".join(libs) or "none mapped"}
    openblas = [p for p in libs if "openblas" in os.path.basename(p).lower()]
    if openblas:
        try:
            import ctypes
            lib = ctypes.CDLL(openblas[0])
            lib.openblas_get_config.restype = ctypes.c_char_p
            info["blas"] = lib.openblas_get_config().decode().strip()
            info["blas_threads"] = str(lib.openblas_get_num_threads())
            info["blas_variant"] = "pthread" if "pthread" in openblas[0] else (
                "openmp" if "openmp" in openblas[0] else "serial" if "serial" in openblas[0] else "?")
        except (OSError, AttributeError) as e:
            info["blas"] = "OpenBLAS (" + type(e).__name__ + ")"
    elif any("/blas/" in p for p in libs):
        info["blas"] = "reference BLAS (netlib)"
        info["blas_threads"] = "1"
    elif any("mkl" in p for p in libs):
        info["blas"] = "MKL"
    else:
        info["blas"] = "unknown"
    return info


def peak_rss_mb():
    """The largest resident set this process has had so far, in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine_info():
    return {"python": platform.python_version(), "executable": sys.executable}


def say(kind, values):
    """One line for the harness: @@kind, then key=value pairs (tabs and newlines become spaces)."""
    fields = ["@@" + kind]
    for key, value in values.items():
        fields.append(key + "=" + re.sub(r"[\t\r\n]+", " ", str(value)))
    sys.stdout.write("\t".join(fields) + "\n")
    sys.stdout.flush()


def arguments(name, argv):
    parser = argparse.ArgumentParser(prog=name, description=(
        "One epoch of Nielsen's network.py setup on Fashion-MNIST (784-30-10 sigmoid, quadratic cost, "
        "mini-batches of m, learning rate 3.0), float64, then the test accuracy."))
    parser.add_argument("--serve", action="store_true", help="be a worker of the epoch harness (stdin/stdout)")
    parser.add_argument("--data", help="folder of the four .gz files (default: $BACKPROP_DATA, else "
                        + DEFAULT_DATA + ")")
    parser.add_argument("--limit", type=int, help="train on the first N training images only")
    parser.add_argument("--test-limit", type=int, help="test on the first N test images only")
    parser.add_argument("--batch-size", "-m", type=int, action="append", help="mini-batch size (default 10 and 100)")
    parser.add_argument("--eta", type=float, default=3.0, help="learning rate (default 3.0)")
    parser.add_argument("--reps", type=int, default=3, help="epochs per batch size, each a fresh network")
    parser.add_argument("--seed", type=int, default=1, help="seed of the first repetition")
    parser.add_argument("--init", choices=("lecun", "xavier"), default="lecun",
                        help="lecun: W ~ N(0, 1/n_in); xavier: W ~ U(±sqrt(6/(n_in+n_out))); biases 0")
    return parser.parse_args(argv)


def main(name, create, argv=None):
    """Runs a framework: create() imports it (ImportError if missing) and returns its trainer."""
    args = arguments(name, sys.argv[1:] if argv is None else argv)
    try:
        trainer = create()
    except ImportError as e:
        if args.serve:
            say("missing", {"reason": f"{type(e).__name__}: {e}", **machine_info()})
            return 0
        print(f"{name}: {e}", file=sys.stderr)
        return 3
    folder = data_folder(args.data)
    start = time.perf_counter()
    trainer.load(raw_fashion_mnist(folder, args.limit, args.test_limit))
    load_seconds = time.perf_counter() - start
    info = {"load_seconds": f"{load_seconds:.4f}", "data": folder, **machine_info(), **trainer.info()}
    if args.serve:
        say("ready", info)
        for line in sys.stdin:
            words = line.split()
            if not words:
                continue
            if words[0] == "quit":
                break
            if words[0] != "epoch" or len(words) != 5:
                say("error", {"reason": "expected 'epoch M SEED ETA INIT' or 'quit', got " + line.strip()})
                continue
            result = trainer.epoch(int(words[1]), int(words[2]), float(words[3]), words[4])
            result["peak_rss_mb"] = f"{peak_rss_mb():.0f}"
            say("epoch", result)
        return 0
    for key, value in info.items():
        print(f"{key}: {value}")
    for m in args.batch_size or [10, 100]:
        seconds = []
        for rep in range(args.reps):
            result = trainer.epoch(m, args.seed + rep, args.eta, args.init)
            seconds.append(float(result["seconds"]))
            print(f"m = {m}, seed {args.seed + rep}: {result['seconds']} s, test accuracy {result['accuracy']}, "
                  f"mean training error {result['error']}")
        print(f"m = {m}: median {statistics.median(seconds):.3f} s per epoch over {len(seconds)}")
    print(f"peak RSS {peak_rss_mb():.0f} MB")
    return 0
