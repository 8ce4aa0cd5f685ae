/*
 * perf: the little JavaScript every page loads (after htmx and Bootstrap; all three with "defer").
 * The Content-Security-Policy allows scripts from this origin only: no inline scripts, no hx-on attributes,
 * no eval. Pages work without JavaScript; this file only makes htmx requests acceptable to the server.
 */
(function () {
  'use strict';

  /* Spring Security wants the CSRF token on every state-changing request. The layout renders it as
     <meta name="_csrf" content="..."> and <meta name="_csrf_header" content="X-CSRF-TOKEN">; htmx sends it
     as that header with every request it makes. */
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header && token.content && header.content) {
      event.detail.headers[header.content] = token.content;
    }
  });

  /* An export's status panel (templates/export/job.html) that the poll brings back finished carries
     data-download-now on its download link: the file is fetched once, as if the link had been clicked (an
     attachment: the page stays). */
  document.addEventListener('htmx:afterSwap', function () {
    var link = document.querySelector('a[data-download-now]');
    if (link) {
      link.removeAttribute('data-download-now');
      window.location.assign(link.href);
    }
  });
})();
