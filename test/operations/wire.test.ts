/**
 * The sibling operations on the wire and on the command line (issue 8): the corpus CreateUser and
 * GetUser messages, DelUser / ActivateUser / InactivateUser messages rendered and parsed back, and
 * the CLI's `create`, `get`, `delete`, `activate`, `inactivate`.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { applyCreateUser, applyGetUser, type User } from 'webex-user-rules'
import {
  parseGetUserResponse,
  parseOperationMessage,
  parseRequestMessage,
  parseResponseStatus,
  renderCreateUserResponse,
  renderGetUserResponse,
  renderRequestMessage,
} from 'webex-user-rules/xml'
import { run, type CliIO } from '../../src/cli/run.js'
import { ADMIN, site } from '../helpers.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const corpus = (file: string): string => readFileSync(`${ROOT}test/fixtures/corpus/${file}`, 'utf8')

const SITE = JSON.stringify({
  activeHostCount: 1,
  hostLimit: 10,
  allowUserToChangeUserName: false,
  takenWebExIds: ['moodleapi'],
  productIds: [],
  controlHubManaged: true,
})
const USERS = JSON.stringify([
  { webExId: 'moodleapi', privilege: { siteAdmin: true } },
  { webExId: 'jsmith', userId: 42, supportedServices: { meetingCenter: true } },
  { webExId: 'jdoe', active: 'DEACTIVATED' },
])
const io = (files: Record<string, string>): CliIO => ({
  isTTY: false,
  readFile: (path) => {
    if (Object.hasOwn(files, path)) return new TextEncoder().encode(files[path])
    return readFileSync(`${ROOT}${path}`)
  },
})

describe('CreateUser on the wire', () => {
  it('the corpus Moodle CreateUser parses to its exact body (entities decoded)', () => {
    expect(parseOperationMessage(corpus('createuser-moodle-1.xml'), 'CreateUser')).toEqual(
      E.right({
        operation: 'CreateUser',
        securityContext: { webExID: 'moodleapi', password: 'DummyPass-3', siteName: 'examplesite' },
        body: {
          firstName: 'Ana',
          lastName: "O'Neil",
          webExId: 'student42',
          email: 'ana.oneil@example.edu',
          password: 'Rnd&Pw-9x2Q',
          privilege: { host: true },
          active: 'ACTIVATED',
          schedulingPermission: 'moodleapi',
        },
      }),
    )
  })

  it('applied, answered with the userId, and read back through GetUser XML', () => {
    const message = parseOperationMessage(corpus('createuser-moodle-1.xml'), 'CreateUser')
    if (E.isLeft(message)) expect.fail('expected the corpus CreateUser to parse')
    const created = applyCreateUser(site(), { caller: ADMIN, body: message.right.body })
    if (E.isLeft(created)) expect.fail(JSON.stringify(created.left))
    expect(parseResponseStatus(renderCreateUserResponse(created, 962225390))).toEqual(
      E.right({ result: 'SUCCESS', gsbStatus: 'PRIMARY' }),
    )
    const stored: User = { ...created.right.user, userId: 962225390 }
    const view = applyGetUser([stored], { caller: ADMIN, body: { webExId: 'student42' } })
    expect(E.isRight(view) && view.right.password).toBe('******')
    // GetUser as a real response, read back: the stored user minus the masked password
    const { password: _masked, ...withoutPassword } = stored
    expect(parseGetUserResponse(renderGetUserResponse(stored))).toEqual(E.right(withoutPassword))
  })

  it('the corpus GetUser request names its user', () => {
    expect(parseOperationMessage(corpus('getuser-ciscodevnet-1.xml'), 'GetUser')).toMatchObject(
      E.right({ body: { webExId: 'dstaudt' } }),
    )
  })
})

describe('DelUser, ActivateUser and InactivateUser messages', () => {
  const securityContext = { webExID: 'admin', siteName: 'examplesite' }

  it('DelUser: 1..50 repeated webExId elements round-trip; 51 is an InvalidRequest', () => {
    const message = {
      operation: 'DelUser' as const,
      securityContext,
      body: { webExId: ['jsmith', 'jdoe'], syncWebOffice: true },
    }
    const xml = renderRequestMessage(message)
    expect(xml).toContain('<webExId>jsmith</webExId><webExId>jdoe</webExId>')
    expect(parseRequestMessage(xml)).toEqual(E.right(message))
    const many = renderRequestMessage({
      ...message,
      body: { webExId: Array.from({ length: 51 }, (_, i) => `u${String(i)}`) },
    })
    expect(parseRequestMessage(many)).toMatchObject(E.left({ failures: [{ source: 'body', path: 'webExId' }] }))
  })

  it('ActivateUser / InactivateUser use the schema spellings webexID and userID', () => {
    for (const operation of ['ActivateUser', 'InactivateUser'] as const) {
      const message = { operation, securityContext, body: { userID: 962225390 } }
      expect(parseRequestMessage(renderRequestMessage(message))).toEqual(E.right(message))
    }
    const wrongCase = renderRequestMessage({
      operation: 'ActivateUser',
      securityContext,
      body: { webexID: 'x' },
    }).replace(/webexID/g, 'webExId')
    expect(parseRequestMessage(wrongCase)).toMatchObject(
      E.left({ failures: [{ path: 'webExId', hint: 'did you mean "webexID"?' }] }),
    )
  })
})

describe('CLI subcommands', () => {
  it('create: the corpus CreateUser, as JSON with the licence effect', () => {
    const result = run(
      ['create', '--site', 'site.json', '--request', 'test/fixtures/corpus/createuser-moodle-1.xml'],
      io({ 'site.json': SITE }),
    )
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({
      user: { webExId: 'student42', active: 'ACTIVATED' },
      effects: [],
    })
  })

  it('create: a missing element is exit 1 with 030009', () => {
    const result = run(
      ['create', '--site', 'site.json', '--request', 'body.json', '--format', 'diff'],
      io({ 'site.json': SITE, 'body.json': '{"webExId":"x"}' }),
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain('MissingRequiredElements (exceptionID 030009)')
  })

  it('get: the corpus GetUser request against a list of users, as the XML answer', () => {
    const result = run(
      [
        'get',
        '--users',
        'users.json',
        '--request',
        'test/fixtures/corpus/getuser-ciscodevnet-1.xml',
        '--format',
        'xml',
      ],
      io({ 'users.json': JSON.stringify([{ webExId: 'dstaudt', phones: { PIN: '0427' } }]) }),
    )
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(
      '<use:webExId>dstaudt</use:webExId><use:phones><use:PIN>0427</use:PIN></use:phones>',
    )
  })

  it('delete: per-user outcomes in the diff view, licence removal on Control Hub', () => {
    const result = run(
      ['delete', '--site', 'site.json', '--users', 'users.json', '--request', 'del.json', '--format', 'diff'],
      io({ 'site.json': SITE, 'users.json': USERS, 'del.json': '{"webExId":["jsmith","ghost"]}' }),
    )
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('jsmith: SUCCESS')
    expect(result.stdout).toContain('changed  active: (absent) → "DEACTIVATED"')
    expect(result.stdout).toContain('effect   removeMeetingLicense {"service":"meetingCenter"}')
    expect(result.stdout).toContain('ghost: FAILURE')
  })

  it('activate / inactivate by userID and webexID; a host caller is refused', () => {
    const files = { 'site.json': SITE, 'users.json': USERS, 'a.json': '{"webexID":"jdoe"}', 'i.json': '{"userID":42}' }
    const activated = run(
      ['activate', '--site', 'site.json', '--users', 'users.json', '--request', 'a.json'],
      io(files),
    )
    expect(activated.exitCode).toBe(0)
    expect(JSON.parse(activated.stdout)).toMatchObject({ user: { webExId: 'jdoe', active: 'ACTIVATED' } })
    const inactivated = run(
      ['inactivate', '--site', 'site.json', '--users', 'users.json', '--request', 'i.json', '--format', 'xml'],
      io(files),
    )
    expect(inactivated.stdout).toContain('xsi:type="use:inactivateUserResponse"')
    const host = run(
      ['activate', '--site', 'site.json', '--users', 'users.json', '--request', 'a.json', '--role', 'host'],
      io(files),
    )
    expect(host.exitCode).toBe(1)
  })

  it('missing files for a subcommand are exit 2', () => {
    expect(run(['delete', '--site', 'site.json', '--request', 'x.json'], io({ 'site.json': SITE })).exitCode).toBe(2)
    expect(run(['frobnicate'], io({})).exitCode).toBe(2)
  })
})
