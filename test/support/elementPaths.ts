/**
 * The element paths under `serv:bodyContent` of a one-line `serv:message` answer, namespace
 * prefixes dropped (`options/emailVisible`): what the D-NU tests compare with a real GetUser answer
 * (the core's property and the service's test read the same paths the same way).
 */
export const elementPaths = (xml: string): Set<string> => {
  const body = xml.slice(xml.indexOf('<serv:bodyContent'))
  const stack: string[] = []
  const paths = new Set<string>()
  for (const [, close, name = '', selfClosing] of body.matchAll(/<(\/?)(?:[\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g)) {
    if (close === '/') {
      stack.pop()
      continue
    }
    if (name === 'bodyContent') continue
    paths.add([...stack, name].join('/'))
    if (selfClosing !== '/') stack.push(name)
  }
  return paths
}
