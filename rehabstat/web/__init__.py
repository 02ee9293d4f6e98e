"""The department's web inbox (`rehabstat serve`): facilities send their months in a browser
and see at once what is wrong; provinces and the department follow, approve and download.

    app.py       the Starlette application: pages, roles, CSRF, upload limit, security headers
    accounts.py  users, argon2id passwords, sessions, slowed logins (tables of the store)
    jobs.py      what runs in the worker processes: receiving, the gate's grid, history, documents
    server.py    `rehabstat serve`: uvicorn, the address printed, a clean stop on Ctrl-C/SIGTERM
    templates/, static/   Jinja2 pages and the one stylesheet (nothing from the internet)
The pages' words are the web.* keys of common/catalogue.py.

Install with the extra: pip install "rehabstat[web]".
"""
