"""Benchmark: precision of the duplicate candidates on demo data, and the search's time.

    python3 benchmarks/bench_duplicates.py [--orgs N] [--plant K] [--runs R]

The demo generator makes no duplicates: every record has its own name key (``demo.generate``
skips a name whose key is taken) and its own random 代表者, 住所 and 電話, so every pair it is
offered is two different groups. Real pairs are planted in a copy of the demo folder: for K
random records one more record of the same group, the ways a group comes in twice (a typo in
the name with only the name and phone entered; the 法人格 written into the name; the name's
ending changed with the same phone, 代表者 and 住所; a typo with a new 代表者 and the same
phone). A pair counts as real exactly when it is a planted record and its original.

Both rules run on the same copy, alternating: "before" offers every pair the reasons find
(``duplicates.offered`` always true, as before issue 10), "after" is the current rule.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _data import demo_folder, spread

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.services import duplicates
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

TYPOS = {"ー": "一", "ン": "ソ", "シ": "ツ", "の": "ノ", "会": "曾", "ク": "タ"}


def _typo(name: str, rng: random.Random) -> str:
    spots = [i for i, ch in enumerate(name) if ch in TYPOS]
    if not spots:
        i = rng.randrange(1, len(name))
        return name[:i] + name[i + 1 :]  # a character left out
    i = rng.choice(spots)
    return name[:i] + TYPOS[name[i]] + name[i + 1 :]


def plant(ws: Workspace, count: int, seed: int = 7) -> set[frozenset[str]]:
    """Add ``count`` second records of existing groups; returns the real pairs."""
    svc = OrganizationService(ws)
    rng = random.Random(seed)
    ids = sorted(i for i, _ in svc.search(""))
    real = set()
    for n, org_id in enumerate(rng.sample(ids, count)):
        d = svc.get(org_id).data
        kind = n % 4
        if kind == 0:  # entered again from a list: a typo, the name and the phone only
            twin = OrganizationInput(
                name=_typo(d.name, rng), municipality_code=d.municipality_code, phone=d.phone
            )
        elif kind == 1:  # the 法人格 written into the name, nothing else
            twin = OrganizationInput(name=f"NPO法人{d.name}", municipality_code=d.municipality_code)
        elif kind == 2:  # the name's ending changed: same phone, 代表者 and 住所
            twin = OrganizationInput(
                name=d.name[:-1] + "会",
                municipality_code=d.municipality_code,
                phone=d.phone,
                representative=d.representative,
                address=d.address,
            )
        else:  # a typo and a new 代表者, the same phone
            twin = OrganizationInput(
                name=_typo(d.name, rng),
                municipality_code=d.municipality_code,
                phone=d.phone,
                representative="新代表 太郎",
                address=d.address,
            )
        real.add(frozenset((org_id, svc.create(twin, allow_duplicate=True))))
    return real


def measure(ws: Workspace, real: set[frozenset[str]], before: bool) -> tuple[float, int, int]:
    """(seconds, pairs offered, real pairs among them)."""
    patch = mock.patch.object(duplicates, "offered", lambda *_a: True) if before else mock.MagicMock()
    with patch:
        start = time.perf_counter()
        pairs = duplicates.find_candidates(ws)
        seconds = time.perf_counter() - start
    found = {frozenset((p.first_id, p.second_id)) for p in pairs}
    return seconds, len(found), len(found & real)


def main() -> None:
    """Print precision and recall, before and after, and the search times."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--plant", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kyodo-bench-dups-"))
    try:
        shutil.copytree(demo_folder(args.orgs), work / "data")
        with Workspace.open(work / "data", write=True) as ws:
            for planted in (0, args.plant):
                real = plant(ws, planted) if planted else set()
                times: dict[bool, list[float]] = {True: [], False: []}
                counts = {}
                for _ in range(args.runs):
                    for before in (True, False):
                        seconds, offered, hits = measure(ws, real, before)
                        times[before].append(seconds)
                        counts[before] = (offered, hits)
                for before in (True, False):
                    offered, hits = counts[before]
                    precision = f"{hits / offered:.0%}" if offered else "—"
                    recall = f"{hits / len(real):.0%}" if real else "—"
                    print(
                        f"{args.orgs:,} demo + {planted} planted, {'before' if before else 'after '}:"
                        f" {offered:,} pairs, {hits} real, precision {precision}, recall {recall},"
                        f" search {spread(times[before])}"
                    )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
