// The notebook page: plain JavaScript, no build step, talking to the REST API of this server.
//
// Elements a browser test can rely on (stable ids, classes and data attributes):
//   #new-notebook-name, #new-notebook          name field and Create button (inside form #new-notebook-form)
//   #notebook-list li[data-notebook-id]        one entry per notebook; click to open; .selected when open
//   #import-file                               file input: choosing an .ipynb file imports it
//   #notebook[data-notebook-id][data-version]  the open notebook (hidden when none is open)
//   #notebook-name                             its name
//   #add-code-cell, #add-markdown-cell         append a cell
//   #interrupt-kernel, #restart-kernel         kernel controls
//   #export-notebook                           link to the .ipynb download
//   #delete-notebook                           deletes the open notebook (after a confirm() dialog)
//   #cells                                     the cells, in order
//   .cell[data-cell-id][data-cell-type][data-state]   one cell; data-state is "idle" or "running"
//   .cell .prompt                              "[N]" execution count, "[*]" while running, "[ ]" never run
//   .cell .source                              textarea with the source; saved on blur or when run (a test
//                                              reads its "value" property: a textarea's text is not its value)
//   .cell .run                                 runs the cell (also Shift+Enter in the textarea)
//   .cell .move-up, .cell .move-down           move the cell
//   .cell .toggle-type                         switch between code and markdown
//   .cell .delete                              deletes the cell
//   .cell .output                              outputs; children .stdout, .stderr, .result, .error
//   #status                                    last message; class "error" when something failed
//   body[data-ready]                           set once the page has loaded the notebook list (or failed to)
// Requests carry the token in the notebook_token cookie the server set when the page was opened.
'use strict';

const state = { notebook: null, notebooks: [] };

const $ = (selector, root = document) => root.querySelector(selector);

function setStatus(text, isError = false) {
  const status = $('#status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** fetch() with JSON in and out; a problem+json answer becomes an Error with the server's detail. */
async function api(method, path, body) {
  const options = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await fetch(path, options);
  if (!response.ok) {
    let detail = response.status + ' ' + response.statusText;
    try {
      const problem = await response.json();
      if (problem.detail) detail = problem.detail;
    } catch (ignored) { /* not JSON */ }
    throw new Error(detail);
  }
  return response.status === 204 ? null : response.json();
}

async function guarded(work) {
  try {
    await work();
  } catch (e) {
    setStatus(e.message, true);
  }
}

// ------------------------------------------------------------------ notebook list

async function loadList() {
  state.notebooks = await api('GET', '/api/notebooks');
  const list = $('#notebook-list');
  list.replaceChildren();
  for (const nb of state.notebooks) {
    const item = document.createElement('li');
    item.dataset.notebookId = nb.id;
    item.textContent = nb.name + ' ';
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = '(' + nb.cells + ')';
    item.append(count);
    item.classList.toggle('selected', state.notebook !== null && state.notebook.id === nb.id);
    item.addEventListener('click', () => guarded(() => openNotebook(nb.id)));
    list.append(item);
  }
}

async function openNotebook(id) {
  showNotebook(await api('GET', '/api/notebooks/' + encodeURIComponent(id)));
  history.replaceState(null, '', '#' + id);
  await loadList();
}

function showNotebook(notebook) {
  state.notebook = notebook;
  const section = $('#notebook');
  if (notebook === null) {
    section.hidden = true;
    $('#empty-state').hidden = false;
    return;
  }
  section.hidden = false;
  $('#empty-state').hidden = true;
  section.dataset.notebookId = notebook.id;
  section.dataset.version = String(notebook.version);
  $('#notebook-name').textContent = notebook.name;
  $('#export-notebook').href = '/api/notebooks/' + encodeURIComponent(notebook.id) + '.ipynb';
  const cells = $('#cells');
  cells.replaceChildren(...notebook.cells.map(renderCell));
}

// ------------------------------------------------------------------ cells

function renderCell(cell) {
  const element = document.createElement('div');
  element.className = 'cell';
  element.dataset.cellId = cell.id;
  element.dataset.cellType = cell.type;
  element.dataset.state = 'idle';

  const head = document.createElement('div');
  head.className = 'cell-head';
  const prompt = document.createElement('span');
  prompt.className = 'prompt';
  prompt.textContent = cell.type === 'code' ? promptText(cell.executionCount) : 'md';
  const spacer = document.createElement('span');
  spacer.className = 'spacer';
  head.append(prompt, spacer);
  if (cell.type === 'code') head.append(button('run', 'Run', () => runCell(cell.id)));
  head.append(
    button('move-up', 'Up', () => moveCell(cell.id, -1)),
    button('move-down', 'Down', () => moveCell(cell.id, +1)),
    button('toggle-type', cell.type === 'code' ? 'To markdown' : 'To code', () => toggleType(cell)),
    button('delete', 'Delete', () => deleteCell(cell.id)));

  const source = document.createElement('textarea');
  source.className = 'source';
  source.value = cell.source;
  source.spellcheck = false;
  source.dataset.saved = cell.source;
  source.addEventListener('blur', () => guarded(() => saveSource(cell.id)));
  source.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.shiftKey && cell.type === 'code') {
      event.preventDefault();
      runCell(cell.id);
    }
  });

  const output = document.createElement('pre');
  output.className = 'output';
  renderOutputs(output, cell.outputs);
  element.append(head, source, output);
  return element;
}

