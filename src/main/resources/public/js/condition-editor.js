// Direct editing of a definition's conditions: the tree drawn as nested groups, each leaf with labelled
// controls for what a marketer tunes (operator, value, window). Structure (adding new fields) stays in the
// JSON or with the agent; this edits in place and calls onChange with the whole, updated condition.
import { h, uid } from './dom.js';

const OPS = ['=', '!=', '>', '>=', '<', '<=', 'contains'];

function hiddenLabel(control, text) {
  control.id = control.id || uid('c');
  return [h('label', { for: control.id, class: 'visually-hidden' }, text), control];
}

/** Parses what was typed back to the type the old value had (number stays number, true stays boolean). */
function typed(text, previous) {
  const t = text.trim();
  if (typeof previous === 'number' || (previous === undefined && t !== '' && !Number.isNaN(Number(t)))) {
    const n = Number(t);
    return t === '' || Number.isNaN(n) ? t : n;
  }
  if (typeof previous === 'boolean') return t === 'true';
  return t;
}

function opSelect(value, label, onChange) {
  const select = h('select', { class: 'op', onchange: () => onChange(select.value) },
    OPS.map((op) => h('option', { value: op, selected: op === value }, op)));
  return hiddenLabel(select, label);
}

function valueInput(value, label, onChange) {
  const input = h('input', { type: 'text', class: 'value', value: value === undefined || value === null ? '' : String(value), size: 10 });
  input.addEventListener('change', () => onChange(typed(input.value, value)));
  return hiddenLabel(input, label);
}

function fieldName(name) {
  return h('a', { class: 'field-ref', href: `#/catalog/${encodeURIComponent(name)}`, title: 'Open in the catalog' }, name);
}

function leaf(node, change) {
  const set = (key) => (v) => { node[key] = v; change(); };
  switch (node.type) {
    case 'compare':
      return [fieldName(node.field), opSelect(node.op, `Operator for ${node.field}`, set('op')),
        valueInput(node.value, `Value for ${node.field}`, set('value'))];
    case 'between':
      return [fieldName(node.field), ' between ', valueInput(node.low, `Lowest ${node.field}`, set('low')),
        ' and ', valueInput(node.high, `Highest ${node.field}`, set('high'))];
    case 'in': {
      const input = h('input', { type: 'text', class: 'value wide', value: (node.values || []).join(', ') });
      input.addEventListener('change', () => {
        node.values = input.value.split(',').map((s) => s.trim()).filter(Boolean)
          .map((s) => typed(s, (node.values || [])[0]));
        change();
      });
      return [fieldName(node.field), ' is one of ', hiddenLabel(input, `Values for ${node.field}, comma separated`)];
    }
    case 'isNull':
      return [fieldName(node.field), ' has no value'];
    case 'event': {
      const did = h('select', { onchange: () => { node.did = did.value === 'true'; change(); } },
        h('option', { value: 'true', selected: node.did !== false }, 'did'),
        h('option', { value: 'false', selected: node.did === false }, 'did not'));
      const parts = [hiddenLabel(did, `Did or did not ${node.event}`), ' ', h('code', {}, node.event)];
      (node.where || []).forEach((w) => parts.push(' where ', h('code', {}, w.property), ` ${w.op} `,
        valueInput(w.value ?? (w.values || []).join(', '), `Value of ${w.property} for ${node.event}`, (v) => {
          if (w.values) w.values = String(v).split(',').map((s) => s.trim()); else w.value = v;
          change();
        })));
      if (node.count) {
        parts.push(' count ', opSelect(node.count.op, `Count operator for ${node.event}`, (v) => { node.count.op = v; change(); }),
          valueInput(node.count.value, `Count for ${node.event}`, (v) => { node.count.value = v; change(); }));
      }
      if (node.sum) {
        parts.push(` sum of ${node.sum.measure} `, opSelect(node.sum.op, `Sum operator for ${node.event}`, (v) => { node.sum.op = v; change(); }),
          valueInput(node.sum.value, `Sum for ${node.event}`, (v) => { node.sum.value = v; change(); }));
      }
      if (node.window && node.window.lastDays !== undefined && node.window.lastDays !== null) {
        parts.push(' in the last ', valueInput(node.window.lastDays, `Days back for ${node.event}`, (v) => { node.window.lastDays = v; change(); }), ' days');
      } else if (node.window) {
        parts.push(` from ${node.window.from || '…'} to ${node.window.to || '…'}`);
      }
      return parts;
    }
    case 'score':
      if (node.tier) return ['model ', h('code', {}, node.model), ' tier ', valueInput(node.tier, `Tier of ${node.model}`, set('tier'))];
      return ['model ', h('code', {}, node.model), ' score ', opSelect(node.op, `Operator for ${node.model} score`, set('op')),
        valueInput(node.value, `Score threshold for ${node.model}`, set('value'))];
    case 'cluster':
      return ['in cluster ', valueInput(node.cluster, `Cluster of ${node.model}`, set('cluster')), ' of ', h('code', {}, node.model)];
    case 'inSegment':
      return ['member of segment ', valueInput(node.segment, 'Segment', set('segment'))];
    default:
      return [h('code', {}, JSON.stringify(node))];
  }
}

