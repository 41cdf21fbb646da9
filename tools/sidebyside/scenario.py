"""The comparison's scenario: one rotating polar radar, constant-velocity targets, clutter, and the
pcap of ASTERIX CAT034/CAT048 that carries the very same plots to Centinela.

Geometry. Truth lives in the radar's local east-north-up frame (pymap3d's ENU at the antenna, WGS-84):
each target flies a straight line at constant velocity in a plane of constant ENU `up`, chosen so its
height above the ellipsoid starts between 1,000 and 4,000 m (it rises as the earth curves away:
~3 km more at 200 km). A plot is what the radar measures of the target at the instant the beam
crosses it:
- azimuth: atan2(east, north) of the ENU vector (exact on WGS-84);
- slant range: Centinela's own radar model (Geodesy/RadarSite.swift `observe`: the 4/3-earth ray
  of curvature (1 - 1/k)/R, R the ellipsoid's radius of curvature in that azimuth at the antenna),
  so that Centinela, given the target's height in I048/110, puts the noise-free plot back exactly on
  the truth;
- height (I048/110): the target's height above the ellipsoid (antenna at 0 m, so no datum question).
Noise: N(0, 50 m) on the slant range, N(0, 0.1 deg) on the azimuth, then quantised to the ASTERIX
LSBs (1/256 NM = 7.23 m, 360/2^16 deg, 1/128 s, 25 ft).

Stone Soup gets, for the same plot, (bearing, range) in the radar's horizontal ENU plane:
bearing = 90 deg - the quantised azimuth (Stone Soup's CartesianToBearingRange measures
counter-clockwise from east), range = the true horizontal range + the same quantised range error.
Stone Soup's model has no heights: the slant/horizontal difference is put into the truth, not the
noise. The one approximation: a slant-range error moves a plot along the ground by error/cos(elev);
with these heights the elevation is at most 11 deg (at 20 km, 4 km), so Stone Soup's horizontal
range error is at most 2 % smaller than Centinela's (an advantage to Stone Soup).
"""
import datetime
import math
import struct

import numpy as np
import pymap3d

# The radar: Nogales, Sonora, on the US border; antenna on the ellipsoid.
RADAR_LAT, RADAR_LON, RADAR_H = 31.3340, -110.9400, 0.0
SAC, SIC = 20, 1
SIGMA_RANGE_M = 50.0
SIGMA_AZIMUTH_DEG = 0.1
PD = 0.9
CLUTTER_PER_SCAN = 20
SCAN_S = 4.0
SECTORS = 16
MAX_RANGE_M = 200_000.0
MIN_RANGE_M = 1_000.0  # clutter range from here to MAX_RANGE_M
START_UTC = datetime.datetime(2026, 5, 28, 4, 30, 0, tzinfo=datetime.timezone.utc)

NM = 1852.0
RHO_LSB = NM / 256.0
THETA_LSB = 360.0 / 65536.0
TOD_LSB = 1.0 / 128.0
FT = 0.3048
H_LSB = 25 * FT
K_EARTH = 4.0 / 3.0

_A = 6378137.0
_F = 1 / 298.257223563
_E2 = _F * (2 - _F)


def earth_radius(azimuth_deg):
    """Radius of curvature of the ellipsoid's normal section at the antenna in an azimuth (Euler)."""
    phi = math.radians(RADAR_LAT)
    w = math.sqrt(1 - _E2 * math.sin(phi) ** 2)
    m = _A * (1 - _E2) / w ** 3
    n = _A / w
    a = np.radians(azimuth_deg)
    return 1.0 / (np.cos(a) ** 2 / m + np.sin(a) ** 2 / n)


