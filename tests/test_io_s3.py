"""Inputs and --output-dir as s3:// URLs, against a real S3 API: moto's server on loopback."""

from __future__ import annotations

import json
import os
import socket

import pytest
from cli_support import messy_dump, scrapeclean

pytest.importorskip("s3fs", reason="S3 URLs need s3fs (pip install 'scrapeclean[s3]')")
moto_server = pytest.importorskip("moto.server", reason="the S3 tests need moto's server (pip install 'moto[server]')")

BUCKET = "corpus"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    settings = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_ENDPOINT_URL": endpoint,  # read by botocore, so s3fs in a child process finds the server too
    }
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    import s3fs

    s3fs.S3FileSystem.clear_instance_cache()
    fs = s3fs.S3FileSystem(endpoint_url=endpoint)
    fs.mkdir(BUCKET)
    yield fs
    server.stop()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def _put(fs, key: str, data: bytes) -> None:
    with fs.open(f"{BUCKET}/{key}", "wb") as handle:
        handle.write(data)


def test_read_corpus_walks_a_bucket_prefix(s3_endpoint):
    import gzip

    from scrapeclean import read_corpus

    records = [{"id": f"r{n}", "text": messy_dump()} for n in range(3)]
    _put(s3_endpoint, "in/b.jsonl.gz", gzip.compress("".join(json.dumps(r) + "\n" for r in records[1:]).encode()))
    _put(s3_endpoint, "in/a.jsonl", (json.dumps(records[0]) + "\n").encode())
    _put(s3_endpoint, "in/page.txt", messy_dump().encode())
    found = [(record.id, record.relative) for record in read_corpus(f"s3://{BUCKET}/in")]
    assert found == [
        ("r0", "a.jsonl"),
        ("r1", "b.jsonl.gz"),
        ("r2", "b.jsonl.gz"),
        (f"s3://{BUCKET}/in/page.txt", "page.txt"),
    ]


def test_clean_reads_and_writes_s3_like_local_files(s3_endpoint, tmp_path):
    _put(s3_endpoint, "run/x/one.txt", messy_dump().encode())
    _put(s3_endpoint, "run/x/two.jsonl", (json.dumps({"id": "t/1", "text": messy_dump()}) + "\n").encode())
    local = tmp_path / "x"
    local.mkdir()
    (local / "one.txt").write_text(messy_dump())
    (local / "two.jsonl").write_text(json.dumps({"id": "t/1", "text": messy_dump()}) + "\n")

    remote_out = f"s3://{BUCKET}/out"
    result = scrapeclean("clean", "--no-config", "-q", f"s3://{BUCKET}/run/x", "--output-dir", remote_out)
    assert result.returncode == 0, result.stderr.decode()
    scrapeclean("clean", "--no-config", "-q", str(local), "--output-dir", str(tmp_path / "out"))
    expected = sorted(
        str(path.relative_to(tmp_path / "out")) for path in (tmp_path / "out").rglob("*") if path.is_file()
    )
    written = sorted(key.split("/out/", 1)[1] for key in s3_endpoint.find(f"{BUCKET}/out"))
    assert written == expected == ["one.txt", "two/t_1-6917d230.txt"]
    for name in expected:
        assert s3_endpoint.cat(f"{BUCKET}/out/{name}") == (tmp_path / "out" / name).read_bytes()


def test_a_missing_object_is_a_usage_error(s3_endpoint):
    result = scrapeclean("clean", "--no-config", f"s3://{BUCKET}/nothing-here.txt")
    assert result.returncode == 2 and b"no such file" in result.stderr


def test_an_output_url_makes_no_local_folder(s3_endpoint, tmp_path):
    (tmp_path / "page.txt").write_text(messy_dump())
    result = scrapeclean(
        "clean", "--no-config", "-q", "page.txt", "--output-dir", f"s3://{BUCKET}/made", cwd=tmp_path
    )
    assert result.returncode == 0, result.err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["page.txt"]
    assert s3_endpoint.find(f"{BUCKET}/made") == [f"{BUCKET}/made/page.txt"]


@pytest.mark.parametrize(
    ("env", "cause"),
    [
        ({}, "no such bucket"),  # the request reaches the server, which refuses it
        (  # no credentials at all: botocore refuses before sending anything
            {
                "AWS_ACCESS_KEY_ID": "",
                "AWS_SECRET_ACCESS_KEY": "",
                "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
                "AWS_CONFIG_FILE": "/nonexistent",
                "AWS_EC2_METADATA_DISABLED": "true",
            },
            "Credentials",
        ),
    ],
)
def test_a_store_that_refuses_gives_a_message_not_a_traceback(s3_endpoint, tmp_path, env, cause):
    (tmp_path / "page.txt").write_text(messy_dump())
    bucket = "no-such-bucket" if not env else BUCKET
    for args in (["--output-dir", f"s3://{bucket}/out"], ["--by-file", "--output-dir", f"s3://{bucket}/out"]):
        result = scrapeclean("clean", "--no-config", "-q", "page.txt", *args, cwd=tmp_path, env=env)
        assert result.returncode != 0
        assert "Traceback" not in result.err and f"s3://{bucket}/out" in result.err and cause in result.err
        assert sorted(path.name for path in tmp_path.iterdir()) == ["page.txt"]
    read = scrapeclean("clean", "--no-config", "-q", f"s3://{bucket}/in/page.txt", cwd=tmp_path, env=env)
    assert read.returncode == 2 and "Traceback" not in read.err
