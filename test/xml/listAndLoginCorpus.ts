/**
 * What each corpus request of the list and login operations parses to (test/fixtures/corpus,
 * INDEX.md rows for authenticateuser-*, getloginticket-*, getloginurluser-*, lstsummaryuser-*).
 * Shared by corpus.test.ts (every file covered) and listAndLogin.test.ts.
 */
import type { RequestMessage } from 'webex-user-rules/xml'

export const LIST_AND_LOGIN_REQUESTS: readonly (readonly [string, RequestMessage])[] = [
  [
    'authenticateuser-atlas-1.xml',
    {
      operation: 'AuthenticateUser',
      securityContext: { siteName: 'examplesite', webExID: 'admin@example.com' },
      body: { accessToken: 'DummyAccessToken-02' },
    },
  ],
  [
    'authenticateuser-ciscodevnet-1.xml',
    {
      operation: 'AuthenticateUser',
      securityContext: { siteName: 'examplesite', webExID: 'host01', password: 'DummyPass-21' },
      body: {},
    },
  ],
  [
    'authenticateuser-ciscodoc-1.xml',
    {
      operation: 'AuthenticateUser',
      securityContext: { webExID: 'username', siteName: 'examplesite' },
      body: { accessToken: 'DummyAccessToken-04' },
    },
  ],
  [
    'authenticateuser-ciscopysamples-1.xml',
    {
      operation: 'AuthenticateUser',
      securityContext: { siteName: 'examplesite', webExID: 'host02' },
      body: { accessToken: 'DummyAccessToken-01' },
    },
  ],
  [
    'authenticateuser-ciscopysamples-2.xml',
    {
      operation: 'AuthenticateUser',
      securityContext: { siteName: 'examplesite', webExID: 'host02', password: 'DummyPass-22' },
      body: {},
    },
  ],
  [
    'authenticateuser-pyschedperm-1.xml',
    {
      operation: 'AuthenticateUser',
      securityContext: { webExID: 'admin@example.com', siteName: 'examplesite' },
      body: { accessToken: 'DummyAccessToken-03' },
    },
  ],
  [
    'authenticateuser-rubywebexapi-1.xml',
    {
      operation: 'AuthenticateUser',
      securityContext: {
        webExID: 'host03',
        password: 'DummyPass-27',
        siteID: 123456,
        partnerID: 'abc123',
        email: 'host03@example.com',
      },
      body: {
        protocol: 'SAML2.0',
        samlResponse:
          'PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46b2FzaXM6bmFtZXM6dGM6U0FNTDoyLjA6cHJvdG9jb2wiPmR1bW15PC9zYW1scDpSZXNwb25zZT4=',
      },
    },
  ],
  [
    'authenticateuser-rubywebexapi-2.xml',
    {
      operation: 'AuthenticateUser',
      securityContext: { webExID: 'host03', siteName: 'examplesite' },
      body: { accessToken: 'DummyAccessToken-05' },
    },
  ],
  [
    'getloginticket-ciscodevnet-1.xml',
    {
      operation: 'GetLoginTicket',
      securityContext: { siteName: 'examplesite', webExID: 'host01', sessionTicket: 'AAABBBdummySessionTicket000555' },
      body: {},
    },
  ],
  [
    'getloginticket-ciscodoc-1.xml',
    {
      operation: 'GetLoginTicket',
      securityContext: { siteName: 'examplesite', webExID: 'hostname@example.com', password: 'DummyPass-30' },
      body: {},
    },
  ],
  [
    'getloginticket-phpebexfork-1.xml',
    {
      operation: 'GetLoginTicket',
      securityContext: { webExID: 'apiadmin2', password: 'DummyPass-29', siteID: 123456, partnerID: 'abc123' },
      body: {},
    },
  ],
  [
    'getloginticket-rubywebexapi-1.xml',
    {
      operation: 'GetLoginTicket',
      securityContext: {
        webExID: 'host03',
        password: 'DummyPass-27',
        siteID: 123456,
        partnerID: 'abc123',
        email: 'host03@example.com',
      },
      body: {},
    },
  ],
  [
    'getloginurluser-ciscodevnet-1.xml',
    {
      operation: 'GetloginurlUser',
      securityContext: { siteName: 'examplesite', webExID: 'host01', sessionTicket: 'AAABBBdummySessionTicket000555' },
      body: { webExID: 'host01' },
    },
  ],
  [
    'getloginurluser-ciscodoc-1.xml',
    {
      operation: 'GetloginurlUser',
      securityContext: { siteName: 'examplesite', webExID: 'hostid@example.com', password: 'DummyPass-28' },
      body: { webExID: 'hostid' },
    },
  ],
  [
    'getloginurluser-moodle-1.xml',
    {
      operation: 'GetloginurlUser',
      securityContext: { webExID: 'student42', password: 'Rnd&Pw-9x2Q', siteName: 'examplesite' },
      body: { webExID: 'student42' },
    },
  ],
  [
    'getloginurluser-phpebexfork-1.xml',
    {
      operation: 'GetloginurlUser',
      securityContext: { webExID: 'apiadmin2', password: 'DummyPass-29', siteID: 123456, partnerID: 'abc123' },
      body: { webExID: 'host04' },
    },
  ],
  [
    'lstsummaryuser-borgified-1.xml',
    {
      operation: 'LstsummaryUser',
      securityContext: { webExID: 'svc-admin', password: 'DummyPass-2', siteID: 123456, partnerID: 'abc123' },
      body: {
        listControl: { listMethod: 'AND', startFrom: 1, maximumNum: 10 },
        order: { orderBy: ['UID'], orderAD: ['ASC'] },
        dataScope: {},
      },
    },
  ],
  [
    'lstsummaryuser-borgified-2.xml',
    {
      operation: 'LstsummaryUser',
      securityContext: { webExID: 'svc-admin', password: 'DummyPass-2', siteID: 123456, partnerID: 'abc123' },
      body: {
        listControl: { listMethod: 'AND', startFrom: 501, maximumNum: 500 },
        order: { orderBy: ['UID'], orderAD: ['ASC'] },
        dataScope: {},
      },
    },
  ],
  [
    'lstsummaryuser-ciscodoc-1.xml',
    {
      operation: 'LstsummaryUser',
      securityContext: { siteName: 'examplesite', webExID: 'admincred@example.com', password: 'DummyPass-31' },
      body: {
        listControl: { startFrom: 1, maximumNum: 10, listMethod: 'AND' },
        order: { orderBy: ['UID'], orderAD: ['ASC'] },
        dataScope: { regDateStart: '06/23/2004 01:00:00', regDateEnd: '06/23/2014 10:00:00' },
      },
    },
  ],
  [
    'lstsummaryuser-csharp-1.xml',
    {
      operation: 'LstsummaryUser',
      securityContext: { webExID: 'apiadmin', password: 'DummyPass-25', siteName: 'examplesite', partnerID: 'abc123' },
      body: { listControl: { maximumNum: 1000 }, order: {}, dataScope: {} },
    },
  ],
  [
    'lstsummaryuser-csharp-2.xml',
    {
      operation: 'LstsummaryUser',
      securityContext: { webExID: 'apiadmin', password: 'DummyPass-25', siteName: 'examplesite', partnerID: 'abc123' },
      body: { listControl: { startFrom: 501, maximumNum: 500 }, order: {}, dataScope: {} },
    },
  ],
  [
    'lstsummaryuser-moodle-1.xml',
    {
      operation: 'LstsummaryUser',
      securityContext: { webExID: 'moodleapi', password: 'DummyPass-3', siteName: 'examplesite' },
      body: { listControl: { startFrom: 1, maximumNum: 1 }, email: 'ana.oneil@example.edu' },
    },
  ],
  [
    'lstsummaryuser-phpmicrosite-1.xml',
    {
      operation: 'LstsummaryUser',
      securityContext: {
        siteName: 'examplesite',
        webExID: 'siteadmin',
        password: 'DummyPass-26',
        partnerID: '',
        email: '',
      },
      body: {
        listControl: { startFrom: 1, maximumNum: 100, listMethod: 'AND' },
        order: { orderBy: ['UID'], orderAD: ['ASC'] },
      },
    },
  ],
  [
    'lstsummaryuser-pybot-1.xml',
    {
      operation: 'LstsummaryUser',
      securityContext: { siteName: 'examplesite', webExID: 'siteadmin', password: 'DummyPass-6' },
      body: {
        listControl: { startFrom: 1, maximumNum: 500, listMethod: 'AND' },
        order: { orderBy: ['UID'], orderAD: ['ASC'] },
      },
    },
  ],
  [
    'lstsummaryuser-pynotify-1.xml',
    {
      operation: 'LstsummaryUser',
      securityContext: { webExID: 'siteadmin', password: 'DummyPass-24', siteName: 'examplesite' },
      body: {
        listControl: { startFrom: 1, maximumNum: 300, listMethod: 'AND' },
        order: { orderBy: ['UID'], orderAD: ['ASC'] },
        dataScope: { regDateStart: '06/23/2004 01:00:00', regDateEnd: '06/23/2020 10:00:00' },
      },
    },
  ],
  [
    'lstsummaryuser-pyschedperm-1.xml',
    {
      operation: 'LstsummaryUser',
      securityContext: {
        webExID: 'admin@example.com',
        sessionTicket: 'AAABBBdummySessionTicket000333',
        siteName: 'examplesite',
      },
      body: {},
    },
  ],
]

/** The answers of these operations in the corpus. */
export const LIST_AND_LOGIN_RESPONSES = [
  'authenticateuser-response-ciscodoc-1.xml',
  'authenticateuser-response-atlas-1.xml',
  'getloginurluser-response-ciscodoc-1.xml',
] as const
