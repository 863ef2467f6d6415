// MVAI Assistant chat for other sites (the IACP site). Paste one tag, before </body>:
//   <script src="https://<bot-host>/embed.js" data-title="MVAI Assistant" async></script>
// The page's origin must be listed in the bot's WebChat:AllowedOrigins.
// Attributes: data-title (panel heading), data-button-label (launcher's accessible name),
// data-websocket="false" (poll instead of the WebSocket stream).
// Web Chat (/lib/webchat.js) is loaded from the bot host on first open, never from a CDN.
(function () {
  'use strict';
  const script = document.currentScript;
  if (!script || window.mvaiAssistantEmbed) {
    return;
  }
  const botOrigin = new URL(script.src, location.href).origin;
  const title = script.dataset.title || 'MVAI Assistant';
  const buttonLabel = script.dataset.buttonLabel || 'Chat with the MVAI Assistant';
  const useWebSocket = script.dataset.websocket !== 'false';
  // One tab, one conversation: sessionStorage ends with the tab, so nothing outlives the visit.
  const storageKey = 'mvai-assistant:' + botOrigin;
  // A stored token with less than this left is not worth resuming with: start a new conversation.
  const minimumTokenLifeMs = 60 * 1000;

  const navy = '#002B5C';
  const gold = '#C99700';
  const css = `
.mvai-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;
  padding:12px 18px;border:2px solid ${gold};border-radius:28px;background:${navy};color:#fff;
  font:600 16px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;cursor:pointer;
  box-shadow:0 4px 14px rgba(0,0,0,.3)}
.mvai-launcher:hover{background:#003a7a}
.mvai-launcher:focus-visible,.mvai-close:focus-visible{outline:3px solid ${gold};outline-offset:3px;box-shadow:0 0 0 6px ${navy}}
.mvai-launcher svg{width:20px;height:20px;fill:${gold}}
.mvai-panel{position:fixed;right:20px;bottom:84px;z-index:2147483001;display:flex;flex-direction:column;
  width:min(400px,calc(100vw - 40px));height:min(620px,calc(100vh - 110px));background:#fff;color:#1a1a1a;
  border:2px solid ${navy};border-radius:12px;overflow:hidden;box-shadow:0 8px 28px rgba(0,0,0,.35);
  font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.mvai-panel[hidden]{display:none}
.mvai-header{display:flex;align-items:center;justify-content:space-between;padding:10px 12px 10px 16px;
  background:${navy};color:#fff;border-bottom:4px solid ${gold}}
.mvai-header h2{margin:0;font-size:17px;font-weight:700;color:#fff}
.mvai-close{border:0;border-radius:6px;background:transparent;color:#fff;font-size:24px;line-height:1;
  width:36px;height:36px;cursor:pointer}
.mvai-close:hover{background:#003a7a}
.mvai-notice{margin:0;padding:8px 16px;background:#fff4e5;color:#1a1a1a;border-bottom:1px solid #b35c00;font-size:14px}
.mvai-status{margin:12px 16px;color:#3d3d3d}
.mvai-status:empty{display:none}
.mvai-webchat{flex:1;min-height:0}`;

  const styleOptions = {
    accent: navy,
    backgroundColor: '#FFFFFF',
    botAvatarInitials: 'MV',
    botAvatarBackgroundColor: navy,
    userAvatarInitials: 'You',
    userAvatarBackgroundColor: gold,
    bubbleBackground: '#F1F3F7',
    bubbleTextColor: '#1A1A1A',
    bubbleBorderRadius: 8,
    bubbleFromUserBackground: navy,
    bubbleFromUserTextColor: '#FFFFFF',
    bubbleFromUserBorderRadius: 8,
    linkUnderline: true,
    sendBoxButtonColor: navy,
    sendBoxButtonColorOnHover: '#003A7A',
    sendBoxTextColor: '#1A1A1A',
    sendBoxHeight: 48,
    suggestedActionBorderColor: navy,
    suggestedActionTextColor: navy,
    suggestedActionBorderRadius: 8,
    hideUploadButton: true
  };

  let button;
  let panel;
  let host;
  let status;
  let started = false;
  let refreshTimer;

  function build() {
    const style = document.createElement('style');
    style.textContent = css;
    document.head.appendChild(style);

    button = document.createElement('button');
    button.type = 'button';
    button.className = 'mvai-launcher';
    button.setAttribute('aria-label', buttonLabel);
    button.setAttribute('aria-expanded', 'false');
    button.setAttribute('aria-controls', 'mvai-panel');
    button.innerHTML = '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
      '<path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>' +
      '<span aria-hidden="true">Chat</span>';

    panel = document.createElement('div');
    panel.id = 'mvai-panel';
    panel.className = 'mvai-panel';
    panel.hidden = true;
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', title + ' chat');
    panel.tabIndex = -1;
    panel.innerHTML =
      '<div class="mvai-header"><h2></h2><button type="button" class="mvai-close" aria-label="Close chat">' +
      '<span aria-hidden="true">&times;</span></button></div>' +
      '<p class="mvai-notice"><strong>Not an emergency service.</strong> If anyone is in danger, call 911.</p>' +
      '<p class="mvai-status" role="status"></p><div class="mvai-webchat"></div>';
    panel.querySelector('h2').textContent = title;
    status = panel.querySelector('.mvai-status');
    host = panel.querySelector('.mvai-webchat');

    button.addEventListener('click', () => (panel.hidden ? open() : close()));
    panel.querySelector('.mvai-close').addEventListener('click', close);
    panel.addEventListener('keydown', event => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close();
      }
    });
    document.body.appendChild(panel);
    document.body.appendChild(button);
  }

  function open() {
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    if (!focusSendBox()) {
      panel.focus();
    }
    if (!started) {
      started = true;
      start().catch(showUnavailable);
    }
  }

  function close() {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }

  function focusSendBox() {
    const input = host.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) {
      input.focus();
    }
    return !!input;
  }

  function showUnavailable(error) {
    status.setAttribute('role', 'alert');
    status.textContent = 'The assistant is unavailable right now. Please try again later. If anyone is in danger, call 911.';
    console.error('MVAI Assistant:', error);
  }

  function loadWebChat() {
    if (window.WebChat) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const tag = document.createElement('script');
      tag.src = botOrigin + '/lib/webchat.js';
      tag.onload = resolve;
      tag.onerror = () => reject(new Error('Web Chat could not be loaded'));
      document.head.appendChild(tag);
    });
  }

  function readSession() {
    try {
      const session = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
      return session && session.expiresAt - Date.now() > minimumTokenLifeMs ? session : null;
    } catch {
      return null;
    }
  }

  function saveSession(session) {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(session));
    } catch {
      // Storage may be full or blocked; the chat still works, it just will not survive a reload.
    }
  }

  async function newSession() {
    const response = await fetch(botOrigin + '/api/directline/token', { method: 'POST' });
    if (!response.ok) {
      throw new Error('token request failed with ' + response.status);
    }
    const body = await response.json();
    return {
      token: body.token,
      conversationId: body.conversationId,
      userId: body.userId,
      domain: body.domain,
      expiresAt: Date.now() + body.expires_in * 1000
    };
  }

  // DirectLineJS refreshes its own copy of the token but does not expose it, so the stored copy is
  // refreshed here too; otherwise a reload after 30 minutes could not resume the conversation.
  async function refresh(session) {
    const response = await fetch(session.domain + '/tokens/refresh', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + session.token }
    });
    if (!response.ok) {
      throw new Error('token refresh failed with ' + response.status);
    }
    const body = await response.json();
    session.token = body.token;
    session.expiresAt = Date.now() + body.expires_in * 1000;
    saveSession(session);
    return session;
  }

  function scheduleRefresh(session) {
    clearTimeout(refreshTimer);
    const wait = Math.max(10 * 1000, (session.expiresAt - Date.now()) / 2);
    refreshTimer = setTimeout(() => refresh(session).then(scheduleRefresh, error => console.warn('MVAI Assistant:', error)), wait);
  }

  async function start() {
    status.textContent = 'Connecting to the assistant…';
    await loadWebChat();
    const stored = readSession();
    let session = stored ? await refresh(stored).catch(() => null) : null;
    const resuming = !!session;
    if (!session) {
      session = await newSession();
      saveSession(session);
    }
    render(session, resuming);
  }

  function render(session, resuming) {
    scheduleRefresh(session);
    // Resuming passes the conversation id, so DirectLineJS reconnects (GET /conversations/{id}) instead
    // of starting one. It replays the conversation from the start (no watermark), because a reloaded
    // page has an empty transcript; a stored watermark would only hide what was said before the reload.
    const directLine = WebChat.createDirectLine({
      domain: session.domain,
      token: session.token,
      conversationId: resuming ? session.conversationId : undefined,
      webSocket: useWebSocket,
      pollingInterval: 500
    });
    let greeted = resuming;
    const store = WebChat.createStore({}, ({ dispatch }) => next => action => {
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        status.textContent = '';
        if (!greeted) {
          // Tell the bot we joined so it greets first; once per conversation, not after a reload.
          greeted = true;
          dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { language: navigator.language } } });
        }
        if (!panel.hidden) {
          setTimeout(focusSendBox, 0);
        }
      } else if (action.type === 'DIRECT_LINE/CONNECT_REJECTED' && resuming) {
        // The stored conversation is gone (expired or the server forgot it): start a fresh one.
        sessionStorage.removeItem(storageKey);
        directLine.end();
        newSession().then(fresh => {
          saveSession(fresh);
          render(fresh, false);
        }).catch(showUnavailable);
      }
      return next(action);
    });
    WebChat.renderWebChat({
      directLine,
      store,
      userID: session.userId,
      locale: navigator.language || 'en-US',
      styleOptions
    }, host);
  }

  window.mvaiAssistantEmbed = { open, close };
  if (document.body) {
    build();
  } else {
    document.addEventListener('DOMContentLoaded', build);
  }
})();
