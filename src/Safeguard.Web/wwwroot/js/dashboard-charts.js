// Draws each dashboard chart with Chart.js from the figures in its canvas's data-chart attribute.
// The page has no inline script: the figures travel as data and this file draws them.
// A missing figure is null: the line breaks there and is never drawn as zero.
(function () {
  'use strict'
  if (typeof window.Chart === 'undefined') {
    return
  }

  var colours = ['#1d70b8', '#d4351c', '#00703c', '#6f72af']
  var dashes = [[], [6, 4], [2, 3], [8, 3, 2, 3]]

  function number (value, percentage) {
    if (value === null || value === undefined) {
      return 'no figure'
    }
    return value.toLocaleString('en-GB') + (percentage ? '%' : '')
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var data = JSON.parse(canvas.getAttribute('data-chart'))
    var datasets = [{
      label: data.label,
      data: data.values,
      borderColor: colours[0],
      backgroundColor: colours[0],
      borderWidth: 3,
      pointRadius: 4,
      spanGaps: false
    }]
    data.benchmarks.forEach(function (benchmark, index) {
      datasets.push({
        label: benchmark.label,
        data: benchmark.values,
        borderColor: colours[(index + 1) % colours.length],
        backgroundColor: colours[(index + 1) % colours.length],
        borderDash: dashes[(index + 1) % dashes.length],
        borderWidth: 2,
        pointRadius: 0,
        spanGaps: false
      })
    })
    var chart = new window.Chart(canvas, {
      type: 'line',
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        aspectRatio: 2,
        scales: {
          y: { beginAtZero: true, title: { display: true, text: data.unit } }
        },
        plugins: {
          legend: { display: datasets.length > 1 },
          tooltip: {
            callbacks: {
              label: function (context) {
                return context.dataset.label + ': ' + number(context.raw, data.percentage)
              }
            }
          }
        }
      }
    })
    canvas.setAttribute('data-chart-drawn', String(chart.data.labels.length))
  })
})()
