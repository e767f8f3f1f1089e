// Models: shown only when the server has a models API.
import { h, clear } from '../dom.js';
import { api } from '../api.js';

/** Whether this server has a models API (the nav link stays hidden otherwise). */
export async function probe() {
  try {
    await api.get('/api/models');
    return true;
  } catch {
    return false;
  }
}

export async function render(main) {
  document.title = 'Models · Segment Agent';
  clear(main, h('h1', {}, 'Models'), h('p', { class: 'empty' }, 'This server has no models API.'));
  void api;
}
