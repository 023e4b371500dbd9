/*
 * The embedded widget's only script, inside the iframe on this app's origin. The server renders every state
 * (words included); this script asks for it again and swaps it in, opens the sign-in popup, claims offers,
 * and talks to the host page: it posts only to the origin that framed it and accepts from no one else.
 */
(function () {
  'use strict';
  var main = document.getElementById('widget');
  var HOST = document.documentElement.getAttribute('data-host-origin') || null;
  // Every request repeats the widget's options, so the server renders the same widget again.
  var query = location.search;
  var balance = readBalance();
  var signedIn = readSignedIn();
  var pending = null;

  function readBalance() {
    var element = main.querySelector('[data-balance]');
    return element ? Number(element.getAttribute('data-balance')) : null;
  }

  function readSignedIn() {
    var element = main.querySelector('[data-signed-in]');
    return !!element && element.getAttribute('data-signed-in') === 'true';
  }

  function toHost(message) {
    if (!HOST || window.parent === window) return;
    // Where the browser tells us who framed us, it must be the page we were told about.
    var ancestors = location.ancestorOrigins;
    if (ancestors && ancestors.length && ancestors[0] !== HOST) return;
    message.loyaltyWidget = 1;
    window.parent.postMessage(message, HOST);
  }

  function postHeight() {
    toHost({ type: 'resize', height: Math.ceil(main.getBoundingClientRect().height) });
  }

  function offline(shown) {
    document.querySelector('[data-offline]').hidden = !shown;
  }

  /**
   * One request at a time, in order: a refresh asked for while a sign-out is on its way must read the
   * session the sign-out leaves, not overtake it and show the member again.
   */
  var queue = Promise.resolve();
  function call(method, path, body, extra) {
    var next = queue.then(function () {
      return send(method, path, body, extra);
    });
    queue = next;
    return next;
  }

  async function send(method, path, body, extra) {
    var url = '/embed/api/' + path + (query || '?') + (extra ? '&' + extra : '');
    try {
      var response = await fetch(url, {
        method: method,
        credentials: 'same-origin',
        headers: body ? { 'content-type': 'application/json' } : {},
        body: body ? JSON.stringify(body) : undefined,
      });
      var reply = await response.json();
      offline(false);
      return reply;
    } catch {
      offline(true);
      return null;
    }
  }

  function announcement() {
    var status = main.querySelector('[aria-live]');
    return status ? status.textContent : '';
  }

  /** Shows what the server rendered, and tells the host what changed. */
  function render(reply) {
    if (!reply || typeof reply.html !== 'string') return;
    var hadFocus = main.contains(document.activeElement);
    var announced = announcement();
    main.innerHTML = reply.html;
    // A refresh that lands just after a claim (the live stream often beats the claim's own reply) must not
    // wipe what the claim announced; a change of who is signed in starts afresh.
    if (announced && reply.signedIn === signedIn) {
      var status = main.querySelector('[aria-live]');
      if (status && !status.textContent) status.textContent = announced;
    }
    if (hadFocus) {
      var next = main.querySelector('[data-action], a[href]');
      if (next) next.focus({ preventScroll: true });
    }
    var was = signedIn;
    signedIn = reply.signedIn === true;
    if (signedIn !== was) toHost({ type: signedIn ? 'signed-in' : 'signed-out' });
    followLive();
    if (!signedIn) balance = null;
    else if (typeof reply.balance === 'number') {
      if (balance === null) balance = reply.balance;
      else pointsChanged(reply.balance, 'here');
    }
    postHeight();
  }

  async function refresh(notice) {
    render(await call('GET', 'view', null, notice ? 'notice=' + encodeURIComponent(notice) : ''));
  }

  /**
   * The member's changes pushed by the server when Wix says the account changed: open while signed in (the
   * browser reconnects a dropped stream by itself), closed once signed out.
   */
  var live = null;
  function followLive() {
    if (signedIn && !live && window.EventSource) {
      live = new EventSource('/embed/api/events');
      live.addEventListener('account', function (event) {
        try {
          pointsChanged(JSON.parse(event.data).account.balance, 'live');
        } catch {
          // A message we cannot read changes nothing; the next one or a refresh will.
        }
      });
    } else if (!signedIn && live) {
      live.close();
      live = null;
    }
  }

  /**
   * The one path for "the member's points changed": a claim in this widget ('here'), another widget's
   * change relayed by the host ('host'), and the live-updates stream ('live'). The host hears about every
   * change it did not relay.
   */
  function pointsChanged(next, source) {
    if (typeof next !== 'number' || next === balance) return;
    balance = next;
    if (source !== 'host') toHost({ type: 'points-changed', balance: next });
    if (source !== 'here') refresh();
  }

  function randomNonce() {
    var bytes = crypto.getRandomValues(new Uint8Array(32));
    return btoa(String.fromCharCode.apply(null, bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  }

  /** Sign-in runs in a first-party popup; a blocked popup reveals a link that opens it in a tab instead. */
  function signIn() {
    pending = { nonce: randomNonce(), window: null };
    var url = '/auth/popup?nonce=' + pending.nonce;
    pending.window = window.open(url, 'loyalty-sign-in', 'popup=yes,width=480,height=680');
    if (pending.window) return;
    var blocked = main.querySelector('[data-popup-blocked]');
    if (!blocked) return;
    blocked.querySelector('[data-sign-in-link]').href = url;
    blocked.hidden = false;
    postHeight();
  }

  async function claim(button) {
    var offer = button.closest('[data-offer]');
    var label = button.textContent;
    button.disabled = true;
    button.textContent = button.getAttribute('data-busy-label');
    var reply = await call('POST', 'claim', { offerId: button.getAttribute('data-offer-id') });
    button.disabled = false;
    button.textContent = label;
    if (!reply) return;
    if (reply.code === 'SIGN_IN_REQUIRED') return refresh();
    if (reply.ok || reply.code === 'ALREADY_CLAIMED') {
      var done = main.querySelector('template[data-offer-done]');
      if (done && offer) button.replaceWith(done.content.cloneNode(true));
    }
    var status = main.querySelector('[aria-live]');
    if (status && typeof reply.announcement === 'string') status.textContent = reply.announcement;
    if (reply.ok) pointsChanged(reply.balance, 'here');
  }

  /** Points at checkout: the checkout and the one thing chosen; the server decides whether and how much. */
  async function applyPoints(button) {
    var checkout = main.querySelector('[data-checkout-id]');
    if (!checkout) return;
    var body = { checkoutId: checkout.getAttribute('data-checkout-id') };
    var number = main.querySelector('[data-points-number]');
    if (button.hasAttribute('data-reward-id')) body.rewardId = button.getAttribute('data-reward-id');
    else if (button.hasAttribute('data-coupon-id')) body.couponId = button.getAttribute('data-coupon-id');
    else if (number) body.pointsToSpend = Number(number.value);
    button.disabled = true;
    button.textContent = button.getAttribute('data-busy-label');
    var reply = await call('POST', 'checkout-apply', body);
    if (!reply || typeof reply.html !== 'string') {
      button.disabled = false;
      return;
    }
    render(reply);
    if (reply.ok && reply.discount) {
      pointsChanged(reply.balance, 'here');
      toHost({
        type: 'discount-applied',
        checkoutId: reply.discount.checkoutId,
        discountId: reply.discount.discountId,
        status: reply.discount.status,
      });
    }
  }

  /** The flexible points' slider and number move together, and the sentence says what they take off. */
  function choosePoints(input) {
    var panel = input.closest('[data-flexible]');
    var points = Number(input.value);
    if (!panel || !(points >= 0)) return;
    panel.querySelectorAll('[data-points-range], [data-points-number]').forEach(function (other) {
      if (other !== input) other.value = String(points);
    });
    var step = Number(panel.getAttribute('data-step'));
    var amount = Math.floor((points * Number(panel.getAttribute('data-unit-amount')) * 100) / step) / 100;
    var locale = panel.getAttribute('data-locale');
    var currency = panel.getAttribute('data-currency');
    var money = currency
      ? new Intl.NumberFormat(locale, { style: 'currency', currency: currency }).format(amount)
      : new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(amount);
    panel.querySelector('[data-flexible-gives]').textContent = panel
      .getAttribute('data-template')
      .replace('%POINTS%', new Intl.NumberFormat(locale).format(points))
      .replace('%AMOUNT%', money);
  }

  async function post(path, body) {
    var reply = await call('POST', path, body || {});
    render(reply);
    // A new account: the other widgets on the page show it too.
    if (path === 'join' && reply && reply.ok) toHost({ type: 'points-changed', balance: reply.balance });
    return reply;
  }

  main.addEventListener('click', function (event) {
    var button = event.target.closest('[data-action]');
    if (!button || button.disabled) return;
    var action = button.getAttribute('data-action');
    if (action === 'sign-in') signIn();
    else if (action === 'claim') claim(button);
    else if (action === 'join') post('join');
    else if (action === 'sign-out') post('sign-out');
    else if (action === 'retry') refresh();
    else if (action === 'apply') applyPoints(button);
  });

  main.addEventListener('input', function (event) {
    if (event.target.matches('[data-points-range], [data-points-number]')) choosePoints(event.target);
  });

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.loyaltyWidget !== 1) return;
    // The popup (or the tab it fell back to): our own origin, and the nonce this frame generated.
    if (event.origin === location.origin && event.source !== window.parent && pending) {
      if (data.nonce !== pending.nonce || (pending.window && event.source !== pending.window)) return;
      var nonce = pending.nonce;
      pending = null;
      if (data.type === 'handoff') post('session', { code: data.code, nonce: nonce });
      else if (data.type === 'handoff-error') refresh(data.code);
      return;
    }
    if (event.source !== window.parent || event.origin !== HOST) return;
    if (data.type === 'refresh') refresh();
    else if (data.type === 'points-changed') pointsChanged(data.balance, 'host');
  });

  if (window.ResizeObserver) new ResizeObserver(postHeight).observe(main);
  followLive();
  toHost({ type: 'ready' });
  postHeight();

  // A storefront's signed member token, from the fragment embed.js wrote; spent once, then forgotten.
  var token = /[#&]member-token=([^&]+)/.exec(location.hash);
  if (token) {
    history.replaceState(null, '', location.pathname + location.search);
    post('sso', { token: decodeURIComponent(token[1]) }).then(function (reply) {
      // A refused token ended any session here; the other widgets on the page must know.
      if (!reply || (!reply.ok && !reply.signedIn)) toHost({ type: 'signed-out' });
    });
  }
})();
