// The shell: sign-in, hash routing between pages, the header and the banner for access problems.
import { h, clear, field } from './dom.js';
import { api, session, ApiError } from './api.js';
import { problemBox } from './components.js';
import * as ask from './pages/ask.js';
import * as segments from './pages/segments.js';
import * as segment from './pages/segment.js';
import * as catalog from './pages/catalog.js';
import * as models from './pages/models.js';

const main = document.getElementById('main');
const banner = document.getElementById('banner');
const sessionBox = document.getElementById('session');

const ROUTES = [
  { pattern: /^\/?$/, page: ask, nav: 'ask' },
  { pattern: /^\/ask$/, page: ask, nav: 'ask' },
  { pattern: /^\/segments$/, page: segments, nav: 'segments' },
  { pattern: /^\/segments\/([^/]+)$/, page: segment, nav: 'segments' },
  { pattern: /^\/catalog$/, page: catalog, nav: 'catalog' },
  { pattern: /^\/catalog\/([^/]+)$/, page: catalog, nav: 'catalog' },
  { pattern: /^\/models$/, page: models, nav: 'models' },
  { pattern: /^\/models\/([^/]+)$/, page: models, nav: 'models' },
];

/** '#/segments/abc?page=2' -> {path: '/segments/abc', params: URLSearchParams} */
function location() {
  const raw = window.location.hash.replace(/^#/, '') || '/ask';
  const [path, search] = raw.split('?');
  return { path, params: new URLSearchParams(search || '') };
}

let rendering = 0;
async function route() {
  const { path, params } = location();
  const match = ROUTES.map((r) => ({ r, m: path.match(r.pattern) })).find((x) => x.m);
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (match && a.dataset.nav === match.r.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  const token = ++rendering;
  if (!match) {
    clear(main, h('h1', {}, 'Page not found'), h('p', {}, h('a', { href: '#/ask' }, 'Go to Ask')));
    return;
  }
  const arg = match.m[1] ? decodeURIComponent(match.m[1]) : null;
  clear(main);
  try {
    await match.r.page.render(main, { id: arg, params, isCurrent: () => token === rendering });
  } catch (e) {
    if (token === rendering) clear(main, h('h1', {}, 'Something went wrong'), problemBox(e));
  }
}

/** Moves focus to the page heading after navigation so screen readers announce the new page. */
export function focusHeading() {
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

function showBanner(...content) {
  clear(banner, ...content, h('button', { type: 'button', class: 'link', onclick: () => { banner.hidden = true; } }, 'Dismiss'));
  banner.hidden = false;
}

function renderSession() {
  clear(sessionBox, session.key
    ? [h('span', { class: 'who' }, session.readOnly ? 'Signed in · read only' : 'Signed in'),
      h('button', { type: 'button', class: 'link', onclick: signOut }, 'Sign out')]
    : [h('button', { type: 'button', class: 'link', onclick: () => openSignIn() }, 'Sign in')]);
}

function signOut() {
  session.signOut();
  renderSession();
  openSignIn();
}

/**
 * The sign-in form in a modal dialog: the page underneath keeps whatever the user typed, so a key that
 * expires mid-edit costs nothing but signing in again.
 */
function openSignIn(reason) {
  let dialog = document.getElementById('sign-in');
  if (dialog) dialog.remove();
  const input = h('input', { type: 'password', name: 'api-key', autocomplete: 'off', required: true, spellcheck: 'false', placeholder: 'sa_…' });
  const errors = h('div', { 'aria-live': 'assertive' });
  const form = h('form', { method: 'dialog', class: 'stack' },
    h('h2', { id: 'sign-in-title' }, 'Sign in'),
    h('p', {}, 'Paste your Segment Agent API key. It is kept in this browser tab only and sent with every request.'),
    reason ? h('p', { class: 'notice' }, reason) : null,
    field('API key', input, 'An admin issues keys (viewer, editor or admin) with the keys command or at /api/keys.'),
    errors,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sign in')));
  dialog = h('dialog', { id: 'sign-in', 'aria-labelledby': 'sign-in-title' }, form);
  dialog.addEventListener('cancel', (e) => { if (!session.key) e.preventDefault(); });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    session.signIn(key);
    try {
      await api.quietly('/api/segments?size=1');
      dialog.close();
      dialog.remove();
      banner.hidden = true;
      renderSession();
      ready();
    } catch (err) {
      session.signOut();
      clear(errors, problemBox(err));
      input.focus();
      input.select();
    }
  });
  document.body.append(dialog);
  dialog.showModal();
  input.focus();
}

window.addEventListener('segment:unauthenticated', (e) => {
  session.signOut();
  renderSession();
  const code = e.detail instanceof ApiError ? e.detail.code : '';
  openSignIn(code === 'invalid-api-key' ? 'Your key was not accepted (unknown or revoked). Sign in again.' : 'This service needs an API key.');
});

window.addEventListener('segment:forbidden', (e) => {
  renderSession();
  document.querySelectorAll('[data-needs-editor]').forEach((el) => { el.disabled = true; });
  showBanner(h('strong', {}, 'Read-only key. '), e.detail?.problem?.detail || 'Your key may not make this change.');
});

window.addEventListener('hashchange', route);

async function start() {
  renderSession();
  if (!session.key) {
    // Security may be off on a local single-user setup: then every call works without a key.
    try {
      await api.get('/api/segments?size=1');
    } catch (e) {
      if (e.status === 401) return; // the sign-in dialog is already open (segment:unauthenticated)
    }
  }
  ready();
}

function ready() {
  models.probe().then((available) => {
    document.querySelector('[data-nav="models"]').hidden = !available;
  });
  route();
}

start();
