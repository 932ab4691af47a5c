#!/usr/bin/env python3
"""The gallery: every function family and its derivative, as the library computes them.

    python3 tools/gallery/gallery.py            # write docs/gallery/NAME.png and overview.png (make gallery)
    python3 tools/gallery/gallery.py --check    # verify the committed gallery (make test-docs)

One PNG per family of the table (bindings/python/activations/_spec.py), 480 x 320
pixels: f and f' over a range that shows the function's shape, with the
default parameters (threshold, which has none, with threshold=1, value=0: ONNX's
ThresholdedRelu), every value computed in float64 by the library through the
Python binding.  The row functions are drawn as curves of one variable:
softmax, log_softmax, softmin and softmax_safe as the first output of the
2-class row [x, 0] and its Jacobian entry dy_0/dx_0; maxout (pieces=2) as the
unit of the group [x, 0] and its derivative by x; the gated units as
functions of b with a = 1 (y = g(b), dy/db); prelu with the one weight 0.25
(PyTorch's initial slope).  overview.png is a grid of all of them.

Deterministic output: matplotlib's defaults (rcdefaults, no matplotlibrc),
the Agg backend, the bundled DejaVu Sans, fixed figure sizes, dpi and margins,
no timestamp or version string in the PNG metadata.  Each PNG carries a tEXt
"Digest": a SHA-256 of everything it shows (the plotted arrays' bytes, the
texts, ranges and style below), and "Renderer": the matplotlib version.

--check needs no matplotlib.  It fails unless every family of the table has
its image and no other image is there, every PNG has the expected pixel size
and stays under its byte budget, its Digest equals the digest of the values
the library computes now (the images are current), and README.md shows
overview.png.  When matplotlib can be imported it also renders the whole
gallery into .build/gallery-check (`make gallery` works) and, when the
installed matplotlib is the version that rendered the committed images,
compares the decoded pixels of every image (bytes can differ with Pillow's
zlib; pixels cannot); with another version it says so and compares sizes only.
"""

import argparse
import hashlib
import json
import struct
import sys
import zlib
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bindings" / "python"))
import activations as act  # noqa: E402
from activations import _spec  # noqa: E402

GALLERY = ROOT / "docs" / "gallery"
README = ROOT / "README.md"
CHECK_DIR = ROOT / ".build" / "gallery-check"

SAMPLES = 1201  # points per curve (x steps of 1/120 over [-5, 5])
SIZE = (480, 320)  # pixels of each family's image
OVERVIEW_COLUMNS = 6
OVERVIEW_CELL = (160, 120)  # pixels of one cell of overview.png
BUDGET = {"family": 60_000, "overview": 400_000}  # bytes
STYLE = {
    "dpi": 100,
    "rc": {
        "font.family": "DejaVu Sans",
        "font.size": 9.0,
        "axes.linewidth": 0.8,
        "lines.linewidth": 1.6,
        "svg.hashsalt": "libactivations-gallery",
        "figure.dpi": 100,
        "savefig.dpi": 100,
        "path.simplify": True,
    },
    "f": {"color": "#1f5fa8", "linestyle": "-"},
    "df": {"color": "#d1495b", "linestyle": "--"},
    "extra": {"color": "#6a9f3a", "marker": ".", "markersize": 3.0, "linestyle": "none"},
    "grid": {"color": "#dddddd", "linewidth": 0.6},
    "margins": {"left": 0.11, "right": 0.97, "bottom": 0.13, "top": 0.90},
}


# ---- what each family's plot shows ---------------------------------------------------

def curve(name, lo=-5.0, hi=5.0, **params):
    """An elementwise family over [lo, hi]: f and f'."""
    x = np.linspace(lo, hi, SAMPLES)
    return x, getattr(act, name)(x, **params), getattr(act, name + "_derivative")(x, **params)


def two_class(name, lo=-6.0, hi=6.0):
    """A softmax-kind family on the rows [x, 0]: y_0 and the Jacobian entry dy_0/dx_0."""
    x = np.linspace(lo, hi, SAMPLES)
    rows = np.stack([x, np.zeros_like(x)], axis=-1)
    return x, getattr(act, name)(rows)[:, 0], getattr(act, name + "_derivative")(rows)[:, 0, 0]


def gated(name, lo=-5.0, hi=5.0):
    """A gated unit on the rows [a, b] = [1, b]: y = g(b) and dy/db."""
    b = np.linspace(lo, hi, SAMPLES)
    rows = np.stack([np.ones_like(b), b], axis=-1)
    return b, getattr(act, name)(rows)[:, 0], getattr(act, name + "_derivative")(rows)[:, 1]


