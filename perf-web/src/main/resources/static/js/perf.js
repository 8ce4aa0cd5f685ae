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

  /* An export's page (templates/export/job.html) reached by the list's 导出 click, or its status panel brought back
     finished by the poll, carries data-download-now on its download link: the file is fetched once, as if the link
     had been clicked (an attachment: the page stays), and the address loses its ?download so that a reload does not
     fetch it again. */
  function downloadOnce() {
    var link = document.querySelector('a[data-download-now]');
    if (link) {
      link.removeAttribute('data-download-now');
      if (window.location.search) {
        window.history.replaceState(null, '', window.location.pathname);
      }
      window.location.assign(link.href);
    }
  }
  document.addEventListener('DOMContentLoaded', downloadOnce);
  document.addEventListener('htmx:afterSwap', downloadOnce);
})();
