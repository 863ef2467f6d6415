// The MVAI advisor console: plain JS modules against /api/advisor, polling every two seconds.
// Everything from the server is inserted with textContent, never as HTML.
import { $, call, setSignedIn, whenSignedOut } from './console-api.js';
import { refreshQueue } from './queue-panel.js';
import { closeCasePanel, refreshCase, selectCase, selectedCaseId, wireCaseActions } from './case-panel.js';
import { refreshRequests, wireRequestFilters } from './requests-panel.js';
import { refreshRequest, selectRequest, selectedRequest, wireRequestActions } from './request-panel.js';
import { wireReport } from './report-panel.js';

const refreshEvery = 2000;
let timer = null;
let busy = false;

function showSignIn(message) {
  setSignedIn(false);
  if (timer) { clearInterval(timer); timer = null; }
  $('desk').hidden = true;
  $('account').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message || '';
  $('advisor-id').focus();
}

async function open(id) {
  await selectCase(id);
  await refreshQueue(selectedCaseId(), open);
}

async function openRequest(reference) {
  await selectRequest(reference);
  await refreshRequests(selectedRequest(), openRequest);
}

async function refresh() {
  if (busy || !timer) { return; }
  busy = true;
  try {
    await refreshQueue(selectedCaseId(), open);
    await refreshCase();
    await refreshRequests(selectedRequest(), openRequest);
    await refreshRequest();
  } catch (e) {
    if (timer) { $('queue-status').textContent = 'Connection lost; retrying…'; }
  } finally {
    busy = false;
  }
}

function showDesk(advisor) {
  setSignedIn(true);
  $('advisor-name').textContent = advisor.displayName;
  $('account').hidden = false;
  $('sign-in').hidden = true;
  $('desk').hidden = false;
  $('queue-heading').focus();
  if (timer) { clearInterval(timer); }
  timer = setInterval(refresh, refreshEvery);
  // Alerts link to /advisor#case=<id>: open that case straight away.
  const linked = /^#case=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
  // Request alerts link to /advisor#request=MVAI-2026-0042.
  const request = /^#request=(MVAI-\d{4}-\d{4,})$/.exec(window.location.hash);
  if (linked) { open(linked[1]); } else if (request) { openRequest(request[1]); } else { refresh(); }
}

whenSignedOut((hadSession) => showSignIn(hadSession ? 'Your session has ended. Please sign in again.' : ''));
wireCaseActions(() => refreshQueue(selectedCaseId(), open));
wireRequestFilters(() => refreshRequests(selectedRequest(), openRequest));
wireRequestActions(() => refreshRequests(selectedRequest(), openRequest));
wireReport();

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  $('sign-in-error').textContent = '';
  const result = await call('/session', { method: 'POST', body: { id: $('advisor-id').value, secret: $('advisor-secret').value } });
  $('advisor-secret').value = '';
  if (result.status === 200) { showDesk(result.body); } else {
    $('sign-in-error').textContent = (result.body && result.body.error) || 'Sign-in failed.';
  }
});

$('sign-out').addEventListener('click', async () => {
  await call('/session/logout', { method: 'POST' });
  closeCasePanel();
  showSignIn('You have signed out.');
});

$('show-closed').addEventListener('change', refresh);

call('/me').then((result) => {
  if (result.status === 200) { showDesk(result.body); }
}).catch(() => { /* showSignIn already ran */ });
