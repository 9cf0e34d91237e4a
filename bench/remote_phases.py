"""Where the time and memory of `kg load --store URL` go, request by request, at growing scale.

For each --scale: the synthetic graph of bench/generate.py in a project root with the real
ontology/ and shapes/, a fresh `oxigraph serve`, then `kg load --store URL` run in this process
(the real command, through kg.cli) with every HTTP request of the remote store timed: the staging
upload(s), the one publishing update, the staging drop, the bookkeeping queries. The Oxigraph
server's resident memory is sampled every half second, so the peak during each request is known.
One JSON line per request and a summary per scale go to stdout.

    nice -n 19 timeout 3600 python bench/remote_phases.py --scale 0.1 --scale 0.3
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402
from bench.engines import RssSampler, free_port, stop  # noqa: E402
from bench.run import oxigraph_cli, serve_oxigraph  # noqa: E402
from kg.store import remote  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, action="append", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, help="default: a temporary folder, removed afterwards")
    args = parser.parse_args(argv)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-remote-phases-"))
    try:
        for scale in args.scale:
            print(json.dumps(measure(work / f"scale-{scale:g}", scale, args.seed)), flush=True)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def measure(work: Path, scale: float, seed: int) -> dict:
    shutil.rmtree(work, ignore_errors=True)
    root = work / "root"
    (root / "data").mkdir(parents=True)
    for folder in ("ontology", "shapes"):
        (root / folder).symlink_to(ROOT / folder, target_is_directory=True)
    synthetic = generate.generate(root / "data" / "synthetic.nt", scale, seed)
    port = free_port()
    server = serve_oxigraph(oxigraph_cli(), work / "server", port, work / "oxigraph.log", None)
    requests: list[dict] = []
    original = remote.RemoteStore._request

    def timed(self, url, *, data=None, method="GET", headers=None, timeout=remote.WRITE_TIMEOUT,
              what="request"):
        size = len(data) if isinstance(data, bytes) else int((headers or {}).get("Content-Length", 0))
        kind = what
        if what == "update":
            text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else ""
            kind = "update: staging drop" if text.lstrip().startswith("DROP SILENT") else "update: publish"
            (work / f"{len(requests):02d}-update.rq").write_text(text, encoding="utf-8")
        with RssSampler([server.pid]) as rss:
            started = time.perf_counter()
            try:
                return original(self, url, data=data, method=method, headers=headers, timeout=timeout,
                                what=what)
            finally:
                entry = {"scale": scale, "request": kind, "path": url.split("//", 1)[-1].split("/", 1)[-1][:60],
                         "body_bytes": size, "seconds": round(time.perf_counter() - started, 2),
                         "server_peak_rss_mb": round(rss.peak / 1e6)}
                requests.append(entry)
                print(json.dumps(entry), flush=True)

    from kg.cli import main as kg_main
    remote.RemoteStore._request = timed
    started = time.perf_counter()
    try:
        with RssSampler([server.pid]) as whole:
            try:
                kg_main(["load", "--store", f"http://127.0.0.1:{port}/query", "--state-dir",
                         str(work / "state"), "--root", str(root)], standalone_mode=False)
            except SystemExit as exc:
                if exc.code:
                    raise
    finally:
        remote.RemoteStore._request = original
        stop(server)
    total = time.perf_counter() - started
    by_kind: dict[str, float] = {}
    for entry in requests:
        by_kind[entry["request"]] = round(by_kind.get(entry["request"], 0) + entry["seconds"], 2)
    return {"scale": scale, "synthetic_triples": synthetic, "total_seconds": round(total, 1),
            "seconds_by_request": by_kind,
            "outside_requests_seconds": round(total - sum(e["seconds"] for e in requests), 1),
            "server_peak_rss_mb": round(whole.peak / 1e6)}


if __name__ == "__main__":
    sys.exit(main())
