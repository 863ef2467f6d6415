// The content-gap report for the guidance editors: GET /api/advisor/content-gaps, one table per topic.
// Questions are typed by users: inserted with textContent only, never as HTML.
import { $, call, setSignedIn, whenSignedOut } from './console-api.js';

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text;
  row.appendChild(td);
}

function topicTable(topic) {
  const section = document.createElement('section');
  const heading = document.createElement('h3');
  heading.textContent = topic.topic + ' (' + topic.questions.length + ')';
  section.appendChild(heading);
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const name of ['When', 'Question', 'Why listed', 'Feedback', 'Passages used']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = name;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const q of topic.questions) {
    const row = body.insertRow();
    cell(row, new Date(q.answeredAt).toLocaleString());
    cell(row, q.question);
    cell(row, q.reasons.join(', '));
    cell(row, q.feedbackText || '');
    cell(row, q.passages.map((p) => p.heading).join('; '));
  }
  section.appendChild(table);
  return section;
}

async function load() {
  const days = $('gaps-days').value;
  $('gaps-csv').href = '/api/advisor/content-gaps.csv?days=' + encodeURIComponent(days);
  $('gaps-status').textContent = 'Loading…';
  const result = await call('/content-gaps?days=' + encodeURIComponent(days));
  const topics = $('gaps-topics');
  topics.replaceChildren();
  if (result.status !== 200) {
    $('gaps-status').textContent = (result.body && result.body.error) || 'The report could not be loaded.';
    return;
  }
  const count = result.body.topics.reduce((n, t) => n + t.questions.length, 0);
  const topicCount = result.body.topics.length;
  $('gaps-status').textContent = count === 0 ? 'No gaps in this period.'
    : count + (count === 1 ? ' question' : ' questions') + ' in ' + topicCount + (topicCount === 1 ? ' topic.' : ' topics.');
  for (const topic of result.body.topics) { topics.appendChild(topicTable(topic)); }
}

whenSignedOut(() => { $('gaps-status').textContent = 'Sign in on the console first.'; });
setSignedIn(true);
$('gaps-days').addEventListener('change', () => { load().catch(() => {}); });
load().catch(() => {});
