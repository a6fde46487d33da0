"""Installs the IJava 1.3.0 kernel (github.com/SpencerPark/IJava) into the project's own Jupyter
data folder, from its release zip: downloaded once, or given as IJAVA_ZIP for offline classrooms."""
import io
import json
import os
import shutil
import urllib.error
import urllib.request
import zipfile

from class_archive import ensure_class_archive, sha256
from problem import Problem

VERSION = "1.3.0"
ZIP_NAME = f"ijava-{VERSION}.zip"
RELEASE_URL = f"https://github.com/SpencerPark/IJava/releases/download/v{VERSION}/{ZIP_NAME}"
JAR = f"ijava-{VERSION}.jar"
MAIN_CLASS = "io.github.spencerpark.ijava.IJava"
# The zip's kernel folder; also the kernel's name, which every notebook's metadata names.
KERNEL = "java"
REQUIRED = (f"{KERNEL}/kernel.json", f"{KERNEL}/{JAR}")
# A notebook's time goes mostly to javac compiling its cells and to small networks training for a
# second or two. There C2's compiles and G1's concurrent threads cost more than they give back, on
# two cores above all (measured in the README, under "Run the course").
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


def install_kernel(jupyter_data, downloads, jdk, memory, env, say, helper_jar):
    """Makes <jupyter_data>/kernels/java a kernel spec that starts IJava with this JDK: unpacked from
    the release zip unless already there, its kernel.json pointed at the JDK and the jar, with
    -Xmx<memory> when memory is given (else the -Xmx of an earlier run, if any), and with the class
    archive of class_archive.py when there is one (a warm-up loads helper_jar, the notebooks' jar)."""
    kernel = os.path.join(jupyter_data, "kernels", KERNEL)
    if os.path.isfile(os.path.join(kernel, JAR)) and os.path.isfile(os.path.join(kernel, "kernel.json")):
        how = "already installed"
    else:
        archive = _release_zip(downloads, env, say)
        _unpack(archive, kernel)
        how = f"installed from {archive}"
    current, spec = _read_kernel_json(kernel)
    say(f"IJava {VERSION} kernel: {how} ({kernel})")
    archive = ensure_class_archive(kernel, os.path.abspath(os.path.join(kernel, JAR)), jdk, helper_jar, say)
    _write_kernel_json(kernel, current, spec, jdk, memory, archive)


def _release_zip(downloads, env, say):
    """IJAVA_ZIP if set, else the downloaded copy (downloading it first): verified either way."""
    expected = env.get("IJAVA_SHA256", "").strip().lower() or None
    given = env.get("IJAVA_ZIP")
    if given:
        if not os.path.isfile(given):
            raise Problem(f"IJAVA_ZIP is '{given}', but there is no such file. "
                          f"Point it at IJava's release zip, {ZIP_NAME} ({RELEASE_URL}).")
        _verify_zip(given, expected)
        return given
    cached = os.path.join(downloads, ZIP_NAME)
    if not os.path.isfile(cached):
        url = env.get("IJAVA_URL") or RELEASE_URL
        say(f"IJava {VERSION} kernel: downloading {url}")
        os.makedirs(downloads, exist_ok=True)
        partial = cached + ".partial"
        try:
            with urllib.request.urlopen(url, timeout=60) as response, open(partial, "wb") as out:
                shutil.copyfileobj(response, out)
        except (urllib.error.URLError, OSError, ValueError) as e:
            _remove(partial)
            raise Problem(f"could not download IJava {VERSION} from {url} ({getattr(e, 'reason', e)}).\n"
                          f"Without internet: download {ZIP_NAME} on another machine from {RELEASE_URL}, "
                          f"then run IJAVA_ZIP=/path/to/{ZIP_NAME} ./course")
        try:
            _verify_zip(partial, expected)
        except Problem:
            _remove(partial)
            raise
        os.replace(partial, cached)
    else:
        _verify_zip(cached, expected)
    return cached


