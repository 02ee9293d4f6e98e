"""What every stage may use: the error types (errors.py), the shape of an issue and the rule
registry (issues.py, rules.py), the domain's codes, tolerant values, periods
and deadlines, Vietnamese formatting. Imports nothing of rehabstat outside this folder.

    catalogue.py    the tool's own words: key -> (Vietnamese, English), text(key, lang, **values)

    codes.py        categories, event types, SoLieu catalogue, labels, the category table, norm_key(), slug()
    errors.py       every user-facing error type (UsageError → exit 2, DataError → exit 1, TemplateError)
    issues.py       Issue (code, severity, params, place) and issue(); its message rendered in a language (text(lang))
    language.py     the language chosen with --lang (LANG)
    periods.py      Period (code '2021', '2021-Q2', '2017-01..2020-06'; its kind), period_between, due dates
    rules.py        registry: Rule(code, severity, name, title, messages, explanations in vi and en, flags)
    values.py       tolerant parsing: Vietnamese numbers, day-first dates, periods "01/2021"
    vnformat.py     Vietnamese numbers, dates, percentages, money in words (one module)
"""