def maxout():
    x = np.linspace(-3.0, 3.0, SAMPLES)
    rows = np.stack([x, np.zeros_like(x)], axis=-1)
    return x, act.maxout(rows, pieces=2)[:, 0], act.maxout_derivative(rows, pieces=2)[:, 0]


def prelu():
    x = np.linspace(-5.0, 5.0, SAMPLES)[:, None]
    weight = np.array([0.25])
    return x[:, 0], act.prelu(x, weight)[:, 0], act.prelu_derivative(x, weight)[:, 0]


def rrelu_training():
    """The training-mode slopes (seed 0) on a coarse grid: dots beside the eval-mode curve."""
    x = np.linspace(-5.0, 5.0, 81)
    return x, act.rrelu(x, training=True, seed=0)


UNARY_RANGES = {
    "relu6": (-3.0, 9.0),
    "hardtanh": (-3.0, 3.0),
    "softshrink": (-2.0, 2.0),
    "hardshrink": (-2.0, 2.0),
    "threshold": (-2.0, 4.0),
    "selu": (-4.0, 3.0),
    "celu": (-4.0, 3.0),
    "elu": (-4.0, 3.0),
}
UNARY_PARAMS = {"threshold": {"threshold": 1.0, "value": 0.0}}  # no defaults in the table


def plot_spec(family):
    """{"title", "xlabel", "labels": (f, f'), "arrays": (x, f, f'), "extra": None or (label, x, y)}."""
    name, kind = family.name, family.kind
    params = {p.name: p.default for p in family.params if p.default is not _spec.REQUIRED}
    params.update(UNARY_PARAMS.get(name, {}))
    shown = ", ".join(f"{k}={_short(v)}" for k, v in params.items() if k not in ("training", "seed"))
    title, xlabel, labels, extra = f"{name}({shown})" if shown else name, "x", ("$f(x)$", "$f'(x)$"), None
    if kind == "unary":
        arrays = curve(name, *UNARY_RANGES.get(name, (-5.0, 5.0)), **params)
        if name == "rrelu":
            title = f"rrelu({shown}), eval; dots: training, seed 0"
            extra = ("$f(x)$, training",) + rrelu_training()
    elif kind == "softmax":
        arrays = two_class(name)
        title = f"{name} of the row [x, 0]"
        labels = ("$y_0$", r"$\partial y_0 / \partial x_0$")
    elif kind == "maxout":
        arrays = maxout()
        title, labels = "maxout(pieces=2) of the group [x, 0]", ("$y = \\max(x, 0)$", r"$\partial y / \partial x$")
    elif kind == "prelu":
        arrays = prelu()
        title = "prelu(weight=[0.25])"
    elif kind == "gated":
        arrays = gated(name)
        title, xlabel, labels = f"{name} of [a, b], a = 1", "b", (r"$y = a\,g(b)$", r"$\partial y / \partial b$")
    else:
        raise SystemExit(f"gallery.py: no plot for the kind {kind!r} of {name}")
    return {"name": name, "title": title, "xlabel": xlabel, "labels": labels, "arrays": arrays, "extra": extra}


def _short(value):
    if isinstance(value, float) and value == 1 / 3:
        return "1/3"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def specs():
    return [plot_spec(family) for family in _spec.FAMILIES]


def digest(items):
    """SHA-256 of everything the figure shows: texts, the style, the plotted float64 bytes."""
    h = hashlib.sha256()
    h.update(json.dumps({"style": STYLE, "size": SIZE, "cell": OVERVIEW_CELL, "samples": SAMPLES},
                        sort_keys=True).encode())
    for spec in items:
        h.update(json.dumps([spec["name"], spec["title"], spec["xlabel"], spec["labels"]]).encode())
        arrays = list(spec["arrays"]) + (list(spec["extra"][1:]) if spec["extra"] else [])
        for array in arrays:
            h.update(np.ascontiguousarray(array, dtype="<f8").tobytes())
    return h.hexdigest()


# ---- drawing (matplotlib) --------------------------------------------------------------

def matplotlib_or_none():
    try:
        import matplotlib
    except ImportError:
        return None
    matplotlib.use("Agg")
    matplotlib.rcdefaults()
    matplotlib.rcParams.update(STYLE["rc"])
    return matplotlib


