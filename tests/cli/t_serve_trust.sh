# serve, turn 3: trust first (tests/web/http_trust_test.py: restart, revoke,
# anonymous floods, the proxy, limits, independent scoring, roles, submit;
# tests/web/http_slow_test.py: the 15 s deadline against trickling clients).
check serve-bad-public-url 2 "$SW" serve --public-url https://cards.example.com/app \
    --listen 127.0.0.1:0 "$TMP"
assert serve-trust-http python3 tests/web/http_trust_test.py "$SW"
assert serve-slow-clients python3 tests/web/http_slow_test.py "$SW"
