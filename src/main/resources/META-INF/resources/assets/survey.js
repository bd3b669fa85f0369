// Bearing survey page script: saves every answer as it changes through the JSON API, shows the
// save state, keeps unsaved answers in localStorage and retries them when the connection is back,
// shows and hides questions by their visibleWhen condition, and keeps the progress up to date.
// Without this script the forms still work: each section posts and redirects.
(function () {
  'use strict';

  // Never act on a page restored from the back/forward cache: its versions may be stale.
  window.addEventListener('pageshow', function (e) { if (e.persisted) { window.location.reload(); } });

  // The welcome page says how answers are saved: automatically only while this script runs.
  document.querySelectorAll('[data-with-script]').forEach(function (e) { e.hidden = false; });
  document.querySelectorAll('[data-without-script]').forEach(function (e) { e.hidden = true; });

  document.querySelectorAll('button[data-once]').forEach(function (b) {
    b.form.addEventListener('submit', function () { setTimeout(function () { b.disabled = true; }, 0); });
  });

  var form = document.querySelector('form.survey-section');
  var main = document.getElementById('main');
  var token = form ? form.dataset.token : (main && main.dataset.surveyToken);
  if (!token) { return; }
  var api = '/api/v1/respondents/' + encodeURIComponent(token);
  var storeKey = 'bearing.pending.' + token;
  var statusEl = document.getElementById('save-status');
  var inFlight = {};
  var sending = {};
  var conflicts = [];
  var leaving = false;
  var retryTimer = null;
  var afterRetry = function () {};

  function loadPending() {
    try { return JSON.parse(window.localStorage.getItem(storeKey) || '{}'); } catch (e) { return {}; }
  }
  function savePending(p) {
    try { window.localStorage.setItem(storeKey, JSON.stringify(p)); } catch (e) { /* private mode: keep in memory only */ }
  }
  var pending = loadPending();

  function fieldsets() { return Array.prototype.slice.call(form.querySelectorAll('fieldset.question')); }
  function fieldset(key) { return document.getElementById('q-' + key); }

  // The current value of a question as the API takes it, or {clear: true} when emptied.
  function valueOf(fs) {
    var key = fs.dataset.key;
    var na = fs.querySelector('input[name="na.' + cssEscape(key) + '"]');
    if (na && na.checked) { return { notApplicable: true }; }
    var name = 'q.' + key;
    var inputs = Array.prototype.filter.call(fs.querySelectorAll('input, textarea'), function (i) { return i.name === name; });
    switch (fs.dataset.type) {
      case 'SINGLE':
      case 'SCALE': {
        var checked = inputs.filter(function (i) { return i.checked; })[0];
        if (!checked) { return { clear: true }; }
        return { value: fs.dataset.type === 'SCALE' ? parseInt(checked.value, 10) : checked.value };
      }
      case 'MULTI': {
        var values = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
        return values.length ? { value: values } : { clear: true };
      }
      case 'NUMBER': {
        var raw = inputs[0].value.trim().replace(',', '.');
        if (raw === '') { return inputs[0].validity && inputs[0].validity.badInput ? { invalid: 'Enter a number.' } : { clear: true }; }
        var n = Number(raw);
        return isFinite(n) ? { value: n } : { invalid: 'Enter a number.' };
      }
      default: {
        var t = inputs[0].value;
        return t.trim() === '' ? { clear: true } : { value: t };
      }
    }
  }

  function applyValue(fs, v) {
    var key = fs.dataset.key;
    var na = fs.querySelector('input[name="na.' + cssEscape(key) + '"]');
    if (na) { na.checked = !!v.notApplicable; }
    var name = 'q.' + key;
    Array.prototype.forEach.call(fs.querySelectorAll('input, textarea'), function (i) {
      if (i.name !== name) { return; }
      if (i.type === 'radio' || i.type === 'checkbox') {
        var vals = Array.isArray(v.value) ? v.value.map(String) : [String(v.value)];
        i.checked = !v.clear && !v.notApplicable && vals.indexOf(i.value) >= 0;
      } else {
        i.value = v.clear || v.notApplicable ? '' : String(v.value);
      }
    });
  }

  function mark(fs, state, message) {
    var s = fs.querySelector('[data-status]');
    var err = fs.querySelector('.field-error');
    s.className = 'field-status ' + state;
    fs.classList.toggle('has-error', state === 'error');
    if (state === 'error') { err.textContent = message; s.textContent = ''; }
    else { err.textContent = ''; s.textContent = message || ''; }
  }

  function overallStatus() {
    var waiting = Object.keys(pending).length;
    if (!statusEl) { return; }
    if (conflicts.length > 0) {
      statusEl.className = 'save-status error';
      statusEl.textContent = conflicts.length + ' answer(s) typed earlier could not be saved because they were changed elsewhere meanwhile: '
        + conflicts.join(', ') + '. Open those questions to check them.';
    } else if (waiting > 0 && !navigator.onLine) {
      statusEl.className = 'save-status offline';
      statusEl.textContent = 'You are offline. ' + waiting + ' answer(s) will be saved when the connection is back; do not close this page.';
    } else if (waiting > 0) {
      statusEl.className = 'save-status offline';
      statusEl.textContent = waiting + ' answer(s) not saved yet; retrying…';
    } else if (form.querySelector('fieldset.has-error')) {
      statusEl.className = 'save-status error';
      statusEl.textContent = 'Some answers were not saved; each one says why.';
    } else {
      statusEl.className = 'save-status';
      statusEl.textContent = 'All answers saved.';
    }
  }

  function setVersion(fs, version) {
    fs.dataset.version = version === null || version === undefined ? '' : String(version);
    var hidden = fs.querySelector('input[name="v.' + cssEscape(fs.dataset.key) + '"]');
    if (hidden) { hidden.value = fs.dataset.version; }
  }

  function save(fs) {
    var key = fs.dataset.key;
    var v = valueOf(fs);
    if (v.invalid) { mark(fs, 'error', v.invalid); return; }
    if (inFlight[key]) { inFlight[key].again = true; return; }
    var version = fs.dataset.version;
    v.version = version;
    pending[key] = v;
    savePending(pending);
    mark(fs, 'saving', 'Saving…');
    var request;
    if (v.clear) {
      if (version === '') { done(); return; }
      request = fetch(api + '/answers/' + encodeURIComponent(key) + '?version=' + encodeURIComponent(version),
        { method: 'DELETE', credentials: 'same-origin' });
    } else {
      var body = v.notApplicable ? { notApplicable: true } : { value: v.value };
      if (version !== '') { body.version = parseInt(version, 10); }
      request = fetch(api + '/answers/' + encodeURIComponent(key), {
        method: 'PUT', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(body)
      });
    }
    inFlight[key] = { again: false };
    request.then(function (res) {
      if (res.ok) {
        return (res.status === 204 ? Promise.resolve(null) : res.json()).then(function (a) {
          setVersion(fs, a ? a.version : null);
          done();
          mark(fs, 'saved', 'Saved');
        });
      }
      if (res.status === 429 || res.status === 503) {
        // busy or database unavailable: keep the answer and send it again after Retry-After
        finish(key);
        mark(fs, 'offline', 'Not saved yet: the server asked us to wait. It will be saved automatically.');
        overallStatus();
        scheduleRetry(retryAfter(res));
        return;
      }
      return res.json().catch(function () { return {}; }).then(function (p) {
        delete pending[key];
        savePending(pending);
        var message;
        // switch on the problem's kind (its type URI), never on its wording
        var kind = (p.type || '').replace(/^.*\/problems\//, '');
        if (kind === 'submitted') {
          message = 'This survey was already submitted; answers can no longer change.';
        } else if (kind === 'not-visible') {
          message = 'This question does not apply with your other answers, so it was not saved.';
        } else if (kind === 'stale-version' || res.status === 409) {
          message = 'This answer was changed in another window or tab. Reload the page to see the latest answer, then change it again.';
        } else if (kind === 'invalid-value' && fs.dataset.invalidText) {
          // the page's own words (e.g. "Enter a number from 1 to 100,000."), not the API's detail
          message = fs.dataset.invalidText;
        } else {
          message = (p.errors && p.errors[0] && p.errors[0].message) || p.detail || 'Not saved.';
          message = message.charAt(0).toUpperCase() + message.slice(1) + '.';
          message = message.replace(/\.\.$/, '.');
        }
        finish(key);
        mark(fs, 'error', 'Not saved. ' + message);
        overallStatus();
      });
    }).catch(function () {
      // no connection or server down: keep it pending and retry
      finish(key);
      mark(fs, 'offline', 'Not saved yet: no connection to the server. It will be saved automatically when the connection is back.');
      overallStatus();
      scheduleRetry();
    });

    function done() {
      delete pending[key];
      savePending(pending);
      finish(key);
      updateVisibility();
      refreshProgress();
      overallStatus();
    }
  }

  function finish(key) {
    var again = inFlight[key] && inFlight[key].again;
    delete inFlight[key];
    if (again) { save(fieldset(key)); }
  }

  // seconds from a 429/503 answer's Retry-After header (1..300), 4 when absent
  function retryAfter(res) {
    var s = parseInt(res.headers.get('Retry-After') || '', 10);
    return isNaN(s) ? 4 : Math.min(300, Math.max(1, s));
  }

  function scheduleRetry(seconds) {
    if (retryTimer) { return; }
    retryTimer = setTimeout(function () { retryTimer = null; retryPending(); }, (seconds || 4) * 1000);
  }

  function retryPending() {
    Object.keys(pending).forEach(function (key) {
      var fs = fieldset(key);
      if (fs) { save(fs); }
    });
    Object.keys(pending).forEach(function (key) {
      if (fieldset(key) || sending[key]) { return; }
      // an answer typed on another page of this survey: send it as it was, with its version
      var v = pending[key];
      var url = api + '/answers/' + encodeURIComponent(key);
      var request;
      if (v.clear) {
        if (!v.version) { delete pending[key]; savePending(pending); return; }
        request = fetch(url + '?version=' + encodeURIComponent(v.version), { method: 'DELETE' });
      } else {
        var body = v.notApplicable ? { notApplicable: true } : { value: v.value };
        if (v.version) { body.version = parseInt(v.version, 10); }
        request = fetch(url, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      }
      sending[key] = true;
      request.then(function (res) {
        delete sending[key];
        if (res.status === 429 || res.status === 503) { overallStatus(); scheduleRetry(retryAfter(res)); return; }
        delete pending[key];
        savePending(pending);
        if (!res.ok) { conflicts.push(key); }
        overallStatus();
        afterRetry();
      }).catch(function () { delete sending[key]; overallStatus(); scheduleRetry(); });
    });
  }

  // visibleWhen: {question, anyOf, noneOf}; a question whose condition refers to a hidden
  // question is hidden too. Questions on other pages keep the server's decision.
  function updateVisibility() {
    var changed = true;
    var guard = 0;
    while (changed && guard++ < 10) {
      changed = false;
      fieldsets().forEach(function (fs) {
        if (!fs.dataset.visibleWhen) { return; }
        var cond = JSON.parse(fs.dataset.visibleWhen);
        var ref = fieldset(cond.question);
        if (!ref) { return; }
        var v = ref.hidden ? { clear: true } : valueOf(ref);
        var chosen = v.clear || v.notApplicable || v.invalid ? null : (Array.isArray(v.value) ? v.value.map(String) : [String(v.value)]);
        var visible = chosen !== null;
        if (visible && cond.anyOf && cond.anyOf.length) {
          visible = cond.anyOf.some(function (c) { return chosen.indexOf(c) >= 0; });
        }
        if (visible && cond.noneOf && cond.noneOf.length) {
          visible = !cond.noneOf.some(function (c) { return chosen.indexOf(c) >= 0; });
        }
        if (fs.hidden === visible) { fs.hidden = !visible; changed = true; }
      });
    }
  }

  function refreshProgress() {
    fetch(api + '/progress', { headers: { 'Accept': 'application/json' } }).then(function (res) {
      return res.ok ? res.json() : null;
    }).then(function (p) {
      if (!p) { return; }
      var pct = p.requiredTotal === 0 ? 100 : Math.round(100 * p.requiredAnswered / p.requiredTotal);
      document.querySelectorAll('[data-overall-count]').forEach(function (c) {
        c.textContent = p.requiredAnswered + ' of ' + p.requiredTotal;
      });
      // the target grows as answers reveal required follow-ups: say so instead of only jumping
      document.querySelectorAll('[data-follow-ups]').forEach(function (c) {
        var n = p.requiredFollowUps || 0;
        c.textContent = n > 0 ? ' (+' + n + ' follow-up question' + (n === 1 ? '' : 's') + ')' : '';
      });
      var bar = document.querySelector('[data-overall-bar]');
      if (bar) {
        bar.setAttribute('aria-valuenow', String(pct));
        bar.firstElementChild.style.width = pct + '%';
      }
      document.querySelectorAll('[data-overall-fill]').forEach(function (f) { f.style.width = pct + '%'; });
      p.sections.forEach(function (s) {
        var li = document.querySelector('li[data-section="' + cssEscape(s.key) + '"] [data-section-count]');
        if (li) { li.textContent = s.requiredTotal === 0 ? s.answered + ' answered' : s.requiredAnswered + '/' + s.requiredTotal; }
      });
    }).catch(function () { /* progress refresh is best effort */ });
  }

  if (!form) {
    statusEl = document.querySelector('.submit-form .hint') ? document.createElement('p') : null;
    if (statusEl) {
      statusEl.setAttribute('role', 'status');
      document.querySelector('.submit-form').appendChild(statusEl);
    }
    var submitForm = document.querySelector('form.submit-form');
    if (submitForm) {
      submitForm.addEventListener('submit', function (e) {
        if (Object.keys(pending).length === 0) { return; }
        e.preventDefault();
        if (!navigator.onLine) { overallStatus(); return; }
        afterRetry = function () { if (Object.keys(pending).length === 0 && conflicts.length === 0) { submitForm.submit(); } };
        retryPending();
      });
    }
    window.addEventListener('online', retryPending);
    retryPending();
    if (Object.keys(pending).length > 0) { overallStatus(); }
    return;
  }

  var debounce = {};
  fieldsets().forEach(function (fs) {
    fs.addEventListener('change', function (e) {
      var t = e.target;
      if (fs.dataset.type === 'MULTI' && t.type === 'checkbox' && t.checked && t.name.indexOf('q.') === 0) {
        var exclusive = ['none', 'dont_know'];
        fs.querySelectorAll('input[type=checkbox][name="' + t.name + '"]').forEach(function (other) {
          if (other !== t && (exclusive.indexOf(t.value) >= 0 || exclusive.indexOf(other.value) >= 0)) { other.checked = false; }
        });
      }
      updateVisibility();
      save(fs);
    });
    fs.addEventListener('input', function (e) {
      var t = e.target;
      if (t.tagName === 'TEXTAREA') {
        var c = fs.querySelector('[data-count]');
        if (c) { c.textContent = String(t.value.length); }
      }
      if (t.tagName === 'TEXTAREA' || t.type === 'number') {
        clearTimeout(debounce[fs.dataset.key]);
        debounce[fs.dataset.key] = setTimeout(function () { delete debounce[fs.dataset.key]; save(fs); }, 900);
      }
    });
    // "Clear answer": with the script, unpick the choice here and remove the saved answer (DELETE)
    var clear = fs.querySelector('button.clear-answer');
    if (clear) {
      clear.addEventListener('click', function (e) {
        e.preventDefault();
        applyValue(fs, { clear: true });
        updateVisibility();
        save(fs);
      });
    }
    // "Not applicable" and an answer exclude each other
    var na = fs.querySelector('input[name^="na."]');
    if (na) {
      fs.addEventListener('change', function (e) {
        if (e.target === na && na.checked) { applyValue(fs, { notApplicable: true }); }
        else if (e.target !== na && na.checked && e.target.name && e.target.name.indexOf('q.') === 0) { na.checked = false; }
      }, true);
    }
  });

  // Answers typed before a reload or while offline are put back and sent again.
  Object.keys(pending).forEach(function (key) {
    var fs = fieldset(key);
    if (!fs) { return; }
    if ((pending[key].version || '') !== (fs.dataset.version || '')) {
      // changed elsewhere since this change was typed: show the stored answer, do not overwrite it
      delete pending[key];
      savePending(pending);
      mark(fs, 'error', 'Your earlier change to this answer was not saved: it was changed elsewhere meanwhile. The answer shown is the saved one.');
      return;
    }
    applyValue(fs, pending[key]);
  });
  window.addEventListener('online', retryPending);
  window.addEventListener('offline', overallStatus);
  window.addEventListener('beforeunload', function (e) {
    if (leaving) { return; }
    if (Object.keys(pending).length > 0 || Object.keys(inFlight).length > 0) { e.preventDefault(); e.returnValue = ''; }
  });
  // With the script running, leaving the page needs no form post: answers are saved already.
  form.addEventListener('submit', function (e) {
    var go = e.submitter && e.submitter.value;
    if (!navigator.onLine) {
      e.preventDefault();
      overallStatus();
      return;
    }
    leaving = true;
    e.preventDefault();
    // answers still being typed are sent now; saves under way are awaited (a form post racing
    // them would carry the old version and be refused as changed elsewhere)
    Object.keys(debounce).forEach(function (key) {
      clearTimeout(debounce[key]);
      delete debounce[key];
      var fs = fieldset(key);
      if (fs) { save(fs); }
    });
    var target = go === 'previous' ? form.dataset.previous : form.dataset.next;
    (function proceed() {
      if (Object.keys(inFlight).length > 0) { setTimeout(proceed, 100); return; }
      if (Object.keys(pending).length === 0) { window.location.href = target; return; }
      // some answers are still unsaved (server busy): the form post carries them
      var g = document.createElement('input');
      g.type = 'hidden'; g.name = 'go'; g.value = go === 'previous' ? 'previous' : 'next';
      form.appendChild(g);
      HTMLFormElement.prototype.submit.call(form);
    }());
  });
  updateVisibility();
  retryPending();
  if (Object.keys(pending).length > 0) { overallStatus(); }
  var errorBox = document.getElementById('form-errors');
  if (errorBox) { errorBox.focus(); }

  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&'); }
}());
