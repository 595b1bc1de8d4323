// newsprobe HTML report: show the details of the highlights under a click or keyboard focus.
// The details are already in the page (the "Findings" list, escaped by the server); this
// only copies the matching ones into the side panel. It reads no text into HTML.
(function () {
  "use strict";
  function findingIds(mark, root) {
    var ids = [];
    for (var node = mark; node && node !== root; node = node.parentElement) {
      if (node.classList && node.classList.contains("m")) {
        var id = node.getAttribute("data-f");
        if (id && ids.indexOf(id) < 0) { ids.unshift(id); }
      }
    }
    return ids;
  }
  function show(mark) {
    var root = mark.closest(".np-article");
    if (!root) { return; }
    var body = root.querySelector(".np-details-body");
    var ids = findingIds(mark, root);
    var details = root.querySelectorAll("[data-detail]");
    var marks = root.querySelectorAll(".m");
    var i, j;
    for (i = 0; i < marks.length; i++) {
      marks[i].classList.toggle("active", ids.indexOf(marks[i].getAttribute("data-f")) >= 0);
    }
    body.textContent = "";
    for (i = 0; i < ids.length; i++) {
      for (j = 0; j < details.length; j++) {
        if (details[j].getAttribute("data-detail") === ids[i]) {
          var copy = details[j].cloneNode(true);
          copy.removeAttribute("id");
          copy.classList.add("np-detail");
          body.appendChild(copy);
        }
      }
    }
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest ? event.target.closest(".m") : null;
    if (mark) { show(mark); }
  });
  document.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("m")) { show(event.target); }
  });
  document.documentElement.setAttribute("data-report-script", "ran");
}());
