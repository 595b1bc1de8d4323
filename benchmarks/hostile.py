"""A generated corpus of broken inputs, each read in a child process with time and memory limits.

    .venv/bin/python benchmarks/hostile.py [--per-format 100] [--seconds 60] [--memory-mb 1500]
        [--analyze] [--seed 1] [--keep DIR]

For each format (jsonl, csv, html, feed, warc, text, gzip, encodings, sizes) it writes
`--per-format` files: a plausible file of that format, then damaged (cut short, bytes
flipped or inserted, pieces repeated, re-encoded, gzipped and cut), plus, under
``sizes``, the large and pathological ones issue 14 lists (a 5 MB one-line text, a CSV
with a 20 MB field, a 30 MB JSONL line, a gzip bomb, NUL bytes, nesting 100,000 deep, a
WARC of bombs, a 1 MB article). Every file is read by `newsprobe.ingest.read` (and, with
``--analyze``, analysed by the full pipeline) in a process forked from one that already
loaded everything, under ``RLIMIT_AS`` and a wall-clock limit, and counted as:

- ``ok``: it gave at least one article and nothing else went wrong;
- ``clean``: only `IngestError`s (yielded or raised): one clear line, the intended outcome
  for a broken file;
- ``crash``: any other exception, or the process died;
- ``hang``: still running after `--seconds`;
- ``memory``: MemoryError, or the address-space limit hit.

Prints one row per format and the first crashes, hangs and memory failures with their
files (kept with ``--keep``). Fetches are answered 404 without a network. "peak MB" is
the forked child's resident high-water mark as the kernel reports it (``wait4``): it
counts what the child touched or copied, not the parent's pages it only shared, so it
reads lower than the same work in a fresh process; `long_articles.py` measures that.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import resource
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

FORMATS = ("jsonl", "csv", "html", "feed", "warc", "text", "gzip", "encodings", "sizes")
OUTCOMES = ("ok", "clean", "crash", "hang", "memory")
_EXIT = {"ok": 0, "clean": 10, "crash": 20, "memory": 30}
_WORDS = (
    'The Harbour Line said fares rise 4% on Monday . " , ; مرحبا 👩‍🚀 \u202e '
    "Ana Ruiz told reporters 1,200 passengers may be affected by 2027 ."
).split(" ")


def _prose(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words))


# --- plausible files ------------------------------------------------------------------


def _jsonl(rng: random.Random) -> bytes:
    lines = []
    for i in range(rng.randint(1, 8)):
        record: dict[str, Any] = {
            rng.choice(["title", "headline", "x"]): _prose(rng, 6),
            rng.choice(["text", "body", "content", "html"]): _prose(rng, rng.randint(0, 200)),
            rng.choice(["url", "link"]): f"https://wire.example/{i}",
            rng.choice(["date", "published"]): rng.choice(["2026-11-24", "yesterday", 17, None]),
            "authors": rng.choice([["Ana Ruiz"], "Tom Bell; Ilse Brandt", {"name": 3}]),
        }
        lines.append(json.dumps(record, ensure_ascii=rng.random() < 0.5))
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


def _csv(rng: random.Random) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=rng.choice(",;\t|"))
    writer.writerow(["title", "text", "url"][: rng.randint(1, 3)])
    for i in range(rng.randint(0, 8)):
        writer.writerow(
            [_prose(rng, 5), _prose(rng, rng.randint(0, 150)), f"https://w.example/{i}"]
        )
    return out.getvalue().encode("utf-8", "surrogatepass")


def _html(rng: random.Random) -> bytes:
    paragraphs = "".join(
        f"<p>{_prose(rng, rng.randint(5, 60))}</p>" for _ in range(rng.randint(0, 9))
    )
    charset = rng.choice(["utf-8", "cp1252", "utf-16", "nonsense", "shift_jis"])
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{_prose(rng, 5)}</title>'
        f"</head><body><nav>Home News</nav><article><h1>{_prose(rng, 6)}</h1>{paragraphs}"
        "</article><script>var x = '<p>';</script></body></html>"
    ).encode("utf-8", "surrogatepass")


def _feed(rng: random.Random) -> bytes:
    items = "".join(
        f"<item><title>{_prose(rng, 5)}</title><link>https://wire.example/{i}</link>"
        f"<description>{_prose(rng, rng.randint(3, 120))}</description>"
        f"<pubDate>{rng.choice(['Tue, 24 Nov 2026 09:30:00 +0100', 'soon', ''])}</pubDate></item>"
        for i in range(rng.randint(0, 5))
    )
    if rng.random() < 0.5:
        return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode(
            "utf-8", "surrogatepass"
        )
    entries = items.replace("<item>", "<entry>").replace("</item>", "</entry>")
    return f'<feed xmlns="http://www.w3.org/2005/Atom">{entries}</feed>'.encode(
        "utf-8", "surrogatepass"
    )


def _warc(rng: random.Random) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=rng.random() < 0.5)
    for number in range(rng.randint(0, 6)):
        page = _html(rng)
        headers = [
            ("Content-Type", rng.choice(["text/html", "text/html; charset=latin-1", "image/png"]))
        ]
        if rng.random() < 0.3:
            page = gzip.compress(page)
            headers.append(("Content-Encoding", rng.choice(["gzip", "br", "deflate"])))
        record = writer.create_warc_record(
            f"https://crawl.example/{number}",
            rng.choice(["response", "response", "request", "metadata"]),
            payload=io.BytesIO(page),
            length=len(page),
            http_headers=StatusAndHeaders(
                rng.choice(["200 OK", "404 Not Found", "200"]), headers, protocol="HTTP/1.1"
            ),
        )
        writer.write_record(record)
    return out.getvalue()


def _text(rng: random.Random) -> bytes:
    return f"{_prose(rng, 6)}\n\nBy Ana Ruiz\n\n{_prose(rng, rng.randint(0, 400))}".encode(
        "utf-8", "surrogatepass"
    )


_BUILDERS: dict[str, tuple[str, Callable[[random.Random], bytes]]] = {
    "jsonl": (".jsonl", _jsonl),
    "csv": (".csv", _csv),
    "html": (".html", _html),
    "feed": (".rss", _feed),
    "warc": (".warc", _warc),
    "text": (".txt", _text),
}


# --- damage -----------------------------------------------------------------------------


def _damage(rng: random.Random, data: bytes) -> bytes:
    how = rng.choice(["cut", "flip", "insert", "repeat", "as is", "cut", "flip"])
    if not data:
        return data
    if how == "cut":
        return data[: rng.randrange(len(data))]
    if how == "flip":
        out = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    if how == "insert":
        spot = rng.randrange(len(data))
        return data[:spot] + os.urandom(rng.randint(1, 200)) + data[spot:]
    if how == "repeat":
        start = rng.randrange(len(data))
        piece = data[start : start + rng.randint(1, 500)]
        return data[:start] + piece * rng.randint(2, 50) + data[start:]
    return data


def _encoded(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(
        ["utf-16", "utf-16-le", "utf-32", "cp1252", "shift_jis", "koi8-r", "utf-8-sig"]
    )
    return text.encode(encoding, "replace")


def _sizes() -> list[tuple[str, bytes | Callable[[Path], None]]]:
    """The large and pathological inputs of issue 14, as (file name, content or writer)."""

    def zeros_gz(path: Path) -> None:
        with gzip.open(path, "wb", compresslevel=1) as handle:
            block = bytes(1 << 20)
            for _ in range(300):  # 300 MB of zeros, about 300 KB compressed
                handle.write(block)

    def bomb_warc(path: Path) -> None:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        bomb = gzip.compress(b"<html><body>" + bytes(30 << 20))
        with path.open("wb") as handle:
            writer = WARCWriter(handle, gzip=True)
            for number in range(60):
                record = writer.create_warc_record(
                    f"https://bomb.example/{number}",
                    "response",
                    payload=io.BytesIO(bomb),
                    length=len(bomb),
                    http_headers=StatusAndHeaders(
                        "200 OK",
                        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                        protocol="HTTP/1.1",
                    ),
                )
                writer.write_record(record)

    line = "The ferry sailed on time and the port said so. "
    return [
        ("one-line-5mb.txt", (line * (5_000_000 // len(line))).encode()),
        ("one-line-5mb.html", ("<p>" + line * (5_000_000 // len(line)) + "</p>").encode()),
        ("over-cap-25mb.txt", (line * (25_000_000 // len(line))).encode()),
        (
            "field-20mb.csv",
            b"title,text\nBig," + (line * (20_000_000 // len(line))).encode() + b"\n",
        ),
        ("line-30mb.jsonl", b'{"text": "' + b"a" * 30_000_000 + b'"}\n{"text": "Short one."}\n'),
        ("zeros.jsonl", bytes(5 << 20)),
        ("zeros.csv", bytes(5 << 20)),
        ("zeros.txt.gz", zeros_gz),
        ("zeros.jsonl.gz", zeros_gz),
        ("deep.jsonl", b'{"text": "x"}\n' + b"[" * 100_000 + b"]" * 100_000 + b"\n"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000),
        ("bombs.warc.gz", bomb_warc),
        ("article-1mb.txt", b"Long story\n\n" + "\n\n".join([line * 20] * 1050).encode()),
    ]


def build_corpus(folder: Path, *, per_format: int, seed: int) -> list[tuple[str, Path]]:
    """Write the corpus into `folder`; returns (format, file) pairs."""
    rng = random.Random(seed)
    files: list[tuple[str, Path]] = []
    for fmt in FORMATS:
        if fmt == "sizes":
            for name, content in _sizes():
                path = folder / f"sizes-{name}"
                if isinstance(content, bytes):
                    path.write_bytes(content)
                else:
                    content(path)
                files.append((fmt, path))
            continue
        for number in range(per_format):
            if fmt in _BUILDERS:
                suffix, build = _BUILDERS[fmt]
                data = _damage(rng, build(rng))
            else:
                base = rng.choice(list(_BUILDERS))
                suffix, build = _BUILDERS[base]
                data = build(rng)
                if fmt == "gzip":
                    data = gzip.compress(_damage(rng, data) if rng.random() < 0.5 else data)
                    if rng.random() < 0.5:
                        data = data[: rng.randrange(max(1, len(data)))]
                    suffix += ".gz"
                else:
                    data = (
                        _damage(rng, _encoded(rng, data))
                        if rng.random() < 0.3
                        else _encoded(rng, data)
                    )
            path = folder / f"{fmt}-{number:04d}{suffix}"
            path.write_bytes(data)
            files.append((fmt, path))
    return files


# --- running ----------------------------------------------------------------------------


def _child(path: Path, pipeline: Any, report: int) -> int:
    import httpx

    from newsprobe.document import Article
    from newsprobe.errors import IngestError
    from newsprobe.ingest import IngestOptions, read

    transport = httpx.MockTransport(lambda request: httpx.Response(404))
    articles = 0
    try:
        items = read(
            path,
            IngestOptions(timeout=1.0),
            transport=transport,
            resolve=lambda h, p: ["93.184.216.34"],
        )
        for item in items:
            if isinstance(item, Article):
                articles += 1
                if pipeline is not None:
                    analysis = pipeline.analyze(item)
                    if analysis.errors:
                        os.write(
                            report, f"analyzer failed: {analysis.errors[0].message}"[:300].encode()
                        )
                        return _EXIT["crash"]
    except IngestError as exc:
        os.write(report, str(exc)[:300].encode())
        return _EXIT["clean"]
    except MemoryError:
        return _EXIT["memory"]
    except RecursionError as exc:
        os.write(report, f"RecursionError: {exc}"[:300].encode())
        return _EXIT["crash"]
    except Exception as exc:
        os.write(report, f"{type(exc).__name__}: {exc}"[:300].encode())
        return _EXIT["crash"]
    return _EXIT["ok"] if articles else _EXIT["clean"]


def run_one(path: Path, *, pipeline: Any, seconds: float, memory_mb: int) -> tuple[str, str, float]:
    """Read `path` in a forked child; returns (outcome, detail, peak MB)."""
    readable, writable = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: limits, the work, an exit code
        os.close(readable)
        code = _EXIT["crash"]
        try:
            with open("/proc/self/statm") as handle:
                size = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
            limit = size + memory_mb * (1 << 20)
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            code = _child(path, pipeline, writable)
        except MemoryError:
            code = _EXIT["memory"]
        finally:
            os._exit(code)
    os.close(writable)
    deadline = time.monotonic() + seconds
    hung = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            _, status, usage = os.wait4(pid, 0)
            hung = True
            break
        time.sleep(0.02)
    with os.fdopen(readable, "rb") as handle:
        detail = handle.read().decode("utf-8", "replace")
    peak = usage.ru_maxrss / 1024
    if hung:
        return "hang", f"still running after {seconds:g} s", peak
    if os.WIFSIGNALED(status):
        return "crash", f"killed by signal {os.WTERMSIG(status)}", peak
    code = os.WEXITSTATUS(status)
    outcome = {v: k for k, v in _EXIT.items()}.get(code, "crash")
    return outcome, detail or f"exit {code}", peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-format", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--memory-mb", type=int, default=1500, help="budget over the loaded parent")
    parser.add_argument("--analyze", action="store_true", help="also analyse every article")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()

    import newsprobe.ingest  # noqa: F401 - loaded once, before the forks
    from newsprobe.nlp.language import detect_language

    detect_language("Warm up the language detector once before forking.")
    pipeline = None
    if args.analyze:
        from newsprobe.analyzers.pipeline import Pipeline
        from newsprobe.document import Article

        pipeline = Pipeline()
        pipeline.analyze(Article.create(headline="Warm up", body="Warm up the pipeline once."))

    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsprobe-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    wanted = set(args.formats.split(","))
    try:
        files = [
            f
            for f in build_corpus(folder, per_format=args.per_format, seed=args.seed)
            if f[0] in wanted
        ]
        counts: dict[str, Counter[str]] = {fmt: Counter() for fmt in FORMATS if fmt in wanted}
        peaks: dict[str, float] = dict.fromkeys(counts, 0.0)
        bad: list[str] = []
        started = time.monotonic()
        for fmt, path in files:
            outcome, detail, peak = run_one(
                path, pipeline=pipeline, seconds=args.seconds, memory_mb=args.memory_mb
            )
            counts[fmt][outcome] += 1
            peaks[fmt] = max(peaks[fmt], peak)
            if outcome in ("crash", "hang", "memory"):
                bad.append(f"{outcome:>6}  {path.name}: {detail}")
        mode = "ingest + analysis" if args.analyze else "ingest"
        print(
            f"{len(files)} files, {mode}, {time.monotonic() - started:.0f} s; limits "
            f"{args.seconds:g} s and {args.memory_mb} MB over the parent"
        )
        print(f"{'format':>10} " + " ".join(f"{o:>7}" for o in OUTCOMES) + f" {'peak MB':>8}")
        for fmt, got in counts.items():
            print(
                f"{fmt:>10} " + " ".join(f"{got[o]:>7}" for o in OUTCOMES) + f" {peaks[fmt]:>8.0f}"
            )
        total = sum(counts.values(), Counter())
        print(
            f"{'all':>10} "
            + " ".join(f"{total[o]:>7}" for o in OUTCOMES)
            + f" {max(peaks.values(), default=0):>8.0f}"
        )
        for line in bad[:30]:
            print(line)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
