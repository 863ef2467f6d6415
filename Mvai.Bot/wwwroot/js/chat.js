// Starts Web Chat against the embedded Direct Line of this same origin.
// "?ws=0" in the page URL selects polling instead of the WebSocket stream.
(async function () {
  'use strict';
  const status = document.getElementById('chat-status');
  const host = document.getElementById('webchat');
  const useWebSocket = new URLSearchParams(location.search).get('ws') !== '0';

  try {
    const response = await fetch('/api/directline/token', { method: 'POST' });
    if (!response.ok) {
      throw new Error('token request failed with ' + response.status);
    }
    const { token, userId } = await response.json();

    const directLine = WebChat.createDirectLine(useWebSocket
      ? { domain: location.origin + '/v3/directline', token, webSocket: true }
      : { domain: location.origin + '/v3/directline', token, webSocket: false, pollingInterval: 300 });

    // Once connected, tell the bot we joined so it greets first.
    const store = WebChat.createStore({}, ({ dispatch }) => next => action => {
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        dispatch({
          type: 'WEB_CHAT/SEND_EVENT',
          payload: { name: 'webchat/join', value: { language: navigator.language } }
        });
      }
      return next(action);
    });

    WebChat.renderWebChat({
      directLine,
      store,
      userID: userId,
      locale: navigator.language || 'en-US',
      styleOptions: {
        accent: '#0b3d91',
        botAvatarInitials: 'MV',
        userAvatarInitials: 'You',
        bubbleBorderRadius: 8,
        bubbleFromUserBackground: '#e6eefb',
        bubbleFromUserBorderRadius: 8,
        suggestedActionBorderRadius: 8,
        hideUploadButton: true,
        sendBoxHeight: 48
      }
    }, host);

    status.textContent = '';
    status.hidden = true;
    const input = host.querySelector('[data-id="webchat-sendbox-input"]');
    if (input) {
      input.focus();
    }
  } catch (error) {
    status.textContent = 'The assistant is unavailable right now. Please try again later. ' +
      'If anyone is in danger, call 911.';
    status.setAttribute('role', 'alert');
    console.error(error);
  }
})();
