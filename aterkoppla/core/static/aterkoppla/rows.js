// Repeatable rows: a button that adds one more input to a group of merit rows.
(function () {
  "use strict";
  var label = document.documentElement.lang === "sv" ? "Lägg till rad" : "Add a row";
  document.querySelectorAll("[data-rows]").forEach(function (group) {
    var max = parseInt(group.getAttribute("data-max"), 10) || 15;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--secondary button--small";
    button.textContent = label;
    button.addEventListener("click", function () {
      var inputs = group.querySelectorAll("input");
      if (inputs.length >= max) { return; }
      var copy = inputs[inputs.length - 1].cloneNode(false);
      copy.removeAttribute("id");
      copy.value = "";
      group.insertBefore(copy, button);
      copy.focus();
      if (inputs.length + 1 >= max) { button.hidden = true; }
    });
    group.appendChild(button);
  });
})();
