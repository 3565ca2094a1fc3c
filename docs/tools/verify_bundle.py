#!/usr/bin/env python3
"""Re-verify a Spine Console audit bundle (format 2) without Spine Console.

Checks what docs/audit-bundles.md defines: the exporter's Ed25519 signature over manifest.json,
the hash chain over every line of events.ndjson, the feed's signed checkpoints against that chain
(the one at last_seq decides), the files' sha256, and whether both keys are ones you trust.
It does not re-render report.html (that needs the product's fold); `bundle verify` does.

Usage: verify_bundle.py BUNDLE --trust SHA256:... [--trust SHA256:...]
Exit: 0 VERIFIED, 3 NOT TRUSTED, 1 FAILED.  Needs: python3, the `cryptography` package.
"""
import argparse, base64, hashlib, json, sys, zipfile
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.exceptions import InvalidSignature


def fingerprint(raw):
    return "SHA256:" + base64.b64encode(hashlib.sha256(raw).digest()).decode()


def key(alg, public_key_b64, claimed_fingerprint, what):
    raw = base64.b64decode(public_key_b64)
    if alg != "Ed25519" or len(raw) != 32:
        fail(f"{what}: not an Ed25519 key")
    if fingerprint(raw).rstrip("=") != claimed_fingerprint.rstrip("="):
        fail(f"{what}: its fingerprint is not its key's")
    return raw, Ed25519PublicKey.from_public_bytes(raw)


def fail(why):
    print("FAILED: " + why)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle")
    ap.add_argument("--trust", action="append", default=[])
    args = ap.parse_args()
    z = zipfile.ZipFile(args.bundle)
    names = z.namelist()
    if sorted(names) != sorted(["manifest.json", "events.ndjson", "report.html", "lineage.png", "signature"]):
        fail("the bundle must hold exactly its five entries, each once: " + ", ".join(names))
    manifest_bytes = z.read("manifest.json")
    sig = json.loads(z.read("signature"))
    exporter_raw, exporter = key(sig["algorithm"], sig["public_key"], sig["fingerprint"], "signature")
    try:
        exporter.verify(base64.b64decode(sig["signature"]), manifest_bytes)
    except InvalidSignature:
        fail("signature: does not verify against manifest.json")
    m = json.loads(manifest_bytes)
    if m["format"] != "spine-console-audit-bundle" or m["version"] != 2:
        fail("manifest.json: not a format 2 bundle")
    fk = m["feed_key"]
    feed_raw, feed = key(fk["alg"], fk["public_key"], fk["fingerprint"], "feed_key")
    checkpoints = {c["seq"]: c for c in m["feed_checkpoints"]}
    last_seq = m["last_seq"]
    if fk["fingerprint"].rstrip("=") == sig["fingerprint"].rstrip("="):
        fail("the feed key is the exporter's own key: the checkpoints were signed by whoever made the bundle")
    if last_seq not in checkpoints:
        fail(f"no feed checkpoint at the last seq {last_seq}")
    last = checkpoints[last_seq]
    signed = f"spine-feed-checkpoint/1\n{last['feed_id']}\n{last['seq']}\n{last['chain']}\n{last['at']}".encode()
    try:
        feed.verify(base64.b64decode(last["signature"]), signed)
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
