// The Copy button of a feed's browser view (/feeds/feed.xsl): copies the feed's address from its read-only field.
// The button is hidden in the page and shown here, so that it never appears where it could not work.
(function () {
  'use strict';

  function copy(field, done) {
    field.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        fallback(done);
      });
    } else {
      fallback(done);
    }
  }

  // http:// pages other than localhost have no Clipboard API: the selection is copied the older way
  function fallback(done) {
    try {
      if (document.execCommand('copy')) {
        done();
      }
    } catch (e) {
      // the address stays selected: the reader can copy it by hand
    }
  }

  function start() {
    var buttons = document.querySelectorAll('button[data-copy]');
    Array.prototype.forEach.call(buttons, function (button) {
      var field = document.getElementById(button.getAttribute('data-copy'));
      var status = document.getElementById(button.getAttribute('data-status'));
      if (!field) {
        return;
      }
      field.addEventListener('focus', function () {
        field.select();
      });
      button.addEventListener('click', function () {
        copy(field, function () {
          if (status) {
            status.textContent = 'Copied';
          }
        });
      });
      button.hidden = false;
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
