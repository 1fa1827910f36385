// The transcript page: the PDF shows times in the reader's own time zone, and Print prints.
import './full-times.js';

const download = document.getElementById('download-pdf');
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (download && zone) {
  const url = new URL(download.href);
  url.searchParams.set('zone', zone);
  download.href = url.toString();
}
document.getElementById('print')?.addEventListener('click', () => window.print());
