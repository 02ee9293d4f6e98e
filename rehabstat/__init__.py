"""rehabstat: monthly workbooks of drug-rehabilitation facilities → indicators → BC/KH documents."""
__version__ = "0.1.0"
