"""A flame graph (SVG) of a JFR recording's execution samples, as printed by
`jfr print --events jdk.ExecutionSample --stack-depth 64`: one box per frame, as wide as the share of samples it is
on the stack of, callers below callees. Also writes the folded stacks (one line per distinct stack, root first,
with its count), the format flame-graph tools read.
Usage: python3 flamegraph.py samples.txt out.svg [title] [out.folded]"""
import html
import sys
from collections import Counter

from jfr_top import samples

WIDTH = 1600
ROW = 16
FONT = 11
CHAR = 6.4  # width of one character at FONT px, roughly


def fold(path):
    stacks = Counter()
    for stack in samples(path):
        stacks[";".join(reversed(stack))] += 1
    return stacks


def tree(stacks):
    root = {"name": "all", "count": 0, "children": {}}
    for line, count in stacks.items():
        root["count"] += count
        node = root
        for frame in line.split(";"):
            node = node["children"].setdefault(frame, {"name": frame, "count": 0, "children": {}})
            node["count"] += count
    return root


def colour(name):
    if name.startswith("io.broadsheet."):
        return "rgb(80,160,90)"
    if name.startswith("io.netty."):
        return "rgb(230,150,60)"
    if name.startswith("io.micronaut."):
        return "rgb(90,130,210)"
    if name.startswith(("java.", "jdk.", "sun.")):
        return "rgb(200,90,80)"
    return "rgb(170,170,170)"


def boxes(node, x, depth, scale, out):
    width = node["count"] * scale
    if width < 0.3:
        return depth
    deepest = depth
    out.append((x, depth, width, node["name"], node["count"]))
    child_x = x
    for child in sorted(node["children"].values(), key=lambda c: c["name"]):
        deepest = max(deepest, boxes(child, child_x, depth + 1, scale, out))
        child_x += child["count"] * scale
    return deepest


def svg(root, title):
    out = []
    scale = (WIDTH - 20) / max(root["count"], 1)
    deepest = boxes(root, 10, 0, scale, out)
    height = (deepest + 1) * ROW + 60
    lines = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
             f'font-family="monospace" font-size="{FONT}">',
             f'<rect width="100%" height="100%" fill="white"/>',
             f'<text x="10" y="20" font-size="14">{html.escape(title)} ({root["count"]} samples; '
             f'green Broadsheet, orange Netty, blue Micronaut, red JDK)</text>']
    for x, depth, width, name, count in out:
        y = height - 20 - (depth + 1) * ROW
        share = 100.0 * count / root["count"]
        label = name if len(name) * CHAR < width - 4 else name[: max(int((width - 4) / CHAR) - 2, 0)] + ".."
        lines.append(f'<g><title>{html.escape(name)}: {count} samples, {share:.1f} %</title>'
                     f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW - 1}" fill="{colour(name)}"/>'
                     + (f'<text x="{x + 2:.1f}" y="{y + ROW - 4}">{html.escape(label)}</text>' if width > 20 else "")
                     + "</g>")
    lines.append("</svg>")
    return "\n".join(lines)


def main():
    stacks = fold(sys.argv[1])
    title = sys.argv[3] if len(sys.argv) > 3 else "CPU samples"
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(svg(tree(stacks), title))
    if len(sys.argv) > 4:
        with open(sys.argv[4], "w", encoding="utf-8") as f:
            for line, count in sorted(stacks.items()):
                f.write(f"{line} {count}\n")


if __name__ == "__main__":
    main()
