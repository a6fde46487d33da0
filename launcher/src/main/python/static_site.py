"""Renders notebooks with their outputs to HTML pages and an index, to read without a kernel."""
import base64
import html
import json
import os
import re
import shutil
import subprocess
import tempfile

from problem import Problem

# MathJax 2's configuration that nbconvert's templates are written for (TeX in, HTML out, and the
# Safe extension, which keeps notebook text from running scripts through math).
MATHJAX_CONFIG = "config=TeX-AMS_CHTML-full,Safe"
# nbconvert's own default, named so that the pages do not depend on where they were built (Debian's
# nbconvert points at a file:// MathJax of the machine that ran it, which no web server has).
MATHJAX_CDN = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/MathJax.js?" + MATHJAX_CONFIG
# Debian's libjs-mathjax (MathJax 2.7): copied into the site when present, so math is typeset offline.
LOCAL_MATHJAX = "/usr/share/javascript/mathjax"
# What MathJax 2 loads for that configuration (about 2 MB of its 54).
MATHJAX_PARTS = ("MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/local", "extensions", "jax/element",
                 "jax/input/TeX", "jax/output/CommonHTML", "fonts/HTML-CSS/TeX/woff",
                 "fonts/HTML-CSS/TeX/otf", "localization/en")
# Debian's nbconvert also points these at file:// copies; upstream's defaults (the pages need neither
# to show: require.js serves JavaScript outputs, which the notebooks have none of; jQuery, the
# classic template).
SCRIPTS = ("--HTMLExporter.require_js_url=https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js",
           "--HTMLExporter.jquery_url=https://cdnjs.cloudflare.com/ajax/libs/jquery/2.0.3/jquery.min.js")
# A script or stylesheet a web server cannot serve.
LOCAL_FILE = re.compile(r'(?:src|href)="file:[^"]*"')
SVG = "image/svg+xml"
# A relative link to a notebook: href="01-forward-pass.ipynb" or href="03-hidden-layer.ipynb#bp2".
NOTEBOOK_LINK = re.compile(r'href="(?![a-z]+:|//|#)([^"#?]*)\.ipynb(?=["#?])')


def build_site(jupyter, notebooks, out_dir, env, say):
    """One page per notebook (`jupyter nbconvert --to html`: tables, charts and diagrams embedded,
    math typeset in the browser by MathJax, copied into the site from a local MathJax if there is one,
    else from its CDN), links between notebooks pointed at the pages, and index.html listing them.
    Returns the index's path."""
    os.makedirs(out_dir, exist_ok=True)
    mathjax = _mathjax(out_dir, env)
    with tempfile.TemporaryDirectory(prefix="course-site-") as copies:
        done = subprocess.run(
            jupyter.command("nbconvert", "--to", "html", f"--HTMLExporter.mathjax_url={mathjax}", *SCRIPTS,
                            "--output-dir", out_dir, *_with_svg_as_images(notebooks, copies)),
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, universal_newlines=True)
    if done.returncode != 0:
        raise Problem(f"jupyter nbconvert could not render the notebooks to HTML:\n{done.stdout.strip()}")
    pages = []
    for notebook in notebooks:
        page = os.path.splitext(os.path.basename(notebook))[0] + ".html"
        path = os.path.join(out_dir, page)
        if not os.path.isfile(path):
            raise Problem(f"jupyter nbconvert reported no error but wrote no {path}.")
        _rewrite(path, lambda text: NOTEBOOK_LINK.sub(r'href="\1.html', text))
        local = _local_files(path)
        if local:
            raise Problem(f"{path} loads files of this computer, which the web does not have: {', '.join(local)}")
        pages.append((page, _title(notebook)))
    index = os.path.join(out_dir, "index.html")
    with open(index, "w", encoding="utf-8") as f:
        f.write(_index_page(pages))
    say(f"Site: {len(pages)} notebooks rendered; open {index}")
    return index