def draw(axes, spec, small=False):
    x, f, df = spec["arrays"]
    width = 1.0 if small else STYLE["rc"]["lines.linewidth"]
    axes.axhline(0.0, color="#999999", linewidth=0.6, zorder=1)
    axes.axvline(0.0, color="#999999", linewidth=0.6, zorder=1)
    axes.grid(True, **STYLE["grid"])
    axes.plot(x, f, label=spec["labels"][0], linewidth=width, zorder=3, **STYLE["f"])
    axes.plot(x, df, label=spec["labels"][1], linewidth=width, zorder=2, **STYLE["df"])
    if spec["extra"] and not small:
        axes.plot(spec["extra"][1], spec["extra"][2], label=spec["extra"][0], zorder=4, **STYLE["extra"])
    axes.set_xlim(x[0], x[-1])
    shown = [f, df] + ([spec["extra"][2]] if spec["extra"] and not small else [])
    low, high = float(min(a.min() for a in shown)), float(max(a.max() for a in shown))
    pad = 0.08 * (high - low or 1.0)
    axes.set_ylim(low - pad, high + pad)
    if small:
        axes.set_title(spec["name"], fontsize=8, pad=2)
        axes.tick_params(labelsize=6, length=2, pad=1)
    else:
        axes.set_title(spec["title"], fontsize=9)
        axes.set_xlabel(spec["xlabel"], labelpad=1)
        axes.legend(loc="best", fontsize=8, frameon=True, framealpha=0.9)


def save(figure, path, name, digest_hex, matplotlib):
    metadata = {
        "Software": None,  # no version string: the Renderer key says which matplotlib drew it
        "Title": f"libactivations: {name}",
        "Source": "tools/gallery/gallery.py",
        "Digest": digest_hex,
        "Renderer": f"matplotlib {matplotlib.__version__}",
    }
    figure.savefig(path, format="png", dpi=STYLE["dpi"], metadata=metadata, pil_kwargs={"optimize": True})


def render(out, items, matplotlib):
    import matplotlib.pyplot as plt

    out.mkdir(parents=True, exist_ok=True)
    dpi = STYLE["dpi"]
    for spec in items:
        figure = plt.figure(figsize=(SIZE[0] / dpi, SIZE[1] / dpi), dpi=dpi)
        figure.subplots_adjust(**STYLE["margins"])
        draw(figure.add_subplot(1, 1, 1), spec)
        save(figure, out / f"{spec['name']}.png", spec["name"], digest([spec]), matplotlib)
        plt.close(figure)
    rows = -(-len(items) // OVERVIEW_COLUMNS)
    width, height = OVERVIEW_COLUMNS * OVERVIEW_CELL[0], rows * OVERVIEW_CELL[1] + 30
    figure = plt.figure(figsize=(width / dpi, height / dpi), dpi=dpi)
    figure.subplots_adjust(left=0.03, right=0.99, bottom=0.02, top=1 - 38 / height, wspace=0.25, hspace=0.42)
    for k, spec in enumerate(items):
        draw(figure.add_subplot(rows, OVERVIEW_COLUMNS, k + 1), spec, small=True)
    figure.legend(handles=[
        matplotlib.lines.Line2D([], [], label="f (first output)", **STYLE["f"]),
        matplotlib.lines.Line2D([], [], label="f' (its derivative)", **STYLE["df"]),
    ], loc="upper center", ncol=2, fontsize=8, frameon=False, bbox_to_anchor=(0.5, 1.0))
    save(figure, out / "overview.png", "overview", digest(items), matplotlib)
    plt.close(figure)


# ---- checks ---------------------------------------------------------------------------

def png_info(path):
    """(width, height, {tEXt key: value}) of a PNG file, read with the standard library."""
    data = path.read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    offset, size, text = 8, None, {}
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + length]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])[0]:
            raise ValueError(f"bad CRC in the {kind!r} chunk")
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"tEXt":
            key, _, value = body.partition(b"\0")
            text[key.decode("latin-1")] = value.decode("latin-1")
        offset += 12 + length
    if size is None:
        raise ValueError("no IHDR chunk")
    return size[0], size[1], text


