/*
 * The floating launcher, which embed.js loads (as APP/embed-launcher.js) only on a page with a
 * [data-loyalty-widget][data-view="launcher"]: a button in one corner that opens the widget in a modal panel,
 * and that says, before any widget is loaded, what waits for the shopper: the member's balance with a dot
 * when a reward is available, or "Join and earn". Plain ES2019, no dependencies; `embed/main.ts` minifies it
 * into public/embed-launcher.js, which has a gzip budget of its own. What it needs of embed.js (the app's
 * origin, making a frame, registering a widget for messages) it finds on `window.LoyaltyWidget._`.
 */
(() => {
  'use strict';
  var shared = window.LoyaltyWidget && window.LoyaltyWidget._;
  if (!shared || !Array.isArray(shared.waiting)) return;
  var APP = shared.app;
  // The launcher's names, English unless the host gives its own (data-label, data-close-label).
  var LAUNCHER_LABEL = 'Loyalty rewards';
  var CLOSE_LABEL = 'Close';
  // Without an answer by then, the button shows its plain label rather than stay hidden.
  var BADGE_WAIT_MS = 2000;
  // The launcher lives in a shadow root, so the host page's styles neither reach it nor are touched by it.
  // Nothing of it is in the page's flow, and the panel has one height whatever the widget shows (the frame's
  // own document scrolls), so neither the closed launcher nor a tab switch moves anything.
  var STYLE =
    ':host{--g:16px}button{font:600 16px system-ui;cursor:pointer;border:0;color:#fff;background:#1f2937}' +
    '.open{position:fixed;z-index:2147483000;padding:12px 20px;border-radius:24px;white-space:nowrap}' +
    '.dot{position:absolute;top:0;right:0;width:12px;height:12px;border:2px solid #fff;' +
    'border-radius:50%;background:#d97706}' +
    'dialog{margin:0;inset:auto;padding:0;border:0;border-radius:12px;width:400px;' +
    'max-width:calc(100% - 2*var(--g));height:640px;max-height:calc(100% - 2*var(--g))}' +
    'dialog[open]{display:flex;flex-direction:column}dialog::backdrop{background:#0006}' +
    '.close{align-self:flex-end;width:44px;height:44px;font-size:24px;color:#1f2937;background:0}' +
    'div{flex:1;min-height:0}' +
    '@media(max-width:480px){:host{--g:8px}dialog{left:8px;right:8px;width:auto}}';

  /**
   * A floating button in one corner that opens a modal panel holding the widget. The iframe is made on the
   * first open and kept. Focus stays in the panel while it is open and returns to the button when it closes.
   */
  function launcher(element) {
    var label = shared.value(element, 'label') || LAUNCHER_LABEL;
    var corner = shared.value(element, 'position');
    if (!/^(top|bottom)-(left|right)$/.test(corner)) corner = 'bottom-right';
    var root = element.attachShadow({ mode: 'open' });
    root.innerHTML =
      '<style>' +
      STYLE +
      '</style><button class="open" aria-haspopup="dialog" hidden><span dir="auto"></span>' +
      '<span class="dot" role="img" hidden></span></button><dialog aria-modal="true">' +
      '<button class="close">×</button><div></div><span tabindex="0"></span></dialog>';
    var open = root.querySelector('.open');
    var dialog = root.querySelector('dialog');
    var close = root.querySelector('.close');
    var widget = { element: element, close: () => dialog.close(), fills: true };
    [open, dialog].forEach((part) => {
      corner.split('-').forEach((side) => part.style.setProperty(side, 'var(--g)'));
    });
    // Layout shifts are measured from a box's inline-start corner: written from the side it is pinned to,
    // the button can change its words without moving that corner, so a new balance shifts nothing.
    open.style.direction = corner.endsWith('right') ? 'rtl' : 'ltr';
    dialog.setAttribute('aria-label', label);
    close.setAttribute('aria-label', shared.value(element, 'close-label') || CLOSE_LABEL);
    close.onclick = widget.close;
    open.onclick = () => {
      if (!widget.frame) {
        widget.frame = shared.frame(element, 'card', true);
        widget.frame.style.height = '100%';
        root.querySelector('div').appendChild(widget.frame);
        shared.add(widget);
      }
      dialog.showModal();
      close.focus();
    };
    // Escape, the close button and the frame's own Escape all end here.
    dialog.onclose = () => open.focus();
    // Tab past the iframe lands on this guard and wraps to the close button; Shift+Tab from the close button
    // goes back into the iframe, whose own content then holds the focus.
    dialog.lastChild.onfocus = () => close.focus();
    close.onkeydown = (event) => {
      if (event.key !== 'Tab' || !event.shiftKey) return;
      event.preventDefault();
      widget.frame.focus();
    };
    badge(element, widget, open, label);
  }

  /**
   * The button's words, from `/embed/api/launcher`: one credentialed GET that the partitioned session rides
   * on, answered with the label in the shopper's language, the dot's words when a reward is available, and
   * the balance it shows. It is asked again when a widget on the page says the member or the points changed.
   * Any failure leaves the plain label. The button appears with its first answer, so its words do not change
   * under the shopper's eyes, or after BADGE_WAIT_MS without one.
   */
  function badge(element, widget, open, label) {
    var text = open.firstChild;
    var dot = open.lastChild;
    var shown = { balance: null };
    var asked = 0;
    var later;
    var reveal = setTimeout(() => (open.hidden = false), BADGE_WAIT_MS);

    function show(reply) {
      // A storefront's member token is spent when the panel first opens: until then, a session-less answer
      // says "visitor" about a shopper the storefront knows.
      var waitsForToken = !widget.frame && element.hasAttribute('data-member-token');
      if (!reply || typeof reply.label !== 'string' || (waitsForToken && reply.balance === null)) {
        reply = { label: label, reward: null, balance: null };
      }
      text.textContent = reply.label;
      if (reply.lang) open.lang = reply.lang;
      else open.removeAttribute('lang');
      dot.hidden = typeof reply.reward !== 'string';
      dot.setAttribute('aria-label', reply.reward || '');
      shown = reply;
      clearTimeout(reveal);
      open.hidden = false;
    }

    function ask() {
      var mine = ++asked;
      var locale = shared.value(element, 'locale');
      fetch(APP + '/embed/api/launcher' + (locale ? '?locale=' + encodeURIComponent(locale) : ''), {
        credentials: 'include',
      })
        .then((response) => (response.ok ? response.json() : null))
        .catch(() => null)
        .then((reply) => mine === asked && show(reply));
    }

    // Every widget on the page reports what it learns. A change the button does not show yet asks again; a
    // sign-in relayed to several widgets reaches it several times at once, and those asks become one.
    function soon() {
      clearTimeout(later);
      later = setTimeout(ask, 50);
    }
    document.addEventListener('loyalty:points-changed', (event) => {
      if ((event.detail || {}).balance !== shown.balance) soon();
    });
    document.addEventListener('loyalty:signed-in', () => {
      if (shown.balance === null) soon();
    });
    document.addEventListener('loyalty:signed-out', () => {
      if (shown.balance !== null) soon();
    });
    ask();
  }

  var waiting = shared.waiting;
  shared.waiting = { push: launcher };
  waiting.forEach(launcher);
})();
