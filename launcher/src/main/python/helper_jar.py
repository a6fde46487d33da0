"""Builds the helper jar the notebooks load with `%jars ../lib/target/backprop.jar`."""
import os
import subprocess

from problem import Problem

JAR = os.path.join("lib", "target", "backprop.jar")
SOURCES = ("pom.xml", os.path.join("lib", "pom.xml"), os.path.join("lib", "src"))


def ensure_helper_jar(root, env, say):
    """Runs `./mvnw package` for the lib module unless the jar is newer than every source of it."""
    jar = os.path.join(root, JAR)
    if _is_fresh(jar, [os.path.join(root, s) for s in SOURCES]):
        say(f"Helper jar: up to date ({JAR})")
        return
    say("Helper jar: building it with ./mvnw (the first build downloads Maven and the libraries, "
        "a minute or two)")
    command = [os.path.join(root, "mvnw"), "-q", "-B", "-pl", "lib", "-am", "package", "-DskipTests"]
    done = subprocess.run(command, cwd=root, env=env)
    if done.returncode != 0:
        raise Problem(f"./mvnw could not build the helper jar (exit code {done.returncode}; its output "
                      "is above).\nWithout internet, the first build cannot download Maven and the "
                      "libraries: run ./course once where Maven Central is reachable.")
    if not os.path.isfile(jar):
        raise Problem(f"./mvnw finished but left no {JAR}.")


def _is_fresh(jar, sources):
    if not os.path.isfile(jar):
        return False
    built = os.path.getmtime(jar)
    return all(mtime <= built for mtime in _mtimes(sources))


def _mtimes(paths):
    for path in paths:
        if os.path.isdir(path):
            for folder, _, files in os.walk(path):
                for name in files:
                    yield os.path.getmtime(os.path.join(folder, name))
        elif os.path.exists(path):
            yield os.path.getmtime(path)