function button(className, label, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.addEventListener('click', () => guarded(action));
  return b;
}

function promptText(count) {
  return count === null || count === undefined ? '[ ]' : '[' + count + ']';
}

function cellElement(cellId) {
  return document.querySelector('.cell[data-cell-id="' + CSS.escape(cellId) + '"]');
}

function renderOutputs(output, outputs) {
  output.replaceChildren();
  for (const o of outputs) appendOutput(output, o);
}

function appendOutput(output, o) {
  const span = document.createElement('span');
  if (o.type === 'stream') {
    span.className = o.name;
    span.textContent = o.text;
  } else if (o.type === 'result') {
    span.className = 'result';
    span.textContent = o.value + '\n';
  } else {
    span.className = 'error';
    const lines = [o.outcome + ': ' + o.message];
    for (const e of o.errors || []) lines.push('  line ' + e.line + ', column ' + e.column + ': ' + e.message);
    span.textContent = lines.join('\n') + '\n';
  }
  output.append(span);
}

function notebookPath(suffix = '') {
  return '/api/notebooks/' + encodeURIComponent(state.notebook.id) + suffix;
}

async function addCell(type) {
  await saveAll();
  showNotebook(await api('POST', notebookPath('/cells'), { type, source: '' }));
  await loadList();
  const cells = document.querySelectorAll('.cell .source');
  if (cells.length > 0) cells[cells.length - 1].focus();
}

/**
 * Saves the textarea if it changed; resolves when the server has it. Saves of one cell run one after the other
 * (a blur and a click on Run can both ask), so the second sees the first's result and sends nothing.
 */
function saveSource(cellId) {
  const element = cellElement(cellId);
  if (element === null) return Promise.resolve();
  const next = (element.saving || Promise.resolve()).catch(() => {}).then(async () => {
    const source = $('.source', element);
    if (source.value === source.dataset.saved) return;
    const text = source.value;
    const notebook = await api('PATCH', notebookPath('/cells/' + encodeURIComponent(cellId)), { source: text });
    source.dataset.saved = text;
    state.notebook = notebook;
    $('#notebook').dataset.version = String(notebook.version);
  });
  element.saving = next;
  return next;
}

/**
 * Saves every changed textarea. What redraws all cells from the server's answer (add, move, change type, delete)
 * waits for this first: otherwise a save still on its way (say, from the blur when a button was clicked) would be
 * overwritten on the page by the older source in that answer.
 */
function saveAll() {
  return Promise.all([...document.querySelectorAll('#cells .cell')].map((c) => saveSource(c.dataset.cellId)));
}

