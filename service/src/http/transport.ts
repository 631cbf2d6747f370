/**
 * What a client posts to `/WBXService/XMLService`: the XML message as the body (every client in the
 * corpus but one), or a form whose `XML` field holds it (the PHP class phpebex posts
 * `UID=…&PWD=…&SID=…&PID=…&XML=…`, corpus getloginticket-phpebexfork-1). The transport is told
 * by the bytes, not the Content-Type: `curl -d @message.xml` sends raw XML labelled
 * `application/x-www-form-urlencoded`, and phpebex's socket mode sends the form labelled
 * `application/xml` (D-SVH-4).
 */

/** The request's XML, and how it came. */
export interface Extracted {
  readonly transport: 'xml' | 'form'
  readonly xml: Uint8Array
}

const isSpace = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d

/** Whether the body starts (after byte-order mark and white space) like an XML document. */
const looksLikeXml = (body: Uint8Array): boolean => {
  // UTF-16 (either order) or UTF-32 byte-order marks: only XML is sent that way
  if (body.length >= 2 && ((body[0] === 0xfe && body[1] === 0xff) || (body[0] === 0xff && body[1] === 0xfe)))
    return true
  let i = body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf ? 3 : 0
  while (i < body.length && isSpace(body[i] ?? 0)) i++
  return body[i] === 0x3c // '<'
}

const hexValue = (byte: number | undefined): number => {
  if (byte === undefined) return -1
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30
  const lower = byte | 0x20
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1
}

/**
 * Decodes one form component to bytes: `+` is a space and `%XX` a byte. A `%` not followed by two
 * hex digits stays as it is (PHP's urldecode does the same). Bytes, not a string, because the XML
 * declares its own encoding (ISO-8859-1 occurs in the corpus).
 */
export const decodeFormComponent = (bytes: Uint8Array): Uint8Array => {
  const out = new Uint8Array(bytes.length)
  let j = 0
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0
    if (byte === 0x2b) out[j++] = 0x20
    else if (byte === 0x25) {
      const high = hexValue(bytes[i + 1])
      const low = hexValue(bytes[i + 2])
      if (high >= 0 && low >= 0) {
        out[j++] = high * 16 + low
        i += 2
      } else out[j++] = byte
    } else out[j++] = byte
  }
  return out.subarray(0, j)
}

const FIELD = new TextEncoder().encode('XML')

const isField = (name: Uint8Array): boolean => {
  const decoded = decodeFormComponent(name)
  return decoded.length === FIELD.length && decoded.every((byte, i) => byte === FIELD[i])
}

/** The value of the form's first `XML` field, or undefined when there is none. */
export const formXmlField = (body: Uint8Array): Uint8Array | undefined => {
  let start = 0
  while (start < body.length) {
    let end = body.indexOf(0x26, start) // '&'
    if (end === -1) end = body.length
    const eq = body.indexOf(0x3d, start) // '='
    if (eq !== -1 && eq < end && isField(body.subarray(start, eq)))
      return decodeFormComponent(body.subarray(eq + 1, end))
    start = end + 1
  }
  return undefined
}

/**
 * The XML message of a request body. A body that is neither XML nor a form with an `XML` field is
 * passed on as it is: the message parser then answers it with the FAILURE a Webex server gives.
 */
export const extractXml = (body: Uint8Array): Extracted => {
  if (looksLikeXml(body)) return { transport: 'xml', xml: body }
  const field = formXmlField(body)
  return field === undefined ? { transport: 'xml', xml: body } : { transport: 'form', xml: field }
}
