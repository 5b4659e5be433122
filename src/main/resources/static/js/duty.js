// Duty desk: countdowns of the report clocks from their data-due attribute (milliseconds since the epoch),
// and a live refresh of the desk panel (and of an incident's acknowledgments) whenever notify.js passes on a "duty" live message.
(function () {
  "use strict";

  function pad(n) {
    return n < 10 ? "0" + n : String(n);
  }

  function format(ms) {
    const total = Math.floor(Math.abs(ms) / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    return (h > 0 ? h + ":" + pad(m) : String(m)) + ":" + pad(s);
  }

  function tick() {
    const now = Date.now();
    document.querySelectorAll(".duty-countdown[data-due]").forEach((el) => {
      const due = Number(el.getAttribute("data-due"));
      const warn = Number(el.getAttribute("data-warn") || due);
      const left = due - now;
      if (left <= 0) {
        el.textContent = (el.getAttribute("data-overdue-label") || "") + " " + format(left);
        el.classList.add("duty-overdue");
        el.classList.remove("duty-warning");
      } else {
        el.textContent = format(left);
        el.classList.toggle("duty-warning", now >= warn);
        el.classList.remove("duty-overdue");
      }
    });
  }

  document.addEventListener("accord:live", (event) => {
    const message = event.detail || {};
    if (message.topic === "duty" && document.querySelector("[data-duty-live]")) {
      document.body.dispatchEvent(new CustomEvent("duty-changed"));
    }
  });

  document.addEventListener("htmx:afterSwap", tick);
  tick();
  window.setInterval(tick, 1000);
})();
