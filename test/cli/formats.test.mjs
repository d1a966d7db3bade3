// The machine formats (SARIF, GitHub annotations, JUnit) checked against their consumers'
// rules; SARIF goes through Microsoft's official validator.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { OVERCLAIMING, root, run, tempDir } from './helpers.mjs';

const validator = join(root, 'node_modules', '.bin', 'sarif-multitool');

/** Runs the official validator with every rule kind and level; returns its findings. */
function validateSarif(file) {
  const out = `${file}.validation.sarif`;
  // The npm wrapper runs the tool through a shell, so list values are quoted for it.
  const r = spawnSync(
    validator,
    [
      'validate',
      file,
      '--rule-kind',
      '"Sarif;Gh;Ghas"',
      '--level',
      '"Error;Warning;Note"',
      '--output',
      out,
      '--log',
      'ForceOverwrite',
    ],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stdout + r.stderr);
  const log = JSON.parse(readFileSync(out, 'utf8'));
  return (log.runs[0].results ?? []).map((x) => ({
    level: x.level ?? 'warning',
    ruleId: x.ruleId,
    where: x.locations?.[0]?.physicalLocation?.region?.startLine,
    message: JSON.stringify(x.message),
  }));
}

/** Decodes a workflow-command value the way the Actions runner does. */
function unescapeProperty(value) {
  return value
    .replace(/%2C/g, ',')
    .replace(/%3A/g, ':')
    .replace(/%0A/g, '\n')
    .replace(/%0D/g, '\r')
    .replace(/%25/g, '%');
}

