import { existsSync, readFileSync } from 'node:fs';

/** The runtime modules in dependency order: the same code the indexer and the tests import. */
const RUNTIME_MODULES = ['fold', 'keys', 'postings', 'passage-record', 'match', 'searcher', 'search-ui'] as const;

let cached: string | undefined;

/**
 * assets/search.js: the runtime modules joined into one classic script (a classic script, not a
 * module, so that it runs from file:// too and can say why the index cannot be read there).
 * Each module's compiled JavaScript beside this file has its imports dropped and its exports
 * made local; the modules share one function scope, so their top-level names are all distinct.
 * When running from the TypeScript sources (tests), the sources are transpiled the same way.
 */
export async function searchScript(): Promise<string> {
  if (cached !== undefined) return cached;
  const parts: string[] = [];
  for (const name of RUNTIME_MODULES) parts.push(`// ${name}\n${stripModuleSyntax(await compiled(name))}`);
  cached = `/* samizdat search: static full-text search (see search/index.json). */
(function () {
'use strict';
${parts.join('\n')}
if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { startSearchPage(document); });
  else startSearchPage(document);
} else {
  // Outside a page (tests evaluate this file in Node): expose the runtime.
  globalThis.samizdatSearch = { openSearch: openSearch, queryTerms: queryTerms, fetchLoader: fetchLoader };
}
})();
`;
  return cached;
}

async function compiled(name: string): Promise<string> {
  const js = new URL(`./${name}.js`, import.meta.url);
  if (existsSync(js)) return readFileSync(js, 'utf8');
  const ts = await import('typescript');
  const source = readFileSync(new URL(`./${name}.ts`, import.meta.url), 'utf8');
  return ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: true },
  }).outputText;
}

function stripModuleSyntax(js: string): string {
  const out = js
    .replace(/^import\s[^;]*;[ \t]*$/gm, '')
    .replace(/^export\s*\{\s*\};?[ \t]*$/gm, '')
    .replace(/^export\s+(?=(?:async\s+)?function\b|const\b|let\b|class\b)/gm, '')
    .replace(/^\/\/# sourceMappingURL=.*$/gm, '');
  if (/^\s*(?:import|export)\b/m.test(out)) throw new Error('search script: a runtime module uses an import/export form the bundler does not handle');
  return out.trim();
}
