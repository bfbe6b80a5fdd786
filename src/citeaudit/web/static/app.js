// citeaudit web pages: small enhancements only; every page works without this file.
"use strict";

function listChosen(input) {
  const list = input.parentElement.querySelector(".chosen");
  if (!list) return;
  list.textContent = "";
  for (const file of input.files) {
    const item = document.createElement("li");
    item.textContent = file.name + " (" + Math.max(1, Math.round(file.size / 1024)) + " KB)";
    list.appendChild(item);
  }
}

function enableDrops() {
  for (const zone of document.querySelectorAll("[data-drop]")) {
    const input = zone.querySelector("input[type=file]");
    input.addEventListener("change", () => listChosen(input));
    for (const name of ["dragenter", "dragover"]) {
      zone.addEventListener(name, (event) => {
        event.preventDefault();
        zone.classList.add("over");
      });
    }
    for (const name of ["dragleave", "drop"]) {
      zone.addEventListener(name, () => zone.classList.remove("over"));
    }
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      if (!event.dataTransfer || !event.dataTransfer.files.length) return;
      input.files = event.dataTransfer.files;
      listChosen(input);
    });
  }
}

// The words come from the page (data-words, in the page's language): no text here.
function describe(status, words) {
  const p = status.progress;
  const say = (key) => words[key] || key;
  const parts = p.total
    ? ", " + say("parts").replace("{done}", p.done).replace("{total}", p.total)
    : "";
  const word = say(status.status);
  return word.charAt(0).toUpperCase() + word.slice(1) + ": " + say(status.phase) + parts + ".";
}

function followProgress() {
  const live = document.querySelector("[data-live]");
  if (!live) return;
  const text = live.querySelector("[data-live-text]");
  const bar = live.querySelector("[data-live-bar]");
  const url = live.getAttribute("data-status-url");
  let words = {};
  try {
    words = JSON.parse(live.getAttribute("data-words") || "{}");
  } catch (error) {
    words = {};
  }
  const early = ["queued", "offline"].includes(live.getAttribute("data-phase"));
  let delay = 1000;
  async function poll() {
    try {
      const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (response.ok) {
        const status = await response.json();
        const read = early && !["queued", "offline"].includes(status.phase);
        if (status.status === "done" || status.status === "failed" || read) {
          window.location.reload();
          return;
        }
        text.textContent = describe(status, words);
        bar.max = Math.max(1, status.progress.total);
        bar.value = status.progress.done;
        delay = 1000;
      } else {
        delay = Math.min(delay * 2, 10000);
      }
    } catch (error) {
      delay = Math.min(delay * 2, 10000);
    }
    window.setTimeout(poll, delay);
  }
  window.setTimeout(poll, delay);
}

function confirmForms() {
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  }
}

document.addEventListener("DOMContentLoaded", () => {
  enableDrops();
  followProgress();
  confirmForms();
});
