/**
 * JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure): one test case per
 * file; each finding at or above --fail-on is a failure, the rest are listed as output.
 */
import { LineIndex } from '../engine/positions.ts';
import { severities, type Finding } from '../engine/types.ts';
import { countSeverities, type FileReport, type RunReport } from './report.ts';
import { ruleEntry } from './rule-catalog.ts';

/** XML 1.0 cannot carry most control characters even escaped; they are dropped. */
export function escapeXml(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

export function formatJunit(report: RunReport): string {
  const threshold = severities.indexOf(report.failOn);
  const fails = (x: Finding) => severities.indexOf(x.severity) <= threshold;
  const failures = report.files.filter((f) => f.findings.some(fails)).length;
  const skipped = report.files.filter((f) => f.skipped).length;
  const cases = report.files.map((f) => testCase(f, fails));
  const { errors, warnings, infos } = countSeverities(report.files);
  const suite = attrs({
    name: 'overclaim',
    tests: report.files.length,
    failures,
    errors: 0,
    skipped,
    time: 0,
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${suite}>`,
    `  <testsuite${suite}>`,
    `    <properties>`,
    `      <property${attrs({ name: 'claimBase', value: report.claimBase.version })}/>`,
    `      <property${attrs({ name: 'findings', value: `${errors} errors, ${warnings} warnings, ${infos} infos` })}/>`,
    `    </properties>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testCase(f: FileReport, fails: (x: Finding) => boolean): string {
  const head = `    <testcase${attrs({ classname: 'overclaim', name: f.path, file: f.path, time: 0 })}`;
  if (f.skipped)
    return `${head}>\n      <skipped${attrs({ message: f.skipped })}/>\n    </testcase>`;
  const lines = new LineIndex(f.text);
  const describe = (x: Finding) => {
    const at = lines.at(x.start);
    return `${f.path}:${at.line}:${at.column} ${x.severity} ${x.message} (${x.ruleId}, ${ruleEntry(x.ruleId).docsUrl})`;
  };
  const failing = f.findings.filter(fails);
  const other = f.findings.filter((x) => !fails(x));
  const body = [
    ...failing.map((x) => {
      const at = lines.at(x.start);
      return `      <failure${attrs({ message: `${at.line}:${at.column} ${x.message}`, type: x.ruleId })}>${escapeXml(describe(x))}</failure>`;
    }),
    ...(other.length > 0
      ? [`      <system-out>${escapeXml(other.map(describe).join('\n'))}</system-out>`]
      : []),
  ];
  return body.length === 0 ? `${head}/>` : `${head}>\n${body.join('\n')}\n    </testcase>`;
}
