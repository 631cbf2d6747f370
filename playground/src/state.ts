/**
 * The page's state in the URL, so a case can be shared (D-PG5): the inputs as JSON, UTF-8,
 * base64url, in the fragment — the fragment never leaves the browser, so no server sees a stored
 * user pasted into the page.
 */
import type { CallerRole } from 'webex-user-rules'
import type { Inputs } from './engine.js'

const ROLES: readonly CallerRole[] = ['siteAdmin', 'roSiteAdmin', 'host', 'attendee']
const KEY = 'case='

const toBase64Url = (bytes: Uint8Array): string => {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}

const fromBase64Url = (text: string): Uint8Array => {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'))
  return Uint8Array.from(binary, (c) => c.charCodeAt(0))
}

/** The fragment (`#case=…`) that holds `inputs`. */
export const encodeState = (inputs: Inputs): string =>
  `#${KEY}${toBase64Url(new TextEncoder().encode(JSON.stringify(inputs)))}`

/** The inputs of a fragment, or `undefined` when it holds none or is damaged. */
export const decodeState = (hash: string): Inputs | undefined => {
  const at = hash.indexOf(KEY)
  if (at === -1) return undefined
  try {
    const value = JSON.parse(new TextDecoder().decode(fromBase64Url(hash.slice(at + KEY.length)))) as unknown
    if (typeof value !== 'object' || value === null) return undefined
    const v = value as Record<string, unknown>
    const text = (key: string): string | undefined => (typeof v[key] === 'string' ? v[key] : undefined)
    const [user, site, request, caller] = [text('user'), text('site'), text('request'), text('caller')]
    const role = ROLES.find((r) => r === v['role'])
    if (user === undefined || site === undefined || request === undefined || caller === undefined) return undefined
    if (role === undefined || typeof v['retarget'] !== 'boolean') return undefined
    return { user, site, request, caller, role, retarget: v['retarget'] }
  } catch {
    return undefined
  }
}
