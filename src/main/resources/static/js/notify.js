// Live notices: an EventSource on /notify/stream updates the inbox badge and shows a toast.
// The browser reconnects by itself and sends the last inbox id it saw (Last-Event-ID), so the
// server replays what was missed. Other scripts may listen for `accord:live` DOM events.
(function () {
  "use strict";

  function start() {
    const inbox = document.querySelector(".inbox[data-stream]");
    if (!inbox || !window.EventSource) {
      return;
    }
    const badge = inbox.querySelector(".badge");
    const labels = {
      fresh: inbox.getAttribute("data-label-new") || "",
      urgent: inbox.getAttribute("data-label-urgent") || "",
      close: inbox.getAttribute("data-label-close") || "×",
    };
    const source = new EventSource(inbox.getAttribute("data-stream"));

    source.addEventListener("open", () => inbox.setAttribute("data-live", "on"));
    source.addEventListener("error", () => inbox.setAttribute("data-live", "off"));

    source.addEventListener("inbox", (event) => {
      let item;
      try {
        item = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (badge && typeof item.unread === "number") {
        badge.textContent = String(item.unread);
        badge.classList.toggle("badge-zero", item.unread === 0);
        badge.classList.remove("bump");
        void badge.offsetWidth; // restart the animation
        badge.classList.add("bump");
      }
      toast(item, labels, inbox.getAttribute("href"));
    });

    source.addEventListener("live", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      document.dispatchEvent(new CustomEvent("accord:live", { detail: message }));
    });

    window.addEventListener("pagehide", () => source.close());
  }

  function container() {
    let box = document.querySelector(".notify-toasts");
    if (!box) {
      box = document.createElement("div");
      box.className = "notify-toasts";
      box.setAttribute("role", "status");
      box.setAttribute("aria-live", "polite");
      document.body.appendChild(box);
    }
    return box;
  }

  function toast(item, labels, inboxHref) {
    const box = container();
    const toast = document.createElement("div");
    toast.className = "notify-toast" + (item.urgent ? " urgent" : "");
    toast.setAttribute("data-inbox-id", String(item.id));

    const text = document.createElement("div");
    text.className = "notify-toast-text";
    const label = document.createElement("span");
    label.className = "notify-toast-label";
    label.textContent = item.urgent ? labels.urgent : labels.fresh;
    const link = document.createElement("a");
    link.href = inboxHref || "/inbox";
    link.textContent = item.title; // text only: never HTML from the server
    text.append(label, link);

    const close = document.createElement("button");
    close.type = "button";
    close.className = "notify-toast-close";
    close.setAttribute("aria-label", labels.close);
    close.textContent = "×";
    close.addEventListener("click", () => toast.remove());

    toast.append(text, close);
    box.appendChild(toast);
    while (box.children.length > 4) {
      box.removeChild(box.firstChild);
    }
    if (!item.urgent) {
      setTimeout(() => toast.remove(), 10000);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
