/**
 * Passwords, session tickets and access tokens (issue 11 item 5).
 *
 * - Passwords: scrypt with a per-user random salt, compared with timingSafeEqual. An unknown
 *   user, or one without a password, is checked against a dummy hash, so every failed password
 *   costs one scrypt and answers the same 030002.
 * - Tickets: 32 random bytes (base64url), stored only as SHA-256, bound to user and site, expiring.
 * - Access tokens: configured per site (a stand-in has no identity provider), stored as SHA-256.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt cost (N = 2^14, r = 8, p = 1: OWASP's floor for scrypt) and the stored key length. */
const N = 16_384
const R = 8
const P = 1
const KEY_BYTES = 32
const PREFIX = 'scrypt'

const derive = (password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: n, r, p, maxmem: 128 * n * r * 2 }, (error, key) => {
      if (error === null) resolve(key)
      else reject(error)
    })
  })

/** `scrypt$N$r$p$salt$key` (base64url), the parameters kept so they can be raised later. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16)
  const key = await derive(password, salt, N, R, P)
  return [PREFIX, N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

/** A hash of a password nobody knows: unknown users and users without a password meet it. */
const DUMMY = hashPassword(randomBytes(32).toString('base64url'))

/**
 * True when `password` matches `stored`. `stored` undefined (unknown user, or a user without a
 * password) still costs one scrypt, and is false.
 */
export const verifyPassword = async (password: string, stored: string | undefined | null): Promise<boolean> => {
  const usable = stored ?? (await DUMMY)
  const [prefix, n, r, p, salt, key] = usable.split('$')
  if (prefix !== PREFIX || n === undefined || r === undefined || p === undefined || salt === undefined) return false
  if (key === undefined) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n), Number(r), Number(p))
  return actual.length === expected.length && timingSafeEqual(actual, expected) && stored != null
}

/** SHA-256 in hex: how tickets and access tokens are stored and looked up. */
export const sha256 = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex')

/** A new session ticket: 256 random bits. */
export const newTicket = (): string => randomBytes(32).toString('base64url')

/** True when `token` is one of the site's tokens (compared as SHA-256, in constant time). */
export const tokenAccepted = (token: string, hashes: readonly string[]): boolean => {
  const presented = Buffer.from(sha256(token), 'hex')
  let found = false
  // every hash is compared, so the time does not say which one matched
  for (const hash of hashes) {
    const candidate = Buffer.from(hash, 'hex')
    if (candidate.length === presented.length && timingSafeEqual(candidate, presented)) found = true
  }
  return found
}
