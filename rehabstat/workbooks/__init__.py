"""Write workbooks: the shared writer every .xlsx goes through (xlsxout.py), the blank
form, the national workbook, the annotated copies of workbooks with problems.

    annotate.py     a marked copy of each workbook with problems
    form.py         the blank monthly workbook and the province workbook a clerk fills
    national.py     the national workbook of a batch (TongHop-<period>.xlsx)
    xlsxout.py      every workbook we write (formula-looking text written as text)
"""
