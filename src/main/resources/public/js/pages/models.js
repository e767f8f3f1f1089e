// Models: what is trained, how well (metrics on held-out data), and for clustering the personas of each
// cluster. Shown only when the server has a models API.
import { h, clear, fmt } from '../dom.js';
import { api, session } from '../api.js';
import { problemBox, table, busy, statusLine } from '../components.js';
import { focusHeading } from '../app.js';

/** Whether this server has a models API (the nav link stays hidden otherwise). */
export async function probe() {
  try {
    await api.quietly('/api/models');
    return true;
  } catch {
    return false;
  }
}

export async function render(main, { id, isCurrent }) {
  document.title = `${id ? `${modelTitle(id)} · ` : ''}Models · Segment Agent`;
  if (id) return detail(main, id, isCurrent);
  clear(main, h('h1', {}, 'Models'), h('p', { class: 'lead' }, 'Scores and clusters a segment can use, with how well each model does.'));
  focusHeading();
  const box = h('div', { 'aria-live': 'polite' });
  main.append(box);
  busy(box);
  try {
    const models = await api.get('/api/models');
    if (!isCurrent()) return;
    clear(box, h('div', { class: 'model-grid' }, models.map((m) => h('article', { class: 'card model', dataset: { model: m.name } },
      h('h2', {}, h('a', { href: `#/models/${encodeURIComponent(m.name)}` }, modelTitle(m.name)), ' ', h('span', { class: 'tag tag-muted' }, m.kind)),
      h('p', {}, m.description),
      m.active ? [h('p', { class: 'hint' }, `Version ${m.active.version}, trained ${fmt.when(m.active.trainedAt)}`),
        metricList(m.active.metrics, 3)]
        : h('p', { class: 'empty' }, 'Not trained yet. Open it and press “Train a new version”, or run the train command.')))));
  } catch (e) {
    clear(box, problemBox(e, 'The models could not be listed'));
  }
}

// What a marketer calls each model and each metric; names the UI does not know fall back to the raw ones.
const MODEL_TITLES = {
  churn: 'Churn risk',
  purchase_propensity: 'Purchase propensity',
  rfm: 'RFM segments',
  behaviour: 'Behaviour clusters',
};
export const modelTitle = (name) => MODEL_TITLES[name] || name.replaceAll('_', ' ');

// [label, format, hint]; listed in the order they are shown, the most telling first.
const METRICS = {
  holdout_roc_auc: ['ROC AUC', 'score', 'On held-out customers: 0.5 is a coin toss, 1.0 is perfect ranking.'],
  holdout_pr_auc: ['PR AUC', 'score', 'Precision–recall on held-out customers; compare with the positive rate.'],
  holdout_positive_rate: ['Positive rate', 'pct', 'Share of held-out customers with the outcome.'],
  silhouette: ['Silhouette', 'score', 'How well separated the clusters are (−1 to 1; higher is better).'],
  k: ['Clusters', 'int'],
  ari_vs_planted_personas: ['Agreement with planted personas', 'score', 'Adjusted Rand index against the demo generator’s personas.'],
  segments: ['RFM segments', 'int'],
  customers: ['Customers', 'int'],
  scored: ['Customers scored', 'int'],
  holdout_rows: ['Held-out customers', 'int'],
  train_rows: ['Training customers', 'int'],
  train_positive_rate: ['Training positive rate', 'pct'],
  train_ms: ['Training time', 'ms'],
  score_ms: ['Scoring time', 'ms'],
};

