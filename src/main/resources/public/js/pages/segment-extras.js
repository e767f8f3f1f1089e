// Sections of the segment page that depend on features a server may not have (live history, outcomes,
// webhooks). Each is drawn only when its endpoint answers; a 404 leaves the page as it was, and a 403 says
// who may see it instead of marking the whole session read-only.
import { h, clear, field, fmt } from '../dom.js';
import { api, session } from '../api.js';
import { problemBox, table, statusLine } from '../components.js';
import { lineChart } from '../chart.js';

async function optional(path) {
  try {
    return { data: await api.quietly(path) };
  } catch (e) {
    return e.status === 404 ? { missing: true } : { error: e };
  }
}

export async function extraSections(container, segment) {
  const live = h('div', {});
  const outcomes = h('div', {});
  const hooks = h('div', {});
  clear(container, live, outcomes, hooks);
  await Promise.all([liveSection(live, segment), outcomesSection(outcomes, segment), webhookSection(hooks, segment)]);
}

async function liveSection(box, segment) {
  const [status, history] = await Promise.all([optional(`/api/segments/${segment.id}/live`),
    optional(`/api/segments/${segment.id}/history?limit=200`)]);
  if (status.missing && history.missing) return;
  const chartBox = h('div', { id: 'history-chart' });
  const said = statusLine();
  const refresh = h('button', { type: 'button', class: 'secondary', 'data-needs-editor': true, disabled: session.readOnly }, 'Refresh now');
  const s = status.data;
  clear(box, h('section', { class: 'card', 'aria-labelledby': 'live-title' },
    h('div', { class: 'section-head' }, h('h2', { id: 'live-title' }, 'Size over time'), refresh),
    s ? h('div', { class: 'kpis' },
      h('div', { class: 'kpi' }, h('span', { class: 'kpi-value', id: 'live-size' }, fmt.int(s.size)), h('span', { class: 'kpi-label' }, 'members now')),
      s.holdout ? h('div', { class: 'kpi kpi-small' }, h('span', { class: 'kpi-value' }, fmt.int(s.holdout)), h('span', { class: 'kpi-label' }, 'held out')) : null,
      s.lastRun ? h('div', { class: 'kpi kpi-small' }, h('span', { class: 'kpi-value' }, fmt.when(s.lastRun.finishedAt || s.lastRun.startedAt)), h('span', { class: 'kpi-label' }, 'last refresh')) : null,
      s.refreshIntervalSeconds ? h('div', { class: 'kpi kpi-small' }, h('span', { class: 'kpi-value' }, `${fmt.int(Math.round(s.refreshIntervalSeconds / 60))} min`), h('span', { class: 'kpi-label' }, 'refresh interval')) : null) : null,
    s?.stale ? h('p', { class: 'notice' }, `The last refresh failed; showing the last good members. ${s.staleReason || ''}`) : null,
    status.error ? problemBox(status.error) : null,
    said, chartBox));
  drawHistory(chartBox, history);

  refresh.addEventListener('click', async () => {
    refresh.disabled = true;
    said.textContent = 'Refreshing…';
    try {
      const run = await api.post(`/api/segments/${segment.id}/refresh`);
      said.textContent = run.status && run.status.toLowerCase() === 'failed'
        ? `The refresh failed: ${run.error || 'no reason given'}.`
        : `Refreshed: ${fmt.int(run.size)} members (${fmt.int(run.entered)} entered, ${fmt.int(run.exited)} left).`;
      const again = await optional(`/api/segments/${segment.id}/history?limit=200`);
      drawHistory(chartBox, again);
      const size = document.getElementById('live-size');
      if (size && run.size !== undefined && run.size !== null) size.textContent = fmt.int(run.size);
    } catch (e) {
      said.textContent = '';
      said.after(problemBox(e, 'The refresh failed'));
    } finally {
      refresh.disabled = session.readOnly;
    }
  });
}

function drawHistory(box, history) {
  if (history.error) { clear(box, problemBox(history.error)); return; }
  const runs = (history.data?.runs || [])
    .filter((r) => r.size !== null && r.size !== undefined && (!r.status || r.status.toLowerCase() !== 'failed'))
    .map((r) => ({ ...r, t: new Date(r.finishedAt || r.startedAt || r.asOf) }))
    .sort((a, b) => a.t - b.t);
  if (!runs.length) { clear(box, h('p', { class: 'empty' }, 'No refresh has run yet: sizes over time appear after the first.')); return; }
  const points = runs.map((r) => ({ t: r.t, value: r.size }));
  clear(box, points.length > 1 ? lineChart(points, { label: 'Members over time' }) : h('p', { class: 'hint' }, 'One refresh so far; the chart starts with the second.'),
    h('details', {}, h('summary', {}, 'Refresh runs'),
      table([
        { key: 't', label: 'When', render: (r) => fmt.when(r.t) },
        { key: 'trigger', label: 'Trigger' },
        { key: 'size', label: 'Members', numeric: true, render: (r) => fmt.int(r.size) },
        { key: 'entered', label: 'Entered', numeric: true, render: (r) => fmt.int(r.entered) },
        { key: 'exited', label: 'Left', numeric: true, render: (r) => fmt.int(r.exited) },
        { key: 'durationMs', label: 'Took', numeric: true, render: (r) => (r.durationMs === null || r.durationMs === undefined ? '–' : `${fmt.int(r.durationMs)} ms`) },
      ], [...runs].reverse(), { caption: 'Refresh runs, newest first' })));
}

