#!/usr/bin/env bash
# Runs `webex-user-rules conformance` over HTTP against the built example server (serial rounds:
# the example server's concurrent SetUser race is documented in issue 11 and D-K7). Needs `npm run build`.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
log="$work/server.log"
node examples/server/dist/main.js --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do grep -q 'listening on' "$log" && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$log" | head -n 1)
# the seed's site settings, and its active hosts (the users outside the kit's prefix)
node --input-type=module -e "
import { readFileSync, writeFileSync } from 'node:fs'
import { countActiveHosts } from 'webex-user-rules'
const seed = JSON.parse(readFileSync('examples/server/seed.json', 'utf8'))
writeFileSync('$work/site.json', JSON.stringify({ ...seed.site, otherActiveHosts: countActiveHosts(seed.users) }))
"
WUR_ADMIN_PASSWORD=DummyPass-1 node dist/cli/main.js conformance --url "$url" --admin admin --site "$work/site.json" \
  --runs "${CONFORMANCE_RUNS:-30}" --seed "${FC_SEED:-20261205}" --concurrency 1 --report reports/conformance-example.json
