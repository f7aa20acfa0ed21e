/*
 * The newsroom's charts: reads GET /newsroom/data/stats (the report of GET /api/stats/feeds) and draws, into each
 * <div class="chart" data-feed="..."> of the page, the feed's estimated subscribers and polls per UTC day with uPlot.
 * Each chart div then carries what it plots: data-days, data-subscribers (empty on days the report has no entry for)
 * and data-polls, comma-separated, and data-drawn="true".
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var charts = document.getElementById("charts");
  var status = document.getElementById("charts-status");
  if (!charts) {
    return;
  }
  if (typeof window.uPlot !== "function") {
    say("The chart library did not load; the table below has the same numbers.");
    return;
  }

  function say(text) {
    if (status) {
      status.textContent = text;
    }
  }

  /** Every UTC day from "from" to "to" (YYYY-MM-DD), both included. */
  function daysBetween(from, to) {
    var days = [];
    for (var t = Date.parse(from + "T00:00:00Z"), end = Date.parse(to + "T00:00:00Z"); t <= end; t += DAY_MS) {
      days.push(new Date(t).toISOString().slice(0, 10));
    }
    return days;
  }

  /** The series of one feed: x in seconds, subscribers (null on days the report has no entry for), polls (0 then). */
  function series(feed, days) {
    var byDay = {};
    feed.days.forEach(function (d) {
      byDay[d.day] = d;
    });
    var xs = [], subscribers = [], polls = [];
    days.forEach(function (day) {
      var d = byDay[day];
      xs.push(Date.parse(day + "T00:00:00Z") / 1000);
      subscribers.push(d ? d.subscribers : null);
      polls.push(d ? d.polls : 0);
    });
    return [xs, subscribers, polls];
  }

  function options(width) {
    return {
      width: width,
      height: 220,
      tzDate: function (ts) {
        return window.uPlot.tzDate(new Date(ts * 1000), "Etc/UTC");
      },
      scales: {x: {time: true}, subscribers: {}, polls: {}},
      series: [
        {},
        {label: "Subscribers", scale: "subscribers", stroke: "#1f5fa8", width: 2, points: {show: true}},
        {label: "Polls", scale: "polls", stroke: "#b35c00", width: 2, dash: [6, 4], points: {show: true}}
      ],
      axes: [
        {},
        {scale: "subscribers", label: "Subscribers"},
        {scale: "polls", label: "Polls", side: 1, grid: {show: false}}
      ]
    };
  }

  function draw(report) {
    var days = daysBetween(report.from, report.to);
    var plots = [];
    report.feeds.forEach(function (feed) {
      var el = charts.querySelector('.chart[data-feed="' + CSS.escape(feed.feed) + '"]');
      if (!el) {
        return;
      }
      var data = series(feed, days);
      el.dataset.days = days.join(",");
      el.dataset.subscribers = data[1].map(function (v) {
        return v === null ? "" : String(v);
      }).join(",");
      el.dataset.polls = data[2].join(",");
      plots.push({el: el, plot: new window.uPlot(options(Math.max(280, el.clientWidth)), data, el)});
      el.dataset.drawn = "true";
    });
    charts.dataset.drawn = "true";
    window.addEventListener("resize", function () {
      plots.forEach(function (p) {
        p.plot.setSize({width: Math.max(280, p.el.clientWidth), height: 220});
      });
    });
  }

  fetch(charts.dataset.src, {credentials: "same-origin", headers: {"Accept": "application/json"}})
    .then(function (response) {
      if (!response.ok) {
        throw new Error("the statistics answered " + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(function (error) {
      charts.dataset.error = String(error.message || error);
      say("The charts could not be drawn (" + charts.dataset.error + "); the table below has the same numbers.");
    });
}());