const OUTCOME_LABELS = {
  customers: 'Customers',
  lapsedRate: 'Lapsed rate',
  churnRiskMean: 'Mean churn risk',
  revenuePerCustomer365d: 'Revenue per customer, last 365 days',
  revenuePerCustomerLifetime: 'Revenue per customer, lifetime',
  purchasePropensityMean: 'Mean purchase propensity',
  boughtLast30dRate: 'Bought in the last 30 days',
};
const RATES = new Set(['lapsedRate', 'churnRiskMean', 'purchasePropensityMean', 'boughtLast30dRate']);

async function outcomesSection(box, segment) {
  const result = await optional(`/api/segments/${segment.id}/outcomes`);
  if (result.missing) return;
  if (result.error) { clear(box, h('section', { class: 'card' }, h('h2', {}, 'Outcomes'), problemBox(result.error))); return; }
  const r = result.data;
  const keys = Object.keys(OUTCOME_LABELS).filter((k) => r.segment && k in r.segment);
  const show = (k, v) => (v === null || v === undefined ? '–' : RATES.has(k) ? fmt.pct(v) : fmt.num(v));
  clear(box, h('section', { class: 'card', 'aria-labelledby': 'outcomes-title', id: 'outcomes' },
    h('h2', { id: 'outcomes-title' }, 'Outcomes'),
    h('p', { class: 'hint' }, `Members compared with all customers, as of ${fmt.when(r.asOf)}.`),
    table([
      { key: 'k', label: 'Measure', render: (k) => OUTCOME_LABELS[k] },
      { key: 's', label: 'Segment', numeric: true, render: (k) => show(k, r.segment[k]) },
      { key: 'b', label: 'All customers', numeric: true, render: (k) => show(k, r.base?.[k]) },
      { key: 'x', label: 'Ratio', numeric: true, render: (k) => (r.ratioToBase?.[k] === undefined || r.ratioToBase?.[k] === null ? '–' : `${fmt.num(r.ratioToBase[k])}×`) },
    ], keys, { caption: 'Outcome measures' }),
    r.notes?.length ? h('ul', { class: 'hint' }, r.notes.map((n) => h('li', {}, n))) : null));
}

async function webhookSection(box, segment) {
  const result = await optional(`/api/segments/${segment.id}/webhooks`);
  if (result.missing) return;
  const list = h('div', {});
  const url = h('input', { type: 'url', name: 'webhook-url', required: true, placeholder: 'https://example.com/hooks/segment' });
  const secret = h('input', { type: 'password', name: 'webhook-secret', autocomplete: 'off' });
  const said = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'toolbar', 'aria-label': 'Add a webhook' },
    field('Webhook URL', url), field('Signing secret (optional)', secret), h('button', { type: 'submit' }, 'Add webhook'));
  clear(box, h('section', { class: 'card', 'aria-labelledby': 'hooks-title' },
    h('h2', { id: 'hooks-title' }, 'Webhooks'),
    h('p', { class: 'hint' }, 'Who is told when members enter or leave. Signed with the secret when one is set.'),
    list, result.error?.status === 403 ? null : form, said));
  const draw = (hooks) => clear(list, table([
    { key: 'url', label: 'URL' },
    { key: 'events', label: 'Events' },
    { key: 'active', label: 'Active' },
    { key: 'createdAt', label: 'Added', render: (w) => fmt.when(w.createdAt) },
  ], hooks, { caption: 'Webhooks of this segment', empty: 'No webhook yet.' }));
  if (result.error) {
    clear(list, result.error.status === 403
      ? h('p', { class: 'notice' }, 'Webhooks are managed by admins: your key cannot see them.')
      : problemBox(result.error));
    return;
  }
  draw(result.data);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api.post(`/api/segments/${segment.id}/webhooks`, { url: url.value.trim(), secret: secret.value || null });
      clear(said, h('p', { class: 'success' }, 'Webhook added.'));
      url.value = '';
      secret.value = '';
      draw(await api.get(`/api/segments/${segment.id}/webhooks`));
    } catch (err) {
      clear(said, problemBox(err, 'The webhook was not added'));
    }
  });
}
