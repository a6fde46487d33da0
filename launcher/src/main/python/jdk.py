"""Finds a JDK 17 or newer.

The helper jar is compiled for Java 17, and IJava runs each cell through JShell, which only a JDK
(not a bare Java runtime) has.
"""
import os
import re
import shutil
import subprocess
from typing import NamedTuple

from problem import Problem

MINIMUM = 17
HOW_TO_INSTALL = (
    "Install a JDK 17 or newer, then run ./course again:\n"
    "  Debian/Ubuntu: sudo apt-get install openjdk-17-jdk\n"
    "  macOS:         brew install openjdk@17\n"
    "  anywhere:      a JDK from https://adoptium.net\n"
    "If one is installed but not on the PATH, set JAVA_HOME to its folder."
)


class Jdk(NamedTuple):
    java: str
    """Path of the java launcher; ./mvnw finds the same one (JAVA_HOME, else the PATH)."""
    version: int


def find_jdk(env):
    """The JDK named by JAVA_HOME, else the one whose java is on the PATH; Problem if it is missing,
    older than 17 or a runtime without JShell."""
    java_home = env.get("JAVA_HOME")
    if java_home:
        java = os.path.join(java_home, "bin", "java")
        if not (os.path.isfile(java) and os.access(java, os.X_OK)):
            raise Problem(f"JAVA_HOME is '{java_home}', but there is no {java}.\n"
                          "Point JAVA_HOME at a JDK 17 or newer, or unset it to use the java on the PATH.")
    else:
        java = shutil.which("java", path=env.get("PATH", ""))
        if java is None:
            raise Problem("no Java found: 'java' is not on the PATH and JAVA_HOME is not set.\n"
                          + HOW_TO_INSTALL)
    version = _feature_version(java)
    if version < MINIMUM:
        raise Problem(f"{java} is Java {version}; the course needs Java {MINIMUM} or newer.\n"
                      + HOW_TO_INSTALL)
    if "jdk.jshell@" not in _run(java, "--list-modules"):
        raise Problem(f"{java} is a Java runtime without JShell (module jdk.jshell), which IJava needs: "
                      "a full JDK has it.\n" + HOW_TO_INSTALL)
    return Jdk(java, version)


def _feature_version(java):
    """17 from 'openjdk version "17.0.15"', 8 from 'java version "1.8.0_292"'."""
    banner = _run(java, "-version")
    match = re.search(r'version "(\d+)(?:\.(\d+))?', banner)
    if match is None:
        raise Problem(f"{java} -version printed no version:\n{banner.strip()}\n" + HOW_TO_INSTALL)
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def _run(java, *args):
    try:
        done = subprocess.run([java, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True, timeout=60)
    except OSError as e:
        raise Problem(f"{java} does not run ({e}).\n" + HOW_TO_INSTALL)
    return done.stdout
