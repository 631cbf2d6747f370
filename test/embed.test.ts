/**
 * The README's "Embed in a server" handler (examples/embed/handler.ts): the README shows exactly
 * its code, and it answers corpus messages the way the spec says.
 */
import { readFileSync } from 'node:fs'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { countActiveHosts, type Effect, type User } from 'webex-user-rules'
import { parseResponseStatus } from 'webex-user-rules/xml'
import { type Db, handleSetUser } from '../examples/embed/handler.js'

const read = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8')

const memoryDb = (users: User[]): Db & { saved: [string, User, readonly Effect[]][] } => {
  const saved: [string, User, readonly Effect[]][] = []
  const find = (id: string | undefined) => users.find((u) => u.webExId.toLowerCase() === id?.toLowerCase())
  return {
    saved,
    authenticate: (context) => Promise.resolve(find(context.webExID)),
    getUser: (webExId) => Promise.resolve(find(webExId)),
    siteFor: (webExId) =>
      Promise.resolve({
        activeHostCount: countActiveHosts(users),
        allowUserToChangeUserName: false,
        takenWebExIds: users.filter((u) => u.webExId !== webExId).map((u) => u.webExId),
        productIds: [],
        controlHubManaged: false,
      }),
    save: (previous, user, effects) => {
      saved.push([previous, user, effects])
      return Promise.resolve()
    },
  }
}

describe('README "Embed in a server"', () => {
  it('the README shows the handler of examples/embed/handler.ts, line for line', () => {
    const source = read('examples/embed/handler.ts')
    const handler = source.slice(source.indexOf('// README: begin\n') + 17, source.indexOf('// README: end'))
    expect(handler.length).toBeGreaterThan(500)
    expect(read('README.md')).toContain(handler)
  })

  it('docs/spec.md §5 applies a corpus SetUser and answers SUCCESS (corpus atlas-1)', async () => {
    const db = memoryDb([
      { webExId: 'admin@example.com', privilege: { siteAdmin: true } },
      { webExId: 'JDoe@example.com', meetingTypes: [1] },
    ])
    const xml = await handleSetUser(db, read('test/fixtures/corpus/setuser-atlas-1.xml'))
    expect(parseResponseStatus(xml)).toEqual(E.right({ result: 'SUCCESS', gsbStatus: 'PRIMARY' }))
    expect(db.saved).toEqual([
      [
        'JDoe@example.com',
        {
          webExId: 'JDoe@example.com',
          meetingTypes: [214, 216],
          supportedServices: {
            meetingCenter: true,
            trainingCenter: false,
            supportCenter: false,
            eventCenter: true,
            salesCenter: false,
          },
        },
        [],
      ],
    ])
  })

  it('answers FAILURE: malformed 999999, unknown caller 030002, unknown user 030001, host 000001', async () => {
    const db = memoryDb([
      { webExId: 'admin', privilege: { siteAdmin: true } },
      { webExId: 'jsmith', privilege: { host: true } },
    ])
    const ids = async (xml: string) => {
      const status = parseResponseStatus(await handleSetUser(db, xml))
      return E.isRight(status) ? status.right.exceptionID : 'unreadable'
    }
    expect(await ids(read('test/fixtures/corpus/setuser-wxdash-13.xml'))).toBe('999999')
    expect(await ids(read('test/fixtures/corpus/setuser-atlas-1.xml'))).toBe('030002')
    expect(await ids(read('test/fixtures/corpus/setuser-wxdash-7.xml'))).toBe('030001')
    const byHost = read('test/fixtures/corpus/setuser-borgified-1.xml').replace('svc-admin', 'jsmith')
    expect(await ids(byHost.replace('<webExId>jsmith</webExId>', '<webExId>admin</webExId>'))).toBe('000001')
    expect(db.saved).toEqual([])
  })
})
