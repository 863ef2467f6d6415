// Talking to /api/advisor, and the words the console uses for what it gets back.
export const $ = (id) => document.getElementById(id);

let onSignedOut = () => {};

/** Called with true when a session ends (401) after having worked, false when there never was one. */
export function whenSignedOut(handler) { onSignedOut = handler; }

let signedIn = false;
export function setSignedIn(value) { signedIn = value; }

export async function call(path, options) {
  const init = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
  // The console's own header: the server refuses cookie-authenticated changes without it (cross-site forgery).
  init.headers['X-Requested-With'] = 'mvai-console';
  if (init.body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(init.body);
  }
  const response = await fetch('/api/advisor' + path, init);
  if (response.status === 401 && path !== '/session') {
    onSignedOut(signedIn);
    throw new Error('signed out');
  }
  let body = null;
  if (response.status !== 204) {
    try { body = await response.json(); } catch (e) { body = null; }
  }
  return { status: response.status, body: body };
}

export function caseUrl(id, action) {
  return '/cases/' + encodeURIComponent(id) + (action ? '/' + action : '');
}

export function waited(seconds) {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 1) { return 'under 1 min'; }
  if (minutes < 60) { return minutes + ' min'; }
  const hours = Math.floor(minutes / 60);
  return hours + ' h ' + (minutes % 60) + ' min';
}

export function stateText(c) {
  if (c.state === 'waiting') { return 'Waiting'; }
  if (c.state === 'claimed') { return c.claimedByMe ? 'With you' : 'With ' + (c.claimedByName || c.claimedBy); }
  return 'Closed';
}

/** A table cell with `text` as text only (never HTML: much of what the console shows was typed by someone). */
export function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
  return td;
}
