"""Write workbooks: the workbooks rehabstat creates (book.py, XlsxWriter), the blank form,
the national workbook, the annotated copies of workbooks with problems (openpyxl: an
existing workbook changed).

    annotate.py     a marked copy of each workbook with problems (openpyxl)
    book.py         every workbook we create, laid out then written by XlsxWriter
    form.py         the blank monthly workbook and the province workbook a clerk fills
    national.py     the national workbook of a batch (TongHop-<period>.xlsx)
    xlsxout.py      what every file we write shares: writable text, atomic files, page sizes
"""
