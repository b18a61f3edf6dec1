/* Keyboard shortcuts for the review screen (templates/review/show.html lists them).
   The page works without this file: every action is a plain form or link. */
(function () {
  "use strict";
  var form = document.getElementById("codes");
  if (!form) { return; }
  var help = document.getElementById("shortcuts");
  var note = document.getElementById("note");
  var most = form.querySelectorAll("input[data-key]").length;
  var typed = "";
  var timer = null;

  function follow(rel) {
    var link = document.querySelector('a[rel~="' + rel + '"]');
    if (link) { window.location.href = link.href; }
  }

  function press(action) {
    var button = form.querySelector('button[value="' + action + '"]');
    if (button) { button.click(); }
  }

  function toggle(number) {
    var input = form.querySelector('input[data-key="' + number + '"]');
    if (!input) { return; }
    input.checked = input.type === "radio" ? true : !input.checked;
    input.focus();
  }

  // "1" may begin "12": wait a moment for a second digit unless none could follow.
  function digit(d) {
    clearTimeout(timer);
    typed += d;
    if (Number(typed + "0") > most) {
      toggle(typed);
      typed = "";
    } else {
      timer = setTimeout(function () { toggle(typed); typed = ""; }, 700);
    }
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "TEXTAREA" || tag === "SELECT" ||
      (tag === "INPUT" && (target.type === "text" || target.type === "search"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (typing(event.target)) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    var key = event.key;
    if (/^[0-9]$/.test(key)) {
      digit(key);
    } else if (key === "j" || key === "n") {
      follow("next");
    } else if (key === "k" || key === "p") {
      follow("prev");
    } else if (key === "c") {
      press("confirm");
    } else if (key === "s") {
      press("save");
    } else if (key === "d" && note) {
      note.focus();
      note.scrollIntoView({block: "center"});
    } else if (key === "?" && help) {
      help.open = !help.open;
      if (help.open) { help.scrollIntoView({block: "nearest"}); }
    } else {
      return;
    }
    event.preventDefault();
  });
}());
