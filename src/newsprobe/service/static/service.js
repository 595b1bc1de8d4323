// newsprobe web page: the form works without this script; with it, the page says that
// an analysis is running and keeps the button from being pressed twice. It writes only
// text (textContent), never HTML.
(function () {
  "use strict";
  var form = document.getElementById("analyze-form");
  if (!form) { return; }
  var button = document.getElementById("submit");
  var status = document.getElementById("status");
  form.addEventListener("submit", function () {
    if (button) { button.disabled = true; }
    if (status) { status.textContent = "Analysing the article… this takes a few seconds."; }
    form.setAttribute("aria-busy", "true");
  });
  // Coming back to the page (browser back) must not leave the button disabled.
  window.addEventListener("pageshow", function () {
    if (button) { button.disabled = false; }
    if (status) { status.textContent = ""; }
    form.removeAttribute("aria-busy");
  });
})();