def expected_size(name, count):
    if name == "overview":
        rows = -(-count // OVERVIEW_COLUMNS)
        return OVERVIEW_COLUMNS * OVERVIEW_CELL[0], rows * OVERVIEW_CELL[1] + 30
    return SIZE


def check_images(directory, items, problems, digests=True):
    """Size, budget and (optionally) Digest of every image in directory; returns {name: Renderer}."""
    renderers = {}
    wanted = {spec["name"]: [spec] for spec in items}
    wanted["overview"] = items
    for name, members in wanted.items():
        path = directory / f"{name}.png"
        if not path.exists():
            problems.append(f"{path.relative_to(ROOT)} is missing (run make gallery)")
            continue
        try:
            width, height, text = png_info(path)
        except ValueError as e:
            problems.append(f"{path.relative_to(ROOT)}: {e}")
            continue
        budget = BUDGET["overview" if name == "overview" else "family"]
        if (width, height) != expected_size(name, len(items)):
            problems.append(f"{path.relative_to(ROOT)}: {width} x {height} pixels, "
                            f"{expected_size(name, len(items))} expected")
        if path.stat().st_size > budget:
            problems.append(f"{path.relative_to(ROOT)}: {path.stat().st_size} bytes, over the budget of {budget}")
        if digests and text.get("Digest") != digest(members):
            problems.append(f"{path.relative_to(ROOT)} is stale: it does not show what the library and "
                            "tools/gallery/gallery.py compute now (run make gallery)")
        renderers[name] = text.get("Renderer", "")
    return renderers


def same_pixels(a, b):
    from PIL import Image

    with Image.open(a) as first, Image.open(b) as second:
        return first.size == second.size and first.convert("RGBA").tobytes() == second.convert("RGBA").tobytes()


def check():
    items = specs()
    problems = []
    names = {spec["name"] for spec in items}
    present = {path.stem for path in GALLERY.glob("*.png")} if GALLERY.is_dir() else set()
    for extra in sorted(present - names - {"overview"}):
        problems.append(f"docs/gallery/{extra}.png belongs to no family of the table (remove it)")
    for other in sorted(p.name for p in GALLERY.iterdir() if p.suffix != ".png") if GALLERY.is_dir() else []:
        problems.append(f"docs/gallery/{other}: not a gallery image")
    renderers = check_images(GALLERY, items, problems)
    readme = README.read_text()
    if "docs/gallery/overview.png" not in readme:
        problems.append("README.md does not show docs/gallery/overview.png")
    print(f"gallery: {len(items)} families of the table; docs/gallery holds {len(present)} images")

    matplotlib = matplotlib_or_none()
    if matplotlib is None:
        print("gallery: matplotlib is not installed: not regenerated (make gallery-deps installs it)")
    else:
        render(CHECK_DIR, items, matplotlib)
        check_images(CHECK_DIR, items, problems)
        mine = f"matplotlib {matplotlib.__version__}"
        committed = set(renderers.values())
        total = sum((CHECK_DIR / f"{name}.png").stat().st_size for name in renderers)
        print(f"gallery: regenerated into {CHECK_DIR.relative_to(ROOT)} with {mine} "
              f"({len(renderers)} images, {total} bytes)")
        if committed == {mine}:
            differ = [name for name in renderers
                      if not same_pixels(GALLERY / f"{name}.png", CHECK_DIR / f"{name}.png")]
            for name in differ:
                problems.append(f"docs/gallery/{name}.png: its pixels differ from a fresh rendering with the "
                                f"same {mine} (run make gallery)")
            if not differ:
                print(f"gallery: every image's pixels equal the committed ones (both {mine})")
        else:
            print(f"gallery: the committed images were drawn by {', '.join(sorted(committed))}, this is {mine}: "
                  "pixels not compared (digests, sizes and budgets were)")
    for problem in problems:
        print(f"gallery: FAIL: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print("gallery: ok")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="verify docs/gallery instead of writing it")
    parser.add_argument("--out", type=Path, default=GALLERY, help="directory to write (default docs/gallery)")
    args = parser.parse_args()
    if args.check:
        check()
        return
    matplotlib = matplotlib_or_none()
    if matplotlib is None:
        raise SystemExit("gallery.py: matplotlib is not installed (make gallery installs it)")
    items = specs()
    render(args.out, items, matplotlib)
    sizes = [(args.out / f"{spec['name']}.png").stat().st_size for spec in items]
    overview = (args.out / "overview.png").stat().st_size
    print(f"gallery: wrote {len(items)} images to {args.out} ({min(sizes)}..{max(sizes)} bytes each) "
          f"and overview.png ({overview} bytes) with matplotlib {matplotlib.__version__}")


if __name__ == "__main__":
    main()
