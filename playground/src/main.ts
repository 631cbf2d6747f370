/** The page: presets and inputs in, the outcome of `compute` out; the state kept in the URL. */
import type { CallerRole } from 'webex-user-rules'
import type { TraceEntry } from 'webex-user-rules/explain'
import { compute, type Inputs, type Outcome } from './engine.js'
import { DEMO_SITE, REQUEST_PRESETS, USER_PRESETS } from './presets.js'
import { decodeState, encodeState } from './state.js'

const byId = <T extends HTMLElement>(id: string, type: new () => T): T => {
  const element = document.getElementById(id)
  if (!(element instanceof type)) throw new Error(`the page has no #${id}`)
  return element
}

const presetSelect = byId('preset', HTMLSelectElement)
const userPresetSelect = byId('user-preset', HTMLSelectElement)
const userInput = byId('user', HTMLTextAreaElement)
const siteInput = byId('site', HTMLTextAreaElement)
const requestInput = byId('request', HTMLTextAreaElement)
const callerInput = byId('caller', HTMLInputElement)
const roleSelect = byId('role', HTMLSelectElement)
const retargetInput = byId('retarget', HTMLInputElement)
const shareButton = byId('share', HTMLButtonElement)
const shareUrl = byId('share-url', HTMLInputElement)
const status = byId('status', HTMLDivElement)
const diffBody = byId('diff', HTMLTableElement).tBodies[0] ?? byId('diff', HTMLTableElement).createTBody()
const notices = byId('notices', HTMLUListElement)
const effects = byId('effects', HTMLUListElement)
const trace = byId('trace', HTMLOListElement)
const response = byId('response', HTMLPreElement)

const ROLES: readonly CallerRole[] = ['siteAdmin', 'roSiteAdmin', 'host', 'attendee']

/** An element with text content only: nothing the user typed is ever parsed as HTML. */
const el = (tag: string, text = '', className = ''): HTMLElement => {
  const element = document.createElement(tag)
  element.textContent = text
  if (className !== '') element.className = className
  return element
}

const show = (value: unknown): string => (value === undefined ? '(absent)' : JSON.stringify(value))

const readInputs = (): Inputs => ({
  user: userInput.value,
  site: siteInput.value,
  request: requestInput.value,
  caller: callerInput.value,
  role: ROLES.find((r) => r === roleSelect.value) ?? 'siteAdmin',
  retarget: retargetInput.checked,
})

const writeInputs = (inputs: Inputs): void => {
  userInput.value = inputs.user
  siteInput.value = inputs.site
  requestInput.value = inputs.request
  callerInput.value = inputs.caller
  roleSelect.value = inputs.role
  retargetInput.checked = inputs.retarget
}

const describeEntry = (entry: TraceEntry): string => {
  switch (entry.kind) {
    case 'step':
      return `step ${entry.detail}`
    case 'changed':
      return `changed ${entry.path}: ${show(entry.before)} → ${show(entry.after)}`
    case 'ignored':
    case 'reset':
    case 'warning':
      return `${entry.kind} ${entry.path}: ${entry.message}`
    case 'effect':
      return `effect ${JSON.stringify(entry.effect)}`
    case 'error':
      return `error ${entry.error._tag} (exceptionID ${entry.error.exceptionID})`
  }
}

