"""./course: from a fresh clone to a running notebook in one command.

1. builds the helper jar with ./mvnw (nothing to do when it is fresh);
2. finds Jupyter on the PATH, or installs the pinned one (binder/requirements.txt) into .course/venv;
3. installs the IJava 1.3.0 kernel into .course/jupyter, with a class-data archive that makes its JVM
   start faster (class_archive.py);
4. marks the notebooks in notebooks/ trusted (signed in Jupyter's own trust database), so that
   their stored diagrams show before their cells run;
5. starts Jupyter in notebooks/ and prints the URL.

--install-only does 1-4, then makes sure of Fashion-MNIST (a copy on this computer, else a download
into .course/data), so that a Binder image or a classroom needs no network later; plain ./course
leaves that to the notebooks, which download it on first use.

--check runs every notebook with the real kernel instead of starting Jupyter; --site renders the
notebooks to HTML pages. Everything ./course installs lives in .course/ (but the trust signatures,
which live where Jupyter keeps them: ~/.local/share/jupyter unless JUPYTER_DATA_DIR says otherwise);
delete .course/ to start over.
"""
import argparse
import glob
import os
import re
import sys

sys.dont_write_bytecode = True  # keep launcher/ free of __pycache__ folders

from fashion_mnist import fetch_fashion_mnist  # noqa: E402 (after dont_write_bytecode)
from helper_jar import JAR as HELPER_JAR, ensure_helper_jar  # noqa: E402
from ijava import install_kernel  # noqa: E402
from jdk import find_jdk  # noqa: E402
from jupyter_env import find_or_install_jupyter, serve  # noqa: E402
from notebook_check import check_notebooks  # noqa: E402
from problem import Problem  # noqa: E402
from static_site import build_site  # noqa: E402
from trust import trust_notebooks  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))
STATE = os.path.join(ROOT, ".course")
JUPYTER_DATA = os.path.join(STATE, "jupyter")
DOWNLOADS = os.path.join(STATE, "downloads")
CHECKED = os.path.join(STATE, "checked")
DEFAULT_SITE = os.path.join(STATE, "site")


