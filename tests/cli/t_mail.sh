# t_mail.sh - mail: people add --send, remind (rule 15, digests, packets),
# the outbox through a relay that is down, killed passes; a real SMTP server
# on loopback (tests/web/mail_test.py, python3-aiosmtpd). Usage errors here.

check_rc mail-remind-needs-relay 2 "$SW" remind --people "$TMP/p.xml" "$TMP"
check_rc mail-remind-bad-url 2 "$SW" remind --people "$TMP/p.xml" --mail http://x \
    --mail-from a@b "$TMP"
check_rc mail-remind-bad-from 2 "$SW" remind --people "$TMP/p.xml" --mail smtp://127.0.0.1:1 \
    --mail-from 'a b@c' "$TMP"
check_rc mail-people-send-needs-email 2 "$SW" people add --people "$TMP/p.xml" \
    --role interviewer --send --mail smtp://127.0.0.1:1 --mail-from a@b akim

# The interpreter that has aiosmtpd (Debian's python3 has it with python3-aiosmtpd).
mail_py=""
for py in python3 /usr/bin/python3; do
    if "$py" -c 'import aiosmtpd' 2>/dev/null; then mail_py=$py; break; fi
done
if [ -n "$mail_py" ]; then
    assert mail-smtp "$mail_py" tests/web/mail_test.py "$SW"
else
    fail "mail-smtp: python3-aiosmtpd is not installed (tools/deps.sh check)"
fi