function metricValue(format, v) {
  if (format === 'score') return v.toFixed(3);
  if (format === 'pct') return fmt.pct(v);
  if (format === 'int') return fmt.int(v);
  if (format === 'ms') return v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${fmt.int(v)} ms`;
  return fmt.num(v);
}

/** The numeric metrics as a definition list, known ones first with their labels and hints. */
function metricList(metrics, limit = Infinity) {
  if (!metrics || typeof metrics !== 'object') return null;
  const known = Object.keys(METRICS).filter((k) => typeof metrics[k] === 'number');
  const other = Object.keys(metrics).filter((k) => !(k in METRICS) && typeof metrics[k] === 'number');
  const keys = [...known, ...other].slice(0, limit);
  if (!keys.length) return null;
  return h('dl', { class: 'stats' }, keys.map((k) => {
    const [label, format, hint] = METRICS[k] || [k.replaceAll('_', ' '), 'num'];
    return h('div', { class: 'stat', dataset: { metric: k }, title: hint || null },
      h('dt', {}, label), h('dd', {}, metricValue(format, metrics[k])));
  }));
}

/** Few digits for a quick comparison: 124 days, 4.2 orders, 0.24 of visits. */
function rounded(x) {
  if (typeof x !== 'number') return fmt.num(x);
  const a = Math.abs(x);
  return fmt.num(Number(x.toFixed(a >= 100 ? 0 : a >= 1 ? 1 : 2)));
}

/** Cluster profiles wherever the model's details keep them: objects with a persona. */
function personasOf(details) {
  if (!details || typeof details !== 'object') return [];
  for (const value of Object.values(details)) {
    if (Array.isArray(value) && value.length && value.every((x) => x && typeof x === 'object' && 'persona' in x)) return value;
  }
  return [];
}

async function detail(main, name, isCurrent) {
  busy(main);
  let m;
  try {
    m = await api.get(`/api/models/${encodeURIComponent(name)}`);
  } catch (e) {
    clear(main, h('h1', {}, name), problemBox(e, 'The model could not be loaded'));
    return;
  }
  if (!isCurrent()) return;
  const details = m.activeDetails?.details;
  const personas = personasOf(details);
  const importance = Array.isArray(details?.importance) ? details.importance : null;
  const said = statusLine();
  const train = h('button', { type: 'button', class: 'secondary', 'data-needs-editor': true, disabled: session.readOnly }, 'Train a new version');
  clear(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/models' }, 'Models'), ' / ', modelTitle(m.name)),
    h('div', { class: 'page-head' }, h('h1', {}, modelTitle(m.name), ' ', h('span', { class: 'tag tag-muted' }, m.kind)), train),
    h('p', { class: 'lead' }, m.description),
    said,
    h('section', { class: 'card', 'aria-labelledby': 'metrics-title' },
      h('h2', { id: 'metrics-title' }, 'How well it does'),
      m.active ? [h('p', { class: 'hint' }, `Active version ${m.active.version}, trained ${fmt.when(m.active.trainedAt)}.`),
        metricList(m.active.metrics) || h('p', { class: 'empty' }, 'No metrics recorded.')]
        : h('p', { class: 'empty' }, 'Not trained yet.'),
      m.tiers?.length ? h('p', { class: 'hint' }, `Tiers: ${m.tiers.join(', ')}`) : null),
    personas.length ? h('section', { class: 'card', 'aria-labelledby': 'personas-title' },
      h('h2', { id: 'personas-title' }, 'Clusters and their personas'),
      h('div', { class: 'persona-grid' }, personas.map((p) => h('article', { class: 'persona' },
        h('h3', {}, p.name || `Cluster ${p.clusterId}`),
        h('p', {}, p.persona),
        h('p', { class: 'hint' }, `${fmt.int(p.size)} customers${p.share !== undefined ? ` · ${fmt.pct(p.share)}` : ''}`),
        p.deviations?.length ? h('ul', { class: 'deviations', 'aria-label': 'Where this cluster differs most from all customers' },
          p.deviations.slice(0, 3).map((d) => h('li', { title: `z = ${fmt.num(d.z)} standard deviations from all customers` },
            h('span', { class: d.z >= 0 ? 'up' : 'down', 'aria-hidden': 'true' }, d.z >= 0 ? '▲ ' : '▼ '),
            h('span', { class: 'visually-hidden' }, d.z >= 0 ? 'Higher: ' : 'Lower: '),
            d.feature.replaceAll('_', ' '), ` ${rounded(d.clusterMean)} here vs ${rounded(d.baseMean)} overall`))) : null)))) : null,
    importance?.length ? h('section', { class: 'card', 'aria-labelledby': 'importance-title' },
      h('h2', { id: 'importance-title' }, 'What drives it'),
      table(Object.keys(importance[0]).map((k) => ({ key: k, label: k, numeric: typeof importance[0][k] === 'number' })),
        importance.slice(0, 15), { caption: 'Feature importance' })) : null,
    h('section', { class: 'card', 'aria-labelledby': 'versions-title' },
      h('h2', { id: 'versions-title' }, 'Versions'),
      table([
        { key: 'version', label: 'Version', numeric: true },
        { key: 'status', label: 'Status' },
        { key: 'trainedAt', label: 'Trained', render: (v) => fmt.when(v.trainedAt) },
        { key: 'active', label: 'Active' },
        { key: 'error', label: 'Error' },
      ], m.versions || [], { caption: 'Every trained version' })));
  focusHeading();

  train.addEventListener('click', async () => {
    train.disabled = true;
    try {
      let run = await api.post(`/api/models/${encodeURIComponent(name)}/train`);
      while (run && ['QUEUED', 'RUNNING'].includes(String(run.status).toUpperCase())) {
        said.textContent = `Training: ${run.status.toLowerCase()}${run.percent !== undefined ? `, ${run.percent}%` : ''}${run.message ? ` (${run.message})` : ''}`;
        await new Promise((r) => setTimeout(r, 1000));
        run = await api.get(`/api/models/runs/${run.id}`);
      }
      said.textContent = `Training ${String(run.status).toLowerCase()}${run.version ? `: version ${run.version}` : ''}.`;
      if (String(run.status).toUpperCase() === 'SUCCEEDED') detail(main, name, isCurrent);
    } catch (e) {
      said.textContent = '';
      said.after(problemBox(e, 'Training could not start'));
    } finally {
      train.disabled = session.readOnly;
    }
  });
}