describe('--format sarif', () => {
  it('passes the official SARIF validator with no errors or warnings on real drafts', () => {
    const dir = tempDir({
      'posts/with space & ünïcode.md': `\ufeff${OVERCLAIMING.replace(/\n/g, '\r\n')}`,
      'posts/note.txt': 'Ketamine cures depression for everyone.\n',
      'posts/bad.mdx': '# Title\n\n<Callout>\nKetamine cures depression.\n',
    });
    writeFileSync(join(dir, 'posts', 'binary.md'), Buffer.from([0, 1, 2]));
    const file = join(dir, 'out.sarif');
    const r = run(
      [
        '--format',
        'sarif',
        '-o',
        file,
        join(root, 'examples'),
        join(root, 'test', 'fixtures'),
        'posts',
      ],
      { cwd: dir },
    );
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '', '--output-file leaves stdout empty');
    const problems = validateSarif(file).filter((p) => p.level !== 'note');
    assert.deepEqual(problems, []);
    const log = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(log.version, '2.1.0');
    const results = log.runs[0].results;
    assert.ok(results.length > 40, `${results.length} results`);
    assert.ok(
      log.runs[0].invocations[0].toolExecutionNotifications.some((n) =>
        /binary\.md was not linted/.test(n.message.text),
      ),
    );
  });

  it('carries rules with help, exact regions, fixes, and the claim and sources', () => {
    const dir = tempDir({ 'draft.md': OVERCLAIMING });
    const r = run(['--format', 'sarif', 'draft.md'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const run0 = JSON.parse(r.stdout).runs[0];
    const text = readFileSync(join(dir, 'draft.md'), 'utf8');
    const lines = text.split('\n');
    const rules = run0.tool.driver.rules;
    for (const rule of rules) {
      assert.match(rule.helpUri, /^https:\/\/.+/);
      assert.ok(rule.help.text.length > 20 && rule.shortDescription.text);
    }
    assert.equal(run0.columnKind, 'utf16CodeUnits');
    assert.match(run0.originalUriBaseIds.SRCROOT.uri, /^file:\/\/.*\/$/);
    for (const result of run0.results) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId);
      const loc = result.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uri, 'draft.md');
      const { startLine, startColumn, endColumn, charOffset, charLength, snippet } = loc.region;
      assert.equal(text.slice(charOffset, charOffset + charLength), snippet.text);
      if (loc.region.endLine === startLine)
        assert.equal(lines[startLine - 1].slice(startColumn - 1, endColumn - 1), snippet.text);
      if (loc.contextRegion)
        assert.ok(loc.contextRegion.snippet.text.includes(snippet.text.split('\n')[0]));
      assert.match(result.partialFingerprints['overclaimFinding/v1'], /^[0-9a-f]{32}$/);
    }
    const cure = run0.results.find((x) => x.ruleId === 'cure-claim');
    assert.equal(cure.level, 'error');
    assert.ok(cure.properties.claim.statement.length > 40);
    assert.ok(cure.properties.sources.length > 0);
    assert.ok(cure.properties.sources.every((s) => s.reference && s.id));
    assert.ok(cure.properties.sources.some((s) => /^https:\/\//.test(s.url)));
    const fix = cure.fixes.find((f) => f.properties.safe);
    assert.ok(fix, 'the safe rewording is a SARIF fix');
    const change = fix.artifactChanges[0].replacements[0];
    assert.equal(
      text
        .slice(
          change.deletedRegion.charOffset,
          change.deletedRegion.charOffset + change.deletedRegion.charLength,
        )
        .toLowerCase(),
      cure.locations[0].physicalLocation.region.snippet.text.toLowerCase(),
    );
    assert.ok(change.insertedContent.text.length > 0);
    const fingerprints = run0.results.map((x) => x.partialFingerprints['overclaimFinding/v1']);
    assert.equal(new Set(fingerprints).size, fingerprints.length, 'fingerprints are unique');
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding with file, line, column, end and title', () => {
    const r = run(['--format', 'github', 'examples/clinic-landing-page.md']);
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(run(['--format', 'json', 'examples/clinic-landing-page.md']).stdout);
    const findings = json.files[0].findings;
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.equal(commands.length, findings.length);
    commands.forEach((line, i) => {
      const f = findings[i];
      const m = /^::(error|warning|notice) (.*?)::(.*)$/.exec(line);
      assert.ok(m, line);
      assert.equal(m[1], { error: 'error', warning: 'warning', info: 'notice' }[f.severity]);
      const props = Object.fromEntries(
        m[2].split(',').map((p) => {
          const eq = p.indexOf('=');
          return [p.slice(0, eq), unescapeProperty(p.slice(eq + 1))];
        }),
      );
      assert.deepEqual(props, {
        file: 'examples/clinic-landing-page.md',
        line: String(f.range.start.line),
        col: String(f.range.start.column),
        endLine: String(f.range.end.line),
        endColumn: String(f.range.end.column),
        title: `overclaim ${f.ruleId}`,
      });
      assert.ok(unescapeProperty(m[3]).startsWith(f.message));
    });
    assert.match(r.stdout.trimEnd().split('\n').at(-1), /^overclaim: \d+ errors, \d+ warnings/);
  });

  it('escapes %, CR, LF in messages and also : and , in properties', () => {
    const dir = tempDir({
      'a,b:c%d.md': 'Ketamine cures depression.\r\nIt works 100% of the time.\n',
    });
    const r = run(['--format', 'github', '.'], { cwd: dir });
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.ok(lines.length >= 2, r.stdout);
    for (const line of lines) {
      assert.ok(line.includes('file=a%2Cb%3Ac%25d.md,'), line);
      assert.doesNotMatch(line, /\r/);
      const message = line.slice(line.indexOf('::', 2) + 2);
      assert.doesNotMatch(message, /%(?!25|0A|0D)/, 'every % in a message is escaped');
    }
    assert.ok(
      lines.some((l) => l.includes('%0A')),
      'multi-line messages use %0A',
    );
  });
});

describe('--format junit', () => {
  it('has one test case per file and a failure per finding at or above --fail-on', () => {
    const dir = tempDir({
      'bad.md': OVERCLAIMING,
      'ok.md': 'Nothing about treatments here.\n',
      'x<&>"y.md': 'Ketamine cures depression.\n',
    });
    writeFileSync(join(dir, 'bin.md'), Buffer.from([0, 1]));
    const json = JSON.parse(run(['--format', 'json', '.'], { cwd: dir }).stdout);
    for (const failOn of ['error', 'info']) {
      const r = run(['--format', 'junit', '--fail-on', failOn, '.'], { cwd: dir });
      const xml = r.stdout;
      assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
      const cases = [...xml.matchAll(/<testcase [^>]*name="([^"]*)"/g)].map((m) => m[1]);
      assert.deepEqual(cases, ['bad.md', 'bin.md', 'ok.md', 'x&lt;&amp;&gt;&quot;y.md']);
      const expected = json.files
        .flatMap((f) => f.findings)
        .filter((f) => failOn === 'info' || f.severity === 'error').length;
      assert.equal((xml.match(/<failure /g) ?? []).length, expected);
      assert.match(xml, /<skipped message="skipped: looks like a binary file/);
      assert.match(xml, new RegExp(`tests="4" failures="2"`));
    }
  });
});
