"""Write documents: the template context and its sentences (report.py, annex.py), rendering
in a sandbox (render.py), the .docx templates and their builder (templates/).

    annex.py        the province BC's annex rows, its sentences on gaps and reporting rates, sheet PhuLuc
    render.py       docxtpl in jinja2 ImmutableSandboxedEnvironment; atomic writes
    report.py       <- where a sentence is written: indicator table -> template context (BC / KH)
    templates/      bc.docx, kh.docx (built by build.py with python-docx), example_context.py
"""
