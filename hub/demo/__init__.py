"""The demo hub: real Czech text written from the seed documents, its translations, placeholder images
and demo accounts, loaded by `manage.py load_demo_content` and `setup_hub` (`make run`).

An app on top of the content apps: it imports all of them, and none of them imports it.
"""
