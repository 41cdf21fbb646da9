"""Helpers of tools/stonesoup_compare.py: the scenario, its ASTERIX pcap, and the two trackers."""
