// Small reusable pieces: problem boxes, tables, pagers, funnels, status lines.
import { h, fmt, clear } from './dom.js';

const HEADLINES = {
  unauthenticated: 'Please sign in',
  'invalid-api-key': 'That API key was not accepted',
  forbidden: 'Your key may not do this',
  network: 'The service could not be reached',
};

/**
 * A problem+json error shown inline: a headline, the server's detail and each issue with its path, so the
 * user can fix what they typed (which the page keeps).
 */
export function problemBox(error, context) {
  const problem = error?.problem || { detail: String(error?.message || error) };
  const status = error?.status;
  let headline = HEADLINES[problem.code]
    || (status === 404 ? 'Not found' : status >= 500 ? 'The service failed' : context || 'That did not work');
  if (status === 403) {
    headline = 'Your key may not do this';
  }
  const issues = Array.isArray(problem.issues) ? problem.issues.filter((i) => i && typeof i === 'object') : [];
  return h('div', { class: `problem ${status === 403 || status === 401 ? 'problem-auth' : ''}`, role: 'alert', dataset: { code: problem.code || '' } },
    h('p', { class: 'problem-title' }, h('strong', {}, headline),
      problem.code ? h('span', { class: 'tag' }, problem.code) : null,
      problem.stage ? h('span', { class: 'tag tag-muted' }, `stage: ${problem.stage}`) : null),
    problem.detail ? h('p', { class: 'problem-detail' }, problem.detail) : null,
    status === 403 ? h('p', { class: 'problem-hint' }, 'Ask an admin for an editor key, or sign in with another key.') : null,
    status === 401 ? h('p', { class: 'problem-hint' }, 'Sign in again with a valid API key.') : null,
    issues.length ? h('ul', { class: 'issues' }, issues.map((i) => h('li', { class: `issue issue-${(i.severity || 'error').toLowerCase()}` },
      i.path ? h('code', {}, i.path) : null, ' ', i.message || i.code,
      i.suggestions?.length ? h('span', { class: 'hint' }, ` Try: ${i.suggestions.join(', ')}`) : null))) : null);
}

/** A polite live region that announces what just happened ("Preview: 1,234 customers"). */
export function statusLine() {
  return h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
}

export function busy(el, text = 'Loading…') {
  return clear(el, h('p', { class: 'loading' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), text));
}

/** A data table; columns: [{key, label, render?(row), numeric?}] */
export function table(columns, rows, { caption, empty = 'Nothing to show.' } = {}) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c) => h('td', { class: c.numeric ? 'num' : null },
        c.render ? c.render(row) : fmt.cell(row[c.key]))))))));
}

/** Columns for member rows: the id first, then the fields the definition uses. */
export function memberColumns(fields, rows) {
  const keys = fields?.length ? fields : Object.keys(rows[0] || {});
  const ordered = ['customer_id', ...keys.filter((k) => k !== 'customer_id')];
  return ordered.filter((k) => k === 'customer_id' || keys.includes(k)).map((k) => ({
    key: k, label: k === 'customer_id' ? 'Customer ID' : k,
    numeric: k !== 'customer_id' && rows.some((r) => typeof r[k] === 'number'),
    // an id is a name, not a quantity: no thousands separators
    render: k === 'customer_id' ? (r) => String(r[k] ?? '–') : undefined,
  }));
}

/**
 * Previous / next paging over a server-side page (page is 0-based). Calls onPage(n) with the page wanted.
 */
export function pager({ page, totalPages, total, label, onPage }) {
  const last = Math.max(totalPages - 1, 0);
  return h('nav', { class: 'pager', 'aria-label': `${label} pages` },
    h('button', { type: 'button', class: 'secondary', disabled: page <= 0, onclick: () => onPage(page - 1) }, '← Previous'),
    h('span', { class: 'pager-pos' }, `Page ${fmt.int(page + 1)} of ${fmt.int(Math.max(totalPages, 1))}`,
      total !== undefined ? ` · ${fmt.int(total)} in all` : ''),
    h('button', { type: 'button', class: 'secondary', disabled: page >= last, onclick: () => onPage(page + 1) }, 'Next →'));
}

/** The funnel as labelled bars: each step's count, its share of the previous step, a bar to scale. */
export function funnel(steps, baseCount) {
  if (!steps?.length) return null;
  const top = Math.max(baseCount || 0, ...steps.map((s) => s.count), 1);
  return h('ol', { class: 'funnel', 'aria-label': 'Funnel' }, steps.map((s) => h('li', {},
    h('span', { class: 'funnel-label' }, s.label),
    h('span', { class: 'funnel-bar', 'aria-hidden': 'true' },
      h('span', { class: 'funnel-fill', style: `width:${Math.max(0.5, (100 * s.count) / top).toFixed(2)}%` })),
    h('span', { class: 'funnel-count' }, fmt.int(s.count)),
    h('span', { class: 'funnel-share' }, `${fmt.pct(s.shareOfPrevious)} of previous`))));
}

/** The preview block: count, share, funnel, sample members, warnings, explanation. */
export function previewView(p) {
  const warnings = p.warnings || [];
  return h('div', { class: 'preview' },
    h('div', { class: 'kpis' },
      h('div', { class: 'kpi' }, h('span', { class: 'kpi-value', 'data-testid': 'preview-count' }, fmt.int(p.count)), h('span', { class: 'kpi-label' }, 'customers')),
      h('div', { class: 'kpi' }, h('span', { class: 'kpi-value' }, fmt.pct(p.share, 2)), h('span', { class: 'kpi-label' }, `of ${fmt.int(p.baseCount)}`)),
      p.elapsedMillis !== undefined ? h('div', { class: 'kpi kpi-small' }, h('span', { class: 'kpi-value' }, `${fmt.int(p.elapsedMillis)} ms`), h('span', { class: 'kpi-label' }, 'to count')) : null),
    p.explanation ? h('p', { class: 'explanation' }, p.explanation) : null,
    warnings.length ? h('ul', { class: 'issues' }, warnings.map((w) => h('li', { class: 'issue issue-warning' }, w.path ? h('code', {}, w.path) : null, ' ', w.message))) : null,
    h('h3', {}, 'Funnel'),
    funnel(p.funnel, p.baseCount),
    h('h3', {}, 'Sample members'),
    table(memberColumns(p.sampleFields, p.sample || []), p.sample || [], { caption: 'A sample of matching customers', empty: 'No customer matches.' }));
}
