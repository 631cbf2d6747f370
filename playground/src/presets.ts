/**
 * The presets: the reference page's own examples (examples/demo/) and the real client messages of
 * the corpus (test/fixtures/corpus/), bundled into the page at build time so it works offline.
 */
import type { CallerRole } from 'webex-user-rules'

const demo = import.meta.glob<string>('../../examples/demo/*', { query: '?raw', import: 'default', eager: true })
const corpus = import.meta.glob<string>('../../test/fixtures/corpus/*.xml', {
  query: '?raw',
  import: 'default',
  eager: true,
})

const file = (files: Record<string, string>, name: string): string => {
  const key = Object.keys(files).find((k) => k.endsWith(`/${name}`))
  if (key === undefined) throw new Error(`preset ${name} is not bundled`)
  return files[key] ?? ''
}

/** A request preset: the message, and the caller role the example is about. */
export interface RequestPreset {
  readonly id: string
  readonly label: string
  readonly group: 'Reference page' | 'Corpus'
  readonly request: string
  readonly role: CallerRole
}

export const DEMO_USER = file(demo, 'jdoe.json')
export const DEMO_SITE = file(demo, 'site.json')
export const GETUSER_RESPONSE = file(corpus, 'getuser-response-atlas-1.xml')

/** The stored users to choose from. */
export const USER_PRESETS: readonly { readonly id: string; readonly label: string; readonly text: string }[] = [
  { id: 'jdoe', label: 'jdoe (examples/demo/jdoe.json)', text: DEMO_USER },
  { id: 'atlas', label: 'a real GetUser response (corpus atlas-1)', text: GETUSER_RESPONSE },
]

export const REQUEST_PRESETS: readonly RequestPreset[] = [
  {
    id: 'meetingtype-105',
    label: 'meetingType: all previous values replaced by 105 (R2)',
    group: 'Reference page',
    request: file(demo, 'meetingtype-105.xml'),
    role: 'siteAdmin',
  },
  {
    id: 'pin-1234',
    label: 'PIN 1234: "Not a valid PIN" (R7)',
    group: 'Reference page',
    request: file(demo, 'pin-1234.xml'),
    role: 'host',
  },
  {
    id: 'prodids-123-124',
    label: 'prodIDs 120,123 updated with 123,124 (R4)',
    group: 'Reference page',
    request: file(demo, 'prodids-123-124.xml'),
    role: 'siteAdmin',
  },
  {
    id: 'host-joinbeforehost',
    label: 'a host sets PCN join before host (R9)',
    group: 'Reference page',
    request: file(demo, 'host-joinbeforehost.xml'),
    role: 'host',
  },
  ...Object.keys(corpus)
    .filter((key) => /\/setuser-[^/]+\.xml$/.test(key))
    .sort()
    .map((key): RequestPreset => {
      const name = key.slice(key.lastIndexOf('/') + 1, -'.xml'.length)
      return { id: name, label: name, group: 'Corpus', request: corpus[key] ?? '', role: 'siteAdmin' }
    }),
]
