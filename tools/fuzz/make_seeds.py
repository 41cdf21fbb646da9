#!/usr/bin/env python3
"""Builds the seed corpora for the fuzz targets from the real recordings.

    python3 tools/fuzz/make_seeds.py RECORDINGS_DIR OUT_DIR

writes OUT_DIR/asterix/ (inputs of fuzz-asterix: ASTERIX data blocks) and OUT_DIR/containers/
(inputs of fuzz-containers: one selector byte, then a recording file). Seeds:

- asterix: each raw file whole; each UDP payload of each pcap/pcapng datagram; each data block
  of each GPS file; each data block of each raw file; a few hand-made edge cases.
- containers: each recording whole (cut at --max-container bytes: the readers are exercised by
  the structure, and big seeds slow every execution), with the selector byte of its format, and
  the same file with every other format's selector, so each reader starts from real structure.

Standard library only; the recordings are never copied into the repository.
"""
import argparse
import hashlib
import os
import struct
import sys

FORMATS = ["raw", "pcap", "pcapng", "gps", "final"]  # selector byte % 5, as FuzzContainers.swift
GPS_HEADER, GPS_POSTFIX = 2200, 10


def container_format(path, data):
    magic = data[:4]
    if magic in (b"\xa1\xb2\xc3\xd4", b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\x3c\x4d", b"\x4d\x3c\xb2\xa1"):
        return "pcap"
    if magic == b"\x0a\x0d\x0d\x0a":
        return "pcapng"
    ext = path.rsplit(".", 1)[-1].lower()
    if ext == "gps":
        return "gps"
    if ext == "ff":
        return "final"
    return "raw"


def blocks(data, start=0):
    """ASTERIX data blocks back to back from `start`, stopping at the first bad LEN."""
    out, p = [], start
    while len(data) - p >= 3:
        n = struct.unpack(">H", data[p + 1:p + 3])[0]
        if n < 3 or p + n > len(data):
            break
        out.append(data[p:p + n])
        p += n
    return out


def gps_blocks(data):
    out, p = [], GPS_HEADER
    while len(data) - p >= 3:
        n = struct.unpack(">H", data[p + 1:p + 3])[0]
        if n < 3 or p + n + GPS_POSTFIX > len(data):
            break
        out.append(data[p:p + n])
        p += n + GPS_POSTFIX
    return out


def udp_payload(frame, link):
    """The UDP payload of an Ethernet II (link 1) / raw IPv4 (101, 228) / Linux SLL (113) frame
    carrying IPv4/UDP, or the bytes after an 802.3 LLC header; None otherwise."""
    if link == 1:
        if len(frame) < 14:
            return None
        p, ethertype = 14, struct.unpack(">H", frame[12:14])[0]
        while ethertype == 0x8100 and len(frame) >= p + 4:  # VLAN tags
            ethertype = struct.unpack(">H", frame[p + 2:p + 4])[0]
            p += 4
        if ethertype <= 1500:  # 802.3 length, LLC header, ASTERIX directly after
            return frame[p + 3:] if len(frame) > p + 3 else None
        if ethertype != 0x0800:
            return None
    elif link in (101, 228):
        p = 0
    elif link == 113:
        if len(frame) < 16 or struct.unpack(">H", frame[14:16])[0] != 0x0800:
            return None
        p = 16
    else:
        return None
    if len(frame) < p + 20 or frame[p] >> 4 != 4 or frame[p + 9] != 17:
        return None
    ihl = (frame[p] & 0x0F) * 4
    u = p + ihl
    if len(frame) < u + 8:
        return None
    length = struct.unpack(">H", frame[u + 4:u + 6])[0]
    return frame[u + 8:u + max(8, length)]


def pcap_packets(data):
    """(link type, captured frame) of each packet of a pcap file."""
    if len(data) < 24:
        return []
    magic = data[:4]
    order = "<" if magic in (b"\xd4\xc3\xb2\xa1", b"\x4d\x3c\xb2\xa1") else ">"
    link = struct.unpack(order + "I", data[20:24])[0] & 0xFFFF
    out, p = [], 24
    while len(data) - p >= 16:
        incl = struct.unpack(order + "I", data[p + 8:p + 12])[0]
        out.append((link, data[p + 16:p + 16 + incl]))
        p += 16 + incl
    return out


def pcap_frames(data):
    return [u for u in (udp_payload(f, link) for link, f in pcap_packets(data)) if u]


def make_pcapng(packets):
    """The packets of a pcap file as a little-endian pcapng file (the recordings have none)."""
    out = struct.pack("<IIIHHqI", 0x0A0D0D0A, 28, 0x1A2B3C4D, 1, 0, -1, 28)
    links = sorted({link for link, _ in packets})
    for link in links:
        out += struct.pack("<IIHHII", 1, 20, link, 0, 0, 20)
    for i, (link, frame) in enumerate(packets):
        pad = (4 - len(frame) % 4) % 4
        n = 32 + len(frame) + pad
        ts = 1_700_000_000_000_000 + i * 1000
        out += struct.pack("<IIIIIII", 6, n, links.index(link), ts >> 32, ts & 0xFFFFFFFF, len(frame), len(frame))
        out += frame + b"\0" * pad + struct.pack("<I", n)
    return out


def make_final(block_list):
    """Data blocks as a "final" recorder file, LEN counting the whole record (the recordings
    have none): LEN(2) board line day time(3, 10 ms) blocks A5A5A5A5."""
    out = b""
    for i, block in enumerate(block_list):
        t = 2_733_600 + i
        out += struct.pack(">HBBB", 8 + len(block) + 4, 1, 2, 0) + t.to_bytes(3, "big") + block + b"\xa5" * 4
    return out


def pcapng_frames(data):
    out, p, links, order = [], 0, [], "<"
    while len(data) - p >= 12:
        btype = data[p:p + 4]
        if btype == b"\x0a\x0d\x0d\x0a":
            order = "<" if data[p + 8:p + 12] == b"\x4d\x3c\x2b\x1a" else ">"
            links = []
        blen = struct.unpack(order + "I", data[p + 4:p + 8])[0]
        if blen < 12 or p + blen > len(data):
            break
        t = struct.unpack(order + "I", data[p:p + 4])[0]
        if t == 1:
            links.append(struct.unpack(order + "H", data[p + 8:p + 10])[0])
        elif t == 6 and blen >= 32:
            iface = struct.unpack(order + "I", data[p + 8:p + 12])[0]
            caplen = struct.unpack(order + "I", data[p + 20:p + 24])[0]
            link = links[iface] if iface < len(links) else 1
            payload = udp_payload(data[p + 28:p + 28 + caplen], link)
            if payload:
                out.append(payload)
        p += blen
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("recordings")
    ap.add_argument("out")
    ap.add_argument("--max-container", type=int, default=65536, help="cut container seeds to this many bytes")
    ap.add_argument("--max-block-seeds", type=int, default=400, help="at most this many block seeds per file")
    args = ap.parse_args()

    asterix_dir = os.path.join(args.out, "asterix")
    container_dir = os.path.join(args.out, "containers")
    os.makedirs(asterix_dir, exist_ok=True)
    os.makedirs(container_dir, exist_ok=True)
    seen = set()

    def put(folder, data):
        h = hashlib.sha1(data).hexdigest()
        if (folder, h) in seen or not data:
            return 0
        seen.add((folder, h))
        with open(os.path.join(folder, h), "wb") as f:
            f.write(data)
        return 1

    # Hand-made edges: empty, a bare header, LEN 0, LEN past the end, an FSPEC with every FX set.
    for data in (b"\x30", b"\x30\x00\x03", b"\x30\x00\x00", b"\x30\xff\xff\x00", b"\x30\x00\x0c" + b"\xff" * 9,
                 b"\x3e\x00\x05\x01\x00", b"\x22\x00\x06\x80\x19\x0b"):
        put(asterix_dir, data)

    counts = {"asterix": 0, "containers": 0}
    files = []
    for root, _, names in os.walk(args.recordings):
        for name in sorted(names):
            if name.lower().endswith((".md", ".txt")) or name.startswith(("LICENSE", "COPYING", "UPSTREAM")):
                continue
            files.append(os.path.join(root, name))
    for path in sorted(files):
        with open(path, "rb") as f:
            data = f.read()
        fmt = container_format(path, data)
        if fmt == "pcap":
            payloads = pcap_frames(data)
        elif fmt == "pcapng":
            payloads = pcapng_frames(data)
        elif fmt == "gps":
            payloads = gps_blocks(data)
        else:
            payloads = blocks(data)
            if len(data) <= args.max_container:
                counts["asterix"] += put(asterix_dir, data)
        for payload in payloads[:args.max_block_seeds]:
            counts["asterix"] += put(asterix_dir, payload)
        head = data[:args.max_container]
        own = FORMATS.index(fmt)
        counts["containers"] += put(container_dir, bytes([own]) + head)
        if fmt in ("pcap", "pcapng"):
            counts["containers"] += put(container_dir, bytes([own | 0x80]) + head)  # ORADIS framing
        for other in range(len(FORMATS)):
            if other != own:
                counts["containers"] += put(container_dir, bytes([other]) + head[:4096])
    # Formats the recordings lack, made from them: pcapng from each pcap, final from raw blocks.
    for path in sorted(files):
        with open(path, "rb") as f:
            data = f.read()
        fmt = container_format(path, data)
        if fmt == "pcap":
            made = make_pcapng(pcap_packets(data))[:args.max_container]
            counts["containers"] += put(container_dir, bytes([FORMATS.index("pcapng")]) + made)
            counts["containers"] += put(container_dir, bytes([FORMATS.index("pcapng") | 0x80]) + made)
        elif fmt in ("raw", "gps"):
            made = make_final(blocks(data) if fmt == "raw" else gps_blocks(data)[:200])[:args.max_container]
            counts["containers"] += put(container_dir, bytes([FORMATS.index("final")]) + made)

    print(f"seeds: {counts['asterix']} ASTERIX inputs, {counts['containers']} container inputs "
          f"from {len(files)} recordings", file=sys.stderr)


if __name__ == "__main__":
    main()
