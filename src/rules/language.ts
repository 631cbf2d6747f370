/**
 * R26 — a user's language is one the site offers.
 *
 * Sources (docs/spec.md §7): `language` is a name (ENGLISH, …) and `languageID` a number; 030060
 * "Not a valid language."
 *
 * D-F7: checked when the site lists its languages (`site.languages`): `language` must be one of
 * the names (case-insensitive), `languageID` one of the ids, and when both are sent they must
 * name the same language. An empty `<language/>` is not checked.
 *
 * @module
 */
import * as E from '#fp-ts/Either.js'
import { ruleViolation, type RuleViolation } from '../errors/ruleViolation.js'
import type { SiteLanguage } from '../model/site.js'
import type { SetUserBody } from '../model/user.js'

/** 030060 when the request names a language the site does not offer. */
export const checkLanguage = (
  body: Pick<SetUserBody, 'language' | 'languageID'>,
  languages: readonly SiteLanguage[] | undefined,
): E.Either<RuleViolation, void> => {
  if (languages === undefined) return E.right(undefined)
  const name = body.language?.trim()
  // an empty <language/> is not checked, not even against languageID
  const named = name !== undefined && name !== ''
  const byName = named ? languages.find((l) => l.name.toLowerCase() === name.toLowerCase()) : undefined
  if (named && byName === undefined) return E.left(ruleViolation('R26', '030060', 'language'))
  if (body.languageID === undefined) return E.right(undefined)
  const byId = languages.find((l) => l.id === body.languageID)
  if (byId === undefined || (byName !== undefined && byName.id !== byId.id))
    return E.left(ruleViolation('R26', '030060', 'languageID'))
  return E.right(undefined)
}
