// The admin's live metrics page: fetches the node's last hour every 10 s and draws it with uPlot
// (from the WebJar the server serves; its address is on the page, so its version is in one place).
import { CHARTS, busiest, columns, figure, latest, waitInWords } from './metrics-data.js';
import { language, t } from './words.js';

const REFRESH_MS = 10_000;
const COLOURS = ['#1e6fd9', '#0f9d58', '#c62828'];
const root = document.getElementById('metrics');

if (root) {
  start(root);
}

async function start(section) {
  const { default: uPlot } = await import(section.dataset.chartLibrary);
  const charts = new Map();
  const refresh = async () => {
    try {
      const response = await fetch(section.dataset.source, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) {
        throw new Error(`HTTP ${response.status}`); // not shown
      }
      const history = await response.json();
      showTiles(history);
      showSpecialists(history);
      for (const name of Object.keys(CHARTS)) {
        draw(uPlot, charts, name, history);
      }
      say(t('metrics.updated', new Date().toLocaleTimeString(language())));
    } catch (failure) {
      say(t('metrics.failed'));
    }
  };
  await refresh();
  setInterval(refresh, REFRESH_MS);
  new ResizeObserver(() => charts.forEach((chart, name) => chart.setSize(size(name)))).observe(section);
}

function draw(uPlot, charts, name, history) {
  const data = columns(history, name);
  const existing = charts.get(name);
  if (existing) {
    existing.setData(data);
    return;
  }
  const options = {
    ...size(name),
    series: [
      {},
      ...CHARTS[name].map((line, i) => ({ label: t(line.label), stroke: COLOURS[i], width: 2, spanGaps: true })),
    ],
    axes: [{}, { size: 44 }],
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    legend: { live: false },
  };
  charts.set(name, new uPlot(options, data, document.querySelector(`[data-chart="${name}"]`)));
}

function size(name) {
  const holder = document.querySelector(`[data-chart="${name}"]`);
  const width = Math.max(240, holder.clientWidth);
  return { width, height: width < 500 ? 180 : 220 };
}

function showTiles(history) {
  text('now-sockets', figure(latest(history, 'sockets')));
  text('now-online', figure(latest(history, 'online')));
  text('now-messages', figure(latest(history, 'messagesPerMinute')));
  text('now-queue', figure(latest(history, 'queueLength')));
  text('now-wait', waitInWords(latest(history, 'longestWaitSeconds')));
  alarm('now-errors', latest(history, 'errorsPerMinute'));
  alarm('now-refusals', latest(history, 'refusalsPerMinute'));
}

function alarm(id, value) {
  text(id, figure(value));
  document.getElementById(id).classList.toggle('metric-alarm', typeof value === 'number' && value > 0);
}

function showSpecialists(history) {
  const body = document.querySelector('#specialists tbody');
  const rows = busiest(history).map((specialist) => {
    const row = document.createElement('tr');
    const name = document.createElement('td');
    name.textContent = specialist.name;
    const active = document.createElement('td');
    active.textContent = String(specialist.active);
    row.append(name, active);
    return row;
  });
  if (!rows.length) {
    const row = document.createElement('tr');
    row.className = 'metric-none';
    const cell = document.createElement('td');
    cell.colSpan = 2;
    cell.textContent = t('metrics.none');
    row.append(cell);
    rows.push(row);
  }
  body.replaceChildren(...rows);
}

function text(id, value) {
  document.getElementById(id).textContent = value;
}

function say(words) {
  text('metrics-updated', words);
}
