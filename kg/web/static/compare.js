// The comparison page's charts (Chart.js, bundled: no request leaves the site). Each chart's figures
// are also in the table beside it, which is what screen readers and printouts use.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  var texts = JSON.parse(document.getElementById("chart-texts").textContent);
  var colours = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#66a182", "#8d6a9f"];
  var kindColours = {"advisory-body": "#1b6ca8", "plan": "#edae49", "project": "#66a182", "event": "#d1495b"};

  function canvas(name) {
    return document.querySelector('canvas[data-chart="' + name + '"]');
  }

  function bars(name, source, keys) {
    new Chart(canvas(name), {
      type: "bar",
      data: {
        labels: data.bars.cities,
        datasets: keys.map(function (key, i) {
          return {label: texts.bars[key], backgroundColor: colours[i % colours.length],
                  data: data.bars[source].map(function (city) { return city[key]; })};
        })
      },
      options: {animation: false, responsive: true, scales: {y: {beginAtZero: true}}}
    });
  }

  function timeline() {
    var rows = data.timeline;
    var element = canvas("timeline");
    // the axis spans the recorded years (a bar chart's value axis would otherwise start at 0)
    var first = Math.min.apply(null, rows.map(function (t) { return t.begin; }).concat([texts.today]));
    var last = Math.max.apply(null, rows.map(function (t) { return t.end === null ? t.begin : t.end; }).concat([texts.today]));
    element.parentNode.style.height = Math.max(200, 40 + rows.length * 16) + "px";
    new Chart(element, {
      type: "bar",
      data: {
        labels: rows.map(function (t) { return t.city + " · " + texts.kinds[t.kind] + " · " + t.label.slice(0, 50); }),
        datasets: [{
          label: "",
          // a thing without an end runs to the date; one of a day or a year is drawn at least a few months wide
          data: rows.map(function (t) {
            var end = t.end === null ? Math.max(texts.today, t.begin) : t.end;
            return [t.begin, Math.max(end, t.begin + 0.25)];
          }),
          backgroundColor: rows.map(function (t) { return kindColours[t.kind] || "#888"; })
        }]
      },
      options: {
        animation: false, indexAxis: "y", maintainAspectRatio: false,
        plugins: {legend: {display: false}},
        scales: {x: {type: "linear", min: Math.floor(first) - 1, max: Math.ceil(last) + 1, ticks: {precision: 0, callback: function (v) { return Math.floor(v); }}},
                 y: {ticks: {autoSkip: false, font: {size: 10}}}}
      }
    });
  }

  bars("counts", "counts", ["advisory_bodies", "mo_networks", "project_sites", "events"]);
  bars("members", "counts", ["member_organisations"]);
  bars("per_capita", "per_capita", ["mo_per_100k", "events_per_100k"]);
  timeline();
})();
