"""What one command does, from the stages below: validate.py (validate), service.py (report,
plan, indicators), batch.py (batch). Reached through rehabstat.api.

    batch.py        every province's BC and the national workbook, from one reading
    service.py      report, plan, indicators: load, gate, compute, build the document
    validate.py     validate: read, run every rule, report per file and sheet
"""
