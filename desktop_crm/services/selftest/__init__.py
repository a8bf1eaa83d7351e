"""``desktop-crm --self-test``'s steps that need no Qt: a sample of the app's work, checked.

``runner.run`` makes a temporary folder (workspace, backups, data folder and log inside it),
runs the steps in order through the services the app itself uses and reports each one's
result to a callback; the launcher prints them (``ui/self_test.py``) and adds the UI's steps.
"""
