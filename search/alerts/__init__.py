"""E-mail alerts for readers: follow any search, section, region or topic (the filter set of its Atom
feed, search/web/feeds.py) and get its new and substantially changed pages by mail.

`subscribing` takes a subscription and asks for confirmation (double opt-in), `tokens` signs the links in
the mails, `limits` holds the abuse caps, `publishing` lets editors mark a publish as substantial,
`sending` finds what is new for each subscription and mails it, `mails` writes every mail in the reader's
language, `jobs` are what the worker runs; `views` are the reader's pages, `admin` the editors' counts.
"""
