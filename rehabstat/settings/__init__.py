"""What is set outside the code: rehabstat.toml (config.py), the provinces as of a date and
their 2025 merger (geography.py, data/provinces-2025.toml), the document's agencies and
signers by period (sector.py, data/sectors.toml). Imports only common.

    config.py       rehabstat.toml
    geography.py    provinces as of a date: data/provinces-2025.toml (63 → 34 on 01/07/2025)
    sector.py       the document's agencies, symbol, signer, recipients by period (data/sectors.toml)
"""
