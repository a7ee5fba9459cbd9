// The review page's script: shows one record at a time from its JSON island,
// folds runs of removed blocks, filters, and collects the reviewer's marks.
// Input text only ever reaches the page as text nodes (textContent), never as markup.
(function () {
  "use strict";

  var meta = JSON.parse(document.getElementById("meta").textContent);
  var decisions = meta.decisions;
  var removedDecision = decisions.map(function (label) { return label.indexOf("/") >= 0; });
  var passOfDecision = decisions.map(function (label) { return label.split("/")[0]; });
  var recordCount = meta.records.length;
  var parsed = new Map();
  var marks = new Map(); // "record:block" -> mark
  var unsaved = false; // marks changed since the last export
  var state = { current: -1, filter: "", cursor: null };
  var reader = document.getElementById("record");
  var hideRemoved = document.getElementById("hide-removed");
  var filterSelect = document.getElementById("filter");
  var BLOCK_REFERENCE = /(blocks? )(\d+)(?:-(\d+))?/g;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function passNumber(name) {
    var position = meta.passes.indexOf(name);
    return position >= 0 ? position : meta.passes.length;
  }

  // Spans count code points; JavaScript strings count UTF-16 units.
  function unitOffsets(raw) {
    if (!/[\uD800-\uDFFF]/.test(raw)) { return null; }
    var offsets = [];
    var unit = 0;
    for (var character of raw) { offsets.push(unit); unit += character.length; }
    offsets.push(unit);
    return offsets;
  }

  function load(number) {
    if (parsed.has(number)) { return parsed.get(number); }
    var record = JSON.parse(document.getElementById("record-" + number).textContent);
    var offsets = unitOffsets(record.raw);
    var flat = record.blocks;
    var blocks = [];
    var end = 0;
    for (var position = 0; position < flat.length; position += 5) {
      var start = end + flat[position];
      end = start + flat[position + 1];
      var code = flat[position + 3];
      blocks.push({
        index: blocks.length, start: start, end: end, story: flat[position + 2], decision: decisions[code],
        removed: removedDecision[code], pass: passOfDecision[code], detail: meta.details[flat[position + 4]],
        text: offsets ? record.raw.slice(offsets[start], offsets[end]) : record.raw.slice(start, end)
      });
    }
    record.blocks = blocks;
    parsed.set(number, record);
    return record;
  }

  function matchesFilter(decision) {
    var filter = state.filter;
    return !filter || decision === filter || decision.split("/")[0] === filter;
  }

  function recordMatches(number) {
    if (!state.filter) { return true; }
    return meta.records[number][2].some(function (pair) { return matchesFilter(pair[0]); });
  }

  function markKey(number, block) { return number + ":" + block; }

  function blockId(number, block) { return "r" + number + "-b" + block; }

  function detailNode(number, detail) {
    var node = element("span", "detail");
    var last = 0;
    detail.replace(BLOCK_REFERENCE, function (match, word, first, lastNumber, offset) {
      node.appendChild(document.createTextNode(detail.slice(last, offset) + word));
      var link = element("a", "ref", lastNumber ? first + "-" + lastNumber : first);
      link.href = "#" + blockId(number, first);
      link.dataset.block = first;
      node.appendChild(link);
      last = offset + match.length;
      return match;
    });
    node.appendChild(document.createTextNode(detail.slice(last)));
    return node;
  }

  function markButton(block) {
    var button = element("button", "mark-button");
    button.type = "button";
    button.dataset.mark = block.removed ? "keep" : "remove";
    return button;
  }

  function blockNode(number, block) {
    var node = element("div", "block item " + (block.removed ? "removed pass-" + passNumber(block.pass) : "kept role-" + block.decision));
    node.id = blockId(number, block.index);
    node.dataset.block = block.index;
    node.appendChild(element("span", "number", String(block.index)));
    node.appendChild(element("span", "label", block.decision));
    node.appendChild(element(block.removed ? "del" : "span", "text", block.text));
    if (block.detail) { node.appendChild(detailNode(number, block.detail)); }
    node.appendChild(markButton(block));
    if (block.removed && !matchesFilter(block.decision)) { node.classList.add("filtered-out"); }
    if (!block.removed && state.filter) { node.classList.add("filtered-out"); }
    showMark(node, marks.get(markKey(number, block.index)));
    return node;
  }

  function runSummary(blocks) {
    var counts = new Map();
    blocks.forEach(function (block) { counts.set(block.decision, (counts.get(block.decision) || 0) + 1); });
    var sorted = Array.from(counts.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
    var words = sorted.map(function (pair) { return pair[0] + " \u00d7" + pair[1]; });
    return blocks.length + (blocks.length === 1 ? " line" : " lines") + " removed: " + words.join(", ");
  }

  function runNode(number, blocks) {
    var node = element("div", "run");
    var line = element("button", "run-line item", runSummary(blocks));
    line.type = "button";
    line.setAttribute("aria-expanded", "false");
    var body = element("div", "run-body");
    blocks.forEach(function (block) { body.appendChild(blockNode(number, block)); });
    node.appendChild(line);
    node.appendChild(body);
    var concerned = blocks.some(function (block) { return matchesFilter(block.decision); });
    if (state.filter) { setOpen(node, concerned); node.classList.toggle("filtered-out", !concerned); }
    return node;
  }

  function setOpen(run, open) {
    run.classList.toggle("open", open);
    run.querySelector(".run-line").setAttribute("aria-expanded", String(open));
  }

  function headerNode(number, record) {
    var header = element("header", "record-header");
    var title = element("h2", "where", record.where);
    header.appendChild(title);
    if (record.id !== null) { header.appendChild(element("p", "ident", "id " + record.id)); }
    var entry = meta.records[number];
    var stories = entry[4] === 1 ? " story" : " stories";
    header.appendChild(element("p", "facts", "record " + (number + 1) + " of " + recordCount + " · " + entry[3] +
      "% of words kept · " + entry[4] + stories));
    entry[5].forEach(function (flag) { header.appendChild(element("span", "flag", flag)); });
    if (state.filter) {
      header.appendChild(element("p", "filter-note", "Showing only blocks removed as " + state.filter + "."));
    }
    return header;
  }

  function render(number) {
    var record = load(number);
    var fragment = document.createDocumentFragment();
    fragment.appendChild(headerNode(number, record));
    var story = null;
    var storyNode = null;
    var run = [];
    function flush() { if (run.length) { storyNode.appendChild(runNode(number, run)); run = []; } }
    record.blocks.forEach(function (block) {
      if (block.story !== story) {
        if (storyNode) { flush(); }
        story = block.story;
        storyNode = element("section", "story");
        storyNode.appendChild(element("div", "story-label", "story " + (story + 1)));
        fragment.appendChild(storyNode);
      }
      if (block.removed) { run.push(block); return; }
      flush();
      storyNode.appendChild(blockNode(number, block));
    });
    if (storyNode) { flush(); }
    reader.replaceChildren(fragment);
    reader.dataset.record = number;
  }

  function show(number, scroll) {
    if (number < 0 || number >= recordCount) { return; }
    state.current = number;
    state.cursor = null;
    render(number);
    document.querySelectorAll("#toc tr.current").forEach(function (row) { row.classList.remove("current"); });
    var row = document.querySelector('#toc tr[data-record="' + number + '"]');
    if (row) { row.classList.add("current"); row.scrollIntoView({ block: "nearest" }); }
    document.getElementById("previous").disabled = step(-1) === null;
    document.getElementById("next").disabled = step(1) === null;
    if (scroll !== false) { reader.scrollIntoView({ block: "start" }); }
  }

  function step(direction) {
    for (var number = state.current + direction; number >= 0 && number < recordCount; number += direction) {
      if (recordMatches(number)) { return number; }
    }
    return null;
  }

  // Records are shown at once; the address follows (so back and forward work) without waiting for an event.
  function go(number) {
    if (number === null) { return; }
    show(number);
    if (location.hash !== "#r" + number) {
      try { history.pushState(null, "", "#r" + number); } catch (error) { /* a browser may refuse it on file: */ }
    }
  }

  function fromHash() {
    var found = /^#r(\d+)(?:-b(\d+))?$/.exec(location.hash);
    if (!found) { return false; }
    var number = Number(found[1]);
    if (number !== state.current) { show(number, found[2] === undefined); }
    if (found[2] !== undefined) { reveal(found[2]); }
    return true;
  }

  function reveal(block) {
    var node = document.getElementById(blockId(state.current, block));
    if (!node) { return; }
    var run = node.closest(".run");
    if (run) { setOpen(run, true); run.classList.remove("filtered-out"); }
    node.classList.remove("filtered-out");
    if (hideRemoved.checked && run) { hideRemoved.checked = false; applyHiding(); }
    node.scrollIntoView({ block: "center" });
    node.classList.remove("flash");
    void node.offsetWidth;
    node.classList.add("flash");
  }

  function applyHiding() {
    document.body.classList.toggle("hide-removed", hideRemoved.checked);
  }

  function applyFilter() {
    state.filter = filterSelect.value;
    document.querySelectorAll("#toc tbody tr").forEach(function (row) {
      row.hidden = !recordMatches(Number(row.dataset.record));
    });
    document.querySelectorAll("#chart rect").forEach(function (bar) {
      bar.classList.toggle("dimmed", !recordMatches(Number(bar.dataset.record)));
    });
    document.querySelectorAll("[data-filter]").forEach(function (button) {
      button.classList.toggle("active", button.dataset.filter === state.filter);
    });
    if (state.current >= 0 && !recordMatches(state.current)) {
      var next = step(1);
      if (next === null) { next = step(-1); }
      if (next !== null) { go(next); return; }
    }
    if (state.current >= 0) { show(state.current, false); }
  }

  function fillFilter() {
    var totals = new Map();
    meta.records.forEach(function (entry) {
      entry[2].forEach(function (pair) {
        var name = pair[0].split("/")[0];
        totals.set(name, (totals.get(name) || 0) + pair[1]);
        totals.set(pair[0], (totals.get(pair[0]) || 0) + pair[1]);
      });
    });
    Array.from(totals.keys()).sort(function (a, b) {
      var pa = a.split("/")[0], pb = b.split("/")[0];
      return passNumber(pa) - passNumber(pb) || (a < b ? -1 : a > b ? 1 : 0);
    }).forEach(function (label) {
      var option = element("option", "", (label.indexOf("/") >= 0 ? "\u2003" : "") + label + " (" + totals.get(label) + ")");
      option.value = label;
      filterSelect.appendChild(option);
    });
  }

  function showMark(node, mark) {
    node.classList.toggle("marked", Boolean(mark));
    node.dataset.marked = mark ? mark.mark : "";
    var button = node.querySelector(".mark-button");
    var wanted = button.dataset.mark === "keep" ? "should have been kept" : "should have been removed";
    button.textContent = mark ? "marked: " + wanted + " (undo)" : wanted;
  }

  function toggleMark(node) {
    var number = state.current;
    var record = load(number);
    var block = record.blocks[Number(node.dataset.block)];
    var key = markKey(number, block.index);
    if (marks.has(key)) {
      marks.delete(key);
    } else {
      marks.set(key, {
        where: record.where, path: record.path, line: record.line, id: record.id, block: block.index,
        span: [block.start, block.end], text: block.text, mark: block.removed ? "keep" : "remove",
        decision: block.decision, detail: block.detail
      });
    }
    showMark(node, marks.get(key));
    unsaved = true;
    updateMarkCount();
  }

  function updateMarkCount() {
    var count = marks.size;
    document.getElementById("mark-count").textContent = count + (count === 1 ? " mark" : " marks");
    var marked = new Set(Array.from(marks.keys()).map(function (key) { return key.split(":")[0]; }));
    document.querySelectorAll("#toc tbody tr").forEach(function (row) {
      row.classList.toggle("has-marks", marked.has(row.dataset.record));
    });
  }

  function exportMarks() {
    var ordered = Array.from(marks.entries()).sort(function (a, b) {
      var x = a[0].split(":").map(Number), y = b[0].split(":").map(Number);
      return x[0] - y[0] || x[1] - y[1];
    });
    var lines = ordered.map(function (entry) { return JSON.stringify(entry[1]) + "\n"; });
    var link = element("a");
    link.href = URL.createObjectURL(new Blob(lines, { type: "application/x-ndjson" }));
    link.download = "marks.jsonl";
    document.body.appendChild(link);
    link.click();
    link.remove();
    unsaved = false;
  }

  function items() {
    return Array.from(reader.querySelectorAll(".item")).filter(function (node) { return node.offsetParent !== null; });
  }

  function moveCursor(direction) {
    var visible = items();
    if (!visible.length) { return; }
    var position = visible.indexOf(state.cursor);
    position = position < 0 ? (direction > 0 ? 0 : visible.length - 1) : Math.min(Math.max(position + direction, 0), visible.length - 1);
    if (state.cursor) { state.cursor.classList.remove("cursor"); }
    state.cursor = visible[position];
    state.cursor.classList.add("cursor");
    state.cursor.scrollIntoView({ block: "nearest" });
  }

  function onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA")) { return; }
    var cursor = state.cursor;
    if (event.key === "n") { go(step(1)); }
    else if (event.key === "p") { go(step(-1)); }
    else if (event.key === "j") { moveCursor(1); }
    else if (event.key === "k") { moveCursor(-1); }
    else if (event.key === "o" && cursor && cursor.classList.contains("run-line")) { cursor.click(); }
    else if (event.key === "m" && cursor && cursor.classList.contains("block")) { toggleMark(cursor); }
    else { return; }
    event.preventDefault();
  }

  function onReaderClick(event) {
    var line = event.target.closest(".run-line");
    if (line) { setOpen(line.parentNode, !line.parentNode.classList.contains("open")); return; }
    var button = event.target.closest(".mark-button");
    if (button) { toggleMark(button.closest(".block")); return; }
    var reference = event.target.closest("a.ref");
    if (reference) { event.preventDefault(); reveal(reference.dataset.block); }
  }

  fillFilter();
  reader.addEventListener("click", onReaderClick);
  document.getElementById("previous").addEventListener("click", function () { go(step(-1)); });
  document.getElementById("next").addEventListener("click", function () { go(step(1)); });
  document.getElementById("export").addEventListener("click", exportMarks);
  hideRemoved.addEventListener("change", applyHiding);
  filterSelect.addEventListener("change", applyFilter);
  document.querySelectorAll("[data-filter]").forEach(function (button) {
    button.addEventListener("click", function () {
      filterSelect.value = filterSelect.value === button.dataset.filter ? "" : button.dataset.filter;
      applyFilter();
    });
  });
  document.getElementById("toc").addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#r']");
    if (link) { event.preventDefault(); go(Number(link.closest("tr").dataset.record)); }
  });
  document.getElementById("chart").addEventListener("click", function (event) {
    var bar = event.target.closest("rect[data-record]");
    if (bar) { go(Number(bar.dataset.record)); }
  });
  document.addEventListener("keydown", onKey);
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("popstate", fromHash);
  window.addEventListener("beforeunload", function (event) {
    if (unsaved && marks.size) { event.preventDefault(); event.returnValue = ""; }
  });
  applyHiding();
  if (!fromHash() && recordCount) { show(0, false); }
  document.body.dataset.ready = "true";
  performance.mark("review-ready");
})();
