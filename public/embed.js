/*
 * The loyalty widget loader: <div data-loyalty-widget></div><script async src="https://APP/embed.js"></script>
 * Puts an iframe of APP/embed in every [data-loyalty-widget], now and added later. Plain ES2019, no
 * dependencies, kept under 2 KB gzipped; the README documents the attributes, events and API.
 */
(function () {
  'use strict';
  if (window.LoyaltyWidget) return;
  var script = document.currentScript;
  if (!script) return;
  var APP = new URL(script.src).origin;
  // The widget's fixed height (WIDGET_HEIGHT_PX on the server): the iframe starts at it, so the host page
  // does not shift when the widget loads.
  var HEIGHT = 480;
  var MAX_VALUE = 64;
  // The views the widget knows (WIDGET_VIEWS on the server), each with its iframe's title.
  var TITLES = {
    card: 'Loyalty card',
    earn: 'Ways to earn loyalty points',
    rewards: 'Loyalty rewards',
    activity: 'Loyalty activity',
  };
  var widgets = [];
  // A member token is spent by the first widget that carries it; the others follow that widget's session.
  var spentTokens = {};

  function value(element, name) {
    var raw = element.getAttribute('data-' + name);
    return raw && raw.length <= MAX_VALUE ? raw : null;
  }

  function mount(element) {
    if (element.__loyaltyWidget) return;
    var query = new URLSearchParams({ origin: location.origin });
    var view = TITLES.hasOwnProperty(value(element, 'view')) ? value(element, 'view') : 'card';
    query.set('view', view);
    ['theme', 'accent', 'locale'].forEach(function (name) {
      var given = value(element, name);
      if (given) query.set(name, given);
    });
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
    // The rewards view's Copy button writes the coupon code to the clipboard from inside the frame.
    frame.allow = 'clipboard-write';
    frame.src = APP + '/embed?' + query + fragment;
    frame.style.cssText = 'display:block;width:100%;height:' + HEIGHT + 'px;border:0;overflow:hidden';
    element.__loyaltyWidget = true;
    element.appendChild(frame);
    widgets.push({ element: element, frame: frame });
  }

  function scan() {
    widgets = widgets.filter(function (widget) {
      return widget.element.isConnected;
    });
    document.querySelectorAll('[data-loyalty-widget]').forEach(mount);
  }

  function tell(widget, message) {
    message.loyaltyWidget = 1;
    if (widget.frame.contentWindow) widget.frame.contentWindow.postMessage(message, APP);
  }

  // Only the app's origin, and only a window that is one of our iframes, is listened to.
  window.addEventListener('message', function (event) {
    if (event.origin !== APP || !event.data || event.data.loyaltyWidget !== 1) return;
    var from = widgets.filter(function (widget) {
      return widget.frame.contentWindow === event.source;
    })[0];
    if (!from) return;
    var data = event.data;
    if (data.type === 'resize') {
      var height = Math.round(Number(data.height));
      if (height >= 100 && height <= 4000) from.frame.style.height = height + 'px';
      return;
    }
    if (['ready', 'signed-in', 'signed-out', 'points-changed'].indexOf(data.type) < 0) return;
    var detail = typeof data.balance === 'number' ? { balance: data.balance } : {};
    from.element.dispatchEvent(new CustomEvent('loyalty:' + data.type, { bubbles: true, detail: detail }));
    // The widgets on a page share one session: what one learns, the others show.
    widgets.forEach(function (widget) {
      if (widget === from || data.type === 'ready') return;
      tell(
        widget,
        data.type === 'points-changed'
          ? { type: 'points-changed', balance: data.balance }
          : { type: 'refresh' },
      );
    });
  });

  window.LoyaltyWidget = {
    refresh: function () {
      widgets.forEach(function (widget) {
        tell(widget, { type: 'refresh' });
      });
    },
  };

  scan();
  new MutationObserver(scan).observe(document.documentElement, { childList: true, subtree: true });
})();
