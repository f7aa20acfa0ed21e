#!/usr/bin/env python3
"""Shares of a JFR recording's execution samples (`jfr print --events jdk.ExecutionSample`) by what the sampled
stack is doing, first matching rule wins (rules look at every frame, outermost last): where an import's CPU goes.
Usage: python3 jfr_where.py samples.txt [--render]   (--render: rules for feed renders instead of an import)"""
import sys
from collections import Counter

from jfr_top import samples

RULES = (  # (label, any of these substrings in a frame name)
    ("H2: serialise and LZF-compress changed pages (store/commit)", ("CompressLZF.compress", "MVStore.serializeAndStore",
                                                                       "MVStore.storeNow", "Page.write",
                                                                       "FileStore.lambda$storeIt")),
    ("H2: compaction, housekeeping, chunk rewrite", ("compactMoveChunks", "doHousekeeping", "rewriteChunks", "compactRewrite")),
    ("H2: parsing and normalising JSON values (? FORMAT JSON)", ("org.h2.util.json",)),
    ("H2: secondary index insertions (incl. their page reads)", ("MVSecondaryIndex.add",)),
    ("H2: row insertions (primary maps, incl. page reads)", ("MVPrimaryIndex.add", "MVTable.addRow")),
    ("H2: deletes and updates of rows", ("MVTable.removeRow", "MVTable.updateRow", "MVPrimaryIndex.remove")),
    ("H2: queries (selects, lookups)", ("org.h2.command.query", "org.h2.index.IndexCursor", "MVSecondaryIndex.find",
                                        "MVPrimaryIndex.find")),
    ("H2: transaction commit (undo log, map roots)", ("JdbcConnection.commit",)),
    ("H2: page reads and cache outside the above", ("FileStore.readPage", "CompressLZF.expand", "CacheLongKeyLIRS")),
    ("H2: other (batches, parameters, statement preparation, constraints)", ("org.h2.",)),
    ("children as JSON (ArticleChildren encoding)", ("ArticleChildren",)),
    ("sanitising HTML (jsoup)", ("org.jsoup",)),
    ("NDJSON parsing and JSON (serde, Jackson)", ("io.micronaut.serde", "com.fasterxml.jackson")),
    ("reading and checking the lines (UTF-8 decoding, validation)", ("BoundedLines", "io.broadsheet.input")),
    ("Micronaut Data mapping and JDBC", ("io.micronaut.data", "com.zaxxer.hikari")),
    ("HTTP (Netty)", ("io.netty",)),
)

RENDER_RULES = (  # the leaf-most first: a render runs inside a transaction and a Netty handler
    ("gzip of the render", ("java.util.zip",)),
    ("SHA-256 of the render (ETag)", ("sun.security.provider", "MessageDigest")),
    ("ROME building the feed and JDOM writing it (RSS, Atom)", ("com.rometools", "org.jdom2")),
    ("writing JSON (JSON Feed, Jackson)", ("com.fasterxml.jackson", "io.micronaut.serde")),
    ("children from JSON (ArticleChildren decoding)", ("ArticleChildren",)),
    ("sanitising HTML (jsoup)", ("org.jsoup",)),
    ("H2: reading the page's rows (queries, page reads, decompression)", ("org.h2.",)),
    ("Micronaut Data mapping and JDBC", ("io.micronaut.data.jdbc", "io.micronaut.data.runtime.mapper", "com.zaxxer.hikari")),
    ("the rest of Broadsheet (assembling items, caches, the write of a first-after-write)", ("io.broadsheet",)),
    ("HTTP (Netty, Micronaut's route)", ("io.netty", "io.micronaut.http")),
)


def main():
    rules = RENDER_RULES if "--render" in sys.argv[2:] else RULES
    shares, n = Counter(), 0
    for stack in samples(sys.argv[1]):
        n += 1
        label = next((label for label, parts in rules if any(p in f for f in stack for p in parts)),
                     "other: " + ".".join(stack[0].split(".")[:3]) if stack else "other")
        shares[label if not label.startswith("other: ") else "other"] += 1
    print(f"{n} samples\n\n| share | samples | what the stack is doing |\n| ---: | ---: | --- |")
    for label, count in shares.most_common():
        print(f"| {100 * count / n:.1f} % | {count} | {label} |")


if __name__ == "__main__":
    main()
