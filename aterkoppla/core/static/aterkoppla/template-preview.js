// Live preview of a message template: after a pause in typing, render it on the server.
(function () {
  "use strict";
  var form = document.getElementById("template-form");
  if (!form) { return; }
  var url = form.getAttribute("data-preview-url");
  var subject = document.getElementById("preview-subject");
  var text = document.getElementById("preview-text");
  var error = document.getElementById("preview-error");
  var timer = null;
  function refresh() {
    fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        error.hidden = !data.error;
        error.textContent = data.error || "";
        if (!data.error) {
          subject.textContent = data.subject;
          text.textContent = data.text;
        }
      })
      .catch(function () { /* the saved preview stays; saving still checks the template */ });
  }
  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 400);
  });
})();
