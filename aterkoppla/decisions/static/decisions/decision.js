// The decision screen: show the reasons of a row only when that candidate is rejected.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-show-when]"), function (box) {
    var select = document.getElementById(box.getAttribute("data-show-when"));
    if (!select) { return; }
    var value = box.getAttribute("data-value");
    function update() { box.hidden = select.value !== value && !box.querySelector(".error-message"); }
    select.addEventListener("change", update);
    update();
  });
})();