def observe(e, n, u):
    """Azimuth (deg), slant range along the 4/3-earth ray (m), horizontal range (m) and height above
    the ellipsoid (m) of ENU points, as Centinela's RadarSite.observe computes them."""
    e, n, u = np.asarray(e, float), np.asarray(n, float), np.asarray(u, float)
    az = np.degrees(np.arctan2(e, n)) % 360.0
    chord = np.sqrt(e * e + n * n + u * u)
    x = (1 - 1 / K_EARTH) / earth_radius(az) * chord / 2
    slant = np.where(x == 0, chord, chord * np.arcsin(x) / np.where(x == 0, 1, x))
    _, _, h = pymap3d.enu2geodetic(e, n, u, RADAR_LAT, RADAR_LON, RADAR_H)
    return az, slant, np.hypot(e, n), np.asarray(h, float)


def up_for_height(e, n, h):
    """ENU `up` that puts a point at horizontal (e, n) at height h above the ellipsoid (two steps)."""
    u = np.asarray(h, float).copy()
    for _ in range(3):
        _, _, hh = pymap3d.enu2geodetic(e, n, u, RADAR_LAT, RADAR_LON, RADAR_H)
        u = u + (h - np.asarray(hh, float))
    return u


class Scenario:
    """Targets and plots. `plots` is a structured numpy array in time order, with for each plot the
    scan, sector, truth id (-1 clutter), what goes on the wire (quantised ints) and what Stone
    Soup gets."""

    def __init__(self, targets, scans, seed):
        self.n = targets
        self.scans = scans
        self.seed = seed
        rng = np.random.default_rng(seed)
        self.t0 = START_UTC.timestamp()
        self._make_targets(rng)
        self._make_plots(rng)

    # -- truth ------------------------------------------------------------------------------
    def _make_targets(self, rng):
        n = self.n
        duration = self.scans * SCAN_S
        pos = np.zeros((n, 2))
        vel = np.zeros((n, 2))
        filled = 0
        while filled < n:
            k = max(64, 2 * (n - filled))
            r0 = rng.uniform(20_000, 120_000, k)
            b0 = rng.uniform(0, 2 * np.pi, k)
            speed = rng.uniform(100, 250, k)
            heading = rng.uniform(0, 2 * np.pi, k)
            p0 = np.stack([r0 * np.sin(b0), r0 * np.cos(b0)], axis=1)
            v = np.stack([speed * np.sin(heading), speed * np.cos(heading)], axis=1)
            p1 = p0 + v * duration
            # Closest approach to the radar along the path (stay out of the overhead cone).
            s = np.clip(-(p0 * v).sum(1) / (speed ** 2), 0, duration)
            closest = np.hypot(*(p0 + v * s[:, None]).T)
            ok = (np.hypot(*p1.T) < MAX_RANGE_M - 5_000) & (closest > 10_000)
            take = np.flatnonzero(ok)[: n - filled]
            pos[filled:filled + len(take)] = p0[take]
            vel[filled:filled + len(take)] = v[take]
            filled += len(take)
        h0 = rng.uniform(1_000, 4_000, n)
        self.pos0 = pos
        self.vel = vel
        self.up = up_for_height(pos[:, 0], pos[:, 1], h0)

    def truth_at(self, t):
        """Horizontal ENU positions (n, 2) of the targets at UTC seconds t."""
        return self.pos0 + self.vel * (t - self.t0)

    # -- plots ------------------------------------------------------------------------------
    def _make_plots(self, rng):
        rows = []
        n = self.n
        for k in range(self.scans):
            ts = self.t0 + k * SCAN_S
            # Instant the beam crosses each target (two fixed-point steps on its moving azimuth).
            t = np.full(n, ts)
            for _ in range(2):
                p = self.pos0 + self.vel * (t - self.t0)[:, None]
                az = np.degrees(np.arctan2(p[:, 0], p[:, 1])) % 360.0
                t = ts + az / 360.0 * SCAN_S
            detected = rng.random(n) < PD
            ids = np.flatnonzero(detected)
            # Time on the wire first (1/128 s), then the truth at that time.
            tq = self._quantise_time(t[ids])
            p = self.pos0[ids] + self.vel[ids] * (tq - self.t0)[:, None]
            e, nn, u = p[:, 0], p[:, 1], self.up[ids]
            rows.append(self._measure(rng, k, ids, tq, e, nn, u))
            # Clutter: uniform in horizontal range and azimuth, heights like the targets'.
            c = CLUTTER_PER_SCAN
            cr = rng.uniform(MIN_RANGE_M, MAX_RANGE_M, c)
            caz = rng.uniform(0, 360, c)
            ce, cn = cr * np.sin(np.radians(caz)), cr * np.cos(np.radians(caz))
            cu = up_for_height(ce, cn, rng.uniform(1_000, 4_000, c))
            ctq = self._quantise_time(ts + caz / 360.0 * SCAN_S)
            rows.append(self._measure(rng, k, np.full(c, -1), ctq, ce, cn, cu))
        plots = np.concatenate(rows)
        order = np.lexsort((plots["t"], plots["scan"]))
        self.plots = plots[order]

    def _quantise_time(self, t):
        tod = (t - self.t0) + (self.t0 % 86400.0)
        return np.round(tod / TOD_LSB) * TOD_LSB - (self.t0 % 86400.0) + self.t0

    def _measure(self, rng, k, ids, tq, e, n, u):
        az, slant, horiz, h = observe(e, n, u)
        m = len(ids)
        rho = slant + rng.normal(0, SIGMA_RANGE_M, m)
        theta = az + rng.normal(0, SIGMA_AZIMUTH_DEG, m)
        rho_q = np.clip(np.round(rho / RHO_LSB), 1, 65535).astype(np.int64)
        theta_q = np.round(theta / THETA_LSB).astype(np.int64) % 65536
        h_q = np.round(h / H_LSB).astype(np.int64)
        tod_q = np.round(((tq - self.t0) + (self.t0 % 86400.0)) / TOD_LSB).astype(np.int64)
        out = np.zeros(m, dtype=PLOT_DTYPE)
        out["scan"] = k
        out["truth"] = ids
        out["t"] = tq
        out["tod_q"] = tod_q
        out["rho_q"] = rho_q
        out["theta_q"] = theta_q
        out["h_q"] = h_q
        # The datagram a plot goes in: the sector of the sweep its time falls in.
        phase = (tq - (self.t0 + k * SCAN_S)) / SCAN_S * SECTORS
        out["sector"] = np.clip(np.floor(phase), 0, SECTORS - 1).astype(np.int64)
        # Stone Soup: the same errors, in its horizontal plane.
        out["ss_range"] = horiz + (rho_q * RHO_LSB - slant)
        az_q = theta_q * THETA_LSB
        out["ss_bearing"] = np.radians(90.0 - az_q)
        return out


