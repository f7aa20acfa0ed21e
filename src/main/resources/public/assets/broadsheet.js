// "Copy URL" buttons beside each feed's address. Progressive enhancement: the address is visible text and the
// buttons stay hidden unless this script runs. navigator.clipboard needs a secure context (https or localhost);
// elsewhere the address is selected and copied with execCommand, or left selected for the reader to copy.
(function () {
  'use strict';
  var status = document.querySelector('.copy-status');

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function fallback(button, url) {
    var code = button.parentNode.querySelector('code');
    if (!code) {
      return false;
    }
    selectText(code);
    var copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (e) {
      copied = false;
    }
    say(copied ? 'Copied ' + url : 'Press Ctrl+C (⌘C) to copy the selected address.');
    return copied;
  }

  function copy(button) {
    var url = button.getAttribute('data-copy');
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        say('Copied ' + url);
      }, function () {
        fallback(button, url);
      });
    } else {
      fallback(button, url);
    }
  }

  document.querySelectorAll('button.copy[data-copy]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      copy(button);
    });
  });
}());
