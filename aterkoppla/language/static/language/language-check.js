// Live language check: while someone types in a checked field, ask the server (debounced)
// and highlight each finding in the text, with its explanation and suggestion beside it.
// Without JavaScript the same check runs when the form is saved.
(function () {
  "use strict";
  var url = document.body.getAttribute("data-language-check-url");
  if (!url || !window.fetch) { return; }
  var DELAY = 400;
  var MIRRORED = ["font-family", "font-size", "font-weight", "line-height", "letter-spacing",
    "padding-top", "padding-right", "padding-bottom", "padding-left", "border-top-width",
    "border-right-width", "border-bottom-width", "border-left-width", "box-sizing",
    "text-indent", "word-spacing", "tab-size"];

  function csrfToken(field) {
    var input = field.form && field.form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setUp(field, index) {
    var single = field.tagName === "INPUT";
    var wrap = document.createElement("div");
    wrap.className = "lc" + (single ? " lc--single" : "");
    var backdrop = document.createElement("div");
    backdrop.className = "lc__backdrop";
    backdrop.setAttribute("aria-hidden", "true");
    var layer = document.createElement("div");
    layer.className = "lc__layer";
    backdrop.appendChild(layer);
    field.parentNode.insertBefore(wrap, field);
    wrap.appendChild(backdrop);
    wrap.appendChild(field);
    field.classList.add("lc__input");

    var panel = document.createElement("div");
    panel.className = "lc__findings";
    panel.id = (field.id || "lc-field-" + index) + "_language";
    panel.setAttribute("aria-live", "polite");
    wrap.parentNode.insertBefore(panel, wrap.nextSibling);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + panel.id);

    function mirror() {
      var style = window.getComputedStyle(field);
      MIRRORED.forEach(function (name) {
        backdrop.style.setProperty(name, style.getPropertyValue(name));
      });
      backdrop.style.borderStyle = "solid";
      backdrop.style.borderColor = "transparent";
      backdrop.style.width = field.offsetWidth + "px";
      backdrop.style.height = field.offsetHeight + "px";
      layer.style.transform = "translate(" + (-field.scrollLeft) + "px," + (-field.scrollTop) + "px)";
    }

    function paint(findings) {
      var text = field.value;
      layer.textContent = "";
      var at = 0;
      findings.slice().sort(function (a, b) { return a.start - b.start; }).forEach(function (f) {
        if (f.start < at || f.end > text.length) { return; }
        layer.appendChild(document.createTextNode(text.slice(at, f.start)));
        var mark = document.createElement("mark");
        mark.className = "lc__mark lc__mark--" + f.severity;
        mark.textContent = text.slice(f.start, f.end);
        layer.appendChild(mark);
        at = f.end;
      });
      // A trailing newline needs a character after it to take up its line.
      layer.appendChild(document.createTextNode(text.slice(at) + "\u200b"));
      mirror();
    }

    function list(data) {
      panel.textContent = "";
      var findings = data.findings || [];
      wrap.classList.toggle(
        "lc--blocked", !!data.blocked && field.getAttribute("data-language-policy") !== "warn");
      if (!findings.length) { return; }
      var ul = document.createElement("ul");
      ul.className = "lc__list";
      findings.forEach(function (f) {
        var li = document.createElement("li");
        li.className = "lc__finding lc__finding--" + f.severity;
        var badge = document.createElement("span");
        badge.className = "lc__badge";
        var warnOnly = f.severity === "block" && field.getAttribute("data-language-policy") === "warn";
        badge.textContent = warnOnly ? data.labels.block_under_warn : data.labels[f.severity];
        var what = document.createElement("strong");
        what.textContent = "“" + f.match + "” · " + f.category_label;
        var message = document.createElement("p");
        message.textContent = f.message;
        var suggestion = document.createElement("p");
        suggestion.className = "lc__suggestion";
        suggestion.textContent = data.labels.instead + " " + f.suggestion;
        li.appendChild(badge);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(what);
        li.appendChild(message);
        li.appendChild(suggestion);
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }

    var timer = null;
    var sent = 0;
    function run() {
      var number = ++sent;
      var text = field.value;
      if (!text.trim()) { paint([]); list({ findings: [] }); return; }
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(field) },
        body: JSON.stringify({ text: text, lang: field.getAttribute("data-language") || "auto" })
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          // Only the newest answer counts, and only while the text is the one checked.
          if (!data || number !== sent || field.value !== text) { return; }
          paint(data.findings);
          list(data);
        })
        .catch(function () { /* saving checks the text anyway */ });
    }

    field.addEventListener("input", function () {
      paint([]);
      clearTimeout(timer);
      timer = setTimeout(run, DELAY);
    });
    field.addEventListener("scroll", mirror);
    if (window.ResizeObserver) { new ResizeObserver(mirror).observe(field); }
    window.addEventListener("resize", mirror);
    paint([]);
    if (field.value.trim()) { run(); }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-language-check]"), setUp);
})();
