// The one script of scorewheel serve: autosave of the scorecard form a few
// seconds after typing stops, and a "Saved at HH:MM" line. Everything works
// without it: the form's Save draft and Submit buttons post as usual.
(function () {
  'use strict';
  var DELAY_MS = 3000;
  var form = document.querySelector('form.scorecard');
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) {
    return;
  }
  // form.action would be the buttons named "action": read the attribute.
  var target = form.getAttribute('action');
  var line = document.getElementById('saved');
  var timer = null;
  var busy = false;
  var again = false;

  function say(text) {
    if (line) {
      line.textContent = text;
    }
  }

  function save() {
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    var data = new URLSearchParams(new FormData(form));
    data.set('action', 'save');
    data.set('ajax', '1');
    fetch(target, { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (r) {
        return r.json().then(function (j) { return { ok: r.ok, body: j }; },
                             function () { return { ok: false, body: {} }; });
      })
      .then(function (res) {
        if (res.ok) {
          form.elements.version.value = res.body.version;
          say('Saved at ' + res.body.saved);
        } else {
          say(res.body.message || 'Not saved.');
        }
      })
      .catch(function () {
        say('Not saved: the server cannot be reached. Your text is still here.');
      })
      .then(function () {
        busy = false;
        if (again) {
          again = false;
          save();
        }
      });
  }

  function changed() {
    clearTimeout(timer);
    say('Unsaved changes');
    timer = setTimeout(save, DELAY_MS);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function () {
    clearTimeout(timer);
  });
}());
