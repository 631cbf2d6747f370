/**
 * The playground in a real browser (D-PG6): the page is built, served by a static server on
 * 127.0.0.1 and driven in Debian's Chromium, headless, with a fresh profile.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const HERE = fileURLToPath(new URL('..', import.meta.url))
const DIST = join(HERE, 'dist')
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

let server: Server
let browser: BrowserContext | undefined
let profile: string
let origin: string
const requested: string[] = []

/** Serves the built page: its own files only, nothing else. */
const serve = (): Promise<Server> =>
  new Promise((resolve) => {
    const s = createServer((req, res) => {
      const path = normalize(decodeURIComponent((req.url ?? '/').split(/[?#]/)[0] ?? '/'))
      const file = join(DIST, path === '/' ? 'index.html' : path)
      requested.push(path)
      if (!file.startsWith(DIST)) {
        res.writeHead(403).end()
        return
      }
      try {
        const body = readFileSync(file)
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body)
      } catch {
        res.writeHead(404).end()
      }
    })
    s.listen(0, '127.0.0.1', () => {
      resolve(s)
    })
  })

beforeAll(async () => {
  await build({ configFile: join(HERE, 'vite.config.ts'), logLevel: 'warn' })
  server = await serve()
  origin = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`
  profile = mkdtempSync(join(tmpdir(), 'playground-chromium-'))
  // a persistent context on a fresh directory is Chromium's --user-data-dir
  browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => {
    server.close(resolve)
  })
  rmSync(profile, { recursive: true, force: true })
})

/** A new page on the playground; every request outside the page's origin fails the test. */
const newPage = (): Promise<Page> => {
  if (browser === undefined) throw new Error('no browser')
  return browser.newPage()
}

const open = async (hash = ''): Promise<{ page: Page; errors: string[] }> => {
  const page = await newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('request', (r) => {
    if (!r.url().startsWith(origin)) errors.push(`request outside the page: ${r.url()}`)
  })
  await page.goto(`${origin}/${hash}`)
  await page
    .getByTestId('status')
    .filter({ hasText: /SUCCESS|FAILURE/ })
    .waitFor()
  return { page, errors }
}

const diffRows = (page: Page): Promise<string[][]> =>
  page
    .getByTestId('diff')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)))

describe('the playground in Chromium', () => {
  it('D-PG6 R2 pick the meetingType 105 example: meetingTypes [1,2,3] → [105], explained by R2', async () => {
    const { page, errors } = await open()
    await page.getByTestId('preset').selectOption('prodids-123-124')
    await page.getByTestId('preset').selectOption('meetingtype-105')
    await expect.poll(() => diffRows(page)).toEqual([['meetingTypes', '[1,2,3]', '[105]', 'R2']])
    expect(await page.getByTestId('status').textContent()).toMatch(/^SUCCESS/)
    expect(await page.getByTestId('trace').textContent()).toContain('the entire set of sub elements is updated')
    expect(await page.getByTestId('response').textContent()).toContain('<serv:result>SUCCESS</serv:result>')
    expect(errors).toEqual([])
    await page.close()
  })

  it('D-PG6 R7 pick the PIN 1234 example: FAILURE InvalidPin, exceptionID 999999, in the status and on the wire', async () => {
    const { page, errors } = await open()
    await page.getByTestId('preset').selectOption('pin-1234')
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('InvalidPin (exceptionID 999999)')
    expect(await page.getByTestId('response').textContent()).toContain('<serv:exceptionID>999999</serv:exceptionID>')
    expect(await page.getByTestId('trace').textContent()).toContain('R7')
    expect(await diffRows(page)).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('D-PG6 paste a corpus message: its diff (wxdash-6 sets the work phone and the call-back option)', async () => {
    const { page, errors } = await open()
    const message = readFileSync(join(HERE, '../test/fixtures/corpus/setuser-wxdash-6.xml'), 'utf8')
    await page.getByTestId('request').fill(message)
    // the stored jdoe is given the message's webExId (retarget, on by default), so only the sent elements change
    await expect
      .poll(() => diffRows(page))
      .toEqual([
        ['phones.phone', '(absent)', '"1,408,5551234"', 'R1'],
        ['options.workPhoneCallback', '(absent)', 'true', 'R1'],
      ])
    expect(errors).toEqual([])
    await page.close()
  })

  it('D-PG6 D-PG5 share a case and reload it: the same inputs and the same answer, and no request leaves the page', async () => {
    const { page, errors } = await open()
    await page.getByTestId('preset').selectOption('host-joinbeforehost')
    await page.getByTestId('caller').fill('jdoe')
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('NoPrivilege (exceptionID 000001)')
    await page.getByTestId('share').click()
    const url = await page.getByTestId('share-url').inputValue()
    expect(url).toMatch(new RegExp(`^${origin}/#case=[A-Za-z0-9_-]+$`))
    const before = await page.getByTestId('response').textContent()

    const second = await newPage()
    await second.goto(url)
    await second.getByTestId('status').filter({ hasText: 'NoPrivilege' }).waitFor()
    expect(await second.getByTestId('caller').inputValue()).toBe('jdoe')
    expect(await second.getByTestId('role').inputValue()).toBe('host')
    expect(await second.getByTestId('request').inputValue()).toBe(await page.getByTestId('request').inputValue())
    expect(await second.getByTestId('response').textContent()).toBe(before)
    await second.reload()
    await second.getByTestId('status').filter({ hasText: 'NoPrivilege' }).waitFor()
    expect(await second.getByTestId('caller').inputValue()).toBe('jdoe')
    expect(errors).toEqual([])
    expect(
      requested.filter((path) => !(path === '/' || path === '/favicon.svg' || path.startsWith('/assets/'))),
    ).toEqual([])
    await second.close()
    await page.close()
  })

  it('D-PG6 a stored user pasted as a GetUser response, a broken site: the page names the input, it does not throw', async () => {
    const { page, errors } = await open()
    await page.getByTestId('user-preset').selectOption('atlas')
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^(SUCCESS|FAILURE)/)
    await page.getByTestId('site').fill('{ not json')
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^site: not JSON/)
    expect(errors).toEqual([])
    if (process.env['PLAYGROUND_SCREENSHOT'] !== undefined) {
      await page.setViewportSize({ width: 1400, height: 1000 })
      await page.getByTestId('user-preset').selectOption('jdoe')
      await page.getByTestId('site').fill(readFileSync(join(HERE, '../examples/demo/site.json'), 'utf8'))
      // a request that shows every part of the page: a list replaced, a role normalised, notices, effects
      await page.getByTestId('request').fill(
        JSON.stringify(
          {
            webExId: 'jdoe',
            meetingTypes: [105],
            privilege: { siteAdmin: true, host: true },
            newWebExId: 'jane',
            syncWebOffice: true,
          },
          null,
          1,
        ),
      )
      await page.getByTestId('status').filter({ hasText: 'SUCCESS' }).waitFor()
      await page.getByTestId('share').click()
      await page.getByTestId('trace').click()
      await page.screenshot({ path: process.env['PLAYGROUND_SCREENSHOT'] })
    }
    await page.close()
  })
})