def _mathjax(out_dir, env):
    """The MathJax URL the pages load: a relative one to the copy put in out_dir/mathjax when
    BACKPROP_MATHJAX names a MathJax 2 folder (by default Debian's libjs-mathjax, if installed), else
    the CDN's; BACKPROP_MATHJAX=cdn chooses the CDN."""
    source = env.get("BACKPROP_MATHJAX") or LOCAL_MATHJAX
    copy = os.path.join(out_dir, "mathjax")
    shutil.rmtree(copy, ignore_errors=True)
    if source == "cdn" or (source == LOCAL_MATHJAX and not _is_mathjax2(source)):
        return MATHJAX_CDN
    if not _is_mathjax2(source):
        raise Problem(f"BACKPROP_MATHJAX is '{source}', but that is not a MathJax 2 folder (one with "
                      f"MathJax.js and config/TeX-AMS_CHTML-full.js). Name one, or say BACKPROP_MATHJAX=cdn.")
    for part in MATHJAX_PARTS:
        origin = os.path.join(source, part)
        if os.path.isdir(origin):
            shutil.copytree(origin, os.path.join(copy, part))
        elif os.path.isfile(origin):
            os.makedirs(os.path.dirname(os.path.join(copy, part)), exist_ok=True)
            shutil.copyfile(origin, os.path.join(copy, part))
    return "mathjax/MathJax.js?" + MATHJAX_CONFIG


def _is_mathjax2(folder):
    return all(os.path.isfile(os.path.join(folder, f)) for f in MATHJAX_PARTS[:2])


def _with_svg_as_images(notebooks, folder):
    """Copies of the notebooks in folder, each SVG output replaced by an HTML <img> of it (a data URL,
    with the output's text form as alt text). nbconvert before 7.2.3 passes SVG outputs through
    lxml's clean_html, which deletes the <svg> elements (leaving a blank page where each diagram was);
    an <img> survives every version and cannot run scripts from the SVG."""
    copies = []
    for notebook in notebooks:
        with open(notebook, encoding="utf-8") as f:
            content = json.load(f)
        for cell in content.get("cells", []):
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if SVG in data and "text/html" not in data:
                    data["text/html"] = _img(_text(data.pop(SVG)), _text(data.get("text/plain", "")))
        copy = os.path.join(folder, os.path.basename(notebook))
        with open(copy, "w", encoding="utf-8") as f:
            json.dump(content, f)
        copies.append(copy)
    return copies


def _img(svg, alt):
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img src="data:{SVG};base64,{encoded}" alt="{html.escape(alt.strip())}">'


def _text(value):
    """A notebook string field: one string, or a list of lines."""
    return "".join(value) if isinstance(value, list) else value


def _local_files(page):
    with open(page, encoding="utf-8") as f:
        return sorted(set(LOCAL_FILE.findall(f.read())))


def _title(notebook):
    """The notebook's first Markdown heading, else its file name."""
    with open(notebook, encoding="utf-8") as f:
        cells = json.load(f)["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            source = _text(cell["source"])
            for line in source.splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return os.path.basename(notebook)


def _index_page(pages):
    items = "\n".join(f'    <li><a href="{html.escape(page)}">{html.escape(title)}</a></li>'
                      for page, title in pages)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Backpropagation, step by step — in Java</title>
  <style>
    body {{ font-family: system-ui, sans-serif; max-width: 44rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }}
    ul {{ list-style: none; padding-left: 0; }}
    li {{ margin: 0.4rem 0; }}
  </style>
</head>
<body>
  <h1>Backpropagation, step by step — in Java</h1>
  <p>The course's notebooks with the outputs of their last run. To change a cell and run it again,
  open the notebooks in Jupyter with <code>./course</code>.</p>
  <ul>
{items}
  </ul>
</body>
</html>
"""


def _rewrite(path, change):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(change(text))
