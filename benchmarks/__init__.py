"""NexiPOS Desktop benchmarks: ``python -m benchmarks [--quick] [--only NAME] [--strict]`` (``make bench``).

Every benchmark measures the app and a baseline in the same run and reports the ratio, so the figures stay
comparable across machines. Generated databases live in a temporary directory; the user's data is never
touched. See ``benchmarks/README.md``.
"""
