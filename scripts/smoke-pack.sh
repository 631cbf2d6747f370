#!/usr/bin/env bash
# Packs the package, installs the tarball into an empty project and uses it under plain Node, as
# `import` and as `require`. The only check that catches imports that tsc, vitest, publint and
# attw all accept but Node's ESM resolver does not (e.g. `fp-ts/Either`).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work" | tail -n 1)
mkdir "$work/consumer" && cd "$work/consumer"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$work/$tarball" fp-ts@2.16.11 io-ts@2.2.22
cat > check.mjs <<'JS'
import assert from 'node:assert/strict'
import { applyCreateUser, applySetUser, isValidPin } from 'webex-user-rules'
const site = { activeHostCount: 1, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }
const r = applySetUser({ webExId: 'jdoe', meetingTypes: [1, 2, 3] }, site, {
  caller: { webExId: 'admin', role: 'siteAdmin' },
  body: { webExId: 'jdoe', meetingTypes: [105] },
})
assert.equal(r._tag, 'Right')
assert.deepEqual(r.right.user.meetingTypes, [105])
assert.equal(isValidPin('1234'), false)
const { parseSetUserMessage } = await import('webex-user-rules/xml')
const m = parseSetUserMessage('<serv:message><header><securityContext><webExID>a</webExID></securityContext></header><body><bodyContent xsi:type="java:com.webex.service.binding.user.SetUser"><webExId>jdoe</webExId><phones><PIN>0123</PIN></phones></bodyContent></body></serv:message>')
assert.equal(m._tag, 'Right')
assert.equal(m.right.body.phones.PIN, '0123')
const { newUserOf } = await import('webex-user-rules/new-user')
const created = applyCreateUser(
  { activeHostCount: 0, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false },
  { caller: { webExId: 'admin', role: 'siteAdmin' }, body: { webExId: 'n', email: 'n@example.com', password: 'Pw-1', firstName: 'N', lastName: 'U' } },
  newUserOf({ registeredAt: Date.UTC(2016, 1, 8, 23, 21, 23) }),
)
assert.equal(created.right.user.registrationDate, '02/08/2016 15:21:23')
console.log('import: ok')
JS
node check.mjs
node -e "
const assert = require('node:assert/strict');
const { applySetUser } = require('webex-user-rules');
const r = applySetUser({ webExId: 'jdoe' }, { activeHostCount: 0, allowUserToChangeUserName: false, takenWebExIds: [], productIds: [], controlHubManaged: false }, { caller: { webExId: 'jdoe', role: 'host' }, body: { webExId: 'jdoe', phones: { PIN: '1111' } } });
assert.equal(r._tag, 'Left'); assert.equal(r.left._tag, 'InvalidPin');
console.log('require: ok');
"
./node_modules/.bin/webex-user-rules --help | head -n 1
# webex-user-rules/testing needs fast-check, an optional peer: the subcommand's help says so, and a run
# without it says so (exit 2)
./node_modules/.bin/webex-user-rules conformance --help | grep -q 'needs fast-check'
status=0
./node_modules/.bin/webex-user-rules conformance --url http://127.0.0.1:9/ --admin admin:pw 2>conformance.err || status=$?
test "$status" -eq 2
grep -q 'needs fast-check' conformance.err
npm install --no-audit --no-fund --silent fast-check@4.10.2
node --input-type=module -e "
import assert from 'node:assert/strict'
const { checkConformance, httpSender, adminBodyArb } = await import('webex-user-rules/testing')
assert.equal(typeof checkConformance, 'function')
assert.equal(typeof httpSender('http://127.0.0.1:9/'), 'function')
assert.equal(typeof adminBodyArb.generate, 'function')
console.log('testing entry: ok')
"
./node_modules/.bin/webex-user-rules conformance --help | head -n 1
echo "packed package: $tarball"