const render = (outcome: Outcome): void => {
  for (const list of [diffBody, notices, effects, trace]) list.replaceChildren()
  response.textContent = ''
  if (outcome._tag === 'unusable') {
    status.className = 'unusable'
    status.textContent = outcome.problems.map((p) => `${p.input}: ${p.message}`).join('\n')
    return
  }
  const { error } = outcome
  status.className = error === undefined ? 'success' : 'failure'
  status.textContent =
    error === undefined
      ? `SUCCESS — SetUser by ${outcome.caller.webExId} (${outcome.caller.role})`
      : `FAILURE — ${error._tag} (exceptionID ${error.exceptionID}): ${error.reason}`
  // an InvalidRequest names each failing path: the list goes below the status line
  if (outcome.errorText !== undefined && error?._tag === 'InvalidRequest') {
    status.append(el('div', outcome.errorText, 'detail'))
  }
  for (const entry of outcome.trace) {
    if (entry.kind === 'changed') {
      const row = document.createElement('tr')
      row.append(el('td', entry.path), el('td', show(entry.before)), el('td', show(entry.after)), el('td', entry.rule))
      diffBody.append(row)
    } else if (entry.kind === 'ignored' || entry.kind === 'reset') {
      notices.append(el('li', `${entry.kind} ${entry.path}: ${entry.message} (${entry.rule})`))
    } else if (entry.kind === 'effect') {
      effects.append(el('li', `effect ${JSON.stringify(entry.effect)} (${entry.rule})`))
    }
    const item = el('li')
    item.append(el('span', entry.stage, 'stage'), el('span', entry.rule, 'rule'), el('span', describeEntry(entry)))
    if (entry.source.text !== '') item.append(el('blockquote', `${entry.source.kind}: “${entry.source.text}”`))
    trace.append(item)
  }
  if (outcome.error === undefined) {
    if (notices.childElementCount === 0) notices.append(el('li', 'no notices', 'none'))
    if (effects.childElementCount === 0) effects.append(el('li', 'no effects', 'none'))
  }
  if (outcome.error === undefined && diffBody.childElementCount === 0) {
    const row = document.createElement('tr')
    row.append(el('td', '(no changes)'))
    diffBody.append(row)
  }
  response.textContent = outcome.response
}

const update = (): void => {
  render(compute(readInputs()))
  // a case shared earlier stays in the address bar only until it is edited
  if (shareUrl.value !== '' && shareUrl.value !== location.href) shareUrl.value = ''
}

// the presets
const requestGroups = new Map<string, HTMLOptGroupElement>()
presetSelect.append(new Option('— choose an example —', ''))
for (const preset of REQUEST_PRESETS) {
  let group = requestGroups.get(preset.group)
  if (group === undefined) {
    group = document.createElement('optgroup')
    group.label = preset.group
    requestGroups.set(preset.group, group)
    presetSelect.append(group)
  }
  group.append(new Option(preset.label, preset.id))
}
for (const preset of USER_PRESETS) userPresetSelect.append(new Option(preset.label, preset.id))

presetSelect.addEventListener('change', () => {
  const preset = REQUEST_PRESETS.find((p) => p.id === presetSelect.value)
  if (preset === undefined) return
  requestInput.value = preset.request
  roleSelect.value = preset.role
  callerInput.value = ''
  update()
})
userPresetSelect.addEventListener('change', () => {
  const preset = USER_PRESETS.find((p) => p.id === userPresetSelect.value)
  if (preset === undefined) return
  userInput.value = preset.text
  update()
})
for (const input of [userInput, siteInput, requestInput, callerInput]) input.addEventListener('input', update)
// an edited request is no longer the example it started from
requestInput.addEventListener('input', () => {
  presetSelect.value = ''
})
for (const input of [roleSelect, retargetInput]) input.addEventListener('change', update)

shareButton.addEventListener('click', () => {
  history.replaceState(null, '', encodeState(readInputs()))
  shareUrl.value = location.href
  shareUrl.select()
})

// the initial state: a shared case, else the first example of the reference page
const shared = decodeState(location.hash)
const first = REQUEST_PRESETS[0]
writeInputs(
  shared ?? {
    user: USER_PRESETS[0]?.text ?? '{}',
    site: DEMO_SITE,
    request: first?.request ?? '',
    caller: '',
    role: first?.role ?? 'siteAdmin',
    retarget: true,
  },
)
if (shared === undefined && first !== undefined) presetSelect.value = first.id
if (shared !== undefined) shareUrl.value = location.href
update()
