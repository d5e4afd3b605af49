"""Where the published snapshots of each source are found, and what each snapshot is.

Each source has `seeds/snapshots/<source>/SOURCE.yaml` (committed): the repository, path,
commit, commit date and retrieval date of the published file(s), and their sha256. The files
themselves are third-party data, byte for byte as published; they are looked up in order in
`BRIEFBOT_SNAPSHOTS` (a directory), `seeds/snapshots/<source>/`, and the workplace's shared
data directory (`shared/data/snapshots/<source>/` beside the repository). A file whose sha256
differs from SOURCE.yaml is refused: a snapshot is never edited by hand. A file stored with
`.gz` appended is the published file gzip-compressed (kept small); its sha256 is that of the
published (uncompressed) bytes.
"""
from __future__ import annotations

import gzip
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import yaml

def _seeds_dir() -> Path:
    from ingest.seed_files import DEFAULT_SEEDS_DIR  # one answer to "where are the seeds" (a package once installed)
    return Path(DEFAULT_SEEDS_DIR)


SEEDS_SNAPSHOTS = _seeds_dir() / "snapshots"


class SnapshotMissing(FileNotFoundError):
    pass


@dataclass(frozen=True)
class SnapshotInfo:
    source: str
    url: str
    repository: str
    commit: str
    commit_date: str
    retrieved: str
    files: dict[str, str]
    """published file path (relative to `path` root) -> sha256 of its bytes."""
    path: str

    @property
    def version(self) -> str:
        return f"{self.commit_date[:10]}@{self.commit[:12]}"


def info(source: str, root: Path = SEEDS_SNAPSHOTS) -> SnapshotInfo:
    meta = yaml.safe_load((root / source / "SOURCE.yaml").read_text(encoding="utf-8"))
    return SnapshotInfo(source=source, url=meta["url"], repository=meta["repository"], commit=str(meta["commit"]),
                        commit_date=str(meta["commit_date"]), retrieved=str(meta["retrieved"]),
                        files={str(k): str(v) for k, v in (meta.get("files") or {}).items()}, path=str(meta["path"]))


def search_dirs(source: str) -> list[Path]:
    dirs = []
    env = os.environ.get("BRIEFBOT_SNAPSHOTS")
    if env:
        dirs.append(Path(env) / source)
    dirs.append(SEEDS_SNAPSHOTS / source)
    repo = SEEDS_SNAPSHOTS.parent.parent
    for up in (repo.parent, repo.parent.parent, Path.cwd(), Path.cwd().parent, Path("/work")):
        dirs.append(up / "shared" / "data" / "snapshots" / source)
    return dirs


def read_files(source: str, root: Path = SEEDS_SNAPSHOTS) -> tuple[SnapshotInfo, dict[str, bytes]]:
    """The snapshot's files ({published path: bytes}), checked against SOURCE.yaml."""
    meta = info(source, root)
    for base in search_dirs(source):
        if not all((base / name).exists() or (base / (name + ".gz")).exists() for name in meta.files):
            continue
        out = {}
        for name, digest in meta.files.items():
            plain = base / name
            data = plain.read_bytes() if plain.exists() else gzip.decompress((base / (name + ".gz")).read_bytes())
            if hashlib.sha256(data).hexdigest() != digest:
                raise SnapshotMissing(f"{source}: {name} in {base} is not the published file (sha256 differs)")
            out[name] = data
        return meta, out
    raise SnapshotMissing(f"{source}: snapshot files not found (looked in BRIEFBOT_SNAPSHOTS, seeds/snapshots/{source}/, "
                          f"shared/data/snapshots/{source}/)")


def available(source: str) -> bool:
    try:
        read_files(source)
        return True
    except (SnapshotMissing, FileNotFoundError):
        return False