PLOT_DTYPE = np.dtype([
    ("scan", np.int64), ("truth", np.int64), ("t", np.float64), ("tod_q", np.int64),
    ("rho_q", np.int64), ("theta_q", np.int64), ("h_q", np.int64), ("sector", np.int64),
    ("ss_range", np.float64), ("ss_bearing", np.float64),
])


# -- ASTERIX and pcap ---------------------------------------------------------------------------

def _block(cat, records):
    body = b"".join(records)
    return struct.pack(">BH", cat, 3 + len(body)) + body


def _tod3(tod_q):
    return struct.pack(">I", int(tod_q) % (86400 * 128))[1:]


def cat034_north_marker(tod_q):
    # FRN 1 010, 2 000, 3 030, 5 041, FX; 11 120.
    lat = round(RADAR_LAT / (180.0 / 2 ** 23)) & 0xFFFFFF
    lon = round(RADAR_LON / (180.0 / 2 ** 23)) & 0xFFFFFF
    rec = (bytes([0b11101001, 0b00010000])
           + struct.pack(">BB", SAC, SIC) + bytes([1]) + _tod3(tod_q)
           + struct.pack(">H", round(SCAN_S * 128))
           + struct.pack(">h", round(RADAR_H)) + lat.to_bytes(3, "big") + lon.to_bytes(3, "big"))
    return _block(34, [rec])


