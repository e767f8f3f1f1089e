// Tiny DOM helpers. Everything from the server is set as text or attribute values, never as HTML,
// so a segment named "<img onerror=…>" stays a name.

/** h('button', {class: 'x', onclick: fn}, 'text', childNode, [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key === 'value' && 'value' in el) {
      el.value = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix = 'id') {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A labelled form control: <div class="field"><label for>…</label> control hint</div>. */
export function field(labelText, control, hint) {
  if (!control.id) control.id = uid('f');
  let hintEl = null;
  if (hint) {
    hintEl = h('p', { class: 'hint', id: uid('hint') }, hint);
    control.setAttribute('aria-describedby', hintEl.id);
  }
  return h('div', { class: 'field' }, h('label', { for: control.id }, labelText), control, hintEl);
}

const numberFormat = new Intl.NumberFormat('en');
export const fmt = {
  bytes: (n) => (n < 1024 ? `${numberFormat.format(n)} bytes` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`),
  int: (n) => (n === null || n === undefined ? '–' : numberFormat.format(n)),
  pct: (x, digits = 1) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(digits)}%`),
  num: (x) => {
    if (x === null || x === undefined) return '–';
    if (typeof x === 'number') return Number.isInteger(x) ? numberFormat.format(x) : numberFormat.format(Math.round(x * 1000) / 1000);
    return String(x);
  },
  when: (iso) => {
    if (!iso) return '–';
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  },
  cell: (v) => {
    if (v === null || v === undefined) return '–';
    if (typeof v === 'number') return fmt.num(v);
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  },
};
