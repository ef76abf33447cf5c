/**
 * Progressive enhancement only (every page works without it): focus the error summary so screen readers
 * announce it, and filter long agency lists as one types. Served at /assets/portal.js (CSP: 'self').
 */
export const PORTAL_JS = `(function () {
  'use strict';
  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
  document.querySelectorAll('select[data-filterable]').forEach(function (select) {
    var input = document.createElement('input');
    input.type = 'search';
    input.className = 'input';
    input.id = select.id + '-filter';
    input.setAttribute('aria-controls', select.id);
    var label = document.createElement('label');
    label.className = 'label';
    label.htmlFor = input.id;
    label.textContent = select.getAttribute('data-filter-label') || '';
    var all = Array.prototype.slice.call(select.options);
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase();
      all.forEach(function (o) { o.hidden = q !== '' && o.value !== '' && o.text.toLowerCase().indexOf(q) < 0; });
    });
    var wrap = document.createElement('div');
    wrap.className = 'field';
    wrap.appendChild(label);
    wrap.appendChild(input);
    select.parentNode.parentNode.insertBefore(wrap, select.parentNode);
  });
})();
`;
