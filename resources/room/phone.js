// The phone page of an Alignment Workshop room: join, dot-vote, propose a goal, answer
// the 5 Whys. Every word comes from strings.json; every text is set with textContent,
// never as markup. It polls api/state every two seconds and sends a changed ballot a
// moment after the last tap. No outside resources: the room has no internet.
"use strict";

(function () {
  const POLL_MS = 2000;
  const RETRY_MS = 3000;
  const SEND_DELAY_MS = 300;
  const TOAST_MS = 4000;
  const GIVE_UP_AFTER = 6; // failed polls in a row before the page says the room is gone

  const words = {};
  let view = null;
  let tab = "vote";
  let draft = null; // {round: n, votes: {id: dots}} while the phone's own ballot is edited
  let sending = false;
  let sendTimer = 0;
  let pollTimer = 0;
  let toastTimer = 0;
  let closed = false;
  let joining = false;
  let teamsShown = "";
  let failures = 0;

  const $ = (id) => document.getElementById(id);

  function t(key, values) {
    let text = Object.prototype.hasOwnProperty.call(words, key) ? words[key] : key;
    for (const name of Object.keys(values || {})) {
      text = text.split("{" + name + "}").join(String(values[name]));
    }
    return text;
  }

  function make(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function toast(text) {
    const box = $("toast");
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { box.hidden = true; }, TOAST_MS);
  }

  function banner(text) {
    const box = $("banner");
    box.textContent = text || "";
    box.hidden = !text;
  }

  // ------------------------------------------------------------------ talking to the room

  async function api(method, path, body) {
    const init = { method: method, credentials: "same-origin", cache: "no-store", headers: {} };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    if (response.status === 404) {
      roomClosed();
      throw new Error("closed");
    }
    try {
      return await response.json();
    } catch (error) {
      return { ok: false, error: "bad-request" };
    }
  }

  function roomClosed() {
    closed = true;
    clearTimeout(pollTimer);
    banner(t("closed"));
    $("join").hidden = true;
    $("room").hidden = true;
  }

  function take(reply) {
    if (reply && reply.view) {
      view = reply.view;
      render();
    }
    if (reply && !reply.ok) toast(t("err_" + reply.error));
    return reply && reply.ok;
  }

  async function poll() {
    if (closed) return;
    clearTimeout(pollTimer);
    try {
      const reply = await api("GET", "api/state");
      failures = 0;
      banner("");
      take(reply);
      if (view && !view.joined && !view.named && !joining) await join("");
    } catch (error) {
      if (closed) return;
      failures += 1;
      banner(t(failures >= GIVE_UP_AFTER ? "gone" : "offline"));
      pollTimer = setTimeout(poll, failures >= GIVE_UP_AFTER ? 4 * RETRY_MS : RETRY_MS);
      return;
    }
    pollTimer = setTimeout(poll, document.hidden ? 4 * POLL_MS : POLL_MS);
  }

  async function join(name) {
    joining = true;
    try {
      take(await api("POST", "api/join", { name: name }));
    } finally {
      joining = false;
    }
  }

  // ------------------------------------------------------------------ voting

  function currentVotes() {
    const round = view && view.round;
    if (!round) return {};
    if (draft && draft.round === round.number) return draft.votes;
    return round.mine || {};
  }

  function used(votes) {
    return Object.values(votes).reduce((sum, dots) => sum + dots, 0);
  }

  function change(optionId, delta) {
    const round = view.round;
    const votes = Object.assign({}, currentVotes());
    const next = (votes[optionId] || 0) + delta;
    if (next < 0 || next > round.per_option) return;
    if (delta > 0 && used(votes) >= round.votes) {
      toast(t("err_too-many-votes"));
      return;
    }
    if (next === 0) delete votes[optionId];
    else votes[optionId] = next;
    draft = { round: round.number, votes: votes };
    renderVote();
    clearTimeout(sendTimer);
    sendTimer = setTimeout(sendBallot, SEND_DELAY_MS);
  }

  async function sendBallot() {
    if (!draft || sending) return;
    sending = true;
    const sent = draft;
    try {
      const reply = await api("POST", "api/ballot", { round: sent.round, votes: sent.votes });
      if (draft === sent) draft = null;
      if (take(reply)) $("vote-note").textContent = t("vote_saved");
    } catch (error) {
      if (!closed) toast(t("offline"));
    } finally {
      sending = false;
      if (draft) sendTimer = setTimeout(sendBallot, SEND_DELAY_MS);
    }
  }

  function optionRow(option, votes, round) {
    const row = make("li");
    const label = make("span", "label");
    label.appendChild(make("span", "kind " + option.kind, t("kind_" + option.kind)));
    label.appendChild(document.createTextNode(option.label));
    row.appendChild(label);
    const dots = votes[option.id] || 0;
    if (dots) row.classList.add("chosen");
    const stepper = make("span", "stepper");
    const minus = make("button", "", "−");
    minus.type = "button";
    minus.setAttribute("aria-label", t("remove_vote") + ": " + option.label);
    minus.disabled = dots === 0;
    minus.addEventListener("click", () => change(option.id, -1));
    const plus = make("button", "", "+");
    plus.type = "button";
    plus.setAttribute("aria-label", t("add_vote") + ": " + option.label);
    plus.disabled = dots >= round.per_option || used(votes) >= round.votes;
    plus.addEventListener("click", () => change(option.id, +1));
    stepper.append(minus, make("span", "count", String(dots)), plus);
    row.appendChild(stepper);
    return row;
  }

  function resultRow(option, total, top, mine) {
    const row = make("li");
    const label = make("span", "label");
    label.appendChild(make("span", "kind " + option.kind, t("kind_" + option.kind)));
    label.appendChild(document.createTextNode(option.label));
    row.append(label, make("span", "total", String(total)));
    const track = make("span", "bar-track");
    const fill = make("span", "bar-fill");
    fill.style.width = (top ? Math.round((100 * total) / top) : 0) + "%";
    track.appendChild(fill);
    row.appendChild(track);
    if (mine) row.appendChild(make("span", "mine-votes", t("your_votes", { mine: mine })));
    return row;
  }

  function renderVote() {
    const round = view.round;
    const list = $("options");
    clear(list);
    list.className = "options";
    $("votes-left").textContent = "";
    $("vote-note").textContent = "";
    if (!round) {
      $("vote-status").textContent = t("vote_none");
      return;
    }
    const votes = currentVotes();
    const byId = {};
    round.options.forEach((option) => { byId[option.id] = option; });
    if (round.phase === "revealed" && round.results) {
      $("vote-status").textContent = t("results_heading", { n: round.number });
      list.classList.add("results");
      const top = Math.max(1, ...round.results.map((r) => r.votes));
      for (const result of round.results) {
        const option = byId[result.id];
        if (option) list.appendChild(resultRow(option, result.votes, top, votes[result.id]));
      }
      return;
    }
    if (round.phase === "closed") {
      $("vote-status").textContent = t("vote_closed");
      for (const option of round.options) {
        if (votes[option.id]) list.appendChild(resultRow(option, votes[option.id], 0, 0));
      }
      return;
    }
    $("vote-status").textContent = t("vote_open", { n: round.number, votes: round.votes });
    $("votes-left").textContent = t("votes_left", {
      left: round.votes - used(votes), votes: round.votes,
    });
    for (const option of round.options) list.appendChild(optionRow(option, votes, round));
  }

  // ------------------------------------------------------------------ proposals and whys

  function renderTeams() {
    const teams = view.teams || [];
    const key = JSON.stringify(teams);
    if (key === teamsShown) return;
    teamsShown = key;
    const select = $("team");
    const chosen = select.value;
    clear(select);
    const none = make("option", "", t("team_none"));
    none.value = "";
    select.appendChild(none);
    for (const team of teams) {
      const option = make("option", "", team.name);
      option.value = team.id;
      select.appendChild(option);
    }
    select.value = teams.some((team) => team.id === chosen) ? chosen : "";
    $("team").parentElement.querySelector("label[for=team]").hidden = teams.length === 0;
    select.hidden = teams.length === 0;
  }

  function renderMine(listId, headingId, items) {
    const list = $(listId);
    clear(list);
    $(headingId).hidden = items.length === 0;
    for (const item of items) {
      const row = make("li", "", item.text);
      if (item.state) row.appendChild(make("span", "state", item.state));
      list.appendChild(row);
    }
  }

  function renderPropose() {
    renderTeams();
    const mine = (view.proposals || []).map((p) => ({
      text: p.title, state: t("status_" + p.status),
    }));
    renderMine("my-proposals", "my-proposals-heading", mine);
  }

  function renderWhys() {
    const question = view.question;
    $("question").textContent = question ? question.text : t("whys_none");
    $("answer-form").hidden = !question;
    const mine = question ? question.mine.map((text) => ({ text: text })) : [];
    renderMine("my-answers", "my-answers-heading", mine);
  }

  async function submit(form, path, body, done) {
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      if (take(await api("POST", path, body))) done();
    } catch (error) {
      if (!closed) toast(t("offline"));
    } finally {
      button.disabled = false;
    }
  }

  // ------------------------------------------------------------------ the page

  function showTab(name) {
    tab = name;
    for (const button of document.querySelectorAll(".tabs button")) {
      button.setAttribute("aria-selected", String(button.dataset.tab === name));
    }
    for (const pane of ["vote", "propose", "whys"]) $("pane-" + pane).hidden = pane !== name;
  }

  function render() {
    if (closed || !view) return;
    const joined = Boolean(view.joined);
    $("join").hidden = joined || !view.named;
    $("room").hidden = !joined;
    $("who").textContent = joined && view.name ? view.name : "";
    $("privacy").textContent = t(view.named ? "named_note" : "anonymous_note");
    if (!joined) return;
    const round = view.round;
    $("tab-vote").querySelector(".dot").hidden = !(round && round.phase === "open");
    $("tab-whys").querySelector(".dot").hidden = !view.question;
    renderVote();
    renderPropose();
    renderWhys();
  }

  function fillWords() {
    document.documentElement.lang = words.lang || "en";
    document.title = t("page_title");
    for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
    for (const node of document.querySelectorAll("[data-ph]")) node.placeholder = t(node.dataset.ph);
  }

  function limit(id, key) {
    const limits = (view && view.limits) || {};
    if (limits[key]) $(id).maxLength = limits[key];
  }

  function wire() {
    for (const button of document.querySelectorAll(".tabs button")) {
      button.addEventListener("click", () => showTab(button.dataset.tab));
    }
    $("join-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const name = $("name").value.trim();
      if (!name) return toast(t("err_blank"));
      join(name).catch(() => toast(t("offline")));
    });
    $("propose-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const title = $("goal").value.trim();
      if (!title) return toast(t("err_blank"));
      const body = { title: title, why: $("why").value.trim(), team: $("team").value || null };
      submit(event.target, "api/proposal", body, () => {
        $("goal").value = "";
        $("why").value = "";
        toast(t("sent"));
      });
    });
    $("answer-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = $("answer").value.trim();
      if (!text || !view.question) return toast(t("err_blank"));
      submit(event.target, "api/answer", { question: view.question.id, text: text }, () => {
        $("answer").value = "";
      });
    });
    document.addEventListener("visibilitychange", () => { if (!document.hidden) poll(); });
  }

  async function start() {
    try {
      const response = await fetch("strings.json", { cache: "no-store" });
      Object.assign(words, await response.json());
    } catch (error) {
      // Without its words the page still works; it shows the keys.
    }
    fillWords();
    wire();
    showTab(tab);
    await poll();
    limit("name", "name");
    limit("goal", "title");
    limit("why", "why");
    limit("answer", "answer");
  }

  start();
})();
