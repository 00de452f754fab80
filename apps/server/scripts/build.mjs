/**
 * Builds the production server: apps/server/src/main.ts, the workspace packages and most of its
 * dependencies, bundled into JavaScript under apps/server/dist, which `npm run serve` runs on bare
 * Node (no tsx).
 *
 * Why a bundle and not `tsc` emit: the sources import without file extensions (moduleResolution
 * "bundler") and the workspace packages export .ts files, neither of which Node runs. Why bundle
 * the dependencies too: one tree-shaken file holds far less in memory than the thousand modules
 * they are on disk (the whole better-auth package with Kysely, which we never use, two copies of
 * @tiptap/core, ProseMirror's view); `await import()` of a module, ours or a library's, becomes a
 * chunk loaded on first use. Whitespace and comments are dropped (a non-ASCII character in one
 * comment makes V8 keep the whole source as two-byte text); names are kept, so stack traces and
 * CPU profiles stay readable, and dist/*.js.map maps them back (node --enable-source-maps).
 *
 * Kept external, loaded from node_modules: better-sqlite3 (native), and the packages on the
 * collaboration hot path, so a CPU profile still says which package the time went to. An external
 * must be the very package the sources import when Node looks it up from dist/ (a second copy of
 * yjs breaks Yjs's own type checks); the build fails otherwise.
 *
 * The chunks sit flat in dist/, one level below apps/server like src/, so paths resolved from
 * import.meta.url (see src/paths.ts) are the same from the sources and from the build.
 */
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** apps/server/dist, or the folder given as the argument (a test builds into its own). */
const outdir = resolve(process.argv[2] ?? join(serverDir, 'dist'));
if (dirname(outdir) !== serverDir)
  throw new Error(`the build goes in a folder directly under ${serverDir} (see src/paths.ts), not ${outdir}`);

/** Loaded from node_modules at run time (see above). */
const external = ['better-sqlite3', 'yjs', 'lib0', 'y-protocols', 'ws', '@hono/node-server', '@hono/node-ws'];

/** The package name in a bare specifier: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The folder Node finds for a package when importing it from `fromDir` (nearest node_modules up the tree). */
function nodeFinds(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    // Real paths: npm links workspace packages, and an installed copy is the same through any link.
    if (existsSync(candidate)) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** Marks the `external` packages external, after checking that dist/ finds the same installed copy as the importer. */
const checkedExternals = {
  name: 'checked-externals',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = packageName(args.path);
      if (!external.includes(name)) return undefined;
      const fromImporter = nodeFinds(name, args.resolveDir);
      const fromDist = nodeFinds(name, outdir);
      if (fromImporter !== fromDist) {
        return { errors: [{ text: `${name} is external, but dist/ would load ${fromDist} where ${args.importer} loads ${fromImporter}` }] };
      }
      return { path: args.path, external: true };
    });
  },
};

/**
 * Packages bundled once, from the copy the editor schema depends on, wherever they are imported.
 * npm installed three copies of @tiptap/core (3.34.0 hoisted to the root for the web's optional
 * menu extensions, 3.31.3 nested under editor-schema and under starter-kit) and two of
 * @tiptap/extension-list; a bundle of each copy is its own set of classes and closures in memory,
 * and Tiptap's extensions checking `instanceof` across copies is a bug waiting. Every @tiptap
 * package the server bundles names 3.31.3 as its peer, the version editor-schema pins.
 */
const oneCopyFrom = { '@tiptap/core': 'packages/editor-schema', '@tiptap/extension-list': 'packages/editor-schema' };
const repoRoot = resolve(serverDir, '../..');

const oneCopy = {
  name: 'one-copy',
  setup(builder) {
    builder.onResolve({ filter: /^@tiptap\// }, (args) => {
      const from = oneCopyFrom[packageName(args.path)];
      if (!from || args.pluginData?.oneCopy) return undefined;
      return builder.resolve(args.path, { kind: args.kind, resolveDir: join(repoRoot, from), pluginData: { oneCopy: true } });
    });
  },
};

/**
 * rate-limiter-flexible's index is CommonJS that requires all of its limiters (Redis, Mongo,
 * Postgres, Drizzle…), which a bundler cannot shake off; the server uses the in-memory one (and the Redis one, with REDIS_URL). Its
 * entry becomes a module that re-exports only that; a source importing anything else from it
 * fails the build ("No matching export"), and must be added here.
 */
