// The review page's keys and copy button: our own few lines, no framework, nothing from a CDN.
// Every key only moves a cursor, opens a form, or submits a form the page already shows:
// without this script every action still works as a plain form.
(function () {
  "use strict";
  var rows = [], cursor = 0;
  var announce = function (text) { var el = document.getElementById("announce"); if (el) { el.textContent = text; } };

  function setCursor(i, focus) {
    if (!rows.length) { return; }
    cursor = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (row, n) { row.classList.toggle("current", n === cursor); });
    rows[cursor].setAttribute("aria-current", "true");
    rows.forEach(function (row, n) { if (n !== cursor) { row.removeAttribute("aria-current"); } });
    if (focus) { rows[cursor].focus({preventScroll: true}); rows[cursor].scrollIntoView({block: "nearest"}); }
  }

  function inRow(selector) {
    var row = rows[cursor];
    return row ? row.querySelector(selector) : null;
  }

  function submit(el) {
    var form = el && el.closest("form");
    if (form) { form.requestSubmit(el.tagName === "BUTTON" ? el : undefined); return true; }
    return false;
  }

  function openDetails(details, fieldSelector) {
    if (!details) { return; }
    details.open = true;
    var field = details.querySelector(fieldSelector);
    if (field) { field.focus(); }
  }

  function copy(button, which) {
    var card = button.closest("[data-row]") || document;
    var source = card.querySelector(which === "subject" ? "[data-copy-subject]" : "[data-copy-text]");
    if (!source || !navigator.clipboard) { announce("Copying needs a browser that allows it here."); return; }
    navigator.clipboard.writeText(source.textContent).then(function () {
      button.dataset.copied = "true";
      announce(which === "subject" ? "Subject copied." : "Text copied.");
    }, function () { announce("The browser refused to copy."); });
  }

  function updateSelected() {
    var out = document.getElementById("selected-count");
    if (out) { out.textContent = String(document.querySelectorAll("input[form=bulk]:checked").length); }
  }

  function toggleHelp() {
    var help = document.getElementById("help");
    if (!help) { return; }
    help.open = !help.open;
    if (help.open) { help.querySelector("summary").focus(); help.scrollIntoView({block: "nearest"}); }
  }

  var keys = {
    j: function () { setCursor(cursor + 1, true); },
    k: function () { setCursor(cursor - 1, true); },
    Enter: function () { var a = inRow("[data-key=open]"); if (a) { window.location.href = a.href; } },
    a: function () { submit(inRow("[data-key=a]")); },
    e: function () { openDetails(inRow("details[data-key=e]"), "textarea"); },
    r: function () { openDetails(inRow("details[data-key=r]"), "input[name=reason]"); },
    c: function () { var b = inRow("[data-key=c]"); if (b) { copy(b, "text"); } },
    s: function () { submit(inRow("[data-key=s]") || document.querySelector(".job-actions [data-key=s]")); },
    o: function () {
      var a = inRow("[data-key=o]") || document.querySelector("[data-key=o]");
      if (a) { window.open(a.href, "_blank", "noopener,noreferrer"); }
    },
    x: function () {
      var box = inRow("[data-key=x]");
      if (box) { box.checked = !box.checked; updateSelected(); announce(box.checked ? "Selected." : "Not selected."); }
    },
    u: function () { var a = document.querySelector("[data-key=up]"); if (a) { window.location.href = a.href; } },
    "?": toggleHelp
  };

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    var typing = target.closest && target.closest("input, textarea, select, [contenteditable]");
    if (typing && event.key === "Enter" && (event.ctrlKey || event.metaKey) && target.form) {
      event.preventDefault(); target.form.requestSubmit(); return;  // Ctrl+Enter saves an edit
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    if (typing) {
      if (event.key === "Escape") { target.blur(); var d = target.closest("details"); if (d) { d.open = false; } setCursor(cursor, true); }
      return;
    }
    if (event.key === "Escape") { var help = document.getElementById("help"); if (help) { help.open = false; } return; }
    if (event.key === "Enter" && target !== document.body && !target.hasAttribute("data-row")) { return; }
    var action = keys[event.key];
    if (action) { event.preventDefault(); action(); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var list = document.querySelector("[data-rows]");
    rows = list ? Array.prototype.slice.call(list.querySelectorAll("[data-row]")) : [];
    var start = list ? parseInt(list.getAttribute("data-cursor") || "0", 10) : 0;
    if (window.location.hash.indexOf("#draft-") === 0) {
      rows.forEach(function (row, n) { if ("#" + row.id === window.location.hash) { start = n; } });
    }
    setCursor(start, rows.length > 0);
    rows.forEach(function (row, n) { row.addEventListener("click", function () { setCursor(n, false); }); });
    document.querySelectorAll("[data-copy], [data-copy-which]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button, button.getAttribute("data-copy-which") || "text"); });
    });
    document.querySelectorAll("input[form=bulk]").forEach(function (box) { box.addEventListener("change", updateSelected); });
    document.querySelectorAll("[data-help]").forEach(function (link) {
      link.addEventListener("click", function (event) { event.preventDefault(); toggleHelp(); });
    });
    updateSelected();
  });
}());
