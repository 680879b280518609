// The chat page: asks /api/ask and renders answers. Every piece of question or policy text goes
// into the page through textContent, never innerHTML, so it can only ever be text.
(function () {
  'use strict';

  var SCHOOL_KEY = 'policybot.school';
  var SESSION_KEY = 'policybot.session';
  var HISTORY_KEY = 'policybot.conversation';
  // Only this many exchanges are kept for a reload; older ones would just make the page long.
  var MAX_KEPT = 50;
  // How often a page opened while the policies load checks whether they have.
  var READY_POLL_MS = 2000;
  // How often the page asks whether the head has answered a question sent to them: a reviewer
  // takes minutes or hours, so every 15 s shows an answer promptly without loading the server.
  var HEAD_ANSWER_POLL_MS = 15000;

  var VERDICT_BADGES = {
    yes: { text: 'Yes', kind: 'yes' },
    no: { text: 'No', kind: 'no' },
    conditional: { text: 'Only with permission or on conditions', kind: 'conditional' },
    info: { text: 'For information', kind: 'info' }
  };
  var OUTCOME_BADGES = {
    escalated: { text: 'Not settled by the policies: ask the head', kind: 'escalated' },
    safeguarding: { text: 'Safeguarding: report this now', kind: 'safeguarding' },
    refused: { text: 'Could not answer that', kind: 'refused' }
  };

  var form = document.getElementById('pb_form');
  var school = document.getElementById('pb_school');
  var question = document.getElementById('pb_question');
  var askButton = document.getElementById('pb_ask');
  var newButton = document.getElementById('pb_new');
  var log = document.getElementById('pb_log');
  var status = document.getElementById('pb_status');

  var history = load(HISTORY_KEY, []);
  var session = sessionId();
  var busy = false;

  function load(key, fallback) {
    try {
      var v = window.sessionStorage.getItem(key);
      return v ? JSON.parse(v) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function save() {
    try {
      // DOM nodes kept on entries are left out: they are rebuilt on reload
      var kept = JSON.stringify(history.slice(-MAX_KEPT), function (key, value) {
        return key === 'headAnswerNode' ? undefined : value;
      });
      window.sessionStorage.setItem(HISTORY_KEY, kept);
    } catch (e) {
      // storage full or disabled: the conversation still shows until the page is left
    }
  }

  function randomId() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
  }

  // who asked, as the head's case records it: this tab's conversation, with no login behind it
  function sessionId() {
    var id = null;
    try {
      id = window.sessionStorage.getItem(SESSION_KEY);
      if (!id) {
        id = randomId();
        window.sessionStorage.setItem(SESSION_KEY, id);
      }
    } catch (e) {
      id = id || randomId();
    }
    return id;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function safeHref(link) {
    if (typeof link !== 'string') {
      return null;
    }
    return /^(https?:\/\/|\/(?!\/))/i.test(link) ? link : null;
  }

  function schoolName(slug) {
    for (var i = 0; i < school.options.length; i++) {
      if (school.options[i].value === slug) {
        return school.options[i].textContent;
      }
    }
    return slug;
  }

  // --- the school picker, remembered across visits ---
  var remembered = null;
  try {
    remembered = window.localStorage.getItem(SCHOOL_KEY);
  } catch (e) {
    remembered = null;
  }
  if (remembered) {
    for (var i = 0; i < school.options.length; i++) {
      if (school.options[i].value === remembered) {
        school.value = remembered;
      }
    }
  }
  school.addEventListener('change', function () {
    try {
      window.localStorage.setItem(SCHOOL_KEY, school.value);
    } catch (e) {
      // private browsing: the choice lasts for this page only
    }
    // a follow-up never reaches back into another school's conversation
    history.push({ note: 'Now asking about ' + schoolName(school.value) + '.' });
    save();
    renderNote(history[history.length - 1].note);
  });

  // --- rendering ---
  function renderQuestion(text, schoolSlug) {
    var item = el('li', 'msg msg-user');
    item.appendChild(el('p', 'msg-label visually-hidden', 'You asked'));
    item.appendChild(el('p', 'msg-text', text));
    item.appendChild(el('p', 'msg-meta', schoolName(schoolSlug)));
    log.appendChild(item);
    return item;
  }

  function renderNote(text) {
    log.appendChild(el('li', 'msg msg-note', text));
  }

  function badgeFor(record) {
    if (record.outcome === 'grounded' && VERDICT_BADGES[record.verdict]) {
      return VERDICT_BADGES[record.verdict];
    }
    return OUTCOME_BADGES[record.outcome] || { text: 'Answer', kind: 'info' };
  }

  function quoteText(clause) {
    var p = el('p', 'quote-text');
    var text = typeof clause.text === 'string' ? clause.text : '';
    var key = typeof clause.highlight === 'string' ? clause.highlight : '';
    var at = key ? text.indexOf(key) : -1;
    if (at < 0) {
      p.textContent = text;
      return p;
    }
    p.appendChild(document.createTextNode(text.slice(0, at)));
    p.appendChild(el('mark', null, key));
    p.appendChild(document.createTextNode(text.slice(at + key.length)));
    return p;
  }

  function renderQuotes(record) {
    var clauses = Array.isArray(record.clauses) ? record.clauses : [];
    if (clauses.length === 0) {
      return null;
    }
    var wrap = el('div', 'quotes');
    var heading = {
      grounded: 'What the policy says',
      safeguarding: 'What the policy says about reporting',
      escalated: 'The nearest clauses'
    }[record.outcome] || 'Clauses';
    wrap.appendChild(el('p', 'quotes-title', heading));
    var list = el('ol', 'quote-list');
    clauses.forEach(function (clause) {
      var item = el('li', 'quote');
      var block = el('blockquote');
      block.appendChild(quoteText(clause));
      item.appendChild(block);
      var cite = el('p', 'quote-source');
      var label = clause.title || 'Policy';
      if (clause.section) {
        label += ' › ' + clause.section;
      }
      var href = safeHref(clause.link);
      if (href) {
        var a = el('a', 'quote-link', label);
        a.href = href;
        cite.appendChild(a);
      } else {
        cite.textContent = label;
      }
      item.appendChild(cite);
      list.appendChild(item);
    });
    wrap.appendChild(list);
    return wrap;
  }

  // a reviewer's published ruling the answer rests on, shown above the clauses it interprets
  var RULING_DATE = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };

  function rulingSource(ruling) {
    var date = typeof ruling.date === 'string' ? ruling.date : '';
    var day = new Date(date + 'T00:00:00Z');
    var shown = isNaN(day.getTime()) ? date : day.toLocaleDateString('en-GB', RULING_DATE);
    var line = 'Ruling by ' + String(ruling.reviewer || 'a reviewer') + ', ' + shown;
    return typeof ruling.question === 'string' && ruling.question ? line + ', on “' + ruling.question + '”' : line;
  }

  function renderRulings(record) {
    var rulings = Array.isArray(record.rulings) ? record.rulings : [];
    if (rulings.length === 0) {
      return null;
    }
    var wrap = el('div', 'quotes rulings');
    wrap.appendChild(el('p', 'quotes-title', 'What was decided before'));
    var list = el('ol', 'quote-list');
    rulings.forEach(function (ruling) {
      var item = el('li', 'quote ruling');
      var block = el('blockquote');
      block.appendChild(el('p', 'quote-text', ruling.text));
      item.appendChild(block);
      item.appendChild(el('p', 'quote-source ruling-source', rulingSource(ruling)));
      list.appendChild(item);
    });
    wrap.appendChild(list);
    return wrap;
  }

  var ASK_HEAD_RESULTS = {
    sent: 'Sent to the head. Their answer will appear here while this tab is open. Case number: ',
    already_sent: 'This was already sent to the head, so it was not sent twice. Case number: ',
    no_reviewers: 'Not sent: no head is set up to receive questions for this school yet. Please ask them in person.'
  };

  function askHeadResultText(body) {
    var text = ASK_HEAD_RESULTS[body.status];
    if (!text) {
      return 'The server gave an answer we did not expect, so we cannot say whether it was sent.';
    }
    return body.case_id ? text + String(body.case_id).slice(0, 8) : text;
  }

  // what became of the case the server filed by itself for an escalated or safeguarding answer
  var AUTO_RESULTS = {
    sent: 'Sent to the head — the answer will appear here while this tab is open. Case number: ',
    already_sent: 'Sent to the head — the answer will appear here while this tab is open. Case number: ',
    no_reviewers: 'Not sent: no head is set up to receive questions for this school yet. Please ask them in person.',
    failed: 'This could not be sent to the head just now. Press the button to try again, or ask them in person.'
  };
  var SAFEGUARDING_RESULTS = {
    sent: 'The designated safeguarding lead has been sent this too. It does not replace your own report today. Case number: ',
    already_sent: 'The designated safeguarding lead has been sent this too. It does not replace your own report today. Case number: ',
    no_reviewers: 'No safeguarding lead is set up here for this school, so no one has been told by this page: report it yourself today.',
    failed: 'This could not be passed to the safeguarding lead just now: report it yourself today.'
  };

  function adoptCase(entry, filed) {
    if (!filed || typeof filed.status !== 'string') {
      return;
    }
    var texts = entry.record.outcome === 'safeguarding' ? SAFEGUARDING_RESULTS : AUTO_RESULTS;
    var text = texts[filed.status] || texts.failed;
    entry.autoFiled = true;
    entry.headSent = filed.status === 'sent' || filed.status === 'already_sent';
    entry.headResult = entry.headSent && typeof filed.case_id === 'string' ? text + filed.case_id.slice(0, 8) : text;
    // a safeguarding case is the DSL's alone, so it is not listed back to the page to wait on
    if (entry.headSent && typeof filed.case_id === 'string' && entry.record.outcome !== 'safeguarding') {
      entry.caseId = filed.case_id;
    }
  }

  // the server files an escalated or safeguarding answer by itself (adoptCase); for any other
  // answer, or when that filing failed, a person decides by pressing this
  function renderAskHead(entry) {
    var record = entry.record;
    if (!record || record.outcome === 'refused' || (record.outcome === 'safeguarding' && !entry.autoFiled)) {
      return null;
    }
    var wrap = el('div', 'ask-head');
    var result = el('p', 'ask-head-result');
    result.setAttribute('role', 'status');
    var button = null;
    if (!entry.autoFiled || (!entry.headSent && record.outcome !== 'safeguarding')) {
      wrap.appendChild(
        el(
          'p',
          'ask-head-note',
          record.outcome === 'escalated'
            ? 'This has not been sent to anyone yet. To send your question to the head, press the button.'
            : 'Still unsure? You can send this question to the head.'
        )
      );
      button = el('button', 'secondary ask-head-button', 'Ask the head');
      button.type = 'button';
      wrap.appendChild(button);
    }
    wrap.appendChild(result);
    if (entry.headResult) {
      result.textContent = entry.headResult;
      if (entry.headSent && button) {
        button.disabled = true;
      }
    }
    if (button) {
      button.addEventListener('click', function () {
        // one id per answer: pressing again, or after a reload, cannot file a second case
        entry.requestId = entry.requestId || randomId();
        save();
        button.disabled = true;
        result.textContent = 'Sending to the head…';
        var payload = { school: entry.school, question: entry.question, session: session, request_id: entry.requestId };
        if (entry.previous) {
          payload.previous = entry.previous;
        }
        postJson('/api/ask-head', payload)
          .then(function (reply) {
            if (reply.response.ok && reply.body) {
              entry.headResult = askHeadResultText(reply.body);
              entry.headSent = reply.body.status === 'sent' || reply.body.status === 'already_sent';
              if (entry.headSent && typeof reply.body.case_id === 'string') {
                entry.caseId = reply.body.case_id;
              }
            } else {
              entry.headResult = 'Not sent: ' + errorMessage(reply.response, reply.body);
              entry.headSent = false;
            }
          })
          .catch(function () {
            entry.headResult = 'Not sent: could not reach Policy Bot. Check your connection and try again.';
            entry.headSent = false;
          })
          .then(function () {
            result.textContent = entry.headResult;
            button.disabled = entry.headSent;
            save();
            watchHeadAnswers();
          });
      });
    }
    var reply = el('div', 'head-answer');
    entry.headAnswerNode = reply;
    wrap.appendChild(reply);
    renderHeadAnswer(entry);
    return wrap;
  }

  // --- the head's answer, fetched by polling /api/my-cases while a sent question is open ---
  var headPoll = null;

  function renderHeadAnswer(entry) {
    var node = entry.headAnswerNode;
    if (!node || !entry.headAnswer) {
      return;
    }
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
    node.appendChild(el('p', 'head-answer-title', 'The head answered:'));
    node.appendChild(el('p', 'head-answer-text', entry.headAnswer));
  }

  function waitingEntries() {
    return history.filter(function (e) {
      return e.caseId && !e.headAnswer && !e.headClosed;
    });
  }

  function checkHeadAnswers() {
    if (waitingEntries().length === 0) {
      window.clearInterval(headPoll);
      headPoll = null;
      return;
    }
    fetch('/api/my-cases?session=' + encodeURIComponent(session), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (body) {
        if (!body || !Array.isArray(body.cases)) {
          return;
        }
        var changed = false;
        waitingEntries().forEach(function (entry) {
          body.cases.forEach(function (c) {
            if (c.case_id !== entry.caseId) {
              return;
            }
            if (typeof c.answer === 'string' && c.answer) {
              entry.headAnswer = c.answer;
              renderHeadAnswer(entry);
              changed = true;
            } else if (c.status === 'dismissed' || c.status === 'closed') {
              entry.headClosed = true;
              changed = true;
            }
          });
        });
        if (changed) {
          save();
        }
      })
      .catch(function () {
        // offline for a moment: the next tick tries again
      });
  }

  function watchHeadAnswers() {
    if (headPoll === null && waitingEntries().length > 0) {
      checkHeadAnswers();
      headPoll = window.setInterval(checkHeadAnswers, HEAD_ANSWER_POLL_MS);
    }
  }

  function renderAnswer(record, entry) {
    var item = el('li', 'msg msg-bot outcome-' + String(record.outcome || 'unknown'));
    var badge = badgeFor(record);
    item.appendChild(el('p', 'badge badge-' + badge.kind, badge.text));
    if (record.outcome === 'safeguarding') {
      var alarm = el('div', 'callout callout-safeguarding');
      alarm.setAttribute('role', 'alert');
      alarm.appendChild(el('p', 'answer-text', record.answer));
      item.appendChild(alarm);
    } else if (record.outcome === 'escalated') {
      var callout = el('div', 'callout callout-escalated');
      callout.appendChild(el('p', 'answer-text', record.answer));
      if (record.reason) {
        callout.appendChild(el('p', 'reason', 'Why: ' + record.reason));
      }
      item.appendChild(callout);
    } else {
      item.appendChild(el('p', 'answer-text', record.answer));
    }
    var warnings = Array.isArray(record.warnings) ? record.warnings : [];
    if (warnings.length > 0) {
      var list = el('ul', 'warnings');
      warnings.forEach(function (w) {
        list.appendChild(el('li', 'warning', w));
      });
      item.appendChild(list);
    }
    var rulings = renderRulings(record);
    if (rulings) {
      item.appendChild(rulings);
    }
    var quotes = renderQuotes(record);
    if (quotes) {
      item.appendChild(quotes);
    }
    var askHead = entry ? renderAskHead(entry) : null;
    if (askHead) {
      item.appendChild(askHead);
    }
    log.appendChild(item);
    return item;
  }

  function renderError(message) {
    var item = el('li', 'msg msg-bot msg-error');
    item.appendChild(el('p', 'badge badge-refused', 'Something went wrong'));
    item.appendChild(el('p', 'answer-text', message));
    log.appendChild(item);
    return item;
  }

  function renderEntry(entry) {
    if (entry.note) {
      renderNote(entry.note);
      return;
    }
    renderQuestion(entry.question, entry.school);
    if (entry.record) {
      renderAnswer(entry.record, entry);
    } else if (entry.error) {
      renderError(entry.error);
    }
  }

  // --- asking ---
  function lastQuestion() {
    for (var i = history.length - 1; i >= 0; i--) {
      if (history[i].note) {
        return null; // a school change starts afresh
      }
      if (history[i].record && history[i].record.outcome !== 'refused') {
        return history[i].question;
      }
    }
    return null;
  }

  function setBusy(on) {
    busy = on;
    askButton.disabled = on;
    form.setAttribute('aria-busy', on ? 'true' : 'false');
    status.textContent = on ? 'Looking through the policies…' : '';
  }

  function errorMessage(response, body) {
    if (body && typeof body.message === 'string') {
      return body.message;
    }
    if (response.status === 429) {
      return 'Too many questions at once; wait a moment and ask again.';
    }
    return 'The server could not answer (' + response.status + '). Try again in a moment.';
  }

  /**
   * POSTs JSON and resolves to {response, body}; body is null when the reply is not JSON (a proxy's
   * error page), so callers show our own message instead. Rejects only when the network fails.
   */
  function postJson(url, payload) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload)
    }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return null;
        })
        .then(function (body) {
          return { response: response, body: body };
        });
    });
  }

  function ask(text) {
    // the request id doubles as the ask-head button's: the server files an escalated answer under
    // it, so a press (or a resubmit) can never file a second case for the same answer
    var entry = { question: text, school: school.value, requestId: randomId() };
    var payload = { school: school.value, question: text, session: session, request_id: entry.requestId };
    var previous = lastQuestion();
    if (previous) {
      payload.previous = previous;
      entry.previous = previous;
    }
    renderQuestion(text, entry.school);
    setBusy(true);
    return postJson('/api/ask', payload)
      .then(function (reply) {
        if (reply.response.ok && reply.body) {
          entry.record = reply.body;
          adoptCase(entry, reply.body.case);
          entry.shown = renderAnswer(reply.body, entry);
        } else {
          entry.error = errorMessage(reply.response, reply.body);
          entry.shown = renderError(entry.error);
        }
      })
      .catch(function () {
        entry.error = 'Could not reach Policy Bot. Check your connection and try again.';
        entry.shown = renderError(entry.error);
      })
      .then(function () {
        var shown = entry.shown;
        delete entry.shown;
        history.push(entry);
        save();
        setBusy(false);
        watchHeadAnswers();
        // the answer is read from its verdict down, and typing the next question goes on at once
        question.focus({ preventScroll: true });
        if (shown) {
          shown.scrollIntoView({ block: 'start' });
        }
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) {
      return;
    }
    var text = question.value.trim();
    if (!text) {
      status.textContent = 'Type a question first.';
      question.focus();
      return;
    }
    question.value = '';
    ask(text);
  });

  question.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : askButton.click();
    }
  });

  newButton.addEventListener('click', function () {
    history = [];
    save();
    while (log.firstChild) {
      log.removeChild(log.firstChild);
    }
    status.textContent = 'Started a new conversation.';
    question.focus();
  });

  history.forEach(renderEntry);
  watchHeadAnswers();

  // rendered before the index had loaded: there is no school list yet, so reload once ready
  if (document.getElementById('pb_loading')) {
    var poll = window.setInterval(function () {
      fetch('/readyz').then(function (response) {
        if (response.ok) {
          window.clearInterval(poll);
          window.location.reload();
        }
      }).catch(function () {
        // the server is restarting: keep polling
      });
    }, READY_POLL_MS);
  }
})();
