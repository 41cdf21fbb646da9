#!/usr/bin/env python3
"""Test vectors for the Geodesy module, computed by an independent library (pymap3d 3.2.0).

Writes Tests/GeodesyTests/Fixtures/pymap3d_vectors.json: WGS-84 geodetic -> ECEF, ECEF -> geodetic,
geodetic -> ENU and ENU -> geodetic around a system centre, and azimuth / elevation / slant range
from radar sites to targets (pymap3d.geodetic2aer: a straight line, no refraction, so the Swift
tests compare it with Centinela's geometric k = 1 earth model), with the geodesic distance
between site and target on the ellipsoid (pymap3d.vincenty.vdist) for ground ranges.

Points lie along the Sonora-Chihuahua border (lat 29-33 N, lon -115 to -104, heights 0-12,000 m),
plus a few far-off, polar and antimeridian cases. The inputs are fixed lists, not random draws,
so the file is the same on every machine.

    tools/.venv-oracles/bin/python tools/geodesy_vectors.py          # (re)write the fixture
    tools/.venv-oracles/bin/python tools/geodesy_vectors.py --check  # exit 1 if it is stale

--check regenerates the vectors in memory and compares them with the committed file number by
number: |a - b| <= 1e-9 * max(1, |a|, |b|) (relative, with a floor of 1e-9 absolute for values
near zero such as the ENU of the centre itself). Exit codes: 0 same, 1 differs or missing,
2 pymap3d missing or the wrong version.
"""
import json
import math
import os
import sys

import vectors

PYMAP3D_VERSION = "3.2.0"
HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "Tests", "GeodesyTests", "Fixtures", "pymap3d_vectors.json")
TOLERANCE = 1e-9

# A system centre in the middle of the Sonora border (near Nogales) and three radar sites
# (antenna heights above the ellipsoid, metres). The sites are plausible, not real installations.
CENTRE = (31.3, -110.9, 1200.0)
SITES = [
    ("nogales", 31.35, -110.95, 1215.0),
    ("agua-prieta", 31.32, -109.55, 1230.0),
    ("ciudad-juarez", 31.69, -106.42, 1150.0),
]

# Border points: a lattice over lat 29-33, lon -115..-104, with heights from the ground
# to airliner cruise.
BORDER = [
    (lat, lon, h)
    for lat, lons in [(29.0, (-114.5, -108.0, -104.0)), (30.0, (-115.0, -110.0, -105.5)),
                      (31.0, (-113.0, -109.5, -106.0)), (31.9, (-114.0, -111.2, -104.5)),
                      (33.0, (-115.0, -110.5, -107.0))]
    for lon in lons
    for h in (0.0, 1500.0 if lon > -110 else 150.0)
]

# Far-off and awkward cases: the equator and prime meridian, the poles, both sides of the
# antimeridian, southern hemisphere, below the ellipsoid, low earth orbit, geostationary height.
EDGES = [
    (0.0, 0.0, 0.0),
    (90.0, 0.0, 0.0),
    (-90.0, 45.0, 250.0),
    (89.9999, -110.0, 3000.0),
    (0.0, 180.0, 0.0),
    (0.0, -179.9999999, 100.0),
    (-33.87, 151.21, 40.0),
    (31.0, -110.0, -120.0),
    (45.0, 90.0, 400_000.0),
    (0.0, -75.0, 35_786_000.0),
]

# Targets around the system centre for ENU: within ~400 km, ground to 12 km.
ENU_TARGETS = [
    (31.3, -110.9, 1200.0),
    (31.3001, -110.9, 1200.0),
    (31.35, -110.95, 1500.0),
    (31.0, -111.5, 300.0),
    (32.2, -110.9, 9000.0),
    (29.5, -108.0, 12000.0),
    (33.0, -114.0, 0.0),
    (30.1, -104.2, 6000.0),
    (31.33, -110.94, 1350.0),
    (28.9, -113.4, 150.0),
]
ENU_POINTS = [
    (0.0, 0.0, 0.0),
    (1000.0, 0.0, 0.0),
    (0.0, -1000.0, 50.0),
    (25_000.0, 40_000.0, 300.0),
    (-150_000.0, 80_000.0, 8000.0),
    (300_000.0, -200_000.0, -5000.0),
    (-400_000.0, -120_000.0, 12_000.0),
    (5.5, 7.25, -1.0),
]

# Targets seen from each radar site: from 2 km to beyond 400 km, from near the ground to
# cruise, all azimuths.
AER_TARGETS = [
    (31.36, -110.94, 1400.0),
    (31.5, -110.7, 2500.0),
    (31.0, -111.4, 300.0),
    (32.4, -110.0, 10000.0),
    (29.8, -109.0, 6000.0),
    (31.9, -106.9, 4500.0),
    (30.2, -112.8, 800.0),
    (33.0, -113.5, 12000.0),
]


def generate(pm):
    from pymap3d.vincenty import vdist
    g2e = [dict(lat=lat, lon=lon, h=h, **dict(zip("xyz", pm.geodetic2ecef(lat, lon, h))))
           for lat, lon, h in BORDER + EDGES]
    e2g = []
    for v in g2e:
        lat, lon, h = pm.ecef2geodetic(v["x"], v["y"], v["z"])
        e2g.append(dict(x=v["x"], y=v["y"], z=v["z"], lat=lat, lon=lon, h=h))
    lat0, lon0, h0 = CENTRE
    g2enu = []
    for lat, lon, h in ENU_TARGETS:
        e, n, u = pm.geodetic2enu(lat, lon, h, lat0, lon0, h0)
        g2enu.append(dict(lat=lat, lon=lon, h=h, e=e, n=n, u=u))
    enu2g = []
    for e, n, u in ENU_POINTS:
        lat, lon, h = pm.enu2geodetic(e, n, u, lat0, lon0, h0)
        enu2g.append(dict(e=e, n=n, u=u, lat=lat, lon=lon, h=h))
    aer = []
    for name, slat, slon, sh in SITES:
        for lat, lon, h in AER_TARGETS:
            az, el, rng = pm.geodetic2aer(lat, lon, h, slat, slon, sh)
            # Geodesic distance on the ellipsoid surface (Vincenty's inverse), for ground range.
            geodesic = float(vdist(slat, slon, lat, lon)[0])
            aer.append(dict(site=name, siteLat=slat, siteLon=slon, siteH=sh,
                            lat=lat, lon=lon, h=h, az=az, el=el, range=rng, geodesic=geodesic))
    return {
        "about": "Generated by tools/geodesy_vectors.py with pymap3d; do not edit by hand. "
                 "Angles in degrees, lengths in metres, WGS-84.",
        "pymap3d": PYMAP3D_VERSION,
        "ellipsoid": {"a": pm.Ellipsoid.from_name("wgs84").semimajor_axis,
                      "b": pm.Ellipsoid.from_name("wgs84").semiminor_axis},
        "centre": {"lat": lat0, "lon": lon0, "h": h0},
        "geodeticToECEF": g2e,
        "ecefToGeodetic": e2g,
        "geodeticToENU": g2enu,
        "enuToGeodetic": enu2g,
        "aer": aer,
    }


def main(argv):
    def computed():
        import pymap3d as pm
        return generate(pm)
    return vectors.run(argv, name="geodesy_vectors", library="pymap3d", wanted=PYMAP3D_VERSION,
                       install=f"or pip install pymap3d=={PYMAP3D_VERSION}", fixture=FIXTURE,
                       generate=computed, tolerance=TOLERANCE,
                       count=lambda v: f"{sum(len(x) for x in v.values() if isinstance(x, list))} vectors")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
