// The requests view: every stored request, filtered and sorted by the server, redrawn only when it changes.
import { $, call, waited } from './console-api.js';

const openStatuses = ['New', 'InReview', 'Matched', 'Connected'];
let shown = '';

function query() {
  const params = new URLSearchParams();
  const status = $('filter-status').value;
  if (status && status !== 'all') { params.set('status', status); }
  if ($('filter-urgency').value) { params.set('urgency', $('filter-urgency').value); }
  if ($('filter-incident').value) { params.set('incidentType', $('filter-incident').value); }
  if ($('filter-state').value.trim()) { params.set('state', $('filter-state').value.trim()); }
  if ($('filter-age').value) { params.set('olderThanDays', $('filter-age').value); }
  params.set('sort', $('filter-sort').value);
  return params.toString();
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
  return td;
}

function render(requests, selected, onOpen) {
  const key = selected + '|' + requests.map((r) => r.reference + r.status + r.version + waited(r.ageSeconds)).join('|');
  if (key === shown) { return; }
  shown = key;
  const rows = $('request-rows');
  rows.replaceChildren();
  for (const r of requests) {
    const row = document.createElement('tr');
    if (r.urgency === 'Today' && openStatuses.includes(r.status)) { row.classList.add('urgent'); }
    if (r.reference === selected) { row.classList.add('selected'); }
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'open-case';
    open.textContent = r.reference;
    open.addEventListener('click', () => onOpen(r.reference));
    cell(row, '').appendChild(open);
    cell(row, r.agency || '');
    cell(row, r.urgencyLabel);
    cell(row, r.incidentLabel);
    cell(row, r.place);
    cell(row, waited(r.ageSeconds));
    cell(row, r.statusLabel + (r.peerAdvisorName ? ' (' + r.peerAdvisorName + ')' : ''));
    rows.appendChild(row);
  }
}

export async function refreshRequests(selected, onOpen) {
  const result = await call('/requests?' + query());
  if (result.status !== 200) {
    $('requests-status').textContent = (result.body && result.body.error) || 'The requests could not be loaded.';
    return;
  }
  // "Open" is the default view: everything not closed or withdrawn.
  const requests = $('filter-status').value === '' ? result.body.requests.filter((r) => openStatuses.includes(r.status)) : result.body.requests;
  render(requests, selected, onOpen);
  $('requests-table').hidden = requests.length === 0;
  $('requests-status').textContent = requests.length === 0 ? 'No requests match.' :
    requests.length + ' of ' + result.body.total + ' requests.';
}

export function wireRequestFilters(refresh) {
  $('request-filters').addEventListener('change', refresh);
  $('request-filters').addEventListener('submit', (event) => { event.preventDefault(); refresh(); });
}
