/**
 * Which element names hold secrets (D-E1): the values errors, the CLI and the service's log never show.
 */
import { describe, expect, it } from 'vitest'
import { isSecretName, REDACTED, redactSecrets } from '../../src/index.js'

describe('D-E1 secret names', () => {
  it('names every credential of the user tree and the securityContext as secret', () => {
    const secret = [
      'password',
      'passwordHintAnswer',
      'PIN',
      'hostPIN',
      'subscriberAccessCode',
      'participantFullAccessCode',
      'participantLimitedAccessCode',
      'moderatorCode',
      'sessionTicket',
      'webExAccessToken',
    ]
    expect(secret.filter((name) => !isSecretName(name))).toEqual([])
  })

  it('keeps codes that are not credentials readable', () => {
    expect(['trackingCode1', 'trackingCode10', 'zipCode', 'webExId', 'email'].filter(isSecretName)).toEqual([])
  })

  it("redacts a third-party teleconference account's moderator code", () => {
    const user = {
      thirdPartyTeleconf: { account: [{ accountIndex: 1, moderatorCode: 'MODCODE66', serviceName: 'x' }] },
    }
    expect(redactSecrets(user)).toEqual({
      thirdPartyTeleconf: { account: [{ accountIndex: 1, moderatorCode: REDACTED, serviceName: 'x' }] },
    })
  })
})
