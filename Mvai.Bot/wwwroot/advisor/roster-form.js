// The roster page's form: adds a peer advisor (POST) or edits the one picked from the table (PUT with the version looked
// at), and shows the API's 400/409 answers as they come, so the advisor knows what to fix or to reload.
import { $, call } from './console-api.js';

const TEXT_FIELDS = ['id', 'name', 'role', 'agency', 'email', 'phone', 'state'];

let editing = null; // The row being edited ({ id, version }), or null when adding.
let onSaved = () => {};

function checkboxes(fieldset, words) {
  for (const word of words) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = word;
    label.append(box, ' ' + word);
    fieldset.appendChild(label);
  }
}

function ticked(fieldset) {
  return Array.from(fieldset.querySelectorAll('input:checked'), (box) => box.value);
}

function tick(fieldset, words) {
  for (const box of fieldset.querySelectorAll('input')) { box.checked = words.includes(box.value); }
}

function body() {
  const advisor = {};
  for (const field of TEXT_FIELDS) { advisor[field] = $('peer-' + field).value.trim(); }
  advisor.incidents = ticked($('peer-incidents'));
  advisor.topics = ticked($('peer-topics'));
  advisor.available = $('peer-available').checked;
  if (editing) { advisor.version = editing.version; }
  return advisor;
}

/** Back to adding a new advisor, with an empty form. */
export function resetForm() {
  editing = null;
  $('roster-form').reset();
  $('peer-id').readOnly = false;
  $('form-heading').textContent = 'Add a peer advisor';
  $('form-save').textContent = 'Add advisor';
  $('form-cancel').hidden = true;
  $('form-error').textContent = '';
}

/** Fills the form with `row` to edit it; its id stays as it is (past assignments name it). */
export function editAdvisor(row) {
  editing = { id: row.id, version: row.version };
  for (const field of TEXT_FIELDS) { $('peer-' + field).value = row[field] || ''; }
  tick($('peer-incidents'), row.incidents);
  tick($('peer-topics'), row.topics);
  $('peer-available').checked = row.available;
  $('peer-id').readOnly = true;
  $('form-heading').textContent = 'Edit ' + row.name;
  $('form-save').textContent = 'Save changes';
  $('form-cancel').hidden = false;
  $('form-error').textContent = '';
  $('form-heading').focus();
}

async function save(event) {
  event.preventDefault();
  $('form-error').textContent = '';
  const result = editing
    ? await call('/roster/' + encodeURIComponent(editing.id), { method: 'PUT', body: body() })
    : await call('/roster', { method: 'POST', body: body() });
  if (result.status === 200 || result.status === 201) {
    const name = $('peer-name').value.trim();
    resetForm();
    onSaved('Saved ' + name + '.');
    return;
  }
  $('form-error').textContent = (result.body && result.body.error) || 'The advisor could not be saved (' + result.status + ').';
}

/** Sets up the form with the words incidents and topics may use; `saved` is called after each save. */
export function setUpForm(incidents, topics, saved) {
  onSaved = saved;
  checkboxes($('peer-incidents'), incidents);
  checkboxes($('peer-topics'), topics);
  $('roster-form').addEventListener('submit', (event) => { save(event).catch(() => {}); });
  $('form-cancel').addEventListener('click', resetForm);
}
