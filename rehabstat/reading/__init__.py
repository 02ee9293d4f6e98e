"""Read: finding workbooks, the cheap pre-checks and the sandboxed parse, the workbook reader
(reader.py: sheets, headers, rows, ThongTin), the province workbook, and the Dataset of tidy
frames plus issues (dataset.py). Imports common and settings.

    dataset.py      many workbooks -> one Dataset (pandas frames + issues), read in the sandbox
    formula.py      evaluator for formulas saved without a value: + - * / ( ), numbers, same-sheet refs, SUM
    headers.py      where a table's header is (one to three rows, merged ranges, group headers)
    legacy.py       TCVN3 (.VnTime) and VNI text -> Unicode
    province.py     the province workbook (Cấp = tỉnh): read, its rows over a range, BC context
    reader.py       <- where a workbook is read: sheet roles, headers, rows, ThongTin -> rows + issues
    safety.py       cheap pre-checks (size, kind by content, zip directory, entities, encryption)
    sandbox.py      map_isolated: workbooks parsed in worker processes (memory cap, time limit)
    sheetxml.py     what calamine does not give: error cells, formulas without a value, .ods merges
"""
