"""Makes the IJava kernel start faster: an application class-data-sharing (AppCDS) archive of the
classes the kernel loads (its own, JShell's, javac's, AWT's and ImageIO's), which its JVM maps at
start instead of loading and verifying each class again.

The class list comes from a warm-up run at install time (kernel_warmup/KernelWarmup.java: the real
kernel in one JVM, sent a few cells over ZMQ; no Jupyter), then `java -Xshare:dump` writes the archive
next to the kernel jar. An archive is valid only for the exact JDK build and class path it was made
with, so a stamp beside it records both (java -version, the jar's SHA-256) and the archive is made
again when either changes. Any failure (an old JDK, a read-only disk, a warm-up that does not finish)
leaves the kernel without an archive, as before, with one line saying so; the JVM itself also starts
without an archive it cannot map (the default -Xshare:auto).
"""
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import time

NAME = "ijava.jsa"
STAMP = NAME + ".json"
WARMUP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kernel_warmup")
WARMUP_FILES = ("KernelWarmup.java", "cells.txt")
TIMEOUT_SECONDS = 300


def ensure_class_archive(kernel, jar, jdk, helper_jar, say):
    """The path of the kernel's archive in the folder `kernel`, made or remade when the JDK, the kernel
    jar or the warm-up changed since the last one; None when there is none (and it says why)."""
    archive = os.path.join(kernel, NAME)
    stamp_path = os.path.join(kernel, STAMP)
    try:
        wanted = _stamp(jdk, jar)
    except OSError as e:
        say(f"Kernel class archive: none, the kernel starts without it ({e}).")
        return None
    recorded = _read_stamp(stamp_path)
    if recorded is not None and {k: v for k, v in recorded.items() if k not in ("made", "why")} == wanted:
        if recorded.get("made") and os.path.isfile(archive):
            say(f"Kernel class archive: up to date ({archive})")
            return archive
        if not recorded.get("made"):
            say(f"Kernel class archive: none with this JDK and kernel jar ({recorded.get('why')}); "
                f"delete {stamp_path} to try again.")
            return None
    _remove(archive)
    _remove(stamp_path)
    started = time.monotonic()
    why = _make(archive, jar, jdk, helper_jar)
    seconds = time.monotonic() - started
    _write_stamp(stamp_path, {**wanted, "made": why is None, **({"why": why} if why else {})})
    if why is not None:
        say(f"Kernel class archive: not made, the kernel starts without it ({why}).")
        return None
    say(f"Kernel class archive: made in {seconds:.0f} s, {os.path.getsize(archive) / 1e6:.0f} MB "
        f"({archive}); the kernel starts about a second faster")
    return archive


def _make(archive, jar, jdk, helper_jar):
    """None once `archive` is written, else why it is not."""
    scratch = tempfile.mkdtemp(prefix="kernel-classes-")
    try:
        classes = os.path.join(scratch, "classes.lst")
        warmup = [jdk.java, f"-XX:DumpLoadedClassList={classes}", "-cp", jar,
                  os.path.join(WARMUP, "KernelWarmup.java"), helper_jar, os.path.join(WARMUP, "cells.txt")]
        failed = _run(warmup, scratch, "the warm-up run")
        if failed:
            return failed
        if not os.path.isfile(classes) or os.path.getsize(classes) == 0:
            return "the warm-up run listed no classes"
        partial = archive + ".partial"
        # The class path must be the kernel's own (-jar <this jar>), or the JVM ignores the archive.
        dump = [jdk.java, "-Xshare:dump", f"-XX:SharedClassListFile={classes}",
                f"-XX:SharedArchiveFile={partial}", "-cp", jar]
        failed = _run(dump, scratch, "java -Xshare:dump")
        if failed:
            _remove(partial)
            return failed
        if not os.path.isfile(partial):
            return "java -Xshare:dump wrote no archive"
        os.replace(partial, archive)
        return None
    except OSError as e:
        return str(e)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _run(command, cwd, what):
    """None if the command succeeded, else a short reason (its last line of output)."""
    try:
        done = subprocess.run(command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, universal_newlines=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return f"{what} did not finish within {TIMEOUT_SECONDS} s"
    except OSError as e:
        return f"{what} did not run: {e}"
    if done.returncode != 0:
        lines = [line.strip() for line in done.stdout.splitlines() if line.strip()]
        return f"{what} failed with exit code {done.returncode}" + (f": {lines[-1][:200]}" if lines else "")
    return None


def _stamp(jdk, jar):
    """What the archive depends on: the JDK build (its full version banner), the kernel jar's bytes
    and the warm-up's files (a better warm-up makes a better archive)."""
    banner = subprocess.run([jdk.java, "-version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            universal_newlines=True, timeout=60).stdout.strip()
    warmup = hashlib.sha256()
    for name in WARMUP_FILES:
        warmup.update(sha256(os.path.join(WARMUP, name)).encode("ascii"))
    return {"java": os.path.realpath(jdk.java), "java_version": banner, "kernel_jar": os.path.abspath(jar),
            "kernel_jar_sha256": sha256(jar), "warmup_sha256": warmup.hexdigest()}


def _read_stamp(path):
    try:
        with open(path, encoding="utf-8") as f:
            stamp = json.load(f)
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def _write_stamp(path, stamp):
    try:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(stamp, f, indent=2, sort_keys=True)
            f.write("\n")
    except OSError:
        pass  # a read-only folder: the next run tries again


def sha256(path):
    """The SHA-256 of a file, in hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _remove(path):
    try:
        os.remove(path)
    except OSError:
        pass  # absent, or in a read-only folder: the kernel.json written next does not name it
