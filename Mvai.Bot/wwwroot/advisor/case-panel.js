// One case: its facts, the live conversation, and what the advisor can do with it.
import { $, call, caseUrl, waited, stateText } from './console-api.js';
import { showRequestData, wireRequestData } from './request-data.js';

let selectedId = null;
let lastSequence = 0;

export function selectedCaseId() { return selectedId; }

function renderCase(view) {
  const c = view.case;
  $('case').hidden = false;
  $('case-heading').textContent = (c.userName || 'Unnamed user') + ': ' + c.reasonLabel;
  $('case-state').textContent = stateText(c) + (c.state === 'waiting' ? ', for ' + waited(c.waitingSeconds) : '') +
    (c.requestReference ? '. Request ' + c.requestReference : '') + '. Priority ' + c.priority + '.';
  const details = $('case-details');
  details.replaceChildren();
  for (const d of c.details) {
    const dt = document.createElement('dt');
    dt.textContent = d.label;
    const dd = document.createElement('dd');
    dd.textContent = d.value;
    details.append(dt, dd);
  }
  $('claim').disabled = c.state !== 'waiting';
  $('claim').hidden = c.state !== 'waiting';
  const mine = c.state === 'claimed' && c.claimedByMe;
  $('reply-text').disabled = !mine;
  $('send').disabled = !mine;
  $('reply-hint').textContent = mine ? '' : c.state === 'closed' ? 'This case is closed.' :
    c.state === 'claimed' ? 'Another advisor is handling this case.' : 'Claim the case to reply.';
  $('close-form').hidden = c.state === 'closed';
  showRequestData(c);
  const audit = $('audit');
  audit.replaceChildren();
  for (const a of view.audit) {
    const li = document.createElement('li');
    li.textContent = new Date(a.at).toLocaleString() + ': ' + a.action + ' by ' + a.actor + (a.detail ? ' (' + a.detail + ')' : '');
    audit.appendChild(li);
  }
}

function who(line) {
  if (line.sender === 'user') { return line.author || 'User'; }
  if (line.sender === 'advisor') { return (line.author || 'Advisor') + ' (advisor)'; }
  return 'MVAI Assistant';
}

function appendLines(lines) {
  const list = $('transcript');
  for (const line of lines) {
    const li = document.createElement('li');
    li.className = line.sender;
    const label = document.createElement('span');
    label.className = 'who';
    label.textContent = who(line) + ', ' + new Date(line.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const text = document.createElement('span');
    text.textContent = line.text;
    li.append(label, text);
    list.appendChild(li);
    lastSequence = Math.max(lastSequence, line.sequence);
  }
  if (lines.length > 0) { list.scrollTop = list.scrollHeight; }
}

export async function refreshCase() {
  if (!selectedId) { return; }
  const id = selectedId;
  const [view, messages] = await Promise.all([call(caseUrl(id)), call(caseUrl(id, 'messages') + '?after=' + lastSequence)]);
  if (id !== selectedId) { return; }
  if (view.status === 200) { renderCase(view.body); }
  if (messages.status === 200) { appendLines(messages.body); }
}

export async function selectCase(id) {
  selectedId = id;
  $('queue-notice').textContent = '';
  // The address names the case, as the links in on-call alerts do, so a reload comes back to it.
  window.history.replaceState(null, '', '#case=' + encodeURIComponent(id));
  lastSequence = 0;
  $('transcript').replaceChildren();
  $('case-status').textContent = '';
  $('transcript').setAttribute('aria-busy', 'true');
  await refreshCase();
  $('transcript').removeAttribute('aria-busy');
  $('case-heading').focus();
}

export function closeCasePanel() {
  selectedId = null;
  $('case').hidden = true;
}

function report(result, done) {
  if (result.status === 200) { $('case-status').textContent = done; return true; }
  $('case-status').textContent = (result.body && (result.body.message || result.body.error)) || 'That did not work (' + result.status + ').';
  return result.status === 202;
}

async function sendReply() {
  const text = $('reply-text').value.trim();
  if (!text || $('send').disabled) { return; }
  $('send').disabled = true;
  const result = await call(caseUrl(selectedId, 'messages'), { method: 'POST', body: { text: text } });
  if (report(result, 'Sent.')) { $('reply-text').value = ''; }
  $('send').disabled = false;
  await refreshCase();
  $('reply-text').focus();
}

/** Wires the case buttons; afterChange refreshes the queue once a case has changed. */
export function wireCaseActions(afterChange) {
  $('claim').addEventListener('click', async () => {
    const result = await call(caseUrl(selectedId, 'claim'), { method: 'POST' });
    report(result, 'You have claimed this case. The user has been told you joined.');
    await refreshCase();
    afterChange();
    if (!$('reply-text').disabled) { $('reply-text').focus(); }
  });
  $('reply-form').addEventListener('submit', (event) => { event.preventDefault(); sendReply(); });
  $('reply-text').addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendReply();
    }
  });
  $('close-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!window.confirm('Close this case? The user will be told the advisor has ended the chat.')) { return; }
    const result = await call(caseUrl(selectedId, 'close'), { method: 'POST', body: { note: $('close-note').value } });
    if (report(result, 'Case closed. The assistant has taken the conversation back.')) { $('close-note').value = ''; }
    await refreshCase();
    afterChange();
  });
  // The queue's own status line is rewritten on every refresh; what was deleted gets a line of its own.
  wireRequestData((done) => { closeCasePanel(); $('queue-notice').textContent = done; afterChange(); });
}
