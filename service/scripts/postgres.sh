#!/usr/bin/env bash
# Starts Debian's PostgreSQL 15 on 127.0.0.1 only and creates the test role and database
# (idempotent). Prints the connection URL on stdout. Used by .ci/run (as root) and by hand.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null || [ ! -d /etc/postgresql/15/main ]; then
  # a fresh machine may have no package lists yet
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2
fi
conf=/etc/postgresql/15/main/postgresql.conf
if ! grep -q "^listen_addresses = '127.0.0.1'" "$conf"; then
  echo "listen_addresses = '127.0.0.1'" >>"$conf"
fi
if ! pg_lsclusters -h | grep -q ' online'; then
  pg_ctlcluster 15 main start >&2
fi
for _ in $(seq 1 30); do
  su postgres -c "psql -qAt -c 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
user=webex_test
password=webex_test_pw
db=webex_test
su postgres -c "psql -qAt -c \"select 1 from pg_roles where rolname = '$user'\"" | grep -q 1 ||
  su postgres -c "psql -q -c \"create role $user login createdb password '$password'\"" >&2
su postgres -c "psql -qAt -c \"select 1 from pg_database where datname = '$db'\"" | grep -q 1 ||
  su postgres -c "createdb -O $user $db" >&2
echo "postgres://$user:$password@127.0.0.1:5432/$db"
