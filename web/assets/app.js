// The one script of scorewheel serve, on the scorecard form: autosave a few
// seconds after typing stops, a "Saved at HH:MM" line, a copy of the typed
// text in this browser (localStorage) until the server has it, a question
// before leaving with unsaved text, and a confirmation before Submit that
// lists the questions left unrated. Everything works without it: Save draft
// and Submit post as usual, and a refused post shows the typed text back.
(function () {
  'use strict';
  var DELAY_MS = 3000;
  var RETRY_MS = 15000;
  var form = document.querySelector('form.scorecard');
  if (!form || !window.fetch || !window.URLSearchParams || !window.FormData) {
    return;
  }
  // form.action would be the buttons named "action": read the attribute.
  var target = form.getAttribute('action');
  var key = 'scorewheel:' + target;
  var line = document.getElementById('saved');
  var timer = null;
  var busy = false;
  var again = false;
  var dirty = false;
  var signedOut = false;
  var sending = false;

  function say(text) {
    if (line) {
      line.textContent = text;
    }
  }

  function fields() {
    var out = {};
    new FormData(form).forEach(function (v, k) {
      if (k !== 'csrf' && k !== 'version' && k !== 'action') {
        out[k] = String(v);
      }
    });
    return out;
  }

  function keep() {
    try {
      localStorage.setItem(key, JSON.stringify(fields()));
    } catch (e) { /* storage full or disabled: the server copy is all */ }
  }

  function forget() {
    try {
      localStorage.removeItem(key);
    } catch (e) { /* nothing kept */ }
  }

  function setField(name, value) {
    var el = form.elements[name];
    if (!el) {
      return;
    }
    if (el.length !== undefined && el.tagName === undefined) {
      Array.prototype.forEach.call(el, function (r) { r.checked = r.value === value; });
    } else {
      el.value = value;
    }
  }

  // A copy left by an earlier page (signed out, closed, restarted server):
  // put it back when it differs from what the server has.
  function restore() {
    var kept = null;
    try {
      kept = JSON.parse(localStorage.getItem(key) || 'null');
    } catch (e) { kept = null; }
    if (!kept) {
      return;
    }
    var now = fields();
    var differs = Object.keys(kept).some(function (k) { return now[k] !== kept[k]; });
    if (!differs) {
      forget();
      return;
    }
    Object.keys(kept).forEach(function (k) { setField(k, kept[k]); });
    dirty = true;
    say('Put back what you typed before (kept in this browser); saving it now.');
    timer = setTimeout(save, 500);
  }

  // Signed in again (in this tab or another): take the new page's proof.
  function renew() {
    return fetch(target, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok || r.redirected) {
        return false;
      }
      return r.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var csrf = doc.querySelector('form.scorecard input[name="csrf"]');
        if (!csrf) {
          return false;
        }
        form.elements.csrf.value = csrf.value;
        return true;
      });
    }).catch(function () { return false; });
  }

  function retry() {
    if (!signedOut || busy) {
      return;
    }
    renew().then(function (back) {
      if (back) {
        signedOut = false;
        save();
      }
    });
  }

  function outcome(res) {
    if (res.ok) {
      form.elements.version.value = res.body.version;
      dirty = false;
      forget();
      say('Saved at ' + res.body.saved);
    } else if (res.body.error === 'signed-out' || res.body.error === 'expired') {
      signedOut = true;
      say('Not saved: you are signed out. Your text is kept in this browser; sign in ' +
          'again (your link, in another tab) and it is saved then.');
    } else {
      say(res.body.message || 'Not saved.');
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
      .then(outcome)
      .catch(function () {
        say('Not saved: the server cannot be reached. Your text is kept in this browser.');
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
    dirty = true;
    keep();
    clearTimeout(timer);
    say('Unsaved changes');
    timer = setTimeout(save, DELAY_MS);
  }

  // The numbers of the questions whose rating is still "Not rated".
  function unrated() {
    var out = [];
    Array.prototype.forEach.call(form.querySelectorAll('input[type=radio][value=""]'),
      function (r) {
        var m = /^v(\d+)$/.exec(r.name);
        if (m && r.checked) {
          out.push(Number(m[1]) + 1);
        }
      });
    return out;
  }

  function confirmSubmit(e) {
    var left = unrated();
    var text = 'Submit this scorecard? It cannot be changed afterwards.';
    if (left.length) {
      text += '\n\nQuestions left unrated: ' + left.join(', ') + '.';
    }
    if (!window.confirm(text)) {
      e.preventDefault();
      return false;
    }
    return true;
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function (e) {
    if (e.submitter && e.submitter.value === 'submit' && !confirmSubmit(e)) {
      return;
    }
    clearTimeout(timer);
    keep();
    sending = true;
  });
  window.addEventListener('beforeunload', function (e) {
    if (dirty && !sending) {
      e.preventDefault();
      e.returnValue = '';
    }
  });
  window.addEventListener('focus', retry);
  setInterval(retry, RETRY_MS);
  restore();
}());

// Times as people read them: each <time datetime="UTC stamp"> shows in the
// browser's own time zone and language (the server's text, in UTC, stays
// when there is no script); the form's count of unrated questions.
(function () {
  'use strict';
  var times = document.querySelectorAll('time[datetime]');
  for (var i = 0; i < times.length; i++) {
    var t = new Date(times[i].getAttribute('datetime'));
    if (!isNaN(t.getTime())) {
      times[i].title = times[i].textContent;
      times[i].textContent = t.toLocaleString(undefined, {
        year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit'
      });
    }
  }
  var form = document.querySelector('form.scorecard');
  var out = document.getElementById('unrated');
  if (!form || !out) {
    return;
  }
  function count() {
    var radios = form.querySelectorAll('input[type=radio]');
    var names = {}, all = 0, open = 0;
    for (var k = 0; k < radios.length; k++) {
      var n = radios[k].name;
      if (n !== 'rec' && !(n in names)) {
        names[n] = true;
        all++;
        var on = form.querySelector('input[name="' + n + '"]:checked');
        if (!on || on.value === '') {   // "Not rated" has the value ""
          open++;
        }
      }
    }
    var rec = form.querySelector('input[name=rec]:checked');
    rec = rec && rec.value !== '' ? rec : null;
    out.textContent = (open === 0 ? 'Every question rated' :
      open + ' of ' + all + ' questions unrated') + (rec ? '' : ' · no recommendation yet');
  }
  form.addEventListener('change', count);
  count();
}());
