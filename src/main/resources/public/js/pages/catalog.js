// The catalog browser: search fields by words, filter by group, and read a field's profile (what the data
// says: null rate, distinct values, range, top values).
import { h, clear, field, fmt } from '../dom.js';
import { api, query } from '../api.js';
import { problemBox, table, pager, busy } from '../components.js';
import { focusHeading } from '../app.js';

const PAGE_SIZE = 25;
let groups = null;

async function groupNames() {
  if (!groups) {
    groups = api.get('/api/catalog/fields?limit=200').then((page) =>
      [...new Set(page.items.map((f) => f.group))].sort()).catch(() => { groups = null; return []; });
  }
  return groups;
}

export async function render(main, { id, params, isCurrent }) {
  document.title = `${id ? `${id} · ` : ''}Catalog · Segment Agent`;
  const q = params.get('q') || '';
  const group = params.get('group') || '';
  const page = Math.max(0, Number(params.get('page') || 0) || 0);

  const search = h('input', { type: 'search', name: 'q', value: q, autocomplete: 'off', placeholder: 'e.g. spend last year' });
  const groupSelect = h('select', { name: 'group' }, h('option', { value: '' }, 'All groups'));
  const form = h('form', { class: 'toolbar', role: 'search', 'aria-label': 'Search the catalog' },
    field('Search fields', search), field('Group', groupSelect), h('button', { type: 'submit' }, 'Search'));
  const list = h('div', { id: 'catalog-results', 'aria-live': 'polite' });
  const detail = h('div', { id: 'field-profile', 'aria-live': 'polite' });
  clear(main, h('h1', {}, 'Catalog'),
    h('p', { class: 'lead' }, 'The fields a segment can use, with what the data says about each.'),
    form, h('div', { class: 'catalog-layout' }, list, detail));
  focusHeading();

  const link = (over) => `#/catalog${over.field ? `/${encodeURIComponent(over.field)}` : ''}${query({ q, group, page: page || null, ...over, field: undefined })}`;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    window.location.hash = `#/catalog${query({ q: search.value.trim(), group: groupSelect.value })}`;
  });
  groupSelect.addEventListener('change', () => form.requestSubmit());

  groupNames().then((names) => {
    names.forEach((g) => groupSelect.append(h('option', { value: g, selected: g === group }, g)));
  });

  busy(list);
  try {
    const data = await api.get(`/api/catalog/fields${query({ q, group, limit: PAGE_SIZE, offset: page * PAGE_SIZE })}`);
    if (!isCurrent()) return;
    const totalPages = Math.ceil(data.total / PAGE_SIZE);
    clear(list,
      h('p', { class: 'count' }, `${fmt.int(data.total)} fields${q ? ` for “${q}”` : ''}${group ? ` in ${group}` : ''}`),
      table([
        { key: 'name', label: 'Field', render: (f) => h('a', { href: link({ field: f.name }), 'aria-current': f.name === id ? 'true' : null }, f.name) },
        { key: 'group', label: 'Group' },
        { key: 'type', label: 'Type' },
        { key: 'description', label: 'Description', render: (f) => h('span', { class: 'clamp' }, f.description) },
      ], data.items, { caption: 'Catalog fields', empty: 'No field matches. Try other words.' }),
      totalPages > 1 ? pager({ page, totalPages, total: data.total, label: 'Catalog', onPage: (n) => { window.location.hash = link({ page: n || null }); } }) : null);
  } catch (e) {
    clear(list, problemBox(e, 'The catalog could not be searched'));
  }

  if (id) {
    busy(detail, 'Loading the profile…');
    try {
      clear(detail, profileView(await api.get(`/api/catalog/fields/${encodeURIComponent(id)}`), link));
    } catch (e) {
      clear(detail, problemBox(e, 'No such field'));
    }
  } else {
    clear(detail, h('p', { class: 'empty' }, 'Choose a field to see its profile.'));
  }
}

function profileView(f, link) {
  const p = f.profile;
  const top = p?.topValues || [];
  const most = Math.max(1, ...top.map((t) => t.count));
  return h('article', { class: 'card profile', 'aria-labelledby': 'profile-title' },
    h('h2', { id: 'profile-title' }, f.name),
    h('p', {}, h('span', { class: 'tag' }, f.group), h('span', { class: 'tag tag-muted' }, [f.type, f.unit].filter(Boolean).join(' · ')),
      f.pii ? h('span', { class: 'tag tag-warn' }, 'personal data') : null),
    h('p', {}, f.description),
    f.deprecated ? h('p', { class: 'notice' }, f.deprecated.note) : null,
    f.synonyms?.length ? h('p', { class: 'hint' }, `Also called: ${f.synonyms.join(', ')}`) : null,
    f.lookAlikes?.length ? h('p', { class: 'hint' }, 'Not to be confused with: ',
      f.lookAlikes.map((n, i) => [i ? ', ' : '', h('a', { href: link({ field: n }) }, n)])) : null,
    f.allowedValues?.length ? h('p', { class: 'hint' }, `Allowed values: ${f.allowedValues.join(', ')}`) : null,
    p ? h('dl', { class: 'stats' },
      stat('Null rate', fmt.pct(p.nullRate, 1), 'null-rate'),
      stat('Distinct', fmt.int(p.distinct), 'distinct'),
      stat('Min', fmt.cell(p.min), 'min'),
      stat('Max', fmt.cell(p.max), 'max'),
      stat('Rows', fmt.int(p.rows), 'rows')) : h('p', { class: 'empty' }, 'No profile for this field.'),
    top.length ? [h('h3', {}, 'Top values'), h('ul', { class: 'bars' }, top.map((t) => h('li', {},
      h('span', { class: 'bar-label' }, t.value ?? '(none)'),
      h('span', { class: 'funnel-bar', 'aria-hidden': 'true' }, h('span', { class: 'funnel-fill', style: `width:${((100 * t.count) / most).toFixed(1)}%` })),
      h('span', { class: 'bar-count' }, `${fmt.int(t.count)}${p?.rows ? ` (${fmt.pct(t.count / p.rows)})` : ''}`))))] : null);
}

function stat(label, value, key) {
  return h('div', { class: 'stat', dataset: { stat: key } }, h('dt', {}, label), h('dd', {}, value));
}
