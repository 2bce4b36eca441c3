"""NexiPOS Desktop: a Greek cash register for NEXI card terminals."""

__version__ = "0.1.0"
