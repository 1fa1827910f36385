// The data page: the PDF transcripts in the export show times in the reader's own time zone.
const link = document.querySelector('a[data-export-link]');
const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
if (link && zone) {
  const url = new URL(link.href);
  url.searchParams.set('zone', zone);
  link.href = url.toString();
}
