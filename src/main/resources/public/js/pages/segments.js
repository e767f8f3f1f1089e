// The segment list: search by name, newest first, paged on the server.
import { h, clear, field, fmt } from '../dom.js';
import { api, query } from '../api.js';
import { problemBox, table, pager, busy } from '../components.js';
import { focusHeading } from '../app.js';

const PAGE_SIZE = 20;

export async function render(main, { params, isCurrent }) {
  document.title = 'Segments · Segment Agent';
  const q = params.get('q') || '';
  const page = Math.max(0, Number(params.get('page') || 0) || 0);
  const search = h('input', { type: 'search', name: 'q', value: q, autocomplete: 'off' });
  const form = h('form', { class: 'toolbar', role: 'search', 'aria-label': 'Search segments' },
    field('Search by name', search), h('button', { type: 'submit' }, 'Search'));
  const results = h('div', { 'aria-live': 'polite', id: 'segment-results' });
  clear(main, h('div', { class: 'page-head' }, h('h1', {}, 'Segments'), h('a', { class: 'button', href: '#/ask' }, 'New segment')),
    form, results);
  focusHeading();
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    window.location.hash = `#/segments${query({ q: search.value.trim() })}`;
  });

  busy(results);
  let data;
  try {
    data = await api.get(`/api/segments${query({ q, page, size: PAGE_SIZE })}`);
  } catch (e) {
    clear(results, problemBox(e, 'The segments could not be listed'));
    return;
  }
  if (!isCurrent()) return;
  const sizes = new Map();
  const columns = [
    { key: 'name', label: 'Name', render: (s) => h('a', { href: `#/segments/${s.id}` }, s.name) },
    { key: 'currentVersion', label: 'Version', numeric: true, render: (s) => `v${s.currentVersion}` },
    { key: 'size', label: 'Size', numeric: true, render: (s) => {
      const cell = h('span', { class: 'size', dataset: { segment: s.id } }, s.size ?? s.memberCount ?? '…');
      if (s.size === undefined && s.memberCount === undefined) sizes.set(s.id, cell);
      else cell.textContent = fmt.int(s.size ?? s.memberCount);
      return cell;
    } },
    { key: 'updatedAt', label: 'Updated', render: (s) => h('time', { datetime: s.updatedAt }, fmt.when(s.updatedAt)) },
    { key: 'createdBy', label: 'By' },
  ];
  const go = (n) => { window.location.hash = `#/segments${query({ q, page: n || null })}`; };
  clear(results,
    h('p', { class: 'count' }, `${fmt.int(data.total)} ${data.total === 1 ? 'segment' : 'segments'}${q ? ` matching “${q}”` : ''}`),
    table(columns, data.items, { caption: 'Saved segments, most recently updated first', empty: q ? 'No segment matches that name.' : 'No segments saved yet. Ask for one!' }),
    data.totalPages > 1 ? pager({ page: data.page, totalPages: data.totalPages, total: data.total, label: 'Segment list', onPage: go }) : null);
  fillSizes(sizes, isCurrent);
}

/**
 * Sizes for segments the list does not carry them for: the materialised size where the server keeps live
 * segments (a read of one row), otherwise a count query (members page of size 1); two at a time, so a page
 * of twenty costs the server little even on a large warehouse.
 */
async function fillSizes(cells, isCurrent) {
  const queue = [...cells.entries()];
  const size = async (id) => {
    try {
      const live = await api.quietly(`/api/segments/${id}/live`);
      if (live && live.lastSuccess) return live.size;
    } catch {
      // no live segments on this server, or not refreshed yet: count instead
    }
    return (await api.get(`/api/segments/${id}/members?size=1`)).total;
  };
  const worker = async () => {
    while (queue.length && isCurrent()) {
      const [id, cell] = queue.shift();
      try {
        cell.textContent = fmt.int(await size(id));
      } catch {
        cell.textContent = '–';
        cell.title = 'Could not count';
      }
    }
  };
  await Promise.all([worker(), worker()]);
}