const rateLimiterEntry = `export { default as RateLimiterMemory } from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
export { default as RateLimiterRedis } from 'rate-limiter-flexible/lib/RateLimiterRedis.js';
export { default as RateLimiterRes } from 'rate-limiter-flexible/lib/RateLimiterRes.js';`;

const onlyTheMemoryLimiter = {
  name: 'only-the-memory-limiter',
  setup(builder) {
    builder.onResolve({ filter: /^rate-limiter-flexible$/ }, (args) => ({
      path: args.path,
      namespace: 'rate-limiter-entry',
      pluginData: args.resolveDir,
    }));
    builder.onLoad({ filter: /^rate-limiter-flexible$/, namespace: 'rate-limiter-entry' }, (args) => ({
      contents: rateLimiterEntry,
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

/**
 * The rich-text code (Tiptap, ProseMirror, the Markdown parser) loads on first use, not at boot:
 * a server nobody has asked for a playbook yet holds none of it. `@fullcourt/editor-schema` is
 * built as an entry of its own, dist/editor-schema.js, and every import of it in the server
 * resolves to the module below instead: the light parts (depth limits, character classes, the
 * complexity bound, the error class) are the very source modules, shared with that entry through a
 * common chunk (one RichTextTooDeepError class, so `instanceof` holds across both); each function
 * that needs Tiptap loads the entry synchronously the first time it is called (`require` of an ES
 * module, Node 20.19+ without a flag), so the playbook package's synchronous API is unchanged.
 * Tiptap's values (the schema, the extensions) are not offered: a server source that imports one
 * fails the build ("No matching export") and must be added here.
 */
const editorSchemaDir = join(repoRoot, 'packages/editor-schema/src');
const richTextFunctions = [
  'createEditorExtensions',
  'fragmentToJSON',
  'fragmentToMarkdown',
  'fragmentToNode',
  'writeJSONToFragment',
  'writeMarkdownToFragment',
  'emptyDocJSON',
  'jsonToMarkdown',
  'markdownToJSON',
];
const editorSchemaOnFirstUse = `
export { isBlank, isSpace } from './characterClasses';
export { MARKDOWN_BOUNDS, markdownTooComplex } from './markdownComplexity';
export { fragmentDeeperThan, fragmentTexts, jsonDeeperThan, MAX_RICH_TEXT_DEPTH, markdownContainerDepth, RichTextTooDeepError } from './nesting';
import { createRequire } from 'node:module';
const entry = './editor-schema.js';
let loaded;
const richText = () => (loaded ??= createRequire(import.meta.url)(entry));
${richTextFunctions.map((name) => `export function ${name}(...args) { return richText().${name}(...args); }`).join('\n')}
`;

const richTextOnFirstUse = {
  name: 'rich-text-on-first-use',
  setup(builder) {
    builder.onResolve({ filter: /^@fullcourt\/editor-schema$/ }, () => ({ path: 'editor-schema', namespace: 'rich-text-on-first-use' }));
    builder.onLoad({ filter: /^editor-schema$/, namespace: 'rich-text-on-first-use' }, () => ({
      contents: editorSchemaOnFirstUse,
      resolveDir: editorSchemaDir,
      loader: 'js',
    }));
  },
};

/**
 * Non-ASCII characters as \\u escapes. esbuild escapes them in strings but leaves them in regular
 * expression literals (Tiptap's input rules have a few), and one such character makes V8 hold the
 * whole file's source as two-byte text, twice the memory. `\\uXXXX` means the same character in a
 * string, a template, an identifier and a regular expression (a surrogate pair too, with or
 * without the u flag).
 */
function asciiOnly(code) {
  return code.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

rmSync(outdir, { recursive: true, force: true });
const { outputFiles } = await build({
  // The server, and the rich-text code it loads on first use (see richTextOnFirstUse).
  entryPoints: { main: join(serverDir, 'src/main.ts'), 'editor-schema': join(editorSchemaDir, 'index.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  minifyWhitespace: true,
  // Short lines, so the source line Node prints beside an uncaught error is readable.
  lineLimit: 160,
  legalComments: 'none',
  // Bundled CommonJS packages call require (for Node's built-ins); an ES module has none of its own.
  banner: { js: "import { createRequire as __fcCreateRequire } from 'node:module'; const require = __fcCreateRequire(import.meta.url);" },
  plugins: [oneCopy, onlyTheMemoryLimiter, richTextOnFirstUse, checkedExternals],
  logLevel: 'warning',
  write: false,
});
mkdirSync(outdir, { recursive: true });
for (const file of outputFiles) writeFileSync(file.path, file.path.endsWith('.js') ? asciiOnly(file.text) : file.contents);
