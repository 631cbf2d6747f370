// Bundle budget (issue 15 goal 6, issue 16; D-PG7, D-BD-1…3): the built package bundled for a
// browser the way an application's production build would bundle it (Vite, every dependency
// included, all exports kept, fully minified, `process.env.NODE_ENV` = "production"),
// gzip-compressed. Budgets: the engine ≤ 30 KB gzip; the engine with the XML adapter ≤ 40 KB gzip.
// Fails over budget, and when fp-ts's CommonJS build is in a bundle (an `fp-ts/lib/…` import in
// src instead of `#fp-ts/…`, D-BD-1). Prints the biggest modules of each bundle, so an overrun
// names what bloats. Needs `npm run build` first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const KB = 1024
const temp = mkdtempSync(join(tmpdir(), 'bundle-size-'))
const both = join(temp, 'engine-and-xml.mjs')
writeFileSync(
  both,
  `export * from '${join(root, 'dist/index.js')}'\nexport * from '${join(root, 'dist/xml/index.js')}'\n`,
)

const BUNDLES = [
  { name: 'engine (webex-user-rules)', entry: join(root, 'dist/index.js'), budget: 30 * KB },
  { name: 'engine + XML adapter (webex-user-rules/xml)', entry: both, budget: 40 * KB },
]

/**
 * Library mode keeps every export of the entry (an application may call any of them). It would
 * also leave whitespace and `process.env.NODE_ENV` checks in, for the application's own build to
 * remove; this build removes them as that application build does (D-BD-2), so the figure is
 * what a browser downloads. `appBuild: false` gives library mode's own output, printed for
 * comparison.
 */
const measure = async (entry, appBuild) => {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    define: appBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      rollupOptions: {
        external: [],
        output: appBuild ? { minify: true, comments: { annotation: false, jsdoc: false, legal: false } } : {},
      },
    },
  })
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output).filter((c) => c.type === 'chunk')
  const code = chunks.map((c) => c.code).join('\n')
  const modules = chunks
    .flatMap((c) => Object.entries(c.modules))
    .map(([id, m]) => ({ id: id.replace(root, '').replace(/^\/?/, ''), size: m.renderedLength }))
    .sort((a, b) => b.size - a.size)
  return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, modules }
}

const kb = (n) => `${(n / KB).toFixed(1)} KB`
const problems = []
try {
  for (const bundle of BUNDLES) {
    const m = await measure(bundle.entry, true)
    const fits = m.gzip <= bundle.budget
    if (!fits) problems.push(`${bundle.name}: ${kb(m.gzip)} gzip, over its budget of ${kb(bundle.budget)}`)
    console.log(
      `${fits ? 'ok  ' : 'OVER'} ${bundle.name}: ${kb(m.gzip)} gzip (budget ${kb(bundle.budget)}, ` +
        `${fits ? `${kb(bundle.budget - m.gzip)} left` : `${kb(m.gzip - bundle.budget)} over`}), ${kb(m.min)} minified`,
    )
    // each module's size as rendered into the bundle, before minification: a ranking, not a share
    for (const { id, size } of m.modules.slice(0, 8)) console.log(`       ${kb(size).padStart(8)}  ${id}`)
    const commonJsFpTs = m.modules.filter(({ id }) => id.includes('node_modules/fp-ts/lib/'))
    if (commonJsFpTs.length > 0)
      problems.push(
        `${bundle.name}: fp-ts's CommonJS build is bundled (${commonJsFpTs.length} modules of fp-ts/lib); ` +
          `import fp-ts in src as '#fp-ts/Either.js', not 'fp-ts/lib/Either.js' (D-BD-1)`,
      )
    const lib = await measure(bundle.entry, false)
    console.log(`       library-mode output (whitespace and dev checks kept): ${kb(lib.gzip)} gzip`)
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}
for (const problem of problems) console.log(`FAIL ${problem}`)
if (problems.length > 0) process.exit(1)
