// One segment: what it is (explanation, definition), its versions, its members (paged, CSV) and, where
// the server has them, its size over time, outcomes and webhooks.
import { h, clear, fmt } from '../dom.js';
import { api, download, query, session } from '../api.js';
import { problemBox, table, pager, busy, memberColumns, statusLine } from '../components.js';
import { focusHeading } from '../app.js';
import { extraSections } from './segment-extras.js';

const MEMBERS_PAGE = 25;

/** A file name a marketer recognises in their downloads folder: the segment's name, made safe. */
function fileName(name) {
  const safe = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return safe || 'segment';
}

export async function render(main, { id, isCurrent }) {
  busy(main);
  let s;
  try {
    s = await api.get(`/api/segments/${encodeURIComponent(id)}`);
  } catch (e) {
    clear(main, h('h1', {}, 'Segment'), problemBox(e, 'The segment could not be loaded'),
      h('p', {}, h('a', { href: '#/segments' }, 'Back to the list')));
    return;
  }
  if (!isCurrent()) return;
  document.title = `${s.name} · Segment Agent`;

  const members = h('div', { id: 'members', 'aria-live': 'polite' });
  const csvStatus = statusLine();
  csvStatus.dataset.testid = 'csv-status';
  let memberTotal = null;
  const csvButton = h('button', { type: 'button', class: 'secondary', id: 'csv' }, 'Download CSV');
  const versions = h('div', {});

  clear(main,
    h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumb' }, h('a', { href: '#/segments' }, 'Segments'), ' / ', s.name),
    h('div', { class: 'page-head' },
      h('h1', {}, s.name, ' ', h('span', { class: 'tag' }, `v${s.currentVersion}`)),
      h('a', { class: 'button secondary', href: `#/ask?segment=${s.id}`, 'aria-disabled': session.readOnly ? 'true' : null }, 'Edit')),
    s.description ? h('p', { class: 'lead' }, s.description) : null,
    h('dl', { class: 'meta' },
      h('dt', {}, 'Updated'), h('dd', {}, fmt.when(s.updatedAt)),
      h('dt', {}, 'Created by'), h('dd', {}, s.createdBy || '–'),
      s.sourceRequest ? [h('dt', {}, 'Asked as'), h('dd', {}, h('q', {}, s.sourceRequest))] : null),
    h('section', { class: 'card', 'aria-labelledby': 'what-title' },
      h('h2', { id: 'what-title' }, 'Who is in it'),
      h('p', { class: 'explanation' }, s.explanation),
      h('details', {}, h('summary', {}, 'Definition (JSON)'), h('pre', { class: 'code' }, JSON.stringify(s.definition, null, 2)))),
    h('div', { id: 'extras' }),
    h('section', { class: 'card', 'aria-labelledby': 'members-title' },
      h('div', { class: 'section-head' }, h('h2', { id: 'members-title' }, 'Members'), csvButton),
      csvStatus, members),
    h('section', { class: 'card', 'aria-labelledby': 'versions-title' },
      h('h2', { id: 'versions-title' }, 'Versions'), versions));
  focusHeading();

  csvButton.addEventListener('click', async () => {
    csvButton.disabled = true;
    csvStatus.textContent = 'Preparing the CSV…';
    try {
      const bytes = await download(`/api/segments/${s.id}/members.csv`, `${fileName(s.name)}-members.csv`);
      csvStatus.textContent = `CSV downloaded${memberTotal === null ? '' : `: ${fmt.int(memberTotal)} members`} (${fmt.bytes(bytes)}).`;
    } catch (e) {
      csvStatus.textContent = '';
      csvStatus.after(problemBox(e, 'The CSV could not be exported'));
    } finally {
      csvButton.disabled = false;
    }
  });

  async function showMembers(page) {
    busy(members, 'Loading members…');
    try {
      const m = await api.get(`/api/segments/${s.id}/members${query({ page, size: MEMBERS_PAGE })}`);
      const totalPages = Math.ceil(m.total / m.size);
      memberTotal = m.total;
      clear(members,
        h('p', { class: 'count' }, `${fmt.int(m.total)} customers as of ${fmt.when(m.asOf)}`),
        table(memberColumns(m.fields, m.items), m.items, { caption: `Members, page ${page + 1}`, empty: 'No customer is in this segment now.' }),
        totalPages > 1 ? pager({ page: m.page, totalPages, total: m.total, label: 'Members', onPage: showMembers }) : null);
    } catch (e) {
      clear(members, problemBox(e, 'The members could not be loaded'));
    }
  }

  async function showVersions() {
    try {
      const list = await api.get(`/api/segments/${s.id}/versions`);
      clear(versions, table([
        { key: 'version', label: 'Version', numeric: true, render: (v) => `v${v.version}` },
        { key: 'createdAt', label: 'Saved', render: (v) => fmt.when(v.createdAt) },
        { key: 'createdBy', label: 'By' },
        { key: 'explanation', label: 'Who is in it' },
      ], list, { caption: 'Every saved version, newest first' }));
    } catch (e) {
      clear(versions, problemBox(e, 'The versions could not be loaded'));
    }
  }

  showMembers(0);
  showVersions();
  extraSections(document.getElementById('extras'), s);
}
