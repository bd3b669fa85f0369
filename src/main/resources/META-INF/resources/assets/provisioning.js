// Provisioning pages. A form marked data-busy (plan, tear-down preview: they wait for cfn-lint
// and a change set, up to a minute) says what is happening once sent and is not sent twice.
// The run page: while the run is active, read its JSON every 2 s and show the state and the
// stack's events; when it has finished, reload the page, which then shows outputs or the failure.
// A file, not inline: the Content-Security-Policy allows no inline script.
(function () {
  document.querySelectorAll('form[data-busy]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (form.getAttribute('aria-busy') === 'true') { event.preventDefault(); return; }
      form.setAttribute('aria-busy', 'true');
      var note = form.querySelector('.busy-note');
      if (note) { note.textContent = form.getAttribute('data-busy'); }
      var button = form.querySelector('button[type=submit]');
      if (button) { button.setAttribute('aria-disabled', 'true'); }
    });
  });
})();
(function () {
  var table = document.querySelector('[data-progress-url]');
  if (!table) { return; }
  var url = table.getAttribute('data-progress-url');
  var state = document.getElementById('run-state');
  var stackStatus = document.getElementById('run-stack-status');
  var reason = document.getElementById('run-reason');
  var body = table.querySelector('tbody');
  var shown = -1;
  // each cell labelled with its column's heading, as the page's own rows (a card per row on a phone)
  var labels = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent; });
  function cell(row, text) {
    var td = document.createElement('td'); td.textContent = text || '';
    td.setAttribute('data-label', labels[row.children.length] || ''); row.appendChild(td);
  }
  function show(run) {
    state.textContent = run.state;
    stackStatus.textContent = run.status || '';
    reason.textContent = run.statusReason || '';
    if (run.events.length !== shown) {
      shown = run.events.length;
      body.textContent = '';
      run.events.forEach(function (e) {
        var tr = document.createElement('tr');
        cell(tr, new Date(e.at).toUTCString()); cell(tr, e.logicalId); cell(tr, e.resourceType);
        cell(tr, e.status); cell(tr, e.reason);
        body.appendChild(tr);
      });
    }
    if (run.state !== 'EXECUTING' && run.state !== 'PLANNING') { window.location.reload(); return; }
    setTimeout(poll, 2000);
  }
  function poll() {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(show)
      .catch(function () { setTimeout(poll, 5000); });
  }
  setTimeout(poll, 1000);
})();
