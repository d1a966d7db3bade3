// The floor: what any remark-based linter must pay. Reads each file and parses it with bare
// remark-parse, nothing else. With --time, prints the in-process parse time of each file as JSON
// (a cold parse, as a server pays on didOpen).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { unified } from 'unified';
import remarkParse from 'remark-parse';

const args = process.argv.slice(2);
const timed = args.includes('--time');
const files = args.filter((a) => a !== '--time');
const parser = unified().use(remarkParse);
const times = [];
let nodes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const start = performance.now();
  const tree = parser.parse(text);
  times.push({ file, ms: performance.now() - start });
  nodes += tree.children.length;
}
if (timed) process.stdout.write(`${JSON.stringify(times)}\n`);
// Using the result keeps the work observable; the count is also a cheap sanity check.
else process.stdout.write(`${files.length} files, ${nodes} top-level nodes\n`);
