#!/usr/bin/env python3
"""Cross-check centinela's ASTERIX decoding against tshark, asterix-decoder and libasterix on every
real recording in ../shared/recordings/real. Usage: python3 tools/crosscheck.py [--help]"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True
from crosscheck.main import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
