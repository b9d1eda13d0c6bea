"""Container health: the admin login page answers without a server error.

It asks with the first allowed host as the Host header, since Django rejects any other host.
"""

import os
import sys
import urllib.error
import urllib.request

allowed_hosts = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost").split(",")]
host = next((h.lstrip(".") for h in allowed_hosts if h and h != "*"), "localhost")
request = urllib.request.Request("http://127.0.0.1:8000/admin/login/", headers={"Host": host})
try:
    with urllib.request.urlopen(request, timeout=4) as response:
        status = response.status
except urllib.error.HTTPError as error:
    status = error.code
except OSError as error:
    sys.exit(f"unhealthy: {error}")
sys.exit(0 if status < 500 else f"unhealthy: HTTP {status}")
