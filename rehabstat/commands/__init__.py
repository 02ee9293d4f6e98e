"""What one command does, from the stages below. Reached through rehabstat.api.

    prepare.py      the one preparation step of every command and the web: read, check, gate, refuse
    indicators.py   indicators: the table of what the gate counts (csv, json, xlsx)
    report.py       report, plan: one document (BC, KH) from a request and the data it rests on
    batch.py        every province's BC and the national workbook, from one reading
    validate.py     validate: read, run every rule, report per file and sheet
    output.py       where a command writes: a writable folder, no workbook of others replaced
"""