def cat034_sector(tod_q, sector):
    # FRN 1 010, 2 000, 3 030, 4 020.
    azimuth = sector * 360.0 / SECTORS
    rec = (bytes([0b11110000]) + struct.pack(">BB", SAC, SIC) + bytes([2]) + _tod3(tod_q)
           + bytes([round(azimuth / (360.0 / 256)) % 256]))
    return _block(34, [rec])


def cat048_records(plots):
    # FSPEC: FRN 1 010, 2 140, 3 020, 4 040, FX; FX; 19 110.
    recs = []
    for p in plots:
        recs.append(bytes([0b11110001, 0b00000001, 0b00001000])
                    + struct.pack(">BB", SAC, SIC) + _tod3(p["tod_q"])
                    + bytes([0b00100000])  # TYP 1: single PSR detection
                    + struct.pack(">HH", int(p["rho_q"]), int(p["theta_q"]))
                    + struct.pack(">H", int(p["h_q"]) & 0x3FFF))
    return recs


def _udp_frame(payload, port=8600):
    udp_len = 8 + len(payload)
    udp = struct.pack(">HHHH", 40000, port, udp_len, 0) + payload
    ip_len = 20 + udp_len
    hdr = struct.pack(">BBHHHBBH4s4s", 0x45, 0, ip_len, 0, 0x4000, 64, 17, 0,
                      bytes([127, 0, 0, 1]), bytes([127, 0, 0, 1]))
    s = sum(struct.unpack(">10H", hdr))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    hdr = hdr[:10] + struct.pack(">H", ~s & 0xFFFF) + hdr[12:]
    eth = b"\x00" * 12 + b"\x08\x00"
    return eth + hdr + udp


def write_pcap(scenario, path):
    """Classic pcap, one UDP datagram per sector: CAT034 (north marker with I034/120 and I034/041
    on sector 0, a sector crossing otherwise) then CAT048 with the sector's plots in azimuth order.
    A datagram's timestamp is the end of its sector's sweep. Returns the number of datagrams."""
    plots = scenario.plots
    day0 = scenario.t0 - (scenario.t0 % 86400.0)
    # Index the plots by (scan, sector).
    key = plots["scan"] * SECTORS + plots["sector"]
    bounds = np.searchsorted(key, np.arange(scenario.scans * SECTORS + 1))
    assert np.all(np.diff(key) >= 0)
    count = 0
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for k in range(scenario.scans):
            for s in range(SECTORS):
                start = scenario.t0 + k * SCAN_S + s * SCAN_S / SECTORS
                tod_q = round((start - day0) / TOD_LSB)
                head = cat034_north_marker(tod_q) if s == 0 else cat034_sector(tod_q, s)
                i0, i1 = bounds[k * SECTORS + s], bounds[k * SECTORS + s + 1]
                recs = cat048_records(plots[i0:i1])
                payload = head
                # Blocks of at most ~60 kB (a block's length is 16 bits; a datagram's too).
                chunk = []
                size = 0
                for r in recs:
                    if size + len(r) > 8_000:
                        payload += _block(48, chunk)
                        chunk, size = [], 0
                    chunk.append(r)
                    size += len(r)
                if chunk:
                    payload += _block(48, chunk)
                if len(payload) > 65_000:
                    # A datagram cannot carry more: split the sector over several datagrams.
                    raise ValueError(f"sector {s} of scan {k} has {i1 - i0} plots: too many for a datagram")
                end = start + SCAN_S / SECTORS
                frame = _udp_frame(payload)
                sec = int(end)
                usec = int(round((end - sec) * 1e6))
                f.write(struct.pack("<IIII", sec, usec, len(frame), len(frame)))
                f.write(frame)
                count += 1
    return count
