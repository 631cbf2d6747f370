// The seed's own examples, run through the built package (`npm run demo` builds first): first
// through the command line with the diff view, on the XML messages in examples/demo/, then a few
// more rules through the API.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { applySetUser, countActiveHosts, formatError, isValidPin } from 'webex-user-rules'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Runs the CLI the way a user would, and shows the command, its output and its exit status. */
const cli = (title, request, extra = []) => {
  const args = [
    'apply',
    '--user',
    'examples/demo/jdoe.json',
    '--site',
    'examples/demo/site.json',
    '--request',
    `examples/demo/${request}`,
    ...extra,
    '--format',
    'diff',
  ]
  const run = spawnSync(process.execPath, ['dist/cli/main.js', ...args], { cwd: root, encoding: 'utf8' })
  console.log(`\n▶ ${title}`)
  console.log(`  $ webex-user-rules ${args.join(' ')}`)
  const output = `${run.stdout}${run.stderr}`.trimEnd()
  console.log(`  ${output.split('\n').join('\n  ')}`)
  console.log(`  (exit status ${run.status})`)
}

console.log('webex-user-rules — the SetUser reference page, example by example')
console.log('\n— through the command line (stored user examples/demo/jdoe.json, site examples/demo/site.json) —')

cli('"all previous <meetingType> values would be replaced by the single 105 value" (R2)', 'meetingtype-105.xml')
cli('prodIDs 120,123 updated with 123,124 give 124,123 (R4)', 'prodids-123-124.xml')
cli('a PIN of 1234 is "Not a valid PIN" (R7), here sent by the host himself', 'pin-1234.xml', ['--role', 'host'])
cli(
  'only a site admin may set personalTeleconf/joinBeforeHost: a host gets NoPrivilege 000001 (R9)',
  'host-joinbeforehost.xml',
  ['--role', 'host'],
)

console.log('\n— more rules, through the API —')

const site = {
  activeHostCount: 4,
  hostLimit: 4,
  allowUserToChangeUserName: false,
  takenWebExIds: [],
  productIds: [120, 123, 124],
  controlHubManaged: false,
}
const admin = { webExId: 'admin', role: 'siteAdmin' }
const show = (value) => JSON.stringify(value)

const example = (title, current, request, siteContext = site) => {
  const result = applySetUser(current, siteContext, request)
  console.log(`\n▶ ${title}`)
  console.log(`  request  ${show(request.body)}  (caller ${request.caller.role})`)
  if (result._tag === 'Left') {
    console.log(`  ✗ ${formatError(result.left).split('\n').join('\n    ')}`)
    return
  }
  const { user, effects, notices } = result.right
  console.log(`  before   ${show(current)}`)
  console.log(`  after    ${show(user)}`)
  for (const n of notices) console.log(`  notice   ${n.kind} ${n.path}: ${n.message}`)
  for (const e of effects) console.log(`  effect   ${show(e)}`)
}

example(
  'siteAdmin and host both TRUE: the role is siteAdmin (R3)',
  { webExId: 'jdoe', privilege: { host: true } },
  { caller: admin, body: { webExId: 'jdoe', privilege: { siteAdmin: true, host: true } } },
)
example(
  'none of the three TRUE: the role is host (R3)',
  { webExId: 'jdoe', privilege: { roSiteAdmin: true } },
  { caller: admin, body: { webExId: 'jdoe', privilege: { roSiteAdmin: false } } },
)
console.log(
  `\n▶ PIN rule (R7): 1111 valid? ${isValidPin('1111')}; 1234 valid? ${isValidPin('1234')}; 4826 valid? ${isValidPin('4826')}`,
)
example(
  'account-level joinBeforeHost is ignored (R9)',
  { webExId: 'jdoe', phones: { PIN: '4826' } },
  {
    caller: admin,
    body: {
      webExId: 'jdoe',
      personalTeleconf: { account: [{ accountIndex: 1, joinBeforeHost: true, autoGenerate: true }] },
    },
  },
)
example(
  'sme FALSE removes all smeInfo (R4)',
  { webExId: 'jdoe', salesCenter: { roles: { sme: true }, smeInfo: { description: 'Widgets', products: [120] } } },
  { caller: admin, body: { webExId: 'jdoe', salesCenter: { roles: { sme: false } } } },
)
example(
  'activating a host on a site at its host limit: exceededSiteHostLimit (R6)',
  { webExId: 'jdoe', active: 'DEACTIVATED' },
  { caller: admin, body: { webExId: 'jdoe', active: 'ACTIVATED' } },
)
example(
  'an attendee account is not counted, so it activates at the limit (R6)',
  { webExId: 'guest', active: 'DEACTIVATED', privilege: { attendeeOnly: true } },
  { caller: admin, body: { webExId: 'guest', active: 'ACTIVATED' } },
)
console.log(
  `\n▶ countActiveHosts (R6): site admin, read-only admin and host count; attendee and chat user do not → ${countActiveHosts(
    [
      { webExId: 'a', privilege: { siteAdmin: true } },
      { webExId: 'b', privilege: { roSiteAdmin: true } },
      { webExId: 'c' },
      { webExId: 'd', privilege: { attendeeOnly: true } },
      { webExId: 'e', designatedChatUser: true },
    ],
  )}`,
)
