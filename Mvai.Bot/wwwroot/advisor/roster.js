// The peer advisor roster page: GET /api/advisor/roster as a table with Edit and Retire on each advisor, the form to add
// or edit one (roster-form.js) and GET /api/advisor/roster/audit. Everything typed is inserted with textContent only.
import { $, call, cell, setSignedIn, whenSignedOut } from './console-api.js';
import { editAdvisor, resetForm, setUpForm } from './roster-form.js';

const yes = (value) => (value ? 'Yes' : 'No');

function button(td, text, label, handler) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'secondary';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.addEventListener('click', handler);
  td.appendChild(b);
}

async function retire(advisor) {
  if (!window.confirm('Retire ' + advisor.name + '? The desk will stop suggesting them; past assignments keep their name.')) { return; }
  const result = await call('/roster/' + encodeURIComponent(advisor.id) + '/retire', { method: 'POST', body: { version: advisor.version } });
  $('roster-status').textContent = result.status === 200 ? 'Retired ' + advisor.name + '.'
    : (result.body && result.body.error) || 'The advisor could not be retired (' + result.status + ').';
  await refresh();
}

function advisorRow(body, advisor) {
  const row = body.insertRow();
  if (advisor.retired) { row.className = 'retired'; }
  const name = cell(row, advisor.name);
  name.title = advisor.id;
  cell(row, [advisor.agency, advisor.role].filter(Boolean).join(' / '));
  cell(row, advisor.incidents.join(', '));
  cell(row, advisor.topics.join(', '));
  cell(row, advisor.state);
  cell(row, yes(advisor.available));
  cell(row, advisor.source);
  cell(row, yes(advisor.retired));
  const actions = cell(row, '');
  button(actions, 'Edit', 'Edit ' + advisor.name, () => editAdvisor(advisor));
  if (!advisor.retired) {
    button(actions, 'Retire', 'Retire ' + advisor.name, () => { retire(advisor).catch(() => {}); });
  }
}

/** Fills the table body `rowsId` from GET `path`; the body read, or null (said in `statusId`). */
async function loadTable(path, rowsId, statusId, failure, draw) {
  const result = await call(path);
  const rows = $(rowsId);
  rows.replaceChildren();
  if (result.status !== 200) {
    $(statusId).textContent = (result.body && result.body.error) || failure;
    return null;
  }
  draw(rows, result.body);
  return result.body;
}

function loadRoster() {
  return loadTable('/roster', 'roster-rows', 'roster-status', 'The roster could not be loaded.', (rows, roster) => {
    for (const advisor of roster.advisors) { advisorRow(rows, advisor); }
  });
}

function auditRow(rows, entry) {
  const row = rows.insertRow();
  cell(row, new Date(entry.at).toLocaleString());
  cell(row, entry.actor);
  cell(row, entry.action);
  cell(row, entry.advisorId);
  cell(row, entry.detail || '');
}

function loadAudit() {
  return loadTable('/roster/audit', 'audit-rows', 'audit-status', 'The changes could not be loaded.', (rows, audit) => {
    $('audit-status').textContent = audit.entries.length === 0 ? 'No changes made in the console yet.' : '';
    for (const entry of audit.entries) { auditRow(rows, entry); }
  });
}

async function refresh() {
  await Promise.all([loadRoster(), loadAudit()]);
}

async function start() {
  $('roster-status').textContent = 'Loading…';
  const roster = await loadRoster();
  if (!roster) { return; }
  $('roster-status').textContent = '';
  setUpForm(roster.incidents, roster.topics, (message) => {
    $('roster-status').textContent = message;
    refresh().catch(() => {});
  });
  resetForm();
  await loadAudit();
}

whenSignedOut(() => { $('roster-status').textContent = 'Sign in on the console first.'; });
setSignedIn(true);
start().catch(() => {});
