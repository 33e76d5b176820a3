// Parse Mermaid sources with Mermaid's own parser (in jsdom): stdin is a JSON list of [id, text],
// stdout a JSON list of [id, error message or null].
import { JSDOM } from 'jsdom';
import fs from 'fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
try { globalThis.navigator = dom.window.navigator; } catch { /* read-only in newer node */ }
globalThis.DOMParser = dom.window.DOMParser;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });

const out = [];
for (const [id, text] of JSON.parse(fs.readFileSync(0, 'utf8'))) {
  try { await mermaid.parse(text); out.push([id, null]); }
  catch (e) { out.push([id, String(e.message || e).split('\n')[0]]); }
}
console.log(JSON.stringify(out));
