"""Write documents: the template context and its sentences (report.py, annex.py), rendering
in a sandbox (render.py), the .docx templates and their builder (templates/).

    annex.py        the province BC's annex rows, its sentences on gaps, drafts and reporting rates, sheet PhuLuc
    comparisons.py  the comparison phrases and the names of the earlier periods
    render.py       docxtpl in jinja2 ImmutableSandboxedEnvironment; atomic writes
    report.py       <- where a sentence is written: indicator table -> template context (BC / KH)
    workbook.py     the .xlsx beside a document, its figures as numbers
    templates/      bc.docx, kh.docx (built by build.py with python-docx), example_context.py
"""
