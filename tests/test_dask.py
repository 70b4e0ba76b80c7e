"""Analysis on a Dask distributed cluster (scheduler and workers on 127.0.0.1).

The cluster result must be byte-identical to the local one: the same pure function on the
same articles, put back in article order, whatever order the batches finish in.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.analyse import analyse_corpus, load_context
from generator.cache import AnalysisCache
from generator.corpus import load_corpus
from generator.dask_engine import DaskMapper, DaskUnavailable, mapper_for
from generator.serialize import to_jsonable
from generator.settings import ConfigError, load_settings

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [pytest.mark.network, pytest.mark.xdist_group("dask")]


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes and a scheduler, all on loopback."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=40,
    ) as c:
        yield c


@pytest.fixture(scope="module")
def seeds():
    articles, problems = load_corpus(ROOT / "seeds")
    assert not problems
    return articles


def _dump(result) -> str:
    return json.dumps([to_jsonable(a) for a in result.analyses], ensure_ascii=False)


def test_cluster_analysis_is_byte_identical_to_local(cluster, seeds):
    settings = load_settings(ROOT / "digest.yml")
    ctx = load_context(settings)
    local = analyse_corpus(seeds, ctx, workers=1)
    # batch_size=2 over 5 articles: three tasks on two workers, finishing in any order
    remote = analyse_corpus(
        seeds, ctx, workers=1, mapper=DaskMapper(cluster.scheduler_address, batch_size=2)
    )
    assert remote.misses == len(seeds)
    assert _dump(remote) == _dump(local)


def test_cluster_uses_and_fills_a_url_cache(cluster, seeds):
    """A cache behind an fsspec URL: the first run fills it, the second analyses nothing."""
    settings = load_settings(ROOT / "digest.yml")
    ctx = load_context(settings)
    cache = AnalysisCache("memory://digest-test-cache")
    mapper = DaskMapper(cluster.scheduler_address, batch_size=3)
    first = analyse_corpus(seeds, ctx, cache=cache, mapper=mapper)
    second = analyse_corpus(seeds, ctx, cache=cache, mapper=mapper)
    assert (first.misses, second.misses, second.hits) == (len(seeds), 0, len(seeds))
    assert len(cache) == len(seeds)
    assert _dump(first) == _dump(second)


def test_analyze_command_on_the_cluster_matches_local(cluster, tmp_path):
    paths = sorted(str(p) for p in (ROOT / "seeds").glob("*.md"))
    base = [sys.executable, "-m", "generator", "analyze", "--json", "--no-cache", *paths]
    env_cwd = {"cwd": ROOT, "capture_output": True, "text": True, "timeout": 300}
    local = subprocess.run(base, **env_cwd)
    remote = subprocess.run([*base, "--dask", cluster.scheduler_address], **env_cwd)
    assert local.returncode == 0, local.stderr
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout
    assert len(remote.stdout.splitlines()) == len(paths)


def test_unreachable_scheduler_is_an_environment_error(seeds):
    settings = load_settings(ROOT / "digest.yml")
    ctx = load_context(settings)
    mapper = DaskMapper("tcp://127.0.0.1:9", batch_size=2, connect_timeout=2)
    with pytest.raises(DaskUnavailable, match=r"127\.0\.0\.1:9"):
        analyse_corpus(seeds[:1], ctx, mapper=mapper)


def test_dask_setting_is_validated(tmp_path):
    cfg = tmp_path / "digest.yml"
    cfg.write_text("analysis:\n  dask: 10.0.0.5:8786\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"analysis\.dask"):
        load_settings(cfg)
    cfg.write_text("analysis:\n  dask: tcp://127.0.0.1:8786\n  batch_size: 16\n")
    mapper = mapper_for(load_settings(cfg))
    assert mapper == DaskMapper("tcp://127.0.0.1:8786", batch_size=16)
    assert mapper_for(load_settings(ROOT / "digest.yml")) is None
