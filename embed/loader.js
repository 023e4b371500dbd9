/*
 * The loyalty widget loader: <div data-loyalty-widget></div><script async src="https://APP/embed.js"></script>
 * Puts an iframe of APP/embed in every [data-loyalty-widget], now and added later; for data-view="launcher"
 * it loads APP/embed-launcher.js (embed/launcher.js), the floating button that opens the widget in a panel,
 * so a page without a launcher loads only this file. Plain ES2019, no dependencies; `embed/main.ts` minifies
 * it into public/embed.js, which must stay under 2 KB gzipped. The README documents the attributes, events
 * and API.
 */
(() => {
  'use strict';
  if (window.LoyaltyWidget) return;
  var script = document.currentScript;
  if (!script) return;
  var APP = new URL(script.src).origin;
  // The widget's fixed height (WIDGET_HEIGHT_PX on the server): the iframe starts at it, so the host page
  // does not shift when the widget loads.
  var HEIGHT = 480;
  // The earn preview's one line (PREVIEW_HEIGHT_PX on the server), which hosts reserve as the README says.
  var LINE = 40;
  var MAX_VALUE = 64;
  var TITLES = {
    card: 'Loyalty card',
    earn: 'Ways to earn loyalty points',
    rewards: 'Loyalty rewards',
    activity: 'Loyalty points activity',
    checkout: 'Loyalty points at checkout',
    tiers: 'Loyalty tiers',
    preview: 'Loyalty points for this order',
    refer: 'Refer a friend',
  };
  var widgets = [];
  // A member token is spent by the first widget that carries it; the others follow that widget's session.
  var spentTokens = {};

  function value(element, name) {
    var raw = element.getAttribute('data-' + name);
    return raw && raw.length <= MAX_VALUE ? raw : null;
  }

  /**
   * The preview's amount, checked as the server checks it (a positive decimal of at most two places, at most
   * 1,000,000): a bad one folds the iframe to nothing at once, so no figure shows for a moment.
   */
  function amountOk(element) {
    var amount = value(element, 'amount');
    return /^\d{1,7}(\.\d\d?)?$/.test(amount) && amount > 0 && amount <= 1e6;
  }

  /** An iframe of the widget `view` with the element's options; the launcher's also asks for its tab bar. */
  function frameFor(element, view, nav) {
    var query = new URLSearchParams({ origin: location.origin, view: view });
    if (nav) query.set('nav', '1');
    ['theme', 'accent', 'locale', 'checkout-id', 'amount', 'currency'].forEach((name) => {
      var given = value(element, name);
      if (given) query.set(name === 'checkout-id' ? 'checkout' : name, given);
    });
    // A friend's referral code, from the widget or the page's one `?ref=`, checked as the server checks it.
    var refs = new URLSearchParams(location.search).getAll('ref');
    var ref = value(element, 'referral-code') || (refs.length == 1 && refs[0]);
    if (/^[A-Za-z0-9]{12}$/.test(ref)) query.set('ref', ref);
    try {
      query.set('tz', Intl.DateTimeFormat().resolvedOptions().timeZone);
    } catch {
      // No time zone: the widget shows dates in UTC.
    }
    // The member token rides in the fragment, which never reaches a server log; the frame posts it once.
    var token = element.getAttribute('data-member-token');
    var fragment = '';
    if (token && token.length <= 4096 && !spentTokens[token]) {
      spentTokens[token] = true;
      query.set('sso', '1');
      fragment = '#member-token=' + encodeURIComponent(token);
    }
    var frame = document.createElement('iframe');
    frame.title = TITLES[view];
    frame.src = APP + '/embed?' + query + fragment;
    // Copying a coupon code or a referral link, and sharing the link, from a cross-origin frame need the
    // host's leave.
    frame.allow = 'clipboard-write; web-share';
    var height = view == 'preview' ? (amountOk(element) ? LINE : 0) : HEIGHT;
    frame.style.cssText = 'display:block;width:100%;height:' + height + 'px;border:0;overflow:hidden';
    return frame;
  }

  function mount(element) {
    if (element.__loyaltyWidget) return;
    element.__loyaltyWidget = true;
    var view = value(element, 'view');
    if (view === 'launcher') return launcher(element);
    if (!TITLES.hasOwnProperty(view)) view = 'card';
    var frame = frameFor(element, view);
    element.appendChild(frame);
    widgets.push({ element: element, frame: frame, line: view == 'preview' });
  }

  /**
   * What embed-launcher.js borrows from this file, as `window.LoyaltyWidget._`: the app's origin, attribute
   * reading, making a widget's frame and registering a widget for messages. `waiting` holds the launchers
   * found before it arrived; it then takes `waiting.push` over and mounts them and every later one.
   */
  var shared = {
    app: APP,
    value: value,
    frame: frameFor,
    add: (widget) => widgets.push(widget),
    waiting: [],
  };

  function launcher(element) {
    if (!window.LoyaltyWidget._) {
      window.LoyaltyWidget._ = shared;
      var tag = document.createElement('script');
      tag.src = APP + '/embed-launcher.js';
      document.head.appendChild(tag);
    }
    shared.waiting.push(element);
  }

  function scan() {
    widgets = widgets.filter((widget) => widget.element.isConnected);
    document.querySelectorAll('[data-loyalty-widget]').forEach(mount);
  }

  /** The preview's amount as the element has it now; the frame ignores the one it already shows. */
  function amountTo(widget) {
    if (!amountOk(widget.element)) widget.frame.style.height = 0;
    tell(widget, { type: 'amount', amount: value(widget.element, 'amount') });
  }

  function tell(widget, message) {
    message.loyaltyWidget = 1;
    if (widget.frame.contentWindow) widget.frame.contentWindow.postMessage(message, APP);
  }

  // Only the app's origin, and only a window that is one of our iframes, is listened to.
  window.addEventListener('message', (event) => {
    if (event.origin !== APP || !event.data || event.data.loyaltyWidget !== 1) return;
    var from = widgets.find((widget) => widget.frame.contentWindow === event.source);
    if (!from) return;
    var data = event.data;
    if (data.type === 'resize') {
      var height = Math.round(Number(data.height));
      // A launcher's frame fills its panel, which keeps one height; the frame's own document scrolls. An empty
      // preview is zero pixels high; every other view is at least 100.
      if (height >= (from.line ? 0 : 100) && height <= 4000 && !from.fills)
        from.frame.style.height = height + 'px';
      return;
    }
    // Escape pressed inside the frame: only a launcher's panel has anything to close.
    if (data.type === 'close') {
      if (from.close) from.close();
      return;
    }
    if (['discount-applied', 'discount-removed'].includes(data.type)) {
      // Only strings reach the host: a checkout page acts on these, so nothing else is passed on.
      var applied = {};
      ['checkoutId', 'discountId', 'status'].forEach((key) => {
        if (typeof data[key] === 'string') applied[key] = data[key];
      });
      from.element.dispatchEvent(new CustomEvent('loyalty:' + data.type, { bubbles: true, detail: applied }));
      return;
    }
    if (!['ready', 'signed-in', 'signed-out', 'points-changed'].includes(data.type)) return;
    // An amount changed while the frame was loading reached no one: the frame hears it now.
    if (data.type === 'ready' && from.line) amountTo(from);
    var detail = typeof data.balance === 'number' ? { balance: data.balance } : {};
    from.element.dispatchEvent(new CustomEvent('loyalty:' + data.type, { bubbles: true, detail: detail }));
    // The widgets on a page share one session: what one learns, the others show. What it learned from a reload
    // this page asked every widget for, the others are learning too: sent back, it would reload the widget
    // the member just signed in from, closing whatever they had opened there.
    widgets.forEach((widget) => {
      if (widget === from || data.type === 'ready' || data.relayed === true) return;
      tell(
        widget,
        data.type === 'points-changed'
          ? { type: 'points-changed', balance: data.balance }
          : { type: 'refresh' },
      );
    });
  });

  window.LoyaltyWidget = {
    refresh: () => {
      widgets.forEach((widget) => {
        tell(widget, { type: 'refresh' });
      });
    },
  };

  /**
   * A preview's `data-amount` changed (a quantity did): its frame renders the new amount in place, without
   * loading its document again.
   */
  function amountChanged(records) {
    records.forEach((record) => {
      var widget = record.attributeName && widgets.find((widget) => widget.element == record.target);
      if (widget && widget.line) amountTo(widget);
    });
    scan();
  }

  scan();
  new MutationObserver(amountChanged).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributeFilter: ['data-amount'],
  });
})();
