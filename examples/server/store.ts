/**
 * The example server's user store: in memory, but with an asynchronous interface like a real
 * database, so the server has to serialise its read-modify-write cycles (see server.ts).
 *
 * webExIds are looked up case-insensitively and stored with their own spelling (D-R20: the
 * embedder passes the stored spelling to the engine).
 */
import * as E from 'fp-ts/lib/Either.js'
import { countActiveHosts, SiteContext, User } from 'webex-user-rules'

/** The site as configured: everything but what the store computes from its users. */
export type SiteSettings = Omit<SiteContext, 'activeHostCount' | 'takenWebExIds'>

/** The JSON file the server starts from. */
export interface Seed {
  readonly site: SiteSettings
  readonly users: readonly User[]
}

const key = (webExId: string): string => webExId.toLowerCase()

/** Options of the in-memory store. */
export interface StoreOptions {
  /** Simulated database latency per call, in milliseconds (default 0: one event-loop turn). */
  readonly latencyMs?: number
}

export class UserStore {
  readonly #users = new Map<string, User>()
  /** Names each user had before a rename (R14: a new name must not clash with a prior one). */
  readonly #priorNames = new Map<string, string[]>()
  #nextUserId = 1_000_001

  private constructor(
    readonly settings: SiteSettings,
    private readonly latencyMs: number,
  ) {}

  /** Lets other requests run between reads and writes, as a database round trip would. */
  private roundTrip(): Promise<void> {
    return new Promise((resolve) => {
      if (this.latencyMs > 0) setTimeout(resolve, this.latencyMs)
      else setImmediate(resolve)
    })
  }

  /** A store from a seed, or the reasons the seed is unusable. */
  static create(seed: unknown, options: StoreOptions = {}): E.Either<string, UserStore> {
    if (typeof seed !== 'object' || seed === null) return E.left('the seed must be { "site": …, "users": […] }')
    const { site, users } = seed as Partial<Record<'site' | 'users', unknown>>
    if (typeof site !== 'object' || site === null)
      return E.left('site must be an object (SiteContext without the computed fields)')
    const settings = SiteContext.decode({ ...site, activeHostCount: 0, takenWebExIds: [] })
    if (E.isLeft(settings)) return E.left(`site: ${settings.left.map((e) => e.message ?? '').join('; ')}`)
    if (!Array.isArray(users)) return E.left('users must be a list')
    const { activeHostCount: _computed, takenWebExIds: _alsoComputed, ...rest } = settings.right
    const store = new UserStore(rest, options.latencyMs ?? 0)
    for (const [i, candidate] of (users as unknown[]).entries()) {
      const user = User.decode(candidate)
      if (E.isLeft(user)) return E.left(`users[${String(i)}]: ${user.left.map((e) => e.message ?? '').join('; ')}`)
      if (store.#users.has(key(user.right.webExId)))
        return E.left(`users[${String(i)}]: webExId ${user.right.webExId} twice`)
      store.#users.set(key(user.right.webExId), user.right)
    }
    return E.right(store)
  }

  async get(webExId: string): Promise<User | undefined> {
    await this.roundTrip()
    return this.#users.get(key(webExId))
  }

  /** Stores `user`, which was read as `previousWebExId` (a rename re-keys it, effect `renamed`). */
  async put(previousWebExId: string, user: User): Promise<void> {
    await this.roundTrip()
    if (key(previousWebExId) !== key(user.webExId)) {
      this.#users.delete(key(previousWebExId))
      const prior = this.#priorNames.get(key(previousWebExId)) ?? []
      this.#priorNames.delete(key(previousWebExId))
      this.#priorNames.set(key(user.webExId), [...prior, previousWebExId])
    }
    this.#users.set(key(user.webExId), user)
  }

  /**
   * The site as the engine needs it for a request about `webExId` (docs/spec.md §2 SiteContext): the
   * names and e-mails of every other user are taken.
   */
  async siteContext(webExId: string): Promise<SiteContext> {
    await this.roundTrip()
    const others = [...this.#users.entries()].filter(([k]) => k !== key(webExId))
    return {
      ...this.settings,
      activeHostCount: countActiveHosts(this.#users.values()),
      takenWebExIds: others.flatMap(([k, user]) => [user.webExId, ...(this.#priorNames.get(k) ?? [])]),
      takenEmails: others.flatMap(([, user]) => (user.email === undefined ? [] : [user.email])),
    }
  }

  /** Every stored user, as DelUser, ActivateUser and InactivateUser look them up. */
  async list(): Promise<readonly User[]> {
    await this.roundTrip()
    return [...this.#users.values()]
  }

  /** Stores a new user under a fresh `userId` (the server assigns it, CreateUser's response returns it). */
  async create(user: User): Promise<number> {
    await this.roundTrip()
    const userId = this.#nextUserId++
    this.#users.set(key(user.webExId), { ...user, userId })
    return userId
  }

  /** Every stored user (for tests and inspection). */
  snapshot(): readonly User[] {
    return [...this.#users.values()]
  }
}
