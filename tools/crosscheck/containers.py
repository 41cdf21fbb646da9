"""Recording containers: read raw / pcap / pcap+ORADIS / pcap+802.3-LLC / GPS into data blocks,
and write a pcap of UDP datagrams to 127.0.0.1 (so tshark can read raw and GPS recordings).

Standard library only: this module is also imported by the oracle workers in their venvs.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field

GPS_HEADER = 2200
GPS_POSTFIX = 10
LOOPBACK = "127.0.0.1"


@dataclass
class Datagram:
    """One unit of transport: a UDP payload, an LLC frame, or one raw/GPS data block."""
    blocks: list[bytes]
    ts: float | None = None        # Unix seconds (pcap)
    rx_tod: float | None = None    # receive time of day in seconds (GPS postfix)
    port: int | None = None        # UDP destination port (pcap)
    frame: int | None = None       # 1-based frame number in the pcap
    errors: list[str] = field(default_factory=list)


def split_blocks(payload: bytes) -> tuple[list[bytes], list[str]]:
    """Split bytes holding data blocks back to back: CAT(1) LEN(2, counts the header)."""
    blocks, errors, i = [], [], 0
    while i < len(payload):
        if len(payload) - i < 3:
            errors.append(f"offset {i}: {len(payload) - i} trailing bytes")
            break
        n = struct.unpack_from(">H", payload, i + 1)[0]
        if n < 3 or i + n > len(payload):
            errors.append(f"offset {i}: block length {n} does not fit")
            break
        blocks.append(payload[i:i + n])
        i += n
    return blocks, errors


def unwrap_oradis(payload: bytes) -> tuple[list[bytes], list[str]]:
    """ORADIS: a sequence of `LEN16 (counts its 6-byte header) TIME32` packets holding data blocks."""
    blocks, errors, i = [], [], 0
    while i < len(payload):
        if len(payload) - i < 6:
            errors.append(f"oradis offset {i}: short header")
            break
        n = struct.unpack_from(">H", payload, i)[0]
        if n < 6 or i + n > len(payload):
            errors.append(f"oradis offset {i}: length {n} does not fit")
            break
        b, e = split_blocks(payload[i + 6:i + n])
        blocks += b
        errors += e
        i += n
    return blocks, errors


def _pcap_frames(data: bytes):
    """Yield (unix_ts, linktype, frame) from a libpcap file (µs or ns, either byte order)."""
    magic = data[:4]
    formats = {b"\xd4\xc3\xb2\xa1": ("<", 1e-6), b"\xa1\xb2\xc3\xd4": (">", 1e-6),
               b"\x4d\x3c\xb2\xa1": ("<", 1e-9), b"\xa1\xb2\x3c\x4d": (">", 1e-9)}
    if magic not in formats:
        raise ValueError("not a libpcap file (pcapng is not supported here)")
    e, unit = formats[magic]
    linktype = struct.unpack_from(e + "I", data, 20)[0] & 0x0FFFFFFF
    i = 24
    while i + 16 <= len(data):
        sec, frac, incl, _orig = struct.unpack_from(e + "IIII", data, i)
        i += 16
        yield sec + frac * unit, linktype, data[i:i + incl]
        i += incl


def _frame_payload(linktype: int, frame: bytes) -> tuple[bytes | None, int | None]:
    """Return (ASTERIX bytes, UDP destination port) of one frame, or (None, None)."""
    if linktype == 1:  # Ethernet
        etype, off = struct.unpack_from(">H", frame, 12)[0], 14
        while etype in (0x8100, 0x88A8):  # VLAN tags
            etype, off = struct.unpack_from(">H", frame, off + 2)[0], off + 4
        if etype <= 1500:  # 802.3 length field + 3-byte LLC header, ASTERIX follows
            return frame[off + 3:off + etype], None
        if etype != 0x0800:
            return None, None
        ip = frame[off:]
    elif linktype in (101, 228):  # raw IPv4
        ip = frame
    elif linktype == 113:  # Linux cooked
        if struct.unpack_from(">H", frame, 14)[0] != 0x0800:
            return None, None
        ip = frame[16:]
    else:
        raise ValueError(f"unsupported pcap link type {linktype}")
    if len(ip) < 20 or ip[0] >> 4 != 4 or ip[9] != 17:
        return None, None
    ihl = (ip[0] & 0x0F) * 4
    total = struct.unpack_from(">H", ip, 2)[0]
    udp = ip[ihl:total]
    dport, ulen = struct.unpack_from(">HH", udp, 2)
    return udp[8:ulen], dport


def read_recording(path: str, framing: str = "plain") -> list[Datagram]:
    """Read a recording by its extension: .pcap, .gps, anything else is raw blocks."""
    data = open(path, "rb").read()
    out: list[Datagram] = []
    if path.endswith(".pcap"):
        for n, (ts, lt, frame) in enumerate(_pcap_frames(data), 1):
            payload, port = _frame_payload(lt, frame)
            if payload is None:
                continue
            b, e = unwrap_oradis(payload) if framing == "oradis" else split_blocks(payload)
            out.append(Datagram(b, ts=ts, port=port, frame=n, errors=e))
    elif path.endswith(".gps"):
        i = GPS_HEADER
        while i < len(data):
            if len(data) - i < 3:
                out.append(Datagram([], errors=[f"offset {i}: trailing bytes"]))
                break
            n = struct.unpack_from(">H", data, i + 1)[0]
            post = data[i + n:i + n + GPS_POSTFIX]
            if n < 3 or len(post) < GPS_POSTFIX:
                out.append(Datagram([], errors=[f"offset {i}: block length {n} does not fit"]))
                break
            tod = int.from_bytes(post[6:9], "big") / 128.0
            out.append(Datagram([data[i:i + n]], rx_tod=tod))
            i += n + GPS_POSTFIX
    else:
        b, e = split_blocks(data)
        out += [Datagram([x]) for x in b]
        if e:
            out.append(Datagram([], errors=e))
    return out


def _checksum(b: bytes) -> int:
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack(f">{len(b) // 2}H", b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def write_pcap(path: str, datagrams: list[tuple[float, bytes]], port: int) -> None:
    """Write each payload as one Ethernet/IPv4/UDP datagram from and to 127.0.0.1:port."""
    lo = bytes([127, 0, 0, 1])
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for n, (ts, payload) in enumerate(datagrams):
            udp = struct.pack(">HHHH", port, port, 8 + len(payload), 0) + payload
            hdr = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), n & 0xFFFF, 0, 64, 17, 0, lo, lo)
            ip = hdr[:10] + struct.pack(">H", _checksum(hdr)) + hdr[12:] + udp
            frame = b"\0" * 12 + b"\x08\x00" + ip
            sec = int(ts)
            f.write(struct.pack("<IIII", sec, int(round((ts - sec) * 1e6)) % 1000000, len(frame), len(frame)))
            f.write(frame)
