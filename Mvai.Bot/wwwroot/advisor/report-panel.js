// The program report: counts and service levels, drawn as small tables; the CSV link downloads the same data per request.
import { $, call } from './console-api.js';

function table(caption, rows) {
  const t = document.createElement('table');
  const c = document.createElement('caption');
  c.textContent = caption;
  t.appendChild(c);
  for (const [key, value] of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = key;
    const td = document.createElement('td');
    td.textContent = String(value);
    tr.append(th, td);
    t.appendChild(tr);
  }
  return t;
}

function hours(level) {
  return level.reached === 0 ? 'none yet' : 'median ' + level.medianHours + ' h, mean ' + level.averageHours + ' h (' + level.reached + ' requests)';
}

export function wireReport() {
  $('show-report').addEventListener('click', async () => {
    const result = await call('/report');
    if (result.status !== 200) { return; }
    const r = result.body;
    const counts = (list) => list.map((c) => [c.key, c.count]);
    $('report-body').replaceChildren(
      table('Service level', [['Requests', r.total], ['Submission to first contact', hours(r.toFirstContact)], ['Submission to match', hours(r.toMatch)]]),
      table('By month', counts(r.byMonth)),
      table('By incident type', counts(r.byIncidentType)),
      table('By state', counts(r.byState)),
      table('By urgency', counts(r.byUrgency)),
      table('By status', counts(r.byStatus)));
  });
}
