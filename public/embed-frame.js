/*
 * The embedded widget's only script, inside the iframe on this app's origin. The server renders every state
 * (words included); this script asks for it again and swaps it in, switches views in place, opens the
 * sign-in popup, claims offers, redeems rewards, pages the history, applies points at checkout and takes
 * them off again, and talks to the host page: it posts only to the origin that framed it and accepts from no
 * one else.
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

  /** The view's live region: what the widget says, for screen readers and on screen. */
  function liveRegion() {
    return main.querySelector('[aria-live]');
  }

  /**
   * Shows what the server rendered, and tells the host what changed. `asked`: the host asked for this view,
   * as it asks every widget on the page at once, so a sign-in or sign-out found in it goes no further.
   */
  function render(reply, asked) {
    if (!reply || typeof reply.html !== 'string') return;
    var hadFocus = main.contains(document.activeElement);
    var announced = liveRegion() ? liveRegion().textContent : '';
    var redeemed = main.querySelector('[data-redeemed-slot]');
    redeemed = redeemed ? redeemed.innerHTML : '';
    var confirming = openConfirmation();
    main.innerHTML = reply.html;
    // A refresh that lands just after a claim or a redemption (the live stream often beats its own reply)
    // must not wipe what it announced or the coupon it gave; a change of who is signed in starts afresh.
    if (reply.signedIn === signedIn) {
      var status = liveRegion();
      // The server's region may hold only whitespace: that is empty too.
      if (announced.trim() && status && !status.textContent.trim()) status.textContent = announced;
      var slot = main.querySelector('[data-redeemed-slot]');
      if (redeemed && slot && !slot.innerHTML) slot.innerHTML = redeemed;
      if (confirming && reopenConfirmation(confirming, hadFocus)) hadFocus = false;
    }
    if (hadFocus) {
      var next = main.querySelector('[data-action], a[href]');
      if (next) next.focus({ preventScroll: true });
    }
    var was = signedIn;
    signedIn = reply.signedIn === true;
    if (signedIn !== was) toHost({ type: signedIn ? 'signed-in' : 'signed-out', relayed: asked === true });
    followLive();
    revealShare();
    if (!signedIn) balance = null;
    else if (typeof reply.balance === 'number') {
      if (balance === null) balance = reply.balance;
      else pointsChanged(reply.balance, 'here');
    }
    postHeight();
  }

  async function refresh(notice, asked) {
    render(await call('GET', 'view', null, notice ? 'notice=' + encodeURIComponent(notice) : ''), asked);
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

  function say(text) {
    var status = liveRegion();
    if (status && typeof text === 'string') status.textContent = text;
  }

  async function claim(button) {
    var offerId = button.getAttribute('data-offer-id');
    var label = button.textContent;
    button.disabled = true;
    button.textContent = button.getAttribute('data-busy-label');
    var reply = await call('POST', 'claim', { offerId: offerId });
    button.disabled = false;
    button.textContent = label;
    if (!reply) return;
    if (reply.code === 'SIGN_IN_REQUIRED') return refresh();
    if (reply.ok || reply.code === 'ALREADY_CLAIMED') {
      // The offer's button in the view shown now: a reload that was on its way when the member clicked lands
      // first (one request at a time), read before the claim, and replaces the button that was clicked.
      var shown = main.querySelector('[data-action="claim"][data-offer-id="' + CSS.escape(offerId) + '"]');
      var done = main.querySelector('template[data-offer-done]');
      if (done && shown) shown.replaceWith(done.content.cloneNode(true));
    }
    say(reply.announcement);
    if (reply.ok) pointsChanged(reply.balance, 'here');
  }

  function focusFirst(selectors) {
    for (var i = 0; i < selectors.length; i++) {
      var target = main.querySelector(selectors[i]);
      if (target) return target.focus({ preventScroll: true });
    }
  }

  /**
   * Shows another view in place: every request from now on names it. A view the card opens gets a way back
   * (`from=card`); with the tab bar, focus stays on the tabs, else it goes to the new view's heading.
   */
  async function openView(view, fromTab) {
    var params = new URLSearchParams(query);
    if (params.get('view') === view) return;
    var before = query;
    if (params.get('view') === 'card' && params.get('nav') !== '1') params.set('from', 'card');
    if (view === 'card') params.delete('from');
    params.set('view', view);
    query = '?' + params;
    var reply = await call('GET', 'view');
    if (!reply || typeof reply.html !== 'string') {
      query = before;
      return;
    }
    render(reply);
    focusFirst([fromTab ? '[role="tab"][aria-selected="true"]' : '[data-view-heading]', '[data-action]']);
  }

  /** The confirmation beside a reward's Redeem, written by the server and hidden until asked for. */
  /** The reward whose redemption the member is confirming, while it is not on its way yet; else null. */
  function openConfirmation() {
    var confirm = main.querySelector(
      '[data-confirm]:not([hidden]) [data-action="confirm-redeem"]:not(:disabled)',
    );
    return confirm ? confirm.getAttribute('data-reward-id') : null;
  }

  /**
   * A refresh (a live update, another widget's change) that lands while the member confirms a redemption
   * keeps the confirmation open when the reward is still theirs to redeem, so their next click is the one
   * they meant rather than a Redeem that moved; the focus goes back to it only if it was in this frame.
   * True when it reopened.
   */
  function reopenConfirmation(rewardId, focus) {
    var confirm = main.querySelector(
      '[data-action="confirm-redeem"][data-reward-id="' + CSS.escape(rewardId) + '"]',
    );
    var item = confirm && confirm.closest('li');
    var opener = item && item.querySelector('[data-action="redeem"]');
    if (!opener || opener.disabled) return false;
    confirmStep(item, true, focus);
    return true;
  }

  function confirmStep(item, open, focus) {
    main.querySelectorAll('[data-confirm]').forEach(function (other) {
      if (other.closest('li') !== item) other.hidden = true;
    });
    var opener = item.querySelector('[data-action="redeem"]');
    item.querySelector('[data-confirm]').hidden = !open;
    opener.setAttribute('aria-expanded', String(open));
    if (focus !== false) (open ? item.querySelector('[data-action="cancel-redeem"]') : opener).focus();
    postHeight();
  }

  async function redeem(button) {
    var rewardId = button.getAttribute('data-reward-id');
    var step = button.closest('[data-confirm]').querySelectorAll('button');
    step.forEach(function (control) {
      control.disabled = true;
    });
    button.textContent = button.getAttribute('data-busy-label');
    var reply = await call('POST', 'redeem', { rewardId: rewardId });
    if (!reply || typeof reply.html !== 'string') {
      if (reply) say(reply.announcement);
      return refresh();
    }
    render(reply);
    say(reply.announcement);
    var slot = main.querySelector('[data-redeemed-slot]');
    if (reply.ok && slot && typeof reply.redeemed === 'string') slot.innerHTML = reply.redeemed;
    focusFirst([
      reply.ok ? '[data-redeemed-slot] [tabindex="-1"]' : '[aria-controls="confirm-' + rewardId + '"]',
      '[data-view-heading]',
    ]);
    postHeight();
  }

  async function copy(button) {
    try {
      await navigator.clipboard.writeText(button.getAttribute('data-code'));
      say(button.getAttribute('data-copied'));
    } catch {
      say(button.getAttribute('data-copy-failed'));
    }
  }

  /** Share appears only where the browser has the Web Share API; a cancelled share says nothing. */
  function revealShare() {
    if (!navigator.share) return;
    main.querySelectorAll('[data-action="share"]').forEach(function (button) {
      button.hidden = false;
    });
  }

  function share(button) {
    navigator
      .share({ text: button.getAttribute('data-share-text'), url: button.getAttribute('data-share-url') })
      .catch(function () {});
  }

  /** The next page of the history, appended; focus goes to its first entry. */
  async function more(button) {
    var label = button.textContent;
    button.disabled = true;
    button.textContent = button.getAttribute('data-busy-label');
    var reply = await call('POST', 'activity', { cursor: button.getAttribute('data-cursor') });
    button.disabled = false;
    button.textContent = label;
    if (!reply) return;
    if (reply.code === 'SIGN_IN_REQUIRED') return refresh();
    say(reply.announcement);
    var list = main.querySelector('ol.entries');
    if (!reply.ok || typeof reply.rows !== 'string' || !list) return;
    var first = list.children.length;
    list.insertAdjacentHTML('beforeend', reply.rows);
    if (reply.next) button.setAttribute('data-cursor', reply.next);
    else button.remove();
    if (list.children[first]) list.children[first].focus();
    postHeight();
  }

  /** Points at checkout: the checkout and the one thing chosen; the server decides whether and how much. */
  function applyPoints(button) {
    var body = {};
    var number = main.querySelector('[data-points-number]');
    if (button.hasAttribute('data-reward-id')) body.rewardId = button.getAttribute('data-reward-id');
    else if (button.hasAttribute('data-coupon-id')) body.couponId = button.getAttribute('data-coupon-id');
    else if (button.hasAttribute('data-referral-reward-id')) {
      body.referralRewardId = button.getAttribute('data-referral-reward-id');
    } else if (number) body.pointsToSpend = Number(number.value);
    return changeCheckout(button, 'checkout-apply', body, 'discount-applied');
  }

  /**
   * An apply or a Remove: the button stays disabled until the server answers, so a double click posts once.
   * The host hears what happened to its checkout (`loyalty:discount-applied` or `loyalty:discount-removed`).
   */
  async function changeCheckout(button, path, body, told) {
    var checkout = main.querySelector('[data-checkout-id]');
    if (!checkout) return;
    body.checkoutId = checkout.getAttribute('data-checkout-id');
    var label = button.textContent;
    button.disabled = true;
    button.textContent = button.getAttribute('data-busy-label');
    var reply = await call('POST', path, body);
    if (!reply || typeof reply.html !== 'string') {
      button.disabled = false;
      button.textContent = label;
      return;
    }
    // The new balance reaches the host and the other widgets through render's pointsChanged.
    render(reply);
    // An apply's reply does not know what came off yet: the view's own read has Wix's figure.
    if (main.querySelector('[data-amount-pending]')) refresh();
    if (reply.ok && reply.discount) {
      toHost({
        type: told,
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

  /**
   * The preview's order amount changed on the host (a quantity did): the view is asked for again with it.
   * The server checks it as it checks the first one; until its answer lands the old figure is dimmed.
   */
  function orderAmount(amount) {
    var params = new URLSearchParams(query);
    if (typeof amount !== 'string') amount = null;
    if (params.get('amount') === amount) return;
    if (amount === null) params.delete('amount');
    else params.set('amount', amount);
    query = '?' + params;
    main.setAttribute('aria-busy', 'true');
    refresh(null, true).then(function () {
      if (query === '?' + params) main.removeAttribute('aria-busy');
    });
  }

  async function post(path, body) {
    var reply = await call('POST', path, body || {});
    render(reply);
    // A new account: the other widgets on the page show it too.
    if (path === 'join' && reply && reply.ok) toHost({ type: 'points-changed', balance: reply.balance });
    return reply;
  }

  /** Puts the referral code in the frame's address and every request's query, or takes it out (null). */
  function holdReferralCode(code) {
    var params = new URLSearchParams(query);
    if (code === null) params.delete('ref');
    else params.set('ref', code);
    query = '?' + params;
    history.replaceState(null, '', location.pathname + query);
  }

  /** Takes the referral code out of the frame's address, so it is sent at most once; null if there is none. */
  function takeReferralCode() {
    var code = new URLSearchParams(query).get('ref');
    holdReferralCode(null);
    return code;
  }

  /**
   * Records the member as referred by the code the frame holds: right after a friend signed in from the
   * welcome, or when a member already signed in uses the invite (`button`). Never on a page load: only
   * their action posts it. The code leaves the frame's address now, recorded or refused; a reply lost to
   * the network gives it back, and the same code again answers the same record.
   */
  async function acceptReferral(button) {
    var label = button && button.textContent;
    if (button) {
      button.disabled = true;
      button.textContent = button.getAttribute('data-busy-label');
    }
    var code = takeReferralCode();
    // The post of a sign-in just made is on its way: its reply replaces this welcome.
    if (!code) return;
    var reply = await post('referral', { referralCode: code });
    if ((reply && typeof reply.html === 'string') || !button || !main.contains(button)) return;
    holdReferralCode(code);
    button.disabled = false;
    button.textContent = label;
  }

  /** A friend who arrived with a referral code and has just signed in from the welcome is recorded. */
  function referral(reply) {
    if (reply && reply.ok && new URLSearchParams(query).has('ref')) acceptReferral();
  }

  /** "Not now": the code leaves the frame's address, and the view asked for shows instead of the welcome. */
  function skipReferral() {
    takeReferralCode();
    refresh();
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
    else if (action === 'open-view')
      openView(button.getAttribute('data-view'), button.getAttribute('role') === 'tab');
    else if (action === 'redeem')
      confirmStep(button.closest('li'), button.getAttribute('aria-expanded') !== 'true');
    else if (action === 'cancel-redeem') confirmStep(button.closest('li'), false);
    else if (action === 'confirm-redeem') redeem(button);
    else if (action === 'copy') copy(button);
    else if (action === 'share') share(button);
    else if (action === 'more') more(button);
    else if (action === 'apply') applyPoints(button);
    else if (action === 'remove') changeCheckout(button, 'checkout-remove', {}, 'discount-removed');
    else if (action === 'use-referral') acceptReferral(button);
    else if (action === 'skip-referral') skipReferral();
  });

  // The tab bar: arrow keys (mirrored right to left), Home and End move between tabs; Enter or Space opens.
  main.addEventListener('keydown', function (event) {
    var tab = event.target.closest('[role="tab"]');
    if (!tab) return;
    var tabs = Array.prototype.slice.call(tab.parentNode.querySelectorAll('[role="tab"]'));
    var step = { ArrowRight: 1, ArrowLeft: -1 }[event.key] || 0;
    if (document.documentElement.dir === 'rtl') step = -step;
    var index = tabs.indexOf(tab);
    var next = event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : index + step;
    if (next === index && !step) return;
    event.preventDefault();
    next = (next + tabs.length) % tabs.length;
    tabs.forEach(function (candidate, position) {
      candidate.tabIndex = position === next ? 0 : -1;
    });
    tabs[next].focus();
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
      if (data.type === 'handoff') post('session', { code: data.code, nonce: nonce }).then(referral);
      else if (data.type === 'handoff-error') refresh(data.code);
      return;
    }
    if (event.source !== window.parent || event.origin !== HOST) return;
    if (data.type === 'refresh') refresh(null, true);
    else if (data.type === 'points-changed') pointsChanged(data.balance, 'host');
    else if (data.type === 'amount') orderAmount(data.amount);
  });

  // Escape inside the frame reaches only this document; a host that shows the widget in a panel closes it.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !event.defaultPrevented) toHost({ type: 'close' });
  });

  if (window.ResizeObserver) new ResizeObserver(postHeight).observe(main);
  followLive();
  revealShare();
  toHost({ type: 'ready' });
  postHeight();

  // A storefront's signed member token, from the fragment embed.js wrote; spent once, then forgotten.
  var token = /[#&]member-token=([^&]+)/.exec(location.hash);
  if (token) {
    history.replaceState(null, '', location.pathname + location.search);
    // A referral code is not posted after it: the member did nothing yet, and the welcome offers the invite.
    post('sso', { token: decodeURIComponent(token[1]) }).then(function (reply) {
      // A refused token ended any session here; the other widgets on the page must know.
      if (!reply || (!reply.ok && !reply.signedIn)) toHost({ type: 'signed-out' });
    });
  }
})();
