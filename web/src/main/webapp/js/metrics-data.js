// Turns the node's metrics history (JSON from the admin endpoint) into what the page shows: the
// latest figures in words and the columns each chart draws. No DOM here, so it is tested in Node.
import { language, t } from './words.js';

/** The charts: which series each draws, with its label's key per line; the queue's wait in minutes. */
export const CHARTS = {
  connections: [
    { key: 'sockets', label: 'metrics.sockets' },
    { key: 'online', label: 'metrics.online' },
  ],
  traffic: [
    { key: 'messagesPerMinute', label: 'metrics.messages' },
    { key: 'errorsPerMinute', label: 'metrics.errors' },
    { key: 'refusalsPerMinute', label: 'metrics.refusals' },
  ],
  queue: [
    { key: 'queueLength', label: 'metrics.waiting' },
    { key: 'longestWaitSeconds', label: 'metrics.longest-wait', scale: 1 / 60 },
  ],
};

/** uPlot's columns for one chart: times first, then one array per line, aligned. */
export function columns(history, chart) {
  const times = history.times ?? [];
  const lines = CHARTS[chart].map(({ key, scale }) =>
    times.map((_, i) => {
      const value = history.series?.[key]?.[i];
      return value == null ? null : scale ? Math.round(value * scale * 10) / 10 : value;
    }),
  );
  return [times, ...lines];
}

/** The newest value of a series, or null when there is none yet. */
export function latest(history, key) {
  const values = history.series?.[key] ?? [];
  return values.length ? values[values.length - 1] : null;
}

/** A waiting time in words a glance can take: "–", "40 s", "12 min", "2 h 5 min". */
export function waitInWords(seconds) {
  if (seconds == null) {
    return '–';
  }
  if (seconds < 60) {
    return t('metrics.seconds', number(Math.round(seconds)));
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return t('metrics.minutes', number(minutes));
  }
  return t('metrics.hours', number(Math.floor(minutes / 60)), number(minutes % 60));
}

/** A count or rate as shown on a tile: whole numbers, a dash when not known. */
export function figure(value) {
  return value == null ? '–' : number(Math.round(value));
}

/** A whole number as the page's language writes it. */
function number(value) {
  return value.toLocaleString(language());
}

/** Specialists with active consultations, busiest first, then by name. */
export function busiest(history) {
  return [...(history.specialists ?? [])]
    .filter((s) => s.active > 0)
    .sort((a, b) => b.active - a.active || a.name.localeCompare(b.name));
}
