// crosscheck serve: progressive enhancement only; every page works without
// this script. No markup is built from server data: text goes in through
// textContent.
"use strict";

// Filters that are menus apply as soon as they change.
function autoSubmit() {
  for (const select of document.querySelectorAll("select.auto")) {
    select.addEventListener("change", () => select.form && select.form.submit());
  }
}

// On an article, "#ev-CLAIM" marks every piece of that claim's evidence
// (nested or overlapping evidence is cut into pieces).
function markEvidence() {
  for (const old of document.querySelectorAll(".ev.current")) {
    old.classList.remove("current");
  }
  const hash = decodeURIComponent(location.hash.slice(1));
  if (!hash.startsWith("ev-")) return;
  const id = hash.slice(3);
  let first = null;
  for (const piece of document.querySelectorAll(".ev[data-claims]")) {
    if (piece.dataset.claims.split(" ").includes(id)) {
      piece.classList.add("current");
      first = first || piece;
    }
  }
  if (first) first.scrollIntoView({ block: "center" });
}

// The upload form sends with progress, follows the upload's job (stage,
// documents analysed of all), then shows what was stored.
function uploadWithProgress() {
  const form = document.getElementById("upload");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  const progress = document.getElementById("progress");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open("POST", "/api/documents?async=yes");
    request.upload.addEventListener("progress", (e) => {
      if (e.lengthComputable) {
        progress.textContent = "Uploading… " + Math.round((100 * e.loaded) / e.total) + "%";
      }
    });
    request.addEventListener("load", () => {
      const answer = parsed(request.responseText);
      if (!answer || request.status >= 400 || !answer.href) {
        progress.textContent = "Failed: " + (answer && answer.error ? answer.error : request.statusText);
        return;
      }
      follow(answer.href, form, progress);
    });
    request.addEventListener("error", () => { progress.textContent = "Failed: the server could not be reached."; });
    progress.textContent = "Uploading…";
    request.send(new FormData(form));
  });
}

function parsed(text) {
  try { return JSON.parse(text); } catch (e) { return null; }
}

const STAGES = {
  queued: "Waiting for an earlier upload to finish…",
  reading: "Reading the files…",
  storing: "Storing…",
  rebuilding: "Rebuilding the search index…",
};

// Asks how the job stands every half second until it is done.
function follow(href, form, progress) {
  const request = new XMLHttpRequest();
  request.open("GET", href);
  request.addEventListener("load", () => {
    const job = parsed(request.responseText);
    if (!job || request.status >= 400) {
      progress.textContent = "Failed: " + (job && job.error ? job.error : request.statusText);
      return;
    }
    if (job.stage === "done" && job.report) {
      showResult(form, progress, job.report);
      return;
    }
    if (job.stage === "failed") {
      progress.textContent = "Failed: " + job.error;
      return;
    }
    progress.textContent = job.stage === "analysing"
      ? "Analysing… " + job.done + " of " + job.total + " articles"
      : STAGES[job.stage] || job.stage;
    setTimeout(() => follow(href, form, progress), 500);
  });
  request.addEventListener("error", () => { progress.textContent = "Failed: the server could not be reached."; });
  request.send();
}

function showResult(form, progress, answer) {
  progress.textContent = "Stored " + answer.added + " new documents (" + answer.claims + " claims); "
    + answer.skipped + " already stored.";
  let list = document.getElementById("uploaded");
  if (!list) {
    list = document.createElement("ul");
    list.id = "uploaded";
    form.appendChild(list);
  }
  list.replaceChildren();
  for (const doc of answer.documents) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = doc.href;
    link.textContent = doc.title || doc.id;
    item.appendChild(link);
    item.appendChild(document.createTextNode(" · " + doc.claims + " claims" + (doc.already_stored ? " · already stored" : "")));
    list.appendChild(item);
  }
  for (const error of answer.errors) {
    const item = document.createElement("li");
    item.className = "errors";
    item.textContent = "Could not be read: " + error;
    list.appendChild(item);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  autoSubmit();
  markEvidence();
  uploadWithProgress();
});
window.addEventListener("hashchange", markEvidence);
