"""Finds Jupyter on the PATH, or installs the pinned one (binder/requirements.txt) into .course/venv."""
import os
import secrets
import shutil
import socket
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from typing import NamedTuple

from problem import Problem

VENV = os.path.join(".course", "venv")
REQUIREMENTS = os.path.join("binder", "requirements.txt")
# Written into the venv once pip has installed everything; a copy of the pins it was installed from.
INSTALLED = "installed-requirements.txt"
DEFAULT_INDEX = "https://pypi.org/simple/"
OTHER_WAYS = (
    "Install Jupyter another way, then run ./course again:\n"
    "  Debian/Ubuntu: sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient\n"
    "  macOS:         brew install jupyterlab\n"
    "  conda:         conda install -c conda-forge notebook nbconvert"
)


class Jupyter(NamedTuple):
    executable: str
    """The `jupyter` command."""
    origin: str
    """Where it was found: 'the PATH' or .course/venv."""

    def has(self, subcommand):
        """Whether `jupyter <subcommand>` exists: jupyter looks for a `jupyter-<subcommand>` program
        beside itself, then on the PATH."""
        return self._beside(subcommand) or shutil.which("jupyter-" + subcommand) is not None

    def command(self, subcommand, *args):
        return [self.executable, subcommand, *args]

    def server(self):
        """The app that serves the notebooks: the Notebook interface, else JupyterLab, preferring one
        installed beside this jupyter (one found only on the PATH may belong to another Python)."""
        for app in ("notebook", "lab"):
            if self._beside(app):
                return app
        return "notebook" if self.has("notebook") else "lab"

    def program(self, subcommand):
        """The `jupyter-<subcommand>` program `jupyter <subcommand>` runs: the one beside this jupyter,
        else the one on the PATH (None if neither)."""
        beside = os.path.join(os.path.dirname(self.executable), "jupyter-" + subcommand)
        return beside if os.access(beside, os.X_OK) else shutil.which("jupyter-" + subcommand)

    def _beside(self, subcommand):
        return os.access(os.path.join(os.path.dirname(self.executable), "jupyter-" + subcommand), os.X_OK)


def find_or_install_jupyter(root, python, env, say, needs_nbconvert):
    """The Jupyter on the PATH if it can serve notebooks (and convert them, when needs_nbconvert),
    else the one installed in .course/venv, installing it there first if need be."""
    venv = os.path.join(root, VENV)
    on_path = shutil.which("jupyter", path=env.get("PATH", ""))
    candidates = [Jupyter(on_path, "the PATH")] if on_path else []
    if _venv_is_current(root):
        candidates.append(Jupyter(os.path.join(venv, "bin", "jupyter"), VENV))
    lacking = ""
    for jupyter in candidates:
        missing = _missing_parts(jupyter, needs_nbconvert)
        if not missing:
            say(f"Jupyter: {jupyter.executable} (from {jupyter.origin})")
            return jupyter
        lacking += f"The Jupyter at {jupyter.executable} has no {' and no '.join(missing)}.\n"
    if not on_path:
        lacking = "Jupyter is not on the PATH.\n"
    _install_venv(root, python, env, say, lacking)
    installed = Jupyter(os.path.join(venv, "bin", "jupyter"), VENV)
    say(f"Jupyter: {installed.executable} (from {installed.origin})")
    return installed


def _missing_parts(jupyter, needs_nbconvert):
    missing = []
    if not (jupyter.has("notebook") or jupyter.has("lab")):
        missing.append("notebook server (jupyter-notebook or jupyter-lab)")
    if needs_nbconvert and not jupyter.has("nbconvert"):
        missing.append("nbconvert (needed by --check and --site)")
    return missing


def _venv_is_current(root):
    installed = os.path.join(root, VENV, INSTALLED)
    return os.path.isfile(installed) and _read(installed) == _read(os.path.join(root, REQUIREMENTS))


def _install_venv(root, python, env, say, lacking):
    index = _package_index(python, env)
    unreachable = _unreachable(index)
    if unreachable:
        raise Problem(f"{lacking}./course would install Jupyter into {VENV} from the Python package "
                      f"index {index}, but it cannot be reached ({unreachable}).\n" + OTHER_WAYS)
    venv = os.path.join(root, VENV)
    shutil.rmtree(venv, ignore_errors=True)
    say(f"{lacking}Jupyter: installing the versions pinned in {REQUIREMENTS} into {VENV} (a few minutes, once)")
    made = subprocess.run([python, "-m", "venv", venv], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    if made.returncode != 0:
        shutil.rmtree(venv, ignore_errors=True)
        hint = ("Debian/Ubuntu: sudo apt-get install python3-venv" if "ensurepip" in made.stdout
                else OTHER_WAYS)
        raise Problem(f"{python} could not create the virtual environment {VENV}:\n{made.stdout.strip()}\n{hint}")
    pip = [os.path.join(venv, "bin", "python"), "-m", "pip", "install", "--disable-pip-version-check",
           "-r", os.path.join(root, REQUIREMENTS)]
    if subprocess.run(pip, env=env).returncode != 0:
        shutil.rmtree(venv, ignore_errors=True)
        raise Problem(f"pip could not install {REQUIREMENTS} into {VENV} (its output is above).\n" + OTHER_WAYS)
    shutil.copyfile(os.path.join(root, REQUIREMENTS), os.path.join(venv, INSTALLED))


def _package_index(python, env):
    """The index pip would use: PIP_INDEX_URL, else pip's configured index-url, else PyPI."""
    if env.get("PIP_INDEX_URL"):
        return env["PIP_INDEX_URL"]
    configured = subprocess.run([python, "-m", "pip", "config", "get", "global.index-url"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, universal_newlines=True)
    return configured.stdout.strip() if configured.returncode == 0 and configured.stdout.strip() else DEFAULT_INDEX


def _unreachable(url):
    """None if the index answers at all (any HTTP status) or is a folder on disk, else why it cannot
    be reached."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme == "file":
        return None if os.path.isdir(urllib.request.url2pathname(parsed.path)) else "no such folder"
    try:
        urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=15).close()
    except urllib.error.HTTPError:
        return None
    except (urllib.error.URLError, OSError, ValueError) as e:
        return str(getattr(e, "reason", e))
    return None


def serve(jupyter, notebooks, port, open_browser, env, say):
    """Replaces this process with Jupyter serving the notebooks folder; prints the URL first."""
    app = jupyter.server()
    port = port or _free_port(8888)
    token = secrets.token_hex(24)
    page = "tree" if app == "notebook" else "lab"
    say(f"Starting Jupyter in notebooks/ (Ctrl+C stops it). The course is at:\n\n"
        f"    http://localhost:{port}/{page}?token={token}\n")
    args = jupyter.command(app, f"--port={port}", "--port-retries=0")
    if not open_browser:
        args.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        say("Running as root (a container?): Jupyter refuses that unless told --allow-root, so it is.")
        args.append("--allow-root")
    os.chdir(notebooks)
    os.execve(jupyter.executable, args, dict(env, JUPYTER_TOKEN=token))


def _free_port(first):
    for port in range(first, first + 100):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise Problem(f"ports {first} to {first + 99} are all in use; choose one with --port.")


def _read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()
