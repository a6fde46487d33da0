"""Puts Fashion-MNIST where the notebooks find it, with the helper jar's own code: where to look,
the download and the SHA-256 pins live once, in org.backprop.data.FashionMnist."""
import os
import subprocess

from helper_jar import JAR
from problem import Problem

MAIN_CLASS = "org.backprop.data.FashionMnist"


def fetch_fashion_mnist(root, jdk, env):
    """Runs `java -cp lib/target/backprop.jar org.backprop.data.FashionMnist --fetch` in the project
    folder, as the notebooks would look: the folder BACKPROP_DATA names, else .course/data, else
    Debian's /usr/share/datasets/fashion-mnist (used where it is, not copied), else a download into
    .course/data. It checks the four files and prints where they are; a failure is a Problem."""
    done = subprocess.run([jdk.java, "-cp", os.path.join(root, JAR), MAIN_CLASS, "--fetch"],
                          cwd=root, env=env, stderr=subprocess.PIPE, universal_newlines=True)
    if done.returncode != 0:
        raise Problem(done.stderr.strip() or f"{MAIN_CLASS} --fetch failed (exit code {done.returncode}).")
