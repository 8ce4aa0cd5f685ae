/*
 * The 申报表 form page: small helpers on top of htmx (no inline scripts: the CSP allows this origin only).
 *  - 对应子项目 choices follow the 子项目 names as they are typed (before anything is saved);
 *  - on a page re-rendered with messages, focus moves to the first field with a message;
 *  - a 指标名称 chosen from the 共性指标 library has the server fill the rest of its row.
 */
(function () {
  'use strict';

  function syncSubProjectOptions(input) {
    var key = input.getAttribute('data-key');
    if (!key) {
      return;
    }
    var label = input.value.trim() || '\u2014';
    document.querySelectorAll('select.sub-project-select option').forEach(function (option) {
      if (option.value === key) {
        option.textContent = label;
      }
    });
  }

  document.addEventListener('input', function (event) {
    var t = event.target;
    if (t.classList && t.classList.contains('sub-project-name')) {
      syncSubProjectOptions(t);
    }
  });

  /* Choosing a 共性指标 name from the library list asks the server to fill the row (目标值, 指标解释, 目标值来源). */
  document.addEventListener('change', function (event) {
    var t = event.target;
    if (!t.classList || !t.classList.contains('indicator-name') || !t.list) {
      return;
    }
    var value = t.value.trim();
    var known = Array.prototype.some.call(t.list.options, function (o) { return o.value === value; });
    var button = known && t.closest('tr') && t.closest('tr').querySelector('.library-fill-button');
    if (button) {
      button.click();
    }
  });

  function focusFirstError() {
    var first = document.querySelector('#declaration-form .is-invalid');
    if (first) {
      first.focus();
      first.scrollIntoView({block: 'center'});
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', focusFirstError);
  } else {
    focusFirstError();
  }
})();
