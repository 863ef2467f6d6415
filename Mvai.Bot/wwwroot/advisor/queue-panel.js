// The queue: most urgent first, redrawn only when what it shows changes, so keyboard focus stays put.
import { $, call, waited, stateText } from './console-api.js';

const urgentPriority = 90;
let shownOrder = '';

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
  return td;
}

function render(cases, selectedId, onOpen) {
  const rows = $('queue-rows');
  const focusedId = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.caseId : null;
  const order = selectedId + '|' + cases.map((c) => c.id + ':' + stateText(c) + ':' + c.priority + ':' + waited(c.waitingSeconds)).join('|');
  if (order === shownOrder) { return; }
  shownOrder = order;
  rows.replaceChildren();
  for (const c of cases) {
    const row = document.createElement('tr');
    row.dataset.caseId = c.id;
    if (c.state !== 'closed' && c.priority >= urgentPriority) { row.classList.add('urgent'); }
    if (c.state === 'closed') { row.classList.add('closed'); }
    if (c.id === selectedId) { row.classList.add('selected'); }
    cell(row, String(c.priority));
    cell(row, c.state === 'waiting' ? waited(c.waitingSeconds) : '');
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'open-case';
    open.dataset.caseId = c.id;
    open.textContent = c.userName || 'Unnamed user';
    // The accessible name starts with the visible text, so speech users can say what they see.
    open.setAttribute('aria-label', open.textContent + ': open case, ' + c.reasonLabel);
    open.addEventListener('click', () => onOpen(c.id));
    cell(row, '').appendChild(open);
    cell(row, c.reasonLabel);
    cell(row, c.requestReference || '');
    cell(row, stateText(c));
    rows.appendChild(row);
  }
  if (focusedId) {
    const again = rows.querySelector('button[data-case-id="' + CSS.escape(focusedId) + '"]');
    if (again) { again.focus(); }
  }
}

export async function refreshQueue(selectedId, onOpen) {
  const since = $('show-closed').checked ? '?closedSince=' + encodeURIComponent(new Date(Date.now() - 86400000).toISOString()) : '';
  const result = await call('/queue' + since);
  if (result.status !== 200) { return; }
  const cases = result.body.cases;
  render(cases, selectedId, onOpen);
  const waiting = cases.filter((c) => c.state === 'waiting').length;
  $('queue-empty').hidden = cases.length > 0;
  $('queue-table').hidden = cases.length === 0;
  $('queue-status').textContent = waiting === 0 ? 'Nobody waiting.' : waiting === 1 ? '1 person waiting.' : waiting + ' people waiting.';
  document.title = (waiting > 0 ? '(' + waiting + ') ' : '') + 'MVAI advisor console';
}
