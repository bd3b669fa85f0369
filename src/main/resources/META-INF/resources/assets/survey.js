// Bearing survey page script: saves every answer as it changes through the JSON API, shows the
// save state, keeps unsaved answers in localStorage (safe across tabs) and sends them when the
// connection is back, shows and hides questions by their visibleWhen condition, and shows the
// progress the server computes. Without this script the forms still work: each section posts
// (Next, Previous and the section list are buttons of the section's form) and redirects.
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
  var statusEl = document.getElementById('save-status');
  var inFlight = {};
  var conflicts = [];
  var leaving = false;
  var retryTimer = null;
  var afterFlush = function () {};

  // ---------------------------------------------------------------------------------------
  // The queue of unsaved answers, shared by every tab of this survey through localStorage.
  // One entry per question and page load ("tab"): bearing.q.<token>|<question key>|<tab id>,
  // holding the answer and the version it was typed on. A tab writes and removes only its own
  // entries, so two tabs never overwrite each other's; it sends its own entries, and those of
  // tabs that are gone (no longer holding their Web Lock). Two tabs that changed one question
  // from the same version both send it: the server takes the first and refuses the second as
  // stale (409), which that tab reports and answers by showing the stored answer. Sends are
  // serialised across tabs by a Web Lock, so no entry is sent twice at once.
  // ---------------------------------------------------------------------------------------
  var tabId = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
  var prefix = 'bearing.q.' + token + '|';
  var memory = {};
  var locks = navigator.locks && navigator.locks.request ? navigator.locks : null;
  if (locks) {
    // held while this page lives: other tabs see which entries still have a living owner
    locks.request('bearing.tab.' + tabId, function () { return new Promise(function () {}); });
  }

  var store = {
    get: function (k) {
      try { var s = window.localStorage.getItem(k); return s ? JSON.parse(s) : null; } catch (e) { return memory[k] || null; }
    },
    set: function (k, v) {
      try { window.localStorage.setItem(k, JSON.stringify(v)); } catch (e) { memory[k] = v; }
    },
    remove: function (k) {
      try { window.localStorage.removeItem(k); } catch (e) { /* memory only */ }
      delete memory[k];
    },
    keys: function () {
      var out = Object.keys(memory);
      try {
        for (var i = 0; i < window.localStorage.length; i++) { out.push(window.localStorage.key(i)); }
      } catch (e) { /* memory only */ }
      return out.filter(function (k, i) { return k.indexOf(prefix) === 0 && out.indexOf(k) === i; });
    }
  };
  function entryKey(question, tab) { return prefix + question + '|' + tab; }
  // every queued entry of this survey: {id, question, tab, value..., version, seq}
  function entries() {
    return store.keys().map(function (k) {
      var e = store.get(k);
      if (!e) { return null; }
      var parts = k.slice(prefix.length).split('|');
      e.id = k; e.tab = parts.pop(); e.question = parts.join('|');
      return e;
    }).filter(Boolean);
  }
  function own(question) { return store.get(entryKey(question, tabId)); }
  function ownKeys() { return entries().filter(function (e) { return e.tab === tabId; }).map(function (e) { return e.question; }); }
  var seq = 0;
  function enqueue(question, v) {
    v.seq = ++seq;
    v.at = Date.now();
    store.set(entryKey(question, tabId), v);
  }
  function dequeue(question, sentSeq) {
    var e = own(question);
    if (e && (sentSeq === undefined || e.seq === sentSeq)) { store.remove(entryKey(question, tabId)); }
  }
  function withLock(name, fn) {
    return locks ? locks.request(name, fn) : Promise.resolve().then(fn);
  }
  // entries of pages that are closed: nobody else will send them
  function orphans() {
    var all = entries().filter(function (e) { return e.tab !== tabId; });
    if (!locks || !locks.query) { return Promise.resolve(all.filter(function (e) { return Date.now() - e.at > 60000; })); }
    return locks.query().then(function (state) {
      var living = (state.held || []).map(function (l) { return l.name; });
      return all.filter(function (e) { return living.indexOf('bearing.tab.' + e.tab) < 0; });
    });
  }
  function waiting() { return entries().length; }

  // ---------------------------------------------------------------------------------------
  // The question types, the one place in this script that tells them apart: how to read a
  // question's inputs into the value the API takes, and how to put a value back into them.
  // ---------------------------------------------------------------------------------------
  var choice = {
    read: function (inputs, type) {
      var checked = inputs.filter(function (i) { return i.checked; })[0];
      if (!checked) { return { clear: true }; }
      return { value: type === 'SCALE' ? parseInt(checked.value, 10) : checked.value };
    },
    write: function (inputs, v) {
      inputs.forEach(function (i) { i.checked = !v.clear && !v.notApplicable && String(v.value) === i.value; });
    }
  };
  var types = {
    SINGLE: choice,
    SCALE: choice,
    MULTI: {
      read: function (inputs) {
        var values = inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
        return values.length ? { value: values } : { clear: true };
      },
      write: function (inputs, v) {
        var vals = Array.isArray(v.value) ? v.value.map(String) : [];
        inputs.forEach(function (i) { i.checked = !v.clear && !v.notApplicable && vals.indexOf(i.value) >= 0; });
      }
    },
    NUMBER: {
      read: function (inputs) {
        var typed = inputs[0].value.trim();
        // "1.000" in a whole-number field: thousands in some countries, decimals in others; read as a
        // decimal it would be saved as 1, so ask for it without a separator, as the server does
        if (inputs[0].step === '1' && /^[+-]?\d{1,3}([.,]\d{3})+$/.test(typed)) {
          return { invalid: 'Enter the number without a separator, e.g. 1000: a comma or full stop before three digits marks thousands in some countries and decimals in others.' };
        }
        var raw = typed.replace(',', '.');
        if (raw === '') { return inputs[0].validity && inputs[0].validity.badInput ? { invalid: 'Enter a number.' } : { clear: true }; }
        var n = Number(raw);
        return isFinite(n) ? { value: n } : { invalid: 'Enter a number.' };
      },
      write: function (inputs, v) { inputs[0].value = v.clear || v.notApplicable ? '' : String(v.value); }
    },
    TEXT: {
      read: function (inputs) {
        var t = inputs[0].value;
        return t.trim() === '' ? { clear: true } : { value: t };
      },
      write: function (inputs, v) {
        inputs[0].value = v.clear || v.notApplicable ? '' : String(v.value);
        var c = inputs[0].closest('fieldset').querySelector('[data-count]');
        if (c) { c.textContent = String(inputs[0].value.length); }
      }
    }
  };
  function inputsOf(fs) {
    var name = 'q.' + fs.dataset.key;
    return Array.prototype.filter.call(fs.querySelectorAll('input, textarea'), function (i) { return i.name === name; });
  }
  function naOf(fs) { return fs.querySelector('input[name="na.' + cssEscape(fs.dataset.key) + '"]'); }

  // The current value of a question as the API takes it, or {clear: true} when emptied.
  function valueOf(fs) {
    var na = naOf(fs);
    if (na && na.checked) { return { notApplicable: true }; }
    return types[fs.dataset.type].read(inputsOf(fs), fs.dataset.type);
  }

  function applyValue(fs, v) {
    var na = naOf(fs);
    if (na) { na.checked = !!v.notApplicable; }
    types[fs.dataset.type].write(inputsOf(fs), v);
  }

  function fieldsets() { return form ? Array.prototype.slice.call(form.querySelectorAll('fieldset.question')) : []; }
  function fieldset(key) { return form ? document.getElementById('q-' + key) : null; }

  function mark(fs, state, message) {
    var s = fs.querySelector('[data-status]');
    var err = fs.querySelector('.field-error');
    s.className = 'field-status ' + state;
    fs.classList.toggle('has-error', state === 'error');
    if (state === 'error') { err.textContent = message; s.textContent = ''; }
    else { err.textContent = ''; s.textContent = message || ''; }
  }

  function overallStatus() {
    var count = waiting();
    if (!statusEl) { return; }
    if (conflicts.length > 0) {
      statusEl.className = 'save-status error';
      statusEl.textContent = conflicts.length + ' answer(s) typed earlier could not be saved because they were changed elsewhere meanwhile: '
        + conflicts.join(', ') + '. Open those questions to check them.';
    } else if (count > 0 && !navigator.onLine) {
      statusEl.className = 'save-status offline';
      statusEl.textContent = 'You are offline. ' + count + ' answer(s) are kept in this browser and will be saved when the connection is back; do not close this page.';
    } else if (count > 0) {
      statusEl.className = 'save-status offline';
      statusEl.textContent = count + ' answer(s) not saved yet; retrying…';
    } else if (form && form.querySelector('fieldset.has-error')) {
      statusEl.className = 'save-status error';
      statusEl.textContent = 'Some answers were not saved; each one says why.';
    } else if (form) {
      statusEl.className = 'save-status';
      statusEl.textContent = 'All answers saved.';
    }
  }

  function setVersion(fs, version) {
    fs.dataset.version = version === null || version === undefined ? '' : String(version);
    var hidden = fs.querySelector('input[name="v.' + cssEscape(fs.dataset.key) + '"]');
    if (hidden) { hidden.value = fs.dataset.version; }
  }

  // the request that sends one queued entry: PUT the answer, or DELETE it when cleared
  function request(question, v) {
    var url = api + '/answers/' + encodeURIComponent(question);
    if (v.clear) {
      return fetch(url + '?version=' + encodeURIComponent(v.version), {
        method: 'DELETE', credentials: 'same-origin', headers: { 'Accept': 'application/json' }
      });
    }
    var body = v.notApplicable ? { notApplicable: true } : { value: v.value };
    if (v.version !== '' && v.version !== undefined && v.version !== null) { body.version = parseInt(v.version, 10); }
    return fetch(url, {
      method: 'PUT', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body)
    });
  }

  // Follow-ups whose stored answers the server removed because this answer hides them now.
  // Returns how many of them are asked on other pages (e.g. who responds out of hours, asked in
  // the monitoring section, follows up when the service is needed, asked in the first one): the
  // respondent cannot see those disappear, so the saved answer says so.
  function clearFollowUps(keys) {
    var elsewhere = 0;
    (keys || []).forEach(function (k) {
      var fs = fieldset(k);
      dequeue(k);
      if (!fs) { elsewhere++; return; }
      applyValue(fs, { clear: true });
      setVersion(fs, null);
      mark(fs, '', '');
    });
    return elsewhere;
  }

  function removedElsewhereText(n) {
    return n === 1
      ? 'Saved. 1 answer on another page followed up this one and no longer applies, so it was removed.'
      : 'Saved. ' + n + ' answers on other pages followed up this one and no longer apply, so they were removed.';
  }

  // After a save refused as stale: show the stored answer (not the refused choice) and say so.
  function showStored(fs, message, typed) {
    var key = fs.dataset.key;
    return fetch(api + '/answers', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (res) { if (!res.ok) { throw new Error('answers ' + res.status); } return res.json(); })
      .then(function (all) {
        var stored = all.filter(function (a) { return a.questionKey === key; })[0];
        applyValue(fs, stored ? (stored.notApplicable ? { notApplicable: true } : { value: stored.value }) : { clear: true });
        setVersion(fs, stored ? stored.version : null);
        // the stored answer now shown is not a change of this tab's: a later blur ("change") or a
        // pending typing pause must not send it again and replace this notice by "Saved"
        fs.dataset.shownStored = JSON.stringify(valueOf(fs));
        updateVisibility();
        mark(fs, 'error', message + (typed ? ' You had typed: ' + typed + '.' : '')
          + (stored ? ' The saved answer is shown now: ' + stored.display + '.'
          : ' It was removed there, so no answer is saved now.') + ' Change it again if needed.');
      })
      .catch(function () {
        mark(fs, 'error', message + ' Reload the page to see the latest answer, then change it again.');
      });
  }

  function save(fs) {
    var key = fs.dataset.key;
    var v = valueOf(fs);
    if (fs.dataset.shownStored !== undefined) {
      if (JSON.stringify(v) === fs.dataset.shownStored) { return; } // unchanged since the refusal: keep its notice
      delete fs.dataset.shownStored;
    }
    if (v.invalid) { mark(fs, 'error', v.invalid); return; }
    v.version = fs.dataset.version;
    if (v.clear && v.version === '' && !inFlight[key]) { dequeue(key); mark(fs, 'saved', ''); overallStatus(); return; }
    // queued at once, so a closed tab or a lost connection loses nothing
    enqueue(key, v);
    if (inFlight[key]) { return; } // sent with the new version once the save under way is answered
    mark(fs, 'saving', 'Saving…');
    flush();
  }

  // Sends this tab's queued entries (and those of closed tabs) one at a time across tabs.
  var flushing = 0;
  var stopReason = '';
  function flush() {
    flushing++;
    return withLock('bearing.send.' + token, function () {
      return orphans().then(function (foreign) {
        var mine = entries().filter(function (e) { return e.tab === tabId; });
        return mine.concat(foreign).reduce(function (chain, e) {
          return chain.then(function (go) { return go === false ? false : send(e); });
        }, Promise.resolve(true)).then(function (go) {
          if (go !== false) { return; }
          // stopped at the first entry that could not be sent: the others wait too, and say why
          entries().forEach(function (e) {
            var fs = e.tab === tabId ? fieldset(e.question) : null;
            if (fs && !inFlight[e.question]) { mark(fs, 'offline', stopReason); }
          });
        });
      });
    }).then(function () { flushing--; overallStatus(); afterFlush(); }, function () { flushing--; overallStatus(); });
  }

  // Sends one entry; resolves false when the connection or the server is not there (stop for now).
  function send(e) {
    var fs = e.tab === tabId ? fieldset(e.question) : null;
    var key = e.question;
    var current = store.get(e.id);
    if (!current || current.seq !== e.seq || (fs && inFlight[key])) { return Promise.resolve(true); } // replaced or sent meanwhile
    if (e.clear && (e.version === '' || e.version === undefined || e.version === null)) {
      // cleared before it was ever saved: nothing to remove
      store.remove(e.id);
      if (fs) { mark(fs, 'saved', ''); }
      return Promise.resolve(true);
    }
    if (fs) { inFlight[key] = { again: false }; }
    return request(key, e).then(function (res) {
      if (res.ok) {
        return res.json().catch(function () { return null; }).then(function (a) {
          var now = store.get(e.id);
          var newer = now && now.seq !== e.seq ? now : null;
          if (!newer) { store.remove(e.id); }
          if (fs) {
            setVersion(fs, a && a.version !== undefined ? a.version : null);
            // typed again while this was on its way: send the newer value on the new version
            if (newer) { newer.version = fs.dataset.version; store.set(e.id, newer); }
            finish(key, !!newer, clearFollowUps(a && a.clearedFollowUps));
          } else if (a) {
            clearFollowUps(a.clearedFollowUps);
          }
          return true;
        });
      }
      if (res.status === 429 || res.status === 503) {
        // busy or database unavailable: keep the answer and send it again after Retry-After
        stopReason = 'Not saved yet: the server asked us to wait. It will be saved automatically.';
        if (fs) { delete inFlight[key]; mark(fs, 'offline', stopReason); }
        scheduleRetry(retryAfter(res));
        return false;
      }
      return res.json().catch(function () { return {}; }).then(function (p) {
        store.remove(e.id);
        // switch on the problem's kind (its type URI), never on its wording
        var kind = (p.type || '').replace(/^.*\/problems\//, '');
        if (!fs) {
          if (fieldset(key) && kind === 'stale-version') {
            showStored(fieldset(key), 'An answer typed in another tab was not saved: this question was changed meanwhile.');
          } else {
            conflicts.push(key);
          }
          return true;
        }
        delete inFlight[key];
        if (kind === 'stale-version' || (res.status === 409 && kind !== 'submitted')) {
          dequeue(key);
          // a typed answer (number or text) is repeated in the notice, so it is not lost without a trace
          var field = inputsOf(fs)[0];
          var typed = (fs.dataset.type === 'TEXT' || fs.dataset.type === 'NUMBER') && field.value.trim() !== ''
            ? '\u201c' + field.value.trim() + '\u201d' : '';
          return showStored(fs, 'Not saved: this answer was changed in another window or tab meanwhile.', typed)
            .then(function () { return true; });
        }
        var message;
        if (kind === 'submitted') {
          message = 'This survey was already submitted; answers can no longer change.';
        } else if (kind === 'not-visible') {
          message = 'This question does not apply with your other answers, so it was not saved.';
        } else if (kind === 'invalid-value' && fs.dataset.invalidText) {
          // the page's own words (e.g. "Enter a whole number from 1 to 100,000."), not the API's detail
          message = fs.dataset.invalidText;
        } else {
          message = (p.errors && p.errors[0] && p.errors[0].message) || p.detail || 'Not saved.';
          message = message.charAt(0).toUpperCase() + message.slice(1) + '.';
          message = message.replace(/\.\.$/, '.');
        }
        dequeue(key);
        mark(fs, 'error', 'Not saved. ' + message);
        return true;
      });
    }, function () {
      // no connection or server down: the entry stays queued and is sent when the connection is back
      stopReason = 'Not saved yet: no connection to the server. It will be saved automatically when the connection is back.';
      if (fs) {
        delete inFlight[key];
        mark(fs, 'offline', stopReason);
      }
      scheduleRetry();
      return false;
    });
  }

  function finish(key, again, removedElsewhere) {
    delete inFlight[key];
    var fs = fieldset(key);
    if (again && fs) { mark(fs, 'saving', 'Saving…'); flush(); return; }
    if (fs) { mark(fs, 'saved', removedElsewhere ? removedElsewhereText(removedElsewhere) : 'Saved'); }
    updateVisibility();
    refreshProgress();
  }

  // seconds from a 429/503 answer's Retry-After header (1..300), 4 when absent
  function retryAfter(res) {
    var s = parseInt(res.headers.get('Retry-After') || '', 10);
    return isNaN(s) ? 4 : Math.min(300, Math.max(1, s));
  }

  function scheduleRetry(seconds) {
    if (retryTimer) { return; }
    retryTimer = setTimeout(function () { retryTimer = null; flush(); }, (seconds || 4) * 1000);
  }

  // visibleWhen: {question, anyOf, noneOf}; a question whose condition refers to a hidden
  // question is hidden too. The server decides with dev.bearing.questionnaire.Visibility (pages,
  // API, submit); this is the script's one copy of that rule, so a follow-up appears at once,
  // offline too. Questions on other pages keep the server's decision.
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

  // Progress as the server counts it (dev.bearing.questionnaire.Progress): the script only shows
  // the figures and words the progress API gives.
  function refreshProgress() {
    fetch(api + '/progress', { headers: { 'Accept': 'application/json' } }).then(function (res) {
      return res.ok ? res.json() : null;
    }).then(function (p) {
      if (!p) { return; }
      document.querySelectorAll('[data-overall-count]').forEach(function (c) { c.textContent = p.countText; });
      // the target grows as answers reveal required follow-ups: say so instead of only jumping
      document.querySelectorAll('[data-follow-ups]').forEach(function (c) { c.textContent = p.followUpsText; });
      var bar = document.querySelector('[data-overall-bar]');
      if (bar) {
        bar.setAttribute('aria-valuenow', String(p.percent));
        bar.firstElementChild.style.width = p.percent + '%';
      }
      document.querySelectorAll('[data-overall-fill]').forEach(function (f) { f.style.width = p.percent + '%'; });
      p.sections.forEach(function (s) {
        var li = document.querySelector('li[data-section="' + cssEscape(s.key) + '"] [data-section-count]');
        if (li) { li.textContent = s.countText; }
      });
    }).catch(function () { /* progress refresh is best effort */ });
  }

  window.addEventListener('online', function () { flush(); });
  window.addEventListener('offline', overallStatus);

  // ---------------------------------------------------------------------------------------
  // The review page: submit only once every queued answer is saved; offline, say that the
  // survey will be submitted when the connection is back, and do it then.
  // ---------------------------------------------------------------------------------------
  if (!form) {
    var submitForm = document.querySelector('form.submit-form');
    if (submitForm) {
      statusEl = document.createElement('p');
      statusEl.setAttribute('role', 'status');
      statusEl.id = 'submit-status';
      submitForm.appendChild(statusEl);
    }
    var submitButton = submitForm && submitForm.querySelector('button[type=submit]');
    var submitting = false;
    var posting = false;
    var trySubmit = function () {
      if (!submitting || posting) { return; }
      if (conflicts.length > 0) {
        submitting = false;
        submitButton.disabled = false;
        statusEl.className = 'save-status error';
        statusEl.textContent = 'Not submitted: ' + conflicts.length + ' answer(s) typed earlier could not be saved because they were '
          + 'changed elsewhere meanwhile (' + conflicts.join(', ') + '). Check them in their sections, then submit again.';
        return;
      }
      var count = waiting();
      if (count > 0) {
        statusEl.className = 'save-status offline';
        statusEl.textContent = (navigator.onLine ? count + ' answer(s) are still being saved. '
          : 'You are offline. ' + count + ' answer(s) are kept in this browser. ')
          + 'Your survey will be submitted as soon as they are saved; keep this page open.';
        scheduleRetry();
        return;
      }
      posting = true;
      fetch(api + '/submit', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: '{}'
      }).then(function (res) {
        posting = false;
        if (res.ok) { window.location.href = '/survey/' + encodeURIComponent(token) + '/thanks'; return; }
        if (res.status === 422) { window.location.href = '/survey/' + encodeURIComponent(token) + '/review?incomplete=true'; return; }
        if (res.status === 429 || res.status === 503) {
          statusEl.className = 'save-status offline';
          statusEl.textContent = 'The server is busy. Your survey will be submitted in a moment; keep this page open.';
          setTimeout(trySubmit, retryAfter(res) * 1000);
          return;
        }
        submitting = false;
        submitButton.disabled = false;
        statusEl.className = 'save-status error';
        statusEl.textContent = 'Not submitted: the server refused (' + res.status + '). Your answers are saved; reload the page and try again.';
      }, function () {
        posting = false;
        statusEl.className = 'save-status offline';
        statusEl.textContent = 'You are offline. Your answers are saved; your survey will be submitted when the connection is back. Keep this page open.';
        setTimeout(trySubmit, 4000);
      });
    };
    if (submitForm) {
      submitForm.addEventListener('submit', function (e) {
        e.preventDefault();
        if (submitting) { return; }
        submitting = true;
        statusEl.className = 'save-status';
        statusEl.textContent = 'Submitting…';
        flush().then(trySubmit);
      });
      afterFlush = trySubmit;
      window.addEventListener('online', function () { setTimeout(trySubmit, 0); });
      window.addEventListener('storage', function (e) { if (e.key && e.key.indexOf(prefix) === 0) { trySubmit(); } });
    }
    flush();
    if (waiting() > 0) { overallStatus(); }
    return;
  }

  // ---------------------------------------------------------------------------------------
  // A section page.
  // ---------------------------------------------------------------------------------------
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
    var na = naOf(fs);
    if (na) {
      fs.addEventListener('change', function (e) {
        if (e.target === na && na.checked) { applyValue(fs, { notApplicable: true }); }
        else if (e.target !== na && na.checked && e.target.name && e.target.name.indexOf('q.') === 0) { na.checked = false; }
      }, true);
    }
  });

  // Answers typed before a reload, or in a tab since closed, are put back and sent again (as this
  // tab's own); one typed on a version since changed is not: the stored answer is shown.
  orphans().then(function (foreign) {
    foreign.forEach(function (e) {
      var fs = fieldset(e.question);
      if (!fs) { return; }
      store.remove(e.id);
      if ((e.version || '') !== (fs.dataset.version || '')) {
        mark(fs, 'error', 'Your earlier change to this answer was not saved: it was changed elsewhere meanwhile. The answer shown is the saved one.');
        return;
      }
      applyValue(fs, e);
      enqueue(e.question, { value: e.value, clear: e.clear, notApplicable: e.notApplicable, version: e.version });
    });
    updateVisibility();
    flush();
  });
  window.addEventListener('beforeunload', function (e) {
    if (leaving) { return; }
    if (ownKeys().length > 0 || Object.keys(inFlight).length > 0) { e.preventDefault(); e.returnValue = ''; }
  });
  // With the script running, leaving the page needs no form post: answers are saved already.
  // Next, Previous and the section list (buttons of this form) go where they say.
  form.addEventListener('submit', function (e) {
    var submitter = e.submitter;
    var name = submitter ? submitter.name : 'go';
    var go = submitter ? submitter.value : 'next';
    if (name === 'clear') { e.preventDefault(); return; }
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
    var base = '/survey/' + encodeURIComponent(token);
    var target = name === 'goto' ? (go === 'review' ? base + '/review' : base + '/s/' + encodeURIComponent(go))
      : (go === 'previous' ? form.dataset.previous : form.dataset.next);
    (function proceed() {
      if (flushing > 0 || Object.keys(inFlight).length > 0) { setTimeout(proceed, 100); return; }
      if (ownKeys().length === 0) { window.location.href = target; return; }
      // some answers are still unsaved (server busy): the form post carries them, so they leave the queue
      ownKeys().forEach(function (k) { if (fieldset(k)) { dequeue(k); } });
      var g = document.createElement('input');
      g.type = 'hidden'; g.name = name; g.value = go;
      form.appendChild(g);
      HTMLFormElement.prototype.submit.call(form);
    }());
  });
  updateVisibility();
  if (waiting() > 0) { overallStatus(); }
  var errorBox = document.getElementById('form-errors');
  if (errorBox) { errorBox.focus(); }

  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, '\\$&'); }
}());