def main(argv):
    parser = _parser()
    args = parser.parse_args(argv)
    _reject_unused(parser, args)
    try:
        _run(args, dict(os.environ))
    except Problem as problem:
        print(f"course: error: {problem}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"course: error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def _run(args, env):
    notebooks = sorted(glob.glob(os.path.join(ROOT, "notebooks", "*.ipynb")))
    if not notebooks:
        raise Problem(f"no notebooks in {os.path.join(ROOT, 'notebooks')}.")
    needs_nbconvert = args.check or args.site is not None
    if args.site is not None and not args.check:
        # The committed notebooks carry the outputs of their last run: Jupyter alone renders them.
        jupyter = find_or_install_jupyter(ROOT, sys.executable, env, _say, needs_nbconvert)
        build_site(jupyter, notebooks, args.site, env, _say)
        return
    jdk = find_jdk(env)
    _say(f"Java: {jdk.java} (Java {jdk.version})")
    ensure_helper_jar(ROOT, env, _say)
    jupyter = find_or_install_jupyter(ROOT, sys.executable, env, _say, needs_nbconvert)
    install_kernel(JUPYTER_DATA, DOWNLOADS, jdk, args.kernel_memory, env, _say, os.path.join(ROOT, HELPER_JAR))
    # Jupyter looks for kernels in JUPYTER_PATH before its own folders: this kernel named "java" wins.
    env["JUPYTER_PATH"] = os.pathsep.join(p for p in (JUPYTER_DATA, env.get("JUPYTER_PATH")) if p)
    if args.check:
        _check(jupyter, notebooks, args.site, env)
        return
    trust_notebooks(jupyter, notebooks, env, _say)
    if args.install_only:
        fetch_fashion_mnist(ROOT, jdk, env)
        _say("Installed. ./course starts Jupyter.")
    else:
        serve(jupyter, os.path.join(ROOT, "notebooks"), args.port, not args.no_browser, env, _say)


def _check(jupyter, notebooks, site, env):
    _say(f"Running {len(notebooks)} notebooks with the IJava kernel (copies with outputs go to {CHECKED}):")
    failures = check_notebooks(jupyter, notebooks, CHECKED, env, _say)
    if failures:
        raise Problem(f"{len(failures)} problem(s) in the notebooks:\n\n" + "\n\n".join(failures))
    _say(f"All {len(notebooks)} notebooks ran clean.")
    if site is not None:
        executed = [os.path.join(CHECKED, os.path.basename(n)) for n in notebooks]
        build_site(jupyter, executed, site, env, _say)


def _say(message):
    print(message, flush=True)


def _parser():
    parser = argparse.ArgumentParser(
        prog="./course",
        description="Run the backpropagation course: builds the helper jar, installs Jupyter (if not on "
                    "the PATH) and the IJava 1.3.0 kernel inside this folder, then starts Jupyter in "
                    "notebooks/.",
        epilog="Environment: IJAVA_ZIP=/path/to/ijava-1.3.0.zip installs the kernel from a downloaded "
               "zip (no internet needed); IJAVA_URL downloads it from elsewhere than GitHub; "
               "IJAVA_SHA256 is the SHA-256 the zip must have; BACKPROP_DATA=/path/to/folder names a folder "
               "that holds Fashion-MNIST's four .gz files (else .course/data, else Debian's "
               "dataset-fashion-mnist, else a download); BACKPROP_DATA_URL downloads them from a mirror; "
               "BACKPROP_MATHJAX=/path/to/mathjax names the MathJax 2 that --site copies into the site "
               "(default: Debian's /usr/share/javascript/mathjax, if installed; 'cdn' loads it from its CDN); "
               "JAVA_HOME chooses the JDK; PYTHON chooses the Python that runs ./course.")
    parser.add_argument("--port", type=_port, help="port for Jupyter (default: the first free from 8888)")
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser")
    parser.add_argument("--check", action="store_true",
                        help="install everything, run every notebook headless with the real kernel, "
                             "exit non-zero if any cell fails or writes to stderr")
    parser.add_argument("--site", nargs="?", const=DEFAULT_SITE, metavar="DIR",
                        help="render the notebooks with their outputs to HTML pages and an index in DIR "
                             "(default .course/site); with --check, the freshly executed ones")
    parser.add_argument("--install-only", action="store_true",
                        help="install everything and make sure of Fashion-MNIST (found on this computer, "
                             "else downloaded into .course/data), then exit without starting Jupyter; "
                             "without this option the notebooks download Fashion-MNIST on first use")
    parser.add_argument("--kernel-memory", type=_memory, metavar="SIZE",
                        help="the kernel JVM's maximum heap (java -Xmx), e.g. 768m or 2g; kept for later "
                             "runs (default: Java's own, a quarter of the machine's memory)")
    return parser


def _reject_unused(parser, args):
    """Options that would be ignored in the chosen mode are an error, not silently dropped."""
    mode = "--check" if args.check else "--site" if args.site is not None else \
        "--install-only" if args.install_only else None
    if mode is None:
        return
    for option, given in (("--port", args.port is not None), ("--no-browser", args.no_browser)):
        if given:
            parser.error(f"{option} applies only when ./course starts Jupyter, not with {mode}")
    if args.install_only and (args.check or args.site is not None):
        parser.error(f"--install-only cannot be combined with {'--check' if args.check else '--site'}")
    if args.kernel_memory and args.site is not None and not args.check:
        parser.error("--kernel-memory has no effect with --site alone (it renders without a kernel)")


def _port(text):
    if not re.fullmatch(r"[0-9]+", text) or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number from 1 to 65535, got '{text}'")
    return int(text)


def _memory(text):
    if not re.fullmatch(r"[1-9][0-9]*[kmgKMG]", text):
        raise argparse.ArgumentTypeError(
            f"expected a size in the form java -Xmx takes, a number with k, m or g (e.g. 768m, 2g), got '{text}'")
    return text.lower()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
