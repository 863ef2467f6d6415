// One request: every field, what the team can do next, suggested peer advisors, notes, history and the conversation.
import { $, call } from './console-api.js';

const actionLabels = { Review: 'Start review', Connected: 'Mark connected', Close: 'Close request' };
let selected = null;
let version = null;
let afterChange = () => {};

export function selectedRequest() { return selected; }

function url(action) { return '/requests/' + encodeURIComponent(selected) + (action ? '/' + action : ''); }

function say(result, done) {
  $('request-status').textContent = result.status === 200 ? done :
    (result.body && (result.body.message || result.body.error)) || 'That did not work (' + result.status + ').';
}

async function act(action, advisorId) {
  const result = await call(url('actions'), { method: 'POST', body: { action: action, version: version, advisorId: advisorId || null } });
  say(result, action === 'Assign' ? 'Assigned. The requester has been told who will contact them.' : 'Done.');
  changing = true;
  try { await refreshRequest(); } finally { changing = false; }
  afterChange();
}

function button(text, onClick, secondary) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  if (secondary) { b.className = 'secondary'; }
  b.addEventListener('click', onClick);
  return b;
}

let shownStatus = null;
let changing = false;

function render(view) {
  const r = view.request;
  // A message about an earlier step ("Assigned…") would be wrong once the request moved on (the agency withdrew it).
  if (shownStatus !== null && shownStatus !== r.reference + r.status && !changing) { $('request-status').textContent = ''; }
  shownStatus = r.reference + r.status;
  version = r.version;
  $('request').hidden = false;
  $('request-heading').textContent = 'Request ' + r.reference + (r.agency ? ': ' + r.agency : '');
  $('request-state').textContent = r.statusLabel + (r.peerAdvisorName ? ', peer advisor ' + r.peerAdvisorName : '') + '. Urgency: ' + r.urgencyLabel + '. ' +
    (r.firstContactAt ? 'First contact: ' + new Date(r.firstContactAt).toLocaleString() + (r.firstContactMethod ? ' by ' + r.firstContactMethod : '') + '.'
      : 'First contact: not recorded yet.');
  // Closing is offered while the request is open; contacts are recorded only then.
  $('contact-form').hidden = !view.actions.includes('Close');
  $('request-actions').replaceChildren(...view.actions.filter((a) => a !== 'Assign').map((a) => button(actionLabels[a] || a, () => act(a), a !== 'Review')));
  const canAssign = view.actions.includes('Assign');
  $('suggestions').replaceChildren(...view.suggestions.map((s) => {
    const li = document.createElement('li');
    li.textContent = s.name + (s.role ? ', ' + s.role : '') + (s.agency ? ', ' + s.agency : '') + ': ' + s.reason;
    if (canAssign) { li.appendChild(button('Assign', () => act('Assign', s.id), true)).setAttribute('aria-label', 'Assign ' + s.name); }
    return li;
  }));
  if (view.suggestions.length === 0) {
    const li = document.createElement('li');
    li.textContent = 'No peer advisors are configured (Desk:PeerAdvisors).';
    $('suggestions').replaceChildren(li);
  }
  $('request-fields').replaceChildren(...view.fields.flatMap((f) => {
    const dt = document.createElement('dt');
    dt.textContent = f.label;
    const dd = document.createElement('dd');
    dd.textContent = f.value;
    return [dt, dd];
  }));
  $('request-history').replaceChildren(...view.history.map((h) => {
    const li = document.createElement('li');
    li.textContent = new Date(h.at).toLocaleString() + ': ' + h.action + ' by ' + h.actor + (h.detail ? ' (' + h.detail + ')' : '');
    return li;
  }));
  $('request-transcript').replaceChildren(...view.transcript.map((line) => {
    const li = document.createElement('li');
    li.className = line.from;
    li.textContent = (line.from === 'user' ? 'Requester: ' : 'MVAI Assistant: ') + line.text;
    return li;
  }));
}

export async function refreshRequest() {
  if (!selected) { return; }
  const shownRef = selected;
  const result = await call(url());
  if (shownRef !== selected) { return; }
  if (result.status === 200) { render(result.body); } else { $('request-status').textContent = (result.body && result.body.error) || 'Not found.'; }
}

export async function selectRequest(reference) {
  selected = reference;
  $('request-status').textContent = '';
  window.history.replaceState(null, '', '#request=' + encodeURIComponent(reference));
  await refreshRequest();
  $('request-heading').focus();
}

export function wireRequestActions(onChange) {
  afterChange = onChange;
  $('contact-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!selected) { return; }
    const when = $('contact-at').value;
    const body = { method: $('contact-method').value, by: $('contact-by').value, at: when ? new Date(when).toISOString() : null };
    const result = await call(url('contacts'), { method: 'POST', body: body });
    say(result, 'Contact recorded.');
    if (result.status === 200) { $('contact-at').value = ''; }
    await refreshRequest();
    afterChange();
  });
  $('note-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('note-text').value.trim();
    if (!text || !selected) { return; }
    const result = await call(url('notes'), { method: 'POST', body: { text: text } });
    say(result, 'Note added.');
    if (result.status === 200) { $('note-text').value = ''; }
    await refreshRequest();
  });
}
