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
})();
