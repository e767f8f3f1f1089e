// Ask: a request in words -> the agent's definition, explanation and chosen fields -> preview -> save.
// The definition can also be typed or edited directly; every step keeps what the user typed on errors.
import { h, clear, field, fmt } from '../dom.js';
import { api, session } from '../api.js';
import { problemBox, previewView, busy, statusLine } from '../components.js';
import { conditionEditor, fieldsOf } from '../condition-editor.js';
import { focusHeading } from '../app.js';

const EXAMPLE = { condition: { type: 'and', conditions: [
  { type: 'compare', field: 'orders_365d', op: '>=', value: 2 },
  { type: 'in', field: 'country', values: ['DE', 'FR'] }] } };

const fieldCache = new Map();
function catalogField(name) {
  if (!fieldCache.has(name)) {
    fieldCache.set(name, api.get(`/api/catalog/fields/${encodeURIComponent(name)}`).catch(() => null));
  }
  return fieldCache.get(name);
}

export async function render(main, { params }) {
  document.title = 'Ask · Segment Agent';
  const editing = params.get('segment');
  const state = { sourceRequest: null, why: new Map(), editing: null };

  // --- request ---------------------------------------------------------------------------------------
  const request = h('textarea', { id: 'request', name: 'request', rows: 2, required: true,
    placeholder: 'e.g. high-value customers whose engagement is slipping' });
  const askButton = h('button', { type: 'submit', 'data-needs-editor': true }, 'Ask');
  const askForm = h('form', { class: 'ask-form', 'aria-label': 'Ask for a segment' },
    field('Describe the customers you want', request, 'Press Enter to ask, Shift+Enter for a new line.'),
    h('div', { class: 'actions' }, askButton));
  const answer = h('section', { class: 'answer', 'aria-live': 'polite', 'aria-label': 'Answer' });

  // --- definition ------------------------------------------------------------------------------------
  const json = h('textarea', { id: 'definition', name: 'definition', rows: 10, spellcheck: 'false', class: 'code' });
  json.value = JSON.stringify(EXAMPLE, null, 2);
  // One line of fixed height, so that a message appearing on blur never moves the Preview button under
  // the pointer (a click whose mousedown and mouseup land on different elements is lost).
  const jsonProblem = h('p', { class: 'json-status', id: 'definition-status', 'aria-live': 'polite' });
  const tree = h('div', { class: 'tree' });
  const fieldsBox = h('div', { class: 'chosen-fields' });
  const previewButton = h('button', { type: 'submit' }, 'Preview');
  const defForm = h('form', { class: 'definition-form', 'aria-labelledby': 'def-title' },
    h('h2', { id: 'def-title' }, 'Definition'),
    h('div', { class: 'split' },
      h('div', {}, h('h3', {}, 'Conditions'), tree),
      h('div', {}, field('Definition (JSON)', json, 'Edit freely; the conditions on the left follow when the JSON is valid.'), jsonProblem)),
    h('div', { class: 'actions' }, previewButton),
    h('h3', {}, 'Fields used'), fieldsBox);

  // --- preview ---------------------------------------------------------------------------------------
  const previewStatus = statusLine();
  const previewBox = h('div', { id: 'preview', 'aria-live': 'polite' },
    h('p', { class: 'empty' }, 'Ask, or write a definition and press Preview, to see who matches before you save.'));
  const previewSection = h('section', { class: 'card', 'aria-labelledby': 'preview-title' },
    h('h2', { id: 'preview-title' }, 'Preview'), previewStatus, previewBox);

  // --- save ------------------------------------------------------------------------------------------
  const name = h('input', { id: 'segment-name', name: 'name', type: 'text', required: true, maxlength: 200, autocomplete: 'off' });
  const description = h('textarea', { id: 'segment-description', name: 'description', rows: 2, maxlength: 2000 });
  const saveButton = h('button', { type: 'submit', 'data-needs-editor': true, disabled: session.readOnly }, 'Save segment');
  const saveResult = h('div', { 'aria-live': 'polite', id: 'save-result' });
  const saveForm = h('form', { class: 'card save-form', 'aria-labelledby': 'save-title' },
    h('h2', { id: 'save-title' }, 'Save'),
    field('Segment name', name), field('Description (optional)', description),
    session.readOnly ? h('p', { class: 'notice' }, 'Your key is read-only: saving needs an editor key.') : null,
    h('div', { class: 'actions' }, saveButton), saveResult);

  const names = h('datalist', { id: 'catalog-field-names' });
  api.get('/api/catalog/fields?limit=200').then((page) => page.items.forEach((f) => names.append(h('option', { value: f.name }, f.description)))).catch(() => {});
  clear(main, names,
    h('h1', {}, editing ? 'Edit segment' : 'Ask for a segment'),
    h('section', { class: 'card' }, askForm, answer),
    h('section', { class: 'card' }, defForm),
    previewSection, saveForm);
  focusHeading();

  // --- behaviour -------------------------------------------------------------------------------------
  /** The typed definition, or null with the parse error shown in `where` (and in the status line). */
  function parsedDefinition(where) {
    try {
      const value = JSON.parse(json.value);
      jsonProblem.textContent = '';
      json.removeAttribute('aria-invalid');
      return value;
    } catch (e) {
      json.setAttribute('aria-invalid', 'true');
      jsonProblem.textContent = `Not valid JSON: ${e.message}`;
      if (where) clear(where, problemBox({ problem: { code: 'invalid-json', detail: `The definition is not valid JSON: ${e.message}` } }, 'The definition could not be read'));
      return null;
    }
  }

  function drawTree(definition) {
    conditionEditor(tree, definition, (updated, structural) => {
      json.value = JSON.stringify(updated, null, 2);
      markStale();
      if (structural) drawTree(updated);
      drawFields(updated);
    });
    drawFields(definition);
  }

  async function drawFields(definition) {
    const names = fieldsOf(definition?.condition);
    for (const n of state.why.keys()) if (!names.includes(n)) names.push(n);
    if (!names.length) { clear(fieldsBox, h('p', { class: 'empty' }, 'No catalog fields (events, scores or segments only).')); return; }
    // the agent also names events and models ("event:purchase"): those are not catalog fields to look up
    const specs = await Promise.all(names.map((n) => (n.includes(':') ? null : catalogField(n))));
    clear(fieldsBox, h('dl', { class: 'fields' }, names.map((n, i) => {
      const spec = specs[i];
      return [h('dt', {}, h('a', { href: `#/catalog/${encodeURIComponent(n)}` }, n),
        spec ? h('span', { class: 'tag tag-muted' }, [spec.type, spec.unit].filter(Boolean).join(' · ')) : null),
      h('dd', {}, spec ? spec.description : n.includes(':') ? '' : 'Not in the catalog.',
        state.why.get(n) ? h('span', { class: 'why' }, ` Why: ${state.why.get(n)}`) : null)];
    })));
  }

  function markStale() {
    if (previewBox.querySelector('.preview')) {
      previewBox.classList.add('stale');
      previewStatus.textContent = 'The definition changed: preview again to update.';
    }
  }

  function setDefinition(definition) {
    json.value = JSON.stringify(definition, null, 2);
    drawTree(definition);
  }

  function showPreview(preview) {
    previewBox.classList.remove('stale');
    clear(previewBox, previewView(preview));
    previewStatus.textContent = `Preview: ${fmt.int(preview.count)} customers (${fmt.pct(preview.share, 2)} of ${fmt.int(preview.baseCount)}).`;
  }

  async function runPreview() {
    const definition = parsedDefinition(previewBox);
    if (!definition) return;
    drawTree(definition);
    previewButton.disabled = true;
    busy(previewBox, 'Counting…');
    previewStatus.textContent = 'Counting…';
    try {
      showPreview(await api.post('/api/segments/preview', { definition, sample: 10 }));
    } catch (e) {
      previewStatus.textContent = 'The preview failed.';
      clear(previewBox, problemBox(e, 'The definition was not accepted'));
    } finally {
      previewButton.disabled = false;
    }
  }

  function reask(text) {
    request.value = text;
    askForm.requestSubmit();
  }

  function optionButton(option) {
    const label = typeof option === 'string' ? option : option.label;
    const text = typeof option === 'string' ? option : option.request || option.label;
    return h('button', { type: 'button', class: 'option', onclick: () => reask(text) }, label);
  }

  function showAnswer(result) {
    const interpreter = result.interpreter ? h('span', { class: 'tag tag-muted' }, `by ${result.interpreter}`,
      result.fallback ? ' (fallback)' : '') : null;
    // The generate contract carries the question/options and reason/suggestions flat on the result; a
    // nested clarification/declined object is read too, so either shape shows the same.
    if (result.kind === 'clarification') {
      const c = result.clarification || { question: result.question, options: result.options };
      clear(answer, h('div', { class: 'clarification' },
        h('h2', {}, 'A question first ', interpreter),
        h('p', { class: 'question' }, c.question),
        h('div', { class: 'options', role: 'group', 'aria-label': 'Answers' }, (c.options || []).map(optionButton))));
      return;
    }
    if (result.kind === 'declined') {
      const d = result.declined || { reason: result.reason, suggestions: result.suggestions };
      clear(answer, h('div', { class: 'declined' },
        h('h2', {}, 'Not something I can build ', interpreter),
        h('p', {}, d.reason),
        d.suggestions?.length ? [h('p', {}, 'You could ask instead:'),
          h('div', { class: 'options', role: 'group', 'aria-label': 'Suggestions' }, d.suggestions.map(optionButton))] : null));
      return;
    }
    state.why = new Map((result.fields || []).map((f) => [f.field, f.why]));
    const draft = result.draft || {};
    state.sourceRequest = draft.sourceRequest || request.value.trim();
    if (draft.name && !name.value) name.value = draft.name;
    if (draft.description && !description.value) description.value = draft.description;
    clear(answer, h('div', { class: 'interpretation' },
      h('h2', {}, 'Here is what I understood ', interpreter),
      result.explanation ? h('p', { class: 'explanation' }, result.explanation) : null,
      result.rationale ? h('p', { class: 'rationale' }, result.rationale) : null,
      result.assumptions?.length ? [h('h3', {}, 'Assumptions'), h('ul', { class: 'assumptions' }, result.assumptions.map((a) => h('li', {}, a)))] : null,
      result.fallback ? h('p', { class: 'notice' }, `The configured interpreter could not answer (${result.fallback}); the offline planner did.`) : null));
    const definition = result.definition || draft.definition;
    if (definition) setDefinition(definition);
    if (result.preview) showPreview(result.preview);
    else if (definition) runPreview();
  }

  request.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      askForm.requestSubmit();
    }
  });

  askForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = request.value.trim();
    if (!text) { request.focus(); return; }
    askButton.disabled = true;
    busy(answer, 'Thinking…');
    try {
      showAnswer(await api.post('/api/segments/generate', { request: text }));
    } catch (err) {
      clear(answer, problemBox(err, err.status === 404 ? 'Asking in words is not available on this server' : 'The request could not be answered'));
    } finally {
      askButton.disabled = session.readOnly;
    }
  });

  json.addEventListener('change', () => {
    const definition = parsedDefinition();
    if (definition) { drawTree(definition); markStale(); }
  });

  defForm.addEventListener('submit', (e) => { e.preventDefault(); runPreview(); });

  saveForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const definition = parsedDefinition(saveResult);
    if (!definition) { json.focus(); return; }
    const body = { name: name.value.trim(), description: description.value.trim() || null, definition,
      sourceRequest: state.sourceRequest || request.value.trim() || null };
    saveButton.disabled = true;
    busy(saveResult, 'Saving…');
    try {
      const saved = state.editing
        ? await api.put(`/api/segments/${state.editing}`, body)
        : await api.post('/api/segments', body);
      state.editing = saved.id;
      clear(saveResult, h('p', { class: 'success' }, `Saved “${saved.name}” as version ${saved.version}. `,
        h('a', { href: `#/segments/${saved.id}` }, 'Open the segment')));
      saveButton.textContent = 'Save new version';
    } catch (err) {
      clear(saveResult, problemBox(err, 'The segment was not saved'));
    } finally {
      saveButton.disabled = session.readOnly;
    }
  });

  if (editing) {
    try {
      const s = await api.get(`/api/segments/${encodeURIComponent(editing)}`);
      state.editing = s.id;
      state.sourceRequest = s.sourceRequest;
      name.value = s.name;
      description.value = s.description || '';
      request.value = s.sourceRequest || '';
      saveButton.textContent = 'Save new version';
      setDefinition(s.definition);
      runPreview();
      return;
    } catch (err) {
      clear(saveResult, problemBox(err, 'The segment could not be loaded'));
    }
  }
  drawTree(EXAMPLE);
}
