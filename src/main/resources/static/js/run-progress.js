// Follows a run on its progress page: polls the progress JSON every second and redraws the steps until the run ends.
(function () {
  var main = document.getElementById('run-progress');
  if (!main) {
    return;
  }
  var source = main.getAttribute('data-source');

  function show(view) {
    document.getElementById('run-state').textContent = view.state;
    document.getElementById('current').textContent = view.currentStep ? 'Now: ' + view.currentStep : '';
    document.getElementById('rate').textContent = view.currentStep ? '(' + view.rowsPerSecond + ' rows/s)' : '';
    document.getElementById('rows-read').textContent = view.rowsRead;
    view.steps.forEach(function (step) {
      var row = main.querySelector('tr[data-step="' + step.name + '"]');
      if (!row) {
        return;
      }
      row.querySelector('.step-status').textContent = step.status;
      row.querySelector('.step-rows').textContent = step.rowsRead;
      row.querySelector('.step-rate').textContent = step.rowsPerSecond;
      row.querySelector('.step-seconds').textContent = step.seconds.toFixed(1);
    });
    if (view.ended) {
      document.getElementById('ended-state').textContent = view.state;
      document.getElementById('note').textContent = view.note || '';
      document.getElementById('ended').hidden = false;
      var restart = document.getElementById('restart-form');
      if (restart) {
        restart.hidden = view.state !== 'FAILED';
      }
    }
    return view.ended;
  }

  function poll() {
    fetch(source, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.json(); })
      .then(function (view) {
        if (!show(view)) {
          setTimeout(poll, 1000);
        }
      })
      .catch(function () { setTimeout(poll, 3000); });
  }

  poll();
})();
