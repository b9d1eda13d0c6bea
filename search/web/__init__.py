"""The reader's side: the search page, the JSON API and their URLs. Both run the query pipeline through the
failover between engines (search/engines/failover.py).
"""
