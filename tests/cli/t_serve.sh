# serve and people: usage, the people file, then the web app over real HTTP
# (tests/web/http_test.py: sign-in, headers, CSRF, rights, limits, races).
# Run in $TMP so that messages name files the same way on every run.
P=people.xml
in_tmp() {
    (cd "$TMP" && "$@")
}
hidden() {   # people's output without the random token and the clock
    (cd "$TMP" && "$SW" people "$@") |
        sed -e 's/t=[0-9a-f]\{64\}$/t=TOKEN/' -e 's/20[0-9][0-9]-[0-9-]*T[0-9:]*Z/TIME/'
}
check people-no-file 2 "$SW" people list
check people-bad-subcommand 2 in_tmp "$SW" people frob --people "$P"
check people-add-no-id 2 in_tmp "$SW" people add --people "$P" --role interviewer
check people-add-no-role 2 in_tmp "$SW" people add --people "$P" akim
check people-add-bad-id 2 in_tmp "$SW" people add --people "$P" --role interviewer ../x
check people-list-missing 3 in_tmp "$SW" people list --people "$P"
check people-add 0 hidden add --people "$P" --role interviewer --name "Ana Kim" \
    --email akim@example.org --url https://cards.example/ akim
check people-add-again 1 in_tmp "$SW" people add --people "$P" --role committee akim
check people-add-committee 0 hidden add --people "$P" --role committee cara
check people-list 0 hidden list --people "$P"
assert people-mode-0600 test "$(stat -c %a "$TMP/$P")" = 600
check people-revoke 0 in_tmp "$SW" people revoke --people "$P" cara
check people-revoke-unknown 1 in_tmp "$SW" people revoke --people "$P" cara
printf '<people xmlns="urn:scorewheel:people:1">\n<person id="a" role="boss" token-sha256="00"/>\n</people>\n' >"$TMP/bad-people.xml"
check people-bad-file 1 in_tmp "$SW" people list --people bad-people.xml
check_rc people-help 0 "$SW" people --help
# 8 at once on one file: they take turns, nobody is lost.
for n in 1 2 3 4 5 6 7 8; do
    (cd "$TMP" && "$SW" people add --people many.xml --role interviewer "p$n" >/dev/null) &
done
wait
assert people-concurrent-adds test "$(cd "$TMP" && "$SW" people list --people many.xml | tail -n +2 | wc -l)" = 8

mkdir -p "$TMP/serve-req"
check serve-no-req 2 "$SW" serve
check serve-not-loopback 2 in_tmp "$SW" serve --listen 192.0.2.1:8080 serve-req
check serve-bad-listen 2 in_tmp "$SW" serve --listen localhost serve-req
check serve-cert-alone 2 in_tmp "$SW" serve --tls-cert x.pem serve-req
check serve-missing-req 3 in_tmp "$SW" serve no-such-req
check serve-bad-people 1 in_tmp "$SW" serve --people bad-people.xml serve-req
check_rc serve-help 0 "$SW" serve --help
assert serve-http python3 tests/web/http_test.py "$SW"
assert serve-pages-http python3 tests/web/http_pages_test.py "$SW" "$B/tools/gencards"
assert serve-help-80-columns sh -c "! '$SW' serve --help | awk 'length > 80' | grep -q ."
assert people-help-80-columns sh -c "! '$SW' people --help | awk 'length > 80' | grep -q ."
# `serve .` serves the current folder under its own name (it was refused:
# '.' cannot name a requisition in a URL).
python3 - "$SW" "$TMP/serve-req" <<'PY'
import re, subprocess, sys, urllib.request
p = subprocess.Popen([sys.argv[1], "serve", "--listen", "127.0.0.1:0", "."], cwd=sys.argv[2],
                     stderr=subprocess.PIPE, text=True)
try:
    line = ""
    while "listening on" not in line:
        line = p.stderr.readline()
        if not line:
            sys.exit(1)
    url = re.search(r"http://\S+/", line).group(0)
    with urllib.request.urlopen(url + "r/serve-req") as r:
        ok = r.status == 200
finally:
    p.terminate()
    p.wait(60)
sys.exit(0 if ok and p.returncode == 0 else 1)
PY
assert serve-dot test $? = 0
