"""Check: the checks over a Dataset (checks.py) and the gate (gate.py), which decides once
which workbooks count for a period. Imports the stages below.

    checks.py       validation rules over a Dataset (identities, persons, across files, outliers)
    gate.py         <- the gate: which workbooks count for a period (received, missing, duplicate, errors)
"""
