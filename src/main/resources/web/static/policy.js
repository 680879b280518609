// Policy pages: bring the clause named in the address into view and mark it, also when the
// address changes on the same page. CSS :target does the highlighting; this adds focus so
// keyboard and screen-reader users land on the clause too.
(function () {
  'use strict';

  function show() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) {
      return;
    }
    var clause = document.getElementById(id);
    if (!clause || !clause.classList.contains('clause')) {
      return;
    }
    var previous = document.querySelectorAll('.clause.is-cited');
    for (var i = 0; i < previous.length; i++) {
      previous[i].classList.remove('is-cited');
    }
    clause.classList.add('is-cited');
    clause.focus({ preventScroll: true });
    clause.scrollIntoView({ block: 'center' });
  }

  window.addEventListener('hashchange', show);
  show();
})();
