"""What /work/shared/recordings/real/README.md says about each recording, as data: the record
counts per category the three decoders agree on, and how each file must be read.
A file found in the folder but not listed here is still decoded and compared (counts unchecked).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class FileSpec:
    counts: dict[int, int] = field(default_factory=dict)  # README record counts per category
    framing: str = "plain"                   # centinela --framing, and how we unwrap it
    editions: dict[int, str] = field(default_factory=dict)  # centinela/libasterix --edition
    keep_duplicates: bool = False            # centinela --keep-duplicates
    robustness_only: bool = False            # only: exits normally, reports errors, invents nothing
    unique_counts: dict[int, int] = field(default_factory=dict)  # README counts without duplicates


FILES: dict[str, FileSpec] = {
    # Every datagram twice (A/B LANs); the counts include the duplicates. "50 datagrams are
    # unique (17 CAT034 and 64 CAT048 records)".
    "croatiacontrol-asterix/cat_034_048.pcap": FileSpec(
        {34: 34, 48: 128}, keep_duplicates=True, unique_counts={34: 17, 48: 64}),
    "croatiacontrol-asterix/parsegps.gps": FileSpec({34: 3, 48: 15}),
    "croatiacontrol-asterix/cat048.raw": FileSpec({48: 1}),
    "croatiacontrol-asterix/cat034.raw": FileSpec({34: 1}),
    "croatiacontrol-asterix/cat_062_065.pcap": FileSpec({62: 2, 65: 1}),
    "croatiacontrol-asterix/cat062cat065.raw": FileSpec({62: 2, 65: 1}),
    "croatiacontrol-asterix/cat21_re.ast": FileSpec({21: 2}),
    "croatiacontrol-asterix/cat_001_002.pcap": FileSpec({1: 7, 2: 1}, framing="oradis"),
    # "Does not conform to CAT062 1.16–1.21 ... the decoder must reject it cleanly".
    "croatiacontrol-asterix/asterix.pcap": FileSpec(robustness_only=True),
    "reader_network/068test_bds30.gps": FileSpec({34: 951, 48: 1830}),
    "reader_network/068test_rrd3.gps": FileSpec({1: 1534, 2: 66, 8: 10, 19: 2, 20: 10, 34: 5, 48: 770}),
    "reader_network/canalA.gps": FileSpec({1: 30651, 2: 716}),
    "reader_network/canalB.gps": FileSpec({1: 114717, 2: 1796}),
    "reader_network/local.gps": FileSpec({1: 444, 2: 5, 8: 5}),
    "reader_network/066test_filter.gps": FileSpec({2: 1, 48: 3}),
    "jasterix-testvectors/cat001ed1.1.bin": FileSpec({1: 1}),
    "jasterix-testvectors/cat002ed1.0.bin": FileSpec({2: 1}),
    # "CAT021: 1 when decoded as ed 0.26": the edition must be configured per source.
    "jasterix-testvectors/cat021ed0.26.bin": FileSpec({21: 1}, editions={21: "0.26"}),
    "jasterix-testvectors/cat021ed2.1.bin": FileSpec({21: 1}),
    "jasterix-testvectors/cat034ed1.26.bin": FileSpec({34: 1}),
    "jasterix-testvectors/cat048ed1.15.bin": FileSpec({48: 1}),
    "jasterix-testvectors/cat048ed1.23.bin": FileSpec({48: 1}),
    "jasterix-testvectors/cat062ed1.12.bin": FileSpec({62: 1}),
    "jasterix-testvectors/cat062ed1.16.bin": FileSpec({62: 1}),
    "jasterix-testvectors/cat065ed1.3.bin": FileSpec({65: 1}),
    # 7 blocks: CAT001, 002, 030, 032, 034, 048, 255; only 048 (11), 034 (1), 002 (1) agree.
    "goasterix/sample.pcap": FileSpec({2: 1, 34: 1, 48: 11}),
    "goasterix/sample.ast": FileSpec({2: 1, 34: 1, 48: 11}),
}

DATA_SUFFIXES = (".pcap", ".gps", ".raw", ".ast", ".bin", ".pcapng")
