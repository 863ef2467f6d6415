// The MVAI advisor console: plain JS against /api/advisor, polling every two seconds.
// Everything from the server is inserted with textContent, never as HTML.
(function () {
  'use strict';

  const api = '/api/advisor';
  const refreshEvery = 2000;
  const urgentPriority = 90;
  const $ = (id) => document.getElementById(id);

  let me = null;
  let selectedId = null;
  let selected = null;
  let lastSequence = 0;
  let queueOrder = '';
  let timer = null;
  let busy = false;

  async function call(path, options) {
    const init = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
    // The console's own header: the server refuses cookie-authenticated changes without it (cross-site forgery).
    init.headers['X-Requested-With'] = 'mvai-console';
    if (init.body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(init.body);
    }
    const response = await fetch(api + path, init);
    if (response.status === 401 && path !== '/session') {
      showSignIn(me ? 'Your session has ended. Please sign in again.' : '');
      throw new Error('signed out');
    }
    let body = null;
    if (response.status !== 204) {
      try { body = await response.json(); } catch (e) { body = null; }
    }
    return { status: response.status, body: body };
  }

  function showSignIn(message) {
    me = null;
    stopRefreshing();
    $('desk').hidden = true;
    $('account').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-error').textContent = message || '';
    $('advisor-id').focus();
  }

  function showDesk(advisor) {
    me = advisor;
    $('advisor-name').textContent = advisor.displayName;
    $('account').hidden = false;
    $('sign-in').hidden = true;
    $('desk').hidden = false;
    $('queue-heading').focus();
    stopRefreshing();
    timer = setInterval(refresh, refreshEvery);
    // Alerts link to /advisor#case=<id>: open that case straight away.
    const linked = /^#case=([A-Za-z0-9_-]+)$/.exec(window.location.hash);
    if (linked) { selectCase(linked[1]); } else { refresh(); }
  }

  function stopRefreshing() {
    if (timer) { clearInterval(timer); timer = null; }
  }

  function waited(seconds) {
    const minutes = Math.floor(seconds / 60);
    if (minutes < 1) { return 'under 1 min'; }
    if (minutes < 60) { return minutes + ' min'; }
    const hours = Math.floor(minutes / 60);
    return hours + ' h ' + (minutes % 60) + ' min';
  }

  function stateText(c) {
    if (c.state === 'waiting') { return 'Waiting'; }
    if (c.state === 'claimed') { return c.claimedByMe ? 'With you' : 'With ' + (c.claimedByName || c.claimedBy); }
    return 'Closed';
  }

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function renderQueue(cases) {
    const rows = $('queue-rows');
    const focusedId = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.caseId : null;
    const order = cases.map((c) => c.id + ':' + stateText(c) + ':' + c.priority + ':' + waited(c.waitingSeconds)).join('|');
    if (order === queueOrder) { return; }
    queueOrder = order;
    rows.replaceChildren();
    for (const c of cases) {
      const row = document.createElement('tr');
      row.dataset.caseId = c.id;
      if (c.state !== 'closed' && c.priority >= urgentPriority) { row.classList.add('urgent'); }
      if (c.state === 'closed') { row.classList.add('closed'); }
      if (c.id === selectedId) { row.classList.add('selected'); }
      cell(row, String(c.priority));
      cell(row, c.state === 'waiting' ? waited(c.waitingSeconds) : '');
      const nameCell = cell(row, '');
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'open-case';
      open.dataset.caseId = c.id;
      open.textContent = c.userName || 'Unnamed user';
      // The accessible name starts with the visible text, so speech users can say what they see.
      open.setAttribute('aria-label', open.textContent + ': open case, ' + c.reasonLabel);
      open.addEventListener('click', () => selectCase(c.id));
      nameCell.appendChild(open);
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

  async function refreshQueue() {
    const since = $('show-closed').checked ? '?closedSince=' + encodeURIComponent(new Date(Date.now() - 86400000).toISOString()) : '';
    const result = await call('/queue' + since);
    if (result.status !== 200) { return; }
    const cases = result.body.cases;
    renderQueue(cases);
    const waiting = cases.filter((c) => c.state === 'waiting').length;
    $('queue-empty').hidden = cases.length > 0;
    $('queue-table').hidden = cases.length === 0;
    $('queue-status').textContent = waiting === 0 ? 'Nobody waiting.' : waiting === 1 ? '1 person waiting.' : waiting + ' people waiting.';
    document.title = (waiting > 0 ? '(' + waiting + ') ' : '') + 'MVAI advisor console';
  }

  function renderCase(view) {
    const c = view.case;
    selected = c;
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

  async function refreshCase() {
    if (!selectedId) { return; }
    const id = selectedId;
    const [view, messages] = await Promise.all([call('/cases/' + encodeURIComponent(id)),
      call('/cases/' + encodeURIComponent(id) + '/messages?after=' + lastSequence)]);
    if (id !== selectedId) { return; }
    if (view.status === 200) { renderCase(view.body); }
    if (messages.status === 200) { appendLines(messages.body); }
  }

  async function refresh() {
    if (busy || !me) { return; }
    busy = true;
    try {
      await refreshQueue();
      await refreshCase();
    } catch (e) {
      if (me) { $('queue-status').textContent = 'Connection lost; retrying…'; }
    } finally {
      busy = false;
    }
  }

  async function selectCase(id) {
    selectedId = id;
    window.history.replaceState(null, '', '#case=' + encodeURIComponent(id));
    lastSequence = 0;
    queueOrder = '';
    $('transcript').replaceChildren();
    $('case-status').textContent = '';
    $('transcript').setAttribute('aria-busy', 'true');
    await refreshCase();
    $('transcript').removeAttribute('aria-busy');
    $('case-heading').focus();
    refreshQueue();
  }

  function report(result, done) {
    if (result.status === 200) { $('case-status').textContent = done; return true; }
    $('case-status').textContent = (result.body && (result.body.message || result.body.error)) || 'That did not work (' + result.status + ').';
    return result.status === 202;
  }

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
    selectedId = null;
    $('case').hidden = true;
    showSignIn('You have signed out.');
  });

  $('show-closed').addEventListener('change', () => { queueOrder = ''; refresh(); });

  $('claim').addEventListener('click', async () => {
    const result = await call('/cases/' + encodeURIComponent(selectedId) + '/claim', { method: 'POST' });
    report(result, 'You have claimed this case. The user has been told you joined.');
    await refreshCase();
    if (!$('reply-text').disabled) { $('reply-text').focus(); }
  });

  async function sendReply() {
    const text = $('reply-text').value.trim();
    if (!text || $('send').disabled) { return; }
    $('send').disabled = true;
    const result = await call('/cases/' + encodeURIComponent(selectedId) + '/messages', { method: 'POST', body: { text: text } });
    if (report(result, 'Sent.')) { $('reply-text').value = ''; }
    $('send').disabled = false;
    await refreshCase();
    $('reply-text').focus();
  }

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
    const result = await call('/cases/' + encodeURIComponent(selectedId) + '/close', { method: 'POST', body: { note: $('close-note').value } });
    if (report(result, 'Case closed. The assistant has taken the conversation back.')) { $('close-note').value = ''; }
    await refreshCase();
    refreshQueue();
  });

  call('/me').then((result) => {
    if (result.status === 200) { showDesk(result.body); }
  }).catch(() => { /* showSignIn already ran */ });
})();
