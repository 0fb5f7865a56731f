(function () {
  "use strict";
  var pressed = null;
  function select(id, scroll) {
    document.querySelectorAll("mark.hl").forEach(function (m) { m.classList.remove("hl"); });
    document.querySelectorAll("button.finding").forEach(function (b) {
      b.setAttribute("aria-pressed", b.dataset.finding === id ? "true" : "false");
    });
    if (!id || id === pressed) { pressed = null; return; }
    pressed = id;
    var first = null;
    document.querySelectorAll("mark[data-findings]").forEach(function (m) {
      if (m.dataset.findings.split(" ").indexOf(id) >= 0) {
        m.classList.add("hl");
        first = first || m;
      }
    });
    if (scroll && first && first.scrollIntoView) { first.scrollIntoView({block: "nearest"}); }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.finding");
    if (button) { select(button.dataset.finding, true); return; }
    var mark = event.target.closest("mark[data-findings]");
    if (mark) { select(mark.dataset.findings.split(" ")[0], false); }
  });
  function fromHash(scroll) {
    var m = /^#finding-(\w+)$/.exec(window.location.hash);
    if (m) { pressed = null; select(m[1], scroll); }
  }
  window.addEventListener("hashchange", function () { fromHash(true); });
  fromHash(false);
})();
