"""The oracle faults that /work/shared/recordings/real/README.md documents, as data.
A difference is forgiven only when one of these entries matches it exactly; crosscheck prints
every entry it applied and how often.

kinds:
  count      the oracle's record count for `cat` in `file` is `value` (the README's count is
             right): its key fields are not compared, except the first `compare_first` records.
  value      the oracle gives `value` for key `field` where the right reading is `correct`.
  scale      the oracle gives key `field` in other units: its value is `factor` times ours.
  disagree   the README says the decoders disagree on `cat` in `file`: counts and fields are shown
             but not compared.
"""
from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatch


@dataclass
class Fault:
    file: str            # path under recordings/real/ (fnmatch pattern)
    oracle: str          # "tshark", "asterix-decoder", "libasterix" or "*"
    cat: int
    kind: str            # count | value | scale | disagree
    what: str
    quote: str           # the README's words
    field: str = ""
    value: float | int | None = None
    correct: float | int | None = None
    factor: float = 1.0
    compare_first: int = 0
    applied: int = 0

    def matches(self, file: str, oracle: str, cat: int) -> bool:
        return fnmatch(file, self.file) and self.oracle in ("*", oracle) and self.cat == cat


FAULTS = [
    Fault("croatiacontrol-asterix/cat_001_002.pcap", "tshark", 1, "count",
          "tshark 4.0.17 splits the CAT001 block into 13 records", value=13,
          quote="tshark 4.0.17 splits the CAT001 block into 13 records, which is wrong."),
    Fault("reader_network/068test_rrd3.gps", "tshark", 1, "count",
          "tshark gets CAT001 wrong (1666 records instead of 1534)", value=1666,
          quote="tshark gets CAT001 wrong (1666 records)."),
    Fault("jasterix-testvectors/cat048ed1.23.bin", "asterix-decoder", 48, "count",
          "asterix-decoder mis-parses the RE field into 3 empty records", value=3,
          quote="asterix-decoder 0.7.11 mis-parses it into 3 empty records; libasterix and tshark are correct."),
    Fault("jasterix-testvectors/cat062ed1.16.bin", "tshark", 62, "count",
          "tshark reports a spurious 2nd record (1 byte left over)", value=2, compare_first=1,
          quote='tshark 4.0.17 (1.17–1.19 definitions) leaves one byte over and reports a spurious 2nd record ("malformed").'),
    Fault("jasterix-testvectors/cat021ed0.26.bin", "tshark", 21, "count",
          "no CAT021 0.26 definition in tshark: 2 garbage records with the 2.x UAP", value=2,
          quote='Decoded with a 2.x UAP it still "parses", into 2 garbage records (latitude 215°), and all three oracles do this.'),
    Fault("jasterix-testvectors/cat021ed0.26.bin", "asterix-decoder", 21, "count",
          "no CAT021 0.26 definition in asterix-decoder: 2 garbage records with the 2.6 UAP", value=2,
          quote='Decoded with a 2.x UAP it still "parses", into 2 garbage records (latitude 215°), and all three oracles do this.'),
    Fault("croatiacontrol-asterix/cat_034_048.pcap", "tshark", 48, "value",
          "I048/090 read unsigned by tshark (1.31 definitions): 4095 is FL -1 read signed",
          field="fl", value=4095.0, correct=-1.0,
          quote="All oracles agree, except one I048/090 value (FL −1 vs 4095; see Notes)."),
    Fault("*", "asterix-decoder", 62, "scale",
          "asterix-decoder reports I062/136 measured flight level in ft (LSB 25 ft), not FL",
          field="mfl", factor=100.0,
          quote="the only difference is I062/136, which asterix-decoder reports in ft."),
    Fault("goasterix/sample.*", "*", 1, "disagree",
          "non-standard (French profile) CAT001: the decoders disagree",
          quote="CAT001/030/032/255 are non-standard (French profile), and the decoders disagree on them."),
]


def find(file: str, oracle: str, cat: int, kind: str) -> list[Fault]:
    return [f for f in FAULTS if f.kind == kind and f.matches(file, oracle, cat)]
