"""Renders notebooks with their outputs to HTML pages and an index, to read without a kernel."""
import html
import json
import os
import re
import subprocess

from problem import Problem

# nbconvert's own default, named so that the pages do not depend on where they were built (Debian's
# nbconvert points at a MathJax file of the machine that ran it).
MATHJAX = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/2.7.7/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
# A relative link to a notebook: href="01-forward-pass.ipynb" or href="03-hidden-layer.ipynb#bp2".
NOTEBOOK_LINK = re.compile(r'href="(?![a-z]+:|//|#)([^"#?]*)\.ipynb(?=["#?])')


def build_site(jupyter, notebooks, out_dir, env, say):
    """One page per notebook (`jupyter nbconvert --to html`: tables, charts and diagrams embedded,
    math typeset in the browser by MathJax from its CDN), links between notebooks pointed at the pages, and
    index.html listing them. Returns the index's path."""
    os.makedirs(out_dir, exist_ok=True)
    done = subprocess.run(jupyter.command("nbconvert", "--to", "html", f"--HTMLExporter.mathjax_url={MATHJAX}",
                                          "--output-dir", out_dir, *notebooks),
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
        pages.append((page, _title(notebook)))
    index = os.path.join(out_dir, "index.html")
    with open(index, "w", encoding="utf-8") as f:
        f.write(_index_page(pages))
    say(f"Site: {len(pages)} notebooks rendered; open {index}")
    return index


def _title(notebook):
    """The notebook's first Markdown heading, else its file name."""
    with open(notebook, encoding="utf-8") as f:
        cells = json.load(f)["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
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
