"""Demo content for `manage.py load_demo_content`: real Czech text written from the seed documents."""
