/** The static browser view of a build (out/index.html). */
import type { BuildReport } from './report.js';

const esc = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A local browser view of the built pages and the build's diagnostics. */
export function previewHtml(report: BuildReport): string {
  const pages = report.pages
    .map(
      (p) =>
        `<figure><a href="${esc(p.pdf)}">${p.png ? `<img src="${esc(p.png)}" alt="第${p.number}版">` : `第${p.number}版 (PDF)`}</a><figcaption>第${p.number}版 · ${p.items} 稿件 · preflight ${p.preflight.ok ? '通过' : `未通过: ${esc(p.preflight.failed.join(', '))}`}</figcaption></figure>`,
    )
    .join('\n');
  const diags = report.diagnostics
    .map(
      (d) =>
        `<tr class="${d.severity}"><td>${d.severity}</td><td>${esc(d.code)}</td><td>${esc([d.at.file, d.at.line, d.at.page ? `p${d.at.page}` : '', d.at.item].filter(Boolean).join(' '))}</td><td>${esc(d.message)}</td><td>${esc(d.hint)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>${esc(report.paper)} ${esc(report.date)}</title>
<style>body{font-family:sans-serif;margin:1em;background:#eee}figure{display:inline-block;margin:0 1em 1em 0;background:#fff;padding:.5em;box-shadow:0 1px 4px #999}
img{max-height:90vh;display:block}table{border-collapse:collapse;background:#fff}td{border:1px solid #ccc;padding:2px 6px;font-size:13px}.error td{background:#fdd}.warning td{background:#ffd}</style></head>
<body><h1>${esc(report.paper)} ${esc(report.date)}</h1>
<p>${report.pages.length} 版 · ${report.editionPdf ? `<a href="${esc(report.editionPdf)}">整期 PDF</a>` : '整期 PDF 待整期构建'} · ${report.counts.errors} errors, ${report.counts.warnings} warnings, ${report.counts.overset} overset, ${report.counts.heldOver} held over</p>
${pages}
<h2>Diagnostics</h2><table><tr><th>severity</th><th>code</th><th>where</th><th>message</th><th>hint</th></tr>
${diags}
</table></body></html>
`;
}
