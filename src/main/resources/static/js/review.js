// Draws the review dashboards' charts from the JSON in each .review-chart's data-chart attribute
// (the content security policy forbids inline scripts). A chart holds either rates (percent, 0 to 100) or averages of
// one unit (days, minutes, rounds), never both; a gap means no items.
(function () {
  'use strict';

  function draw(element) {
    var data = JSON.parse(element.getAttribute('data-chart'));
    var chart = window.echarts.init(element, null, { renderer: 'svg' });
    var narrow = element.clientWidth < 500;
    var percent = data.percent !== false;
    var unit = data.unit || '%';
    var suffix = percent ? '%' : ' ' + unit;
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + suffix; } },
      legend: { top: 0, type: 'scroll', itemGap: 18 },
      // An average's axis carries its unit as a name above it, below the legend.
      grid: { left: 8, right: 8, top: percent ? 40 : 64, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category',
        data: data.categories,
        axisLabel: { interval: 0, rotate: narrow || data.categories.length > 6 ? 40 : 0, width: 90, overflow: 'truncate' }
      },
      yAxis: percent
        ? { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } }
        : { type: 'value', min: 0, name: data.title || unit, nameTextStyle: { align: 'left' }, axisLabel: { formatter: '{value}' } },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', data: s.data, barMaxWidth: 28 };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function start() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('.review-chart[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
