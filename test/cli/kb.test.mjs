// Spawns `overclaim kb …` from the built CLI (dist/cli.cjs) and checks output and exit codes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'dist', 'cli.cjs');
const clinicConfig = 'examples/clinic/.overclaimrc.yaml';
// A fixed date keeps the stale lists stable; 2026-11-21 is the date the base was last reviewed.
const TODAY = ['--today', '2026-11-21'];

function kb(args, { cwd = root } = {}) {
  const r = spawnSync(process.execPath, [cli, 'kb', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(args, options) {
  const r = kb([...args, '--format', 'json'], options);
  return { ...r, data: r.stdout ? JSON.parse(r.stdout) : undefined };
}

function tempDir(files) {
  const dir = mkdtempSync(join(tmpdir(), 'overclaim-kb-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

describe('overclaim kb', () => {
  it('prints usage on --help and fails without a command', () => {
    assert.match(kb(['--help']).stdout, /Commands:\n\s+list/);
    const r = kb([]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /a command is required/);
    assert.equal(kb(['frobnicate']).code, 2);
  });

  describe('list', () => {
    it('filters by topic, evidence level and agent', () => {
      const { code, data } = json([
        'list',
        '--topic',
        'regulatory',
        '--agent',
        'psilocybin',
        ...TODAY,
      ]);
      assert.equal(code, 0);
      const ids = data.claims.map((c) => c.id);
      assert.ok(
        ids.includes('psilocybin-us-status') && ids.includes('psilocybin-nz-2025'),
        ids.join(),
      );
      assert.ok(data.claims.every((c) => c.topic === 'regulatory'));
      const mech = json(['list', '--level', 'mechanistic']).data.claims;
      assert.ok(mech.length > 0 && mech.every((c) => c.evidence === 'mechanistic'));
    });
    it('prints one line per claim and marks stale and unverified ones', () => {
      const r = kb(['list', '--topic', 'regulatory', ...TODAY]);
      assert.equal(r.code, 0);
      assert.match(
        r.stdout,
        /^psilocybin-us-status\s+regulatory\s+regulatory\s+\(review due 2026-11\)$/m,
      );
      assert.match(r.stdout, /^\d+ claims$/m);
    });
    it('rejects an unknown level', () => {
      const r = kb(['list', '--level', 'proven']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--level must be one of/);
    });
  });

  describe('show', () => {
    it('prints the claim card with scope, dated changes, stale note and linked sources', () => {
      const r = kb(['show', 'esketamine-monotherapy-2025', ...TODAY]);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^esketamine-monotherapy-2025 {2}\[regulatory\]/);
      assert.match(r.stdout, /Jurisdiction: US/);
      assert.match(r.stdout, /2025-01: Spravato approved as monotherapy/);
      assert.match(r.stdout, /https:\/\/doi\.org\/10\.1001\/jamapsychiatry\.2025\.1317/);
      const stale = kb(['show', 'psilocybin-us-status', ...TODAY]);
      assert.match(stale.stdout, /past its review date/);
    });
    it('gives the hover Markdown and JSON', () => {
      assert.match(
        kb(['show', 'ssri-onset', '--format', 'markdown']).stdout,
        /\*\*Sources:\*\*\n- \[Taylor/,
      );
      const { data } = json(['show', 'ssri-onset']);
      assert.equal(data.claim.id, 'ssri-onset');
      assert.equal(data.sources[0].id, 'taylor-2006-ssri-onset');
      assert.match(data.markdown, /What the evidence supports/);
    });
    it('exits 2 on an unknown id and suggests near ones', () => {
      const r = kb(['show', 'rems']);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /no claim "rems" \(did you mean esketamine-rems/);
    });
  });

  describe('check', () => {
    it('passes a base with nothing due and lists stale entries when the date moves on', () => {
      const early = json(['check', '--today', '2023-01-15']);
      assert.deepEqual(early.data.stale, [], 'nothing stale in January 2023');
      assert.deepEqual(early.data.validation, []);
      assert.deepEqual(early.data.unusedSources, []);
      assert.deepEqual(early.data.coverage, []);
      assert.equal(early.code, 0);
      const now = json(['check', ...TODAY]);
      assert.equal(now.code, 1);
      const stale = now.data.stale.map((s) => s.id);
      assert.ok(
        stale.includes('psilocybin-us-status') && stale.includes('ketamine-racemic-fda-status'),
      );
      assert.match(
        kb(['check', ...TODAY]).stdout,
        /past their review date on 2026-11-21: \d+\n {2}auvelity-safety/,
      );
    });
    it('reports validation problems, unused sources and coverage of a bad claim-base file', () => {
      const dir = tempDir({
        'bad.yaml': [
          'sources:',
          '  - {id: orphan, type: news, authors: A, title: T, venue: V, year: 2020, verified: true}',
          '  - {id: blog, type: marketing, authors: A, title: T, venue: V, year: 2024, verified: true}',
          'claims:',
          '  - id: ad-claim',
          '    topic: efficacy',
          '    statement: A clinic blog says this works for depression.',
          '    evidence: rct',
          '    verified: true',
          '    sources: [blog]',
        ].join('\n'),
      });
      const r = json(['check', 'bad.yaml', '--today', '2023-01-15'], { cwd: dir });
      assert.equal(r.code, 1);
      assert.match(JSON.stringify(r.data.validation), /resting only on marketing or news/);
    });
  });

  describe('stats', () => {
    it('counts claims, sources and seed verdicts', () => {
      const { code, data } = json(['stats', ...TODAY]);
      assert.equal(code, 0);
      assert.ok(data.claims >= 70 && data.sources >= 79);
      assert.equal(data.seeds.length, 5);
      assert.ok(data.seeds.every((s) => Object.keys(s.statements).length > 0));
      assert.match(kb(['stats']).stdout, /^seed documents: 5$/m);
    });
  });

  describe('extract', () => {
    const draft = [
      '# Our clinic',
      '',
      'Ketamine cures depression in a single session.',
      '',
      'Esketamine was approved by the FDA for treatment-resistant depression in 2019.',
      '',
      'Oral ketamine troches relieve anxiety within days.',
      '',
      'We are open on Saturdays.',
    ].join('\n');
    it('proposes candidates with treatment, route, strength, matches and contradictions as YAML', () => {
      const dir = tempDir({ 'article.md': draft });
      const r = kb(['extract', 'article.md', ...TODAY], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      const { candidates } = parse(r.stdout);
      assert.equal(candidates.length, 3, 'the opening hours are not a claim');
      const [cure, approval, troche] = candidates;
      assert.deepEqual(
        cure.contradicts.map((c) => c.rule),
        ['cure-claim'],
      );
      assert.ok(approval.matches.includes('esketamine-fda-trd-2019'));
      assert.deepEqual(troche.routes, ['oral', 'troche']);
      assert.equal(troche.file, 'article.md');
      assert.equal(troche.line, 7);
    });
    it('gives JSON too and exits 2 without files', () => {
      const dir = tempDir({ 'a.txt': 'Ketamine may help some adults with depression.\n' });
      const { data } = json(['extract', 'a.txt'], { cwd: dir });
      assert.equal(data.candidates[0].strength, 'hedged');
      assert.equal(kb(['extract']).code, 2);
    });
  });

  describe("a clinic's own claim base", () => {
    it('overrides a shipped claim by id and adds new claims and sources', () => {
      const { data } = json(['show', 'iv-ketamine-acute-efficacy', '--config', clinicConfig]);
      assert.ok(data.claim.sources.includes('karma-dep-pilot-2022'));
      assert.match(data.markdown, /hrbopenresearch\.org/);
      const list = json(['list', '--config', clinicConfig, '--topic', 'safety']).data.claims.map(
        (c) => c.id,
      );
      assert.ok(list.includes('harbourview-infusion-monitoring'));
    });
    it('is found from the working directory and passes check', () => {
      const r = json(['check', '--today', '2023-01-15'], { cwd: join(root, 'examples', 'clinic') });
      assert.equal(r.code, 0, JSON.stringify(r.data.validation));
      assert.match(r.data.claimBase, /\+1$/);
    });
    it('shows up in the findings and citations of a lint run', () => {
      const r = spawnSync(
        process.execPath,
        [cli, '--format', 'json', 'examples/clinic/infusions-page.md'],
        {
          cwd: root,
          encoding: 'utf8',
        },
      );
      const findings = JSON.parse(r.stdout).files[0].findings;
      const universal = findings.find((f) => f.ruleId === 'universal-claim');
      assert.ok(universal.sources.includes('karma-dep-pilot-2022'));
      assert.ok(universal.suggestions.some((s) => s.title.includes('does not work for everyone')));
      assert.ok(findings.some((f) => f.claimId === 'harbourview-infusion-monitoring'));
    });
  });
});
