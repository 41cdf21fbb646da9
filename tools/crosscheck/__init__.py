"""Cross-check centinela's ASTERIX decoder against independent decoders on real recordings.
Run it as `python3 tools/crosscheck.py --help`."""
