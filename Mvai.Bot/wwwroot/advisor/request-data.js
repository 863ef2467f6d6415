// Export and delete of the request a case follows up (GET .../export downloads it; DELETE removes it).
import { $, call } from './console-api.js';

let reference = null;

function requestUrl(action) {
  return '/requests/' + encodeURIComponent(reference) + (action ? '/' + action : '');
}

/** Shows the section for a case that follows up a stored request; deleting waits until the case is closed. */
export function showRequestData(c) {
  reference = c.requestReference || null;
  $('request-data').hidden = !reference;
  if (!reference) { return; }
  $('request-reference').textContent = reference;
  // A plain link: the browser downloads the JSON with the session cookie, so no script touches the file.
  $('export-request').href = '/api/advisor' + requestUrl('export');
  $('delete-request').disabled = c.state !== 'closed';
  $('delete-request').title = c.state === 'closed' ? '' : 'Close the case first.';
}

/** Wires the delete button; afterDelete(message) runs once the request and its case are gone. */
export function wireRequestData(afterDelete) {
  $('delete-request').addEventListener('click', async () => {
    if (!reference || !window.confirm('Delete request ' + reference + ', its conversation transcript and its cases? This cannot be undone.')) {
      return;
    }
    const deleted = reference;
    const result = await call(requestUrl(), { method: 'DELETE' });
    if (result.status === 200) {
      afterDelete('Request ' + deleted + ' and its conversation data were deleted.');
      return;
    }
    $('case-status').textContent = (result.body && result.body.error) || 'That did not work (' + result.status + ').';
  });
}
