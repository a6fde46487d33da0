"""The instructor's smoke test: every notebook executed top to bottom by the real kernel."""
import json
import os
import subprocess
import time

from ijava import KERNEL

CELL_TIMEOUT_SECONDS = 600


def check_notebooks(jupyter, notebooks, out_dir, env, say):
    """Executes each notebook with `jupyter nbconvert --execute` (in notebooks/, so `%jars ../lib/...`
    resolves), writes the executed copies to out_dir and returns one message per failure: a cell
    that raised, or one that wrote to stderr."""
    os.makedirs(out_dir, exist_ok=True)
    failures = []
    for notebook in notebooks:
        name = os.path.basename(notebook)
        started = time.monotonic()
        done = subprocess.run(
            jupyter.command("nbconvert", "--to", "notebook", "--execute",
                            f"--ExecutePreprocessor.kernel_name={KERNEL}",
                            f"--ExecutePreprocessor.timeout={CELL_TIMEOUT_SECONDS}",
                            "--output-dir", out_dir, notebook),
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
        if done.returncode != 0:
            problems = [_execution_error(done.stdout)]
        else:
            problems = _stderr_outputs(os.path.join(out_dir, name))
        seconds = time.monotonic() - started
        say(f"  {'FAILED' if problems else 'ok    '} {name} ({seconds:.1f} s)")
        failures += [f"{name}: {problem}" for problem in problems]
    return failures


def _execution_error(output):
    """nbconvert's report from 'An error occurred while executing' on (the cell and the error), else
    the end of its output (a kernel that did not start, a missing file)."""
    marker = output.find("An error occurred while executing")
    report = output[marker:] if marker >= 0 else "\n".join(output.strip().splitlines()[-15:])
    return report.strip()


def _stderr_outputs(executed):
    with open(executed, encoding="utf-8") as f:
        cells = json.load(f)["cells"]
    problems = []
    for number, cell in enumerate(cells, start=1):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                problems.append(f"cell {number} wrote to stderr:\n{_text(output).strip()}")
            elif output.get("output_type") == "error":
                problems.append(f"cell {number} raised {output.get('ename')}: {output.get('evalue')}")
    return problems


def _text(output):
    text = output.get("text", "")
    return "".join(text) if isinstance(text, list) else text
