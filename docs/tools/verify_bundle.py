#!/usr/bin/env python3
"""Re-verify a Spine Console audit bundle (format 2) without Spine Console.

Checks what docs/audit-bundles.md defines: the exporter's Ed25519 signature over manifest.json,
the hash chain over every line of events.ndjson, the feed's signed checkpoints against that chain
(the one at last_seq decides), the files' sha256, and whether both keys are ones you trust.
It also checks that the zip holds nothing but its entries (so every zip tool shows the same files).
It does not re-render report.html (that needs the product's fold); `bundle verify` does.

Usage: verify_bundle.py BUNDLE --trust SHA256:... [--trust SHA256:...]
Exit: 0 VERIFIED, 3 NOT TRUSTED, 1 FAILED.  Needs: python3, the `cryptography` package.
"""
import argparse, base64, binascii, hashlib, json, sys, unicodedata, zipfile
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.exceptions import InvalidSignature


def fingerprint(raw):
    return "SHA256:" + base64.b64encode(hashlib.sha256(raw).digest()).decode()


def b64(text):
    """Base64 as Java decodes it: the padding may be left out, nothing else is tolerated."""
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def printable(text):
    """A value from the bundle made safe for a terminal: control and format characters become '?'."""
    return "".join("?" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in str(text))


def whole(value):
    """A count or seq: a JSON integer (not text, a fraction or a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2 ** 63


def key(alg, public_key_b64, claimed_fingerprint, what):
    raw = b64(public_key_b64)
    if alg != "Ed25519" or len(raw) != 32:
        fail(f"{what}: not an Ed25519 key")
    if fingerprint(raw).rstrip("=") != claimed_fingerprint.rstrip("="):
        fail(f"{what}: its fingerprint is not its key's")
    return raw, Ed25519PublicKey.from_public_bytes(raw)


def fail(why):
    print("FAILED: " + printable(why))
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle")
    ap.add_argument("--trust", action="append", default=[])
    args = ap.parse_args()
    try:
        verify(args)
    except (KeyError, TypeError, ValueError, AttributeError, binascii.Error, zipfile.BadZipFile) as e:
        # A missing field, a value of the wrong type, bad base64 or JSON, a broken zip: the bundle is not one.
        fail(f"the bundle is malformed ({type(e).__name__}: {e})")


def layout(path, z):
    """The zip is exactly its entries, back to back from byte 0, then the central directory, then the
    end record: a tool that streams local headers then sees the same files as this one."""
    import os, struct
    with open(path, "rb") as f:
        data_end = 0
        for info in sorted(z.infolist(), key=lambda i: i.header_offset):
            if info.header_offset != data_end:
                fail(f"bundle: bytes the central directory does not account for before {info.filename}")
            f.seek(info.header_offset)
            header = f.read(30)
            sig, _, flags, method, _, _, crc, csize, usize, nlen, elen = struct.unpack("<IHHHHHIIIHH", header)
            name = f.read(nlen)
            if sig != 0x04034b50 or name != info.filename.encode("utf-8") or flags != info.flag_bits or method != info.compress_type:
                fail(f"bundle: {info.filename}: its local header and the central directory disagree")
            data_end = info.header_offset + 30 + nlen + elen + info.compress_size
            if flags & 0x08:
                f.seek(data_end)
                descriptor = f.read(16)
                data_end += 16 if descriptor[:4] == b"PK\x07\x08" else 12
            elif (crc, csize, usize) != (info.CRC, info.compress_size, info.file_size):
                fail(f"bundle: {info.filename}: its local header and the central directory disagree on its size")
        if data_end != z.start_dir or os.path.getsize(path) != z.start_dir + sum(
                46 + len(i.filename.encode("utf-8")) + len(i.extra) + len(i.comment) for i in z.infolist()) + 22:
            fail("bundle: bytes the central directory does not account for (after the entries, or after the end record)")


def verify(args):
    z = zipfile.ZipFile(args.bundle)
    layout(args.bundle, z)
    names = z.namelist()
    if sorted(names) != sorted(["manifest.json", "events.ndjson", "report.html", "lineage.png", "signature"]):
        fail("the bundle must hold exactly its five entries, each once: " + ", ".join(names))
    manifest_bytes = z.read("manifest.json")
    sig = json.loads(z.read("signature"))
    exporter_raw, exporter = key(sig["algorithm"], sig["public_key"], sig["fingerprint"], "signature")
    try:
        exporter.verify(b64(sig["signature"]), manifest_bytes)
    except InvalidSignature:
        fail("signature: does not verify against manifest.json")
    m = json.loads(manifest_bytes)
    if m["format"] != "spine-console-audit-bundle" or m["version"] != 2:
        fail("manifest.json: not a format 2 bundle")
    fk = m["feed_key"]
    feed_raw, feed = key(fk["alg"], fk["public_key"], fk["fingerprint"], "feed_key")
    checkpoints = {c["seq"]: c for c in m["feed_checkpoints"]}
    last_seq = m["last_seq"]
    if not whole(last_seq) or not all(whole(s) for s in checkpoints):
        fail("manifest.json: last_seq and each checkpoint's seq must be JSON integers")
    if fk["fingerprint"].rstrip("=") == sig["fingerprint"].rstrip("="):
        fail("the feed key is the exporter's own key: the checkpoints were signed by whoever made the bundle")
    if last_seq not in checkpoints:
        fail(f"no feed checkpoint at the last seq {last_seq}")
    last = checkpoints[last_seq]
    signed = f"spine-feed-checkpoint/1\n{last['feed_id']}\n{last['seq']}\n{last['chain']}\n{last['at']}".encode()
    try:
        feed.verify(b64(last["signature"]), signed)
    except InvalidSignature:
        fail(f"the checkpoint at seq {last_seq} is not signed by the feed key")
    if last["feed_id"] != m["feed"]["feed_id"]:
        fail("the checkpoint is of another feed")

    chain, seq, checked = "0" * 64, 0, 0
    for n, line in enumerate(z.read("events.ndjson").decode("utf-8").splitlines(), start=1):
        prefix, infix = '{"chain":"', '","event":'
        if not (line.startswith(prefix) and line[74:74 + len(infix)] == infix and line.endswith("}")):
            fail(f"events.ndjson line {n}: not a bundle line")
        stored, event = line[10:74], line[74 + len(infix):-1]
        seq += 1
        if json.loads(event)["seq"] != seq:
            fail(f"events.ndjson line {n}: seq out of order")
        # The event text is the canonical JSON the feed chained: hash it exactly as it stands.
        chain = hashlib.sha256((chain + "\n" + event).encode("utf-8")).hexdigest()
        if chain != stored:
            fail(f"events.ndjson line {n} (seq {seq}): its hash does not chain from the line before")
        if seq in checkpoints:
            if checkpoints[seq]["chain"] != chain:
                fail(f"events.ndjson seq {checked + 1}-{seq}: the chain at seq {seq} is not the one the feed signed")
            checked = seq
    if seq != last_seq or chain != m["chain"]["head"]:
        fail("events.ndjson: truncated, extended or rewritten (count or chain head differs from the manifest)")
    for name in ("report.html", "lineage.png", "events.ndjson"):
        if hashlib.sha256(z.read(name)).hexdigest() != m["files"][name]:
            fail(f"{name}: sha256 differs from the signed manifest")

    trusted = {t.rstrip("=") for t in args.trust}
    missing = [f"{what} {fp}" for what, fp in (("feed key", fk["fingerprint"]), ("exporter key", sig["fingerprint"]))
               if fp.rstrip("=") not in trusted]
    if missing:
        print("NOT TRUSTED: intact, but " + " and ".join(missing) + " not trusted")
        sys.exit(3)
    print(f"VERIFIED: {seq} events; chain matches the checkpoint feed key {fk['fingerprint']} signed at seq {last_seq}; "
          f"exported by {sig['fingerprint']}")


if __name__ == "__main__":
    main()