def _verify_zip(path, expected_sha256=None):
    """Problem unless path is IJava 1.3.0's release zip: the SHA-256 when one is expected, the kernel
    folder with kernel.json and the jar, and a jar whose Main-Class is IJava's."""
    if not zipfile.is_zipfile(path):
        raise Problem(f"{path} is not a zip file; expected IJava's release zip {ZIP_NAME} ({RELEASE_URL}).")
    if expected_sha256:
        actual = sha256(path)
        if actual != expected_sha256:
            raise Problem(f"{path} has SHA-256 {actual}, but IJAVA_SHA256 expects {expected_sha256}. "
                          f"Download it again from {RELEASE_URL}.")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        missing = [name for name in REQUIRED if name not in names]
        if missing:
            raise Problem(f"{path} does not have the layout of IJava's {ZIP_NAME}: it lacks "
                          f"{', '.join(missing)} (it has {_sample(names)}).")
        unsafe = [n for n in names if n.startswith("/") or ".." in n.split("/")]
        if unsafe:
            raise Problem(f"{path} has entries outside its own folders: {_sample(unsafe)}.")
        try:
            spec = json.loads(archive.read(f"{KERNEL}/kernel.json").decode("utf-8"))
        except ValueError as e:
            raise Problem(f"{path}: {KERNEL}/kernel.json is not valid JSON ({e}).")
        if not isinstance(spec, dict) or spec.get("language") != "java":
            raise Problem(f"{path}: {KERNEL}/kernel.json is not a Java kernel spec "
                          f"(expected \"language\": \"java\", got {str(spec)[:200]}).")
        main_class = _main_class(archive.read(f"{KERNEL}/{JAR}"))
        if main_class != MAIN_CLASS:
            raise Problem(f"{path}: {KERNEL}/{JAR} is not IJava's kernel jar "
                          f"(expected Main-Class {MAIN_CLASS}, got {main_class or 'none'}).")


def _main_class(jar_bytes):
    try:
        with zipfile.ZipFile(io.BytesIO(jar_bytes)) as jar:
            manifest = jar.read("META-INF/MANIFEST.MF").decode("utf-8")
    except (zipfile.BadZipFile, KeyError):
        return None
    for line in manifest.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "main-class":
            return value.strip()
    return None


def _unpack(archive, kernel):
    """The zip's kernel folder becomes `kernel`, all at once: a half-unpacked folder never looks installed."""
    parent = os.path.dirname(kernel)
    os.makedirs(parent, exist_ok=True)
    staging = kernel + ".unpacking"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        with zipfile.ZipFile(archive) as zip_file:
            for entry in zip_file.infolist():
                if entry.filename.startswith(KERNEL + "/") and not entry.is_dir():
                    target = os.path.join(staging, *entry.filename.split("/")[1:])
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    with zip_file.open(entry) as source, open(target, "wb") as out:
                        shutil.copyfileobj(source, out)
        shutil.rmtree(kernel, ignore_errors=True)
        os.replace(staging, kernel)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _read_kernel_json(kernel):
    """The text of kernel.json and what it holds; Problem (before any slow step) if it is damaged."""
    path = os.path.join(kernel, "kernel.json")
    with open(path, encoding="utf-8") as f:
        current = f.read()
    try:
        return current, json.loads(current)
    except ValueError as e:
        raise Problem(f"{path} is not valid JSON ({e}); delete {kernel} and run ./course again to reinstall it.")


def _write_kernel_json(kernel, current, spec, jdk, memory, archive):
    """IJava's own kernel.json with its argv made absolute: this JDK's java with JVM_OPTIONS, then the
    jar. The JVM maps the class archive if it can and starts without it if not (-Xshare:auto, its
    default)."""
    path = os.path.join(kernel, "kernel.json")
    heap = f"-Xmx{memory}" if memory else next(
        (a for a in spec.get("argv", []) if isinstance(a, str) and a.startswith("-Xmx")), None)
    shared = f"-XX:SharedArchiveFile={archive}" if archive else None
    spec["argv"] = [jdk.java, *(a for a in (heap, shared) if a), *JVM_OPTIONS, "-jar",
                    os.path.abspath(os.path.join(kernel, JAR)), "{connection_file}"]
    wanted = json.dumps(spec, indent=2, ensure_ascii=False) + "\n"
    if wanted != current:
        with open(path, "w", encoding="utf-8") as f:
            f.write(wanted)


def _sample(names):
    shown = ", ".join(names[:8])
    return shown + (f" and {len(names) - 8} more" if len(names) > 8 else "") if names else "no entries"


def _remove(path):
    if os.path.exists(path):
        os.remove(path)
