"""The editors' search console: the query log, promoted results, reports and saved relevance checks."""
