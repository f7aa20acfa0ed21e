"""Bytes allocated per answer by the event loops, from a JFR recording's jdk.ThreadAllocationStatistics (taken at
the start and the end of a recording with the `profile` settings), divided by the requests answered meanwhile.
Usage: jfr print --json --events jdk.ThreadAllocationStatistics rec.jfr | python3 jfr_alloc.py <requests>"""
import json
import sys


def main():
    requests = int(sys.argv[1])
    events = json.load(sys.stdin)["recording"]["events"]
    seen = {}
    for event in events:
        values = event["values"]
        thread = values["thread"]
        name = (thread or {}).get("javaName") or ""
        if "eventloop" not in name.lower():
            continue
        low, high = seen.get(name, (values["allocated"], values["allocated"]))
        seen[name] = (min(low, values["allocated"]), max(high, values["allocated"]))
    total = sum(high - low for low, high in seen.values())
    print(f"event loop threads: {len(seen)}; allocated during the run: {total / 1e6:.1f} MB;"
          f" {total / max(requests, 1):.0f} bytes per answer over {requests} answers")


if __name__ == "__main__":
    main()
