// Draws every <canvas data-chart="..."> with Chart.js (served from the webjar, never a CDN).
// The figures come from the server as JSON in the attribute, already rounded as the tables show them.
(function () {
  var colours = ['#0b5cad', '#1e7a3c', '#a35a00', '#7a3ca3', '#b3261e', '#5b6673'];
  function draw(canvas) {
    var data = JSON.parse(canvas.dataset.chart);
    var axes = {};
    var datasets = data.series.map(function (s, i) {
      axes[s.axis] = true;
      var dashed = /90 %/.test(s.label);
      return {
        label: s.label, data: s.values, yAxisID: s.axis, spanGaps: false, tension: 0.2,
        borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length],
        borderDash: dashed ? [4, 4] : [], pointRadius: dashed ? 0 : 3
      };
    });
    var scales = {};
    Object.keys(axes).forEach(function (axis, i) {
      scales[axis] = { position: i === 0 ? 'left' : 'right', title: { display: true, text: axis === 'nps' ? 'NPS' : 'score / index' },
                       grid: { drawOnChartArea: i === 0 } };
    });
    canvas.chart = new Chart(canvas, {
      type: 'line', data: { labels: data.labels, datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: scales,
                 plugins: { legend: { position: 'bottom' } } }
    });
    canvas.setAttribute('data-drawn', 'true');
  }
  document.querySelectorAll('canvas[data-chart]').forEach(draw);
})();
