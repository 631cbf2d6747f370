// Writes the JSON Schemas of the model (dist/schema/<Name>.json) from the built codec tree, so
// the package ships `webex-user-rules/schema/<Name>.json` (D-PG3). Run by `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { SCHEMA_CODECS, rootSchema } from '../dist/schema/jsonSchema.js'

const out = new URL('../dist/schema/', import.meta.url)
mkdirSync(out, { recursive: true })
for (const [name, codec, description] of SCHEMA_CODECS) {
  writeFileSync(new URL(`${name}.json`, out), `${JSON.stringify(rootSchema(name, codec, description), null, 2)}\n`)
}
console.log(`schema: ${SCHEMA_CODECS.length} files in dist/schema/`)