/**
 * A row to add a comparison: field (suggested from the catalog through the datalist the page provides),
 * operator, value. Adding calls add(node); the caller puts it in place and redraws.
 */
function addRow(add) {
  const fieldInput = h('input', { type: 'text', class: 'value wide', list: 'catalog-field-names', autocomplete: 'off', placeholder: 'field' });
  const op = h('select', { class: 'op' }, OPS.map((o) => h('option', { value: o, selected: o === '>=' }, o)));
  const value = h('input', { type: 'text', class: 'value', placeholder: 'value' });
  const addButton = h('button', { type: 'button', class: 'secondary small' }, 'Add');
  const row = h('div', { class: 'leaf add-row', hidden: true },
    hiddenLabel(fieldInput, 'Field of the new condition'), hiddenLabel(op, 'Operator of the new condition'),
    hiddenLabel(value, 'Value of the new condition'), addButton);
  const open = h('button', { type: 'button', class: 'link add-open', 'aria-expanded': 'false' }, '+ Add a condition');
  open.addEventListener('click', () => {
    row.hidden = !row.hidden;
    open.setAttribute('aria-expanded', String(!row.hidden));
    if (!row.hidden) fieldInput.focus();
  });
  addButton.addEventListener('click', () => {
    if (!fieldInput.value.trim()) { fieldInput.focus(); return; }
    add({ type: 'compare', field: fieldInput.value.trim(), op: op.value, value: typed(value.value) });
  });
  return [open, row];
}

function nodeView(node, change, remove) {
  const removeButton = remove
    ? h('button', { type: 'button', class: 'icon', onclick: remove, 'aria-label': `Remove condition ${describe(node)}`, title: 'Remove' }, '×')
    : null;
  if (node.type === 'and' || node.type === 'or') {
    const kind = h('select', { onchange: () => { node.type = kind.value; change(); } },
      h('option', { value: 'and', selected: node.type === 'and' }, 'all of'),
      h('option', { value: 'or', selected: node.type === 'or' }, 'any of'));
    const children = node.conditions || [];
    return h('fieldset', { class: 'group' },
      h('legend', {}, hiddenLabel(kind, 'Match all or any of these conditions'), ' these', removeButton),
      h('ul', {}, children.map((child, i) => h('li', {}, nodeView(child, change,
        children.length > 1 ? () => { children.splice(i, 1); change(true); } : null)))),
      addRow((added) => { children.push(added); change(true); }));
  }
  if (node.type === 'not') {
    return h('fieldset', { class: 'group group-not' }, h('legend', {}, 'not', removeButton),
      nodeView(node.condition, change, null));
  }
  return h('div', { class: 'leaf' }, leaf(node, change), removeButton);
}

function describe(node) {
  return node.field || node.event || node.model || node.segment || node.type;
}

/**
 * Renders the editor for definition.condition into container. onChange(definition, structural) runs after
 * every edit; structural is true when nodes were removed (the caller redraws).
 */
export function conditionEditor(container, definition, onChange) {
  container.replaceChildren();
  if (!definition || typeof definition.condition !== 'object' || definition.condition === null) {
    container.append(h('p', { class: 'empty' }, 'No condition to edit yet.'));
    return;
  }
  const change = (structural) => onChange(definition, structural === true);
  container.append(nodeView(definition.condition, change, null));
  const root = definition.condition.type;
  if (root !== 'and' && root !== 'or') {
    // a single condition: adding a second makes it "all of" the two
    container.append(h('div', { class: 'root-add' }, addRow((added) => {
      definition.condition = { type: 'and', conditions: [definition.condition, added] };
      change(true);
    })));
  }
}

/** Every catalog field a definition names (compare/between/in/isNull), in order of appearance. */
export function fieldsOf(condition, out = []) {
  if (!condition || typeof condition !== 'object') return out;
  if (condition.field && !out.includes(condition.field)) out.push(condition.field);
  (condition.conditions || []).forEach((c) => fieldsOf(c, out));
  if (condition.condition) fieldsOf(condition.condition, out);
  return out;
}