async function moveCell(cellId, delta) {
  await saveAll();
  // BEGIN SOLUTION
  const order = state.notebook.cells.map((c) => c.id);
  const from = order.indexOf(cellId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return;
  order.splice(to, 0, order.splice(from, 1)[0]);
  showNotebook(await api('PUT', notebookPath('/order'), { cells: order }));
  // END SOLUTION
  // STUB: throw new Error('TODO(task 05.7): build the new order of cell ids and PUT it to /order, then show the answer');
}

async function toggleType(cell) {
  await saveAll();
  const type = cell.type === 'code' ? 'markdown' : 'code';
  showNotebook(await api('PATCH', notebookPath('/cells/' + encodeURIComponent(cell.id)), { type }));
}

async function deleteCell(cellId) {
  await saveAll();
  showNotebook(await api('DELETE', notebookPath('/cells/' + encodeURIComponent(cellId))));
  await loadList();
}

// ------------------------------------------------------------------ running: Server-Sent Events over fetch()

/**
 * POSTs the run with Accept: text/event-stream and reads the response body as it arrives: each event
 * ("event: NAME", "data: JSON", blank line) is shown at once, so output appears while the cell runs.
 */
async function runCell(cellId) {
  const element = cellElement(cellId);
  if (element === null || element.dataset.state === 'running') return;
  await guarded(async () => {
    await saveSource(cellId);
    const output = $('.output', element);
    const prompt = $('.prompt', element);
    output.replaceChildren();
    element.dataset.state = 'running';
    element.classList.add('running');
    prompt.textContent = '[*]';
    setStatus('running…');
    try {
      const response = await fetch(notebookPath('/cells/' + encodeURIComponent(cellId) + '/run'), {
        method: 'POST', headers: { Accept: 'text/event-stream' },
      });
      if (!response.ok) {
        let detail = response.status + ' ' + response.statusText;
        try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not JSON */ }
        throw new Error(detail);
      }
      await readEvents(response, (name, data) => {
        if (name === 'stdout' || name === 'stderr') {
          appendOutput(output, { type: 'stream', name, text: data.text });
        } else if (name === 'done') {
          renderOutputs(output, data.outputs);
          prompt.textContent = promptText(data.executionCount);
          setStatus(data.outcome === 'OK' ? 'done' : data.outcome, data.outcome !== 'OK');
        } else if (name === 'error') {
          setStatus(data.detail, true);
        }
      });
    } finally {
      element.dataset.state = 'idle';
      element.classList.remove('running');
      if (prompt.textContent === '[*]') prompt.textContent = '[ ]';
    }
    // The run stored its outputs and bumped the version.
    const notebook = await api('GET', notebookPath());
    state.notebook = notebook;
    $('#notebook').dataset.version = String(notebook.version);
  });
}

async function readEvents(response, onEvent) {
  // BEGIN SOLUTION
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) onEvent(name, JSON.parse(data.join('\n')));
    }
  }
  // END SOLUTION
  // STUB: throw new Error('TODO(task 05.7): read the body as it arrives and call onEvent(name, data) per event');
}

// ------------------------------------------------------------------ wiring

document.addEventListener('DOMContentLoaded', () => {
  $('#new-notebook-form').addEventListener('submit', (event) => {
    event.preventDefault();
    guarded(async () => {
      const input = $('#new-notebook-name');
      const notebook = await api('POST', '/api/notebooks', { name: input.value });
      input.value = '';
      showNotebook(notebook);
      history.replaceState(null, '', '#' + notebook.id);
      await loadList();
      setStatus('created ' + notebook.name);
    });
  });
  $('#add-code-cell').addEventListener('click', () => guarded(() => addCell('code')));
  $('#add-markdown-cell').addEventListener('click', () => guarded(() => addCell('markdown')));
  $('#interrupt-kernel').addEventListener('click', () => guarded(() => api('POST', notebookPath('/kernel/interrupt'))));
  $('#restart-kernel').addEventListener('click', () => guarded(async () => {
    await api('POST', notebookPath('/kernel/restart'));
    setStatus('kernel restarted');
  }));
  $('#delete-notebook').addEventListener('click', () => guarded(async () => {
    if (!confirm('Delete the notebook "' + state.notebook.name + '"?')) return;
    await api('DELETE', notebookPath());
    showNotebook(null);
    history.replaceState(null, '', '#');
    await loadList();
  }));
  $('#import-file').addEventListener('change', (event) => guarded(async () => {
    const file = event.target.files[0];
    if (!file) return;
    const name = file.name.replace(/\.ipynb$/, '');
    const notebook = await api('POST', '/api/notebooks/import?name=' + encodeURIComponent(name), await file.text());
    event.target.value = '';
    showNotebook(notebook);
    await loadList();
    setStatus('imported ' + notebook.name);
  }));

  guarded(async () => {
    await loadList();
    const wanted = location.hash.slice(1);
    if (wanted && state.notebooks.some((nb) => nb.id === wanted)) {
      await openNotebook(wanted);
    } else if (state.notebooks.length > 0) {
      await openNotebook(state.notebooks[0].id);
    } else {
      showNotebook(null);
    }
  }).finally(() => { document.body.dataset.ready = 'true'; });
});
