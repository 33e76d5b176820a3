// Test helper: parse MDX files with the real MDX 3 parser (remark-mdx + frontmatter + GFM, as Astro does)
// and print one JSON line per file: {"file", "error": {line, column, reason} | null, "nodes": [[type, line,
// column, end_line, end_column, extra(, code text)], ...]} for the block nodes lessonlint compares (code,
// heading, mdxjsEsm, mdxFlowExpression, mdxJsxFlowElement, yaml, thematicBreak). Needs NODE_PATH=<folder>/node_modules.
import fs from 'node:fs';
import {createRequire} from 'node:module';
const require = createRequire(process.env.NODE_PATH ? process.env.NODE_PATH + '/' : import.meta.url);
const load = async (name) => import(require.resolve(name));
const {createProcessor} = await load('@mdx-js/mdx');
const remarkFrontmatter = (await load('remark-frontmatter')).default;
const remarkGfm = (await load('remark-gfm')).default;
const processor = createProcessor({remarkPlugins: [remarkFrontmatter, remarkGfm]});
const KEEP = new Set(['code', 'heading', 'mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement', 'yaml', 'thematicBreak']);

function walk(node, out) {
  if (KEEP.has(node.type) && node.position) {
    const {start, end} = node.position;
    const extra = node.type === 'code' ? (node.lang ?? null) : node.type === 'heading' ? node.depth
      : node.type === 'mdxJsxFlowElement' ? (node.name ?? '') : null;
    const row = [node.type, start.line, start.column, end.line, end.column, extra];
    if (node.type === 'code') row.push(node.value);
    out.push(row);
  }
  for (const child of node.children ?? []) walk(child, out);
}

for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, 'utf8');
  const nodes = [];
  let error = null;
  try {
    walk(processor.parse(text), nodes);
  } catch (e) {
    const line = e.line ?? e.place?.line ?? e.place?.start?.line ?? null;
    const column = e.column ?? e.place?.column ?? e.place?.start?.column ?? null;
    error = {line, column, reason: String(e.reason ?? e.message)};
  }
  console.log(JSON.stringify({file, error, nodes}));
}
