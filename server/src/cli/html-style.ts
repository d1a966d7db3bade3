/** The report's only stylesheet, inlined so the file stands alone (no fonts, images or scripts). */
export const REPORT_CSS = `
:root {
  --ink: #1d2433; --muted: #5b6475; --line: #d9dee8; --paper: #ffffff; --wash: #f5f7fa;
  --error: #b42318; --error-bg: #fde4e1; --warning: #9a5b00; --warning-bg: #fdf0c4;
  --info: #1d4ed8; --info-bg: #e1eaff; --ok: #067647; --ok-bg: #dcfae6;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: var(--wash); color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1000px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 18px 0 8px; }
h4 { font-size: 13px; margin: 0 0 4px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
a { color: #1849a9; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
.meta { color: var(--muted); margin: 0 0 18px; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; margin: 0 0 20px; }
.verdict { font-weight: 600; padding: 10px 14px; border-radius: 8px; margin: 0 0 16px; }
.verdict.sev-error { background: var(--error-bg); color: var(--error); }
.verdict.sev-warning { background: var(--warning-bg); color: var(--warning); }
.verdict.sev-info, .verdict.ok { background: var(--ok-bg); color: var(--ok); }
.totals { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 16px; padding: 0; list-style: none; }
.totals li { flex: 1 1 120px; border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; }
.totals .n { display: block; font-size: 24px; font-weight: 700; }
.totals .sev-error .n { color: var(--error); }
.totals .sev-warning .n { color: var(--warning); }
.totals .sev-info .n { color: var(--info); }
table { width: 100%; border-collapse: collapse; margin: 0 0 8px; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 13px; color: var(--muted); font-weight: 600; }
table.by-rule td:first-child { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; font-size: 12px; font-weight: 700; border-radius: 999px; padding: 1px 9px; margin-right: 8px; }
.badge.sev-error { background: var(--error-bg); color: var(--error); }
.badge.sev-warning { background: var(--warning-bg); color: var(--warning); }
.badge.sev-info { background: var(--info-bg); color: var(--info); }
.doc-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 14px; }
.doc-head h2 { margin: 0; word-break: break-all; }
.doc-head .counts { color: var(--muted); }
.fixed-note { color: var(--ok); margin: 8px 0 0; }
.source { margin: 14px 0 18px; border: 1px solid var(--line); border-radius: 8px; background: #fbfcfd; padding: 8px 0; overflow-wrap: anywhere; }
.line { display: flex; font: 13.5px/1.7 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.ln { flex: 0 0 3.2em; text-align: right; padding-right: 12px; color: #98a2b3; user-select: none; }
.tx { flex: 1; white-space: pre-wrap; padding-right: 12px; min-height: 1.7em; }
.gap { color: var(--muted); font-size: 12px; padding: 2px 0 2px 4.2em; font-style: italic; }
mark { color: inherit; border-radius: 2px; padding: 1px 0; }
mark.sev-error { background: var(--error-bg); border-bottom: 2px solid var(--error); }
mark.sev-warning { background: var(--warning-bg); border-bottom: 2px solid var(--warning); }
mark.sev-info { background: var(--info-bg); border-bottom: 2px dotted var(--info); }
mark.overlap { outline: 1px dashed var(--muted); }
.marker { display: inline-block; min-width: 1.5em; margin: 0 2px; border-radius: 999px; font: 700 11px/1.5 system-ui, sans-serif; text-align: center; text-decoration: none; color: #fff; vertical-align: 1px; }
.marker.sev-error { background: var(--error); }
.marker.sev-warning { background: var(--warning); }
.marker.sev-info { background: var(--info); }
ol.findings { list-style: none; margin: 0; padding: 0; }
.finding { border: 1px solid var(--line); border-left: 5px solid var(--muted); border-radius: 8px; padding: 12px 14px; margin: 0 0 12px; break-inside: avoid; }
.finding.sev-error { border-left-color: var(--error); }
.finding.sev-warning { border-left-color: var(--warning); }
.finding.sev-info { border-left-color: var(--info); }
.finding p { margin: 6px 0; }
.finding-head { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.finding-head .num { font-weight: 700; margin-right: 8px; text-decoration: none; color: var(--ink); }
.finding-head .rule { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-weight: 600; margin-right: 10px; }
.finding-head .where { color: var(--muted); font-size: 13px; }
.flagged q { font-weight: 600; }
.why { color: var(--muted); font-size: 14px; }
.note { color: var(--warning); font-size: 14px; }
.evidence, .fixes { background: var(--wash); border-radius: 6px; padding: 10px 12px; margin: 10px 0 0; }
.evidence .statement { margin: 2px 0 6px; }
.evidence .level { font-size: 13px; color: var(--muted); }
.sources { margin: 4px 0 0; padding-left: 18px; font-size: 14px; }
.sources .qual { color: var(--muted); font-size: 12.5px; }
.fixes ul { margin: 2px 0 0; padding-left: 18px; }
.fixes .safe { font-size: 12px; color: var(--ok); border: 1px solid var(--ok); border-radius: 999px; padding: 0 6px; margin-left: 4px; white-space: nowrap; }
.clean li, .skipped li { margin: 2px 0; }
footer { color: var(--muted); font-size: 13px; margin-top: 28px; }
@media print {
  @page { margin: 16mm 14mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card { border: none; padding: 0; margin: 0 0 14pt; }
  section.doc { break-before: page; }
  .source { break-inside: auto; }
  .line { break-inside: avoid; }
  a { color: inherit; }
  a.src-link::after, a.docs::after { content: " <" attr(href) ">"; font-size: 9pt; color: var(--muted); overflow-wrap: anywhere; }
  .marker { color: #fff; }
}
`;
