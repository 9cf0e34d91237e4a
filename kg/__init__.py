"""integration-kg: a knowledge graph of municipal integration infrastructure in Germany."""

__version__ = "0.1.0"
