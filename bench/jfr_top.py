"""The hottest methods of a JFR recording's execution samples (`jfr print --events jdk.ExecutionSample`):
by self samples (the frame on top) and by total samples (anywhere on the stack, once per sample), with the
share of all samples. Usage: python3 jfr_top.py samples.txt [how many, default 60]"""
import re
import sys
from collections import Counter

FRAME = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")


def samples(path):
    stack = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("jdk.ExecutionSample"):
                if stack:
                    yield stack
                stack = []
            elif stack is not None:
                m = FRAME.match(line)
                if m:
                    stack.append(m.group(1))
    if stack:
        yield stack


def main():
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    own, total, n = Counter(), Counter(), 0
    for stack in samples(sys.argv[1]):
        n += 1
        own[stack[0]] += 1
        for method in set(stack):
            total[method] += 1
    print(f"{n} samples\n")
    for title, counts in (("self", own), ("total (on the stack)", total)):
        print(f"## by {title}\n")
        print("| share | samples | method |\n| ---: | ---: | --- |")
        for method, count in counts.most_common(top):
            print(f"| {100 * count / n:.1f} % | {count} | `{method}` |")
        print()


if __name__ == "__main__":
    main()
