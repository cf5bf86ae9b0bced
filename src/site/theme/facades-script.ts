/** Where the script is written, relative to the output folder. */
export const FACADES_FILE = 'assets/facades.js';

/**
 * assets/facades.js: the only script of post pages. A click on a facade's button replaces it by
 * the third-party frame (YouTube's privacy-enhanced player, or the comment widget, built the way
 * each provider's own client script builds it, so no provider script runs in our page). Nothing
 * third-party is requested before the click. Plain ES5 and DOM level 2: old phones still work.
 */
export const FACADES_JS = `(function () {
  'use strict';
  var ORIGINS = { youtube: 'https://www.youtube-nocookie.com', giscus: 'https://giscus.app', utterances: 'https://utteranc.es', disqus: 'https://disqus.com' };

  function query(params) {
    var out = [];
    for (var k in params) if (Object.prototype.hasOwnProperty.call(params, k) && params[k] != null) out.push(encodeURIComponent(k) + '=' + encodeURIComponent(params[k]));
    return out.join('&');
  }
  function attr(el, name) { return el.getAttribute('data-' + name) || ''; }
  function pageUrl() { return location.href.replace(/#.*$/, ''); }
  function stored(key) { try { return localStorage.getItem(key) || ''; } catch (e) { return ''; } }
  function store(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }

  /* A provider's sign-in comes back with ?giscus=… or ?utterances=…: keep it, clean the address, show the comments. */
  function takeSession(name) {
    var m = new RegExp('[?&]' + name + '=([^&#]*)').exec(location.search);
    if (!m) return '';
    var value = decodeURIComponent(m[1].replace(/\\+/g, ' '));
    store(name + '-session', name === 'giscus' ? JSON.stringify(value) : value);
    var search = location.search.replace(new RegExp('([?&])' + name + '=[^&#]*&?'), '$1').replace(/[?&]$/, '');
    if (history.replaceState) history.replaceState(null, document.title, location.pathname + search + location.hash);
    return value;
  }
  var returning = { giscus: takeSession('giscus'), utterances: takeSession('utterances') };
  function giscusSession() {
    if (returning.giscus) return returning.giscus;
    try { return JSON.parse(stored('giscus-session') || '""'); } catch (e) { return ''; }
  }

  function makeFrame(src, title, className, allow) {
    var f = document.createElement('iframe');
    f.className = className;
    f.title = title;
    if (allow) f.setAttribute('allow', allow);
    f.setAttribute('src', src);
    return f;
  }

  function videoFrame(box) {
    var id = attr(box, 'youtube');
    if (!/^[A-Za-z0-9_-]{11}$/.test(id)) return null;
    var f = makeFrame(ORIGINS.youtube + '/embed/' + id + '?autoplay=1&rel=0', '视频播放器', 'video-frame',
      'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; fullscreen');
    f.setAttribute('allowfullscreen', '');
    /* The embedded player refuses to play without a referrer; send the origin only, and only now. */
    f.setAttribute('referrerpolicy', 'strict-origin');
    return f;
  }

  function commentFrame(box) {
    var provider = attr(box, 'provider');
    var term = attr(box, 'term');
    var f;
    if (provider === 'giscus') {
      var lang = attr(box, 'lang');
      f = makeFrame(ORIGINS.giscus + (lang ? '/' + lang : '') + '/widget?' + query({
        origin: pageUrl(), session: giscusSession(), theme: attr(box, 'theme'), reactionsEnabled: '1', emitMetadata: '0',
        inputPosition: 'bottom', repo: attr(box, 'repo'), repoId: attr(box, 'repo-id'), category: attr(box, 'category'),
        categoryId: attr(box, 'category-id'), strict: '0', description: '', backLink: pageUrl(), term: term
      }), '评论', 'comments-frame giscus-frame', 'clipboard-write');
      f.setAttribute('scrolling', 'no');
    } else if (provider === 'utterances') {
      f = makeFrame(ORIGINS.utterances + '/utterances.html?' + query({
        repo: attr(box, 'repo'), 'issue-term': term, label: attr(box, 'label') || null,
        theme: attr(box, 'theme'), url: pageUrl(), origin: location.origin, pathname: term, title: document.title,
        description: '', 'og:title': '', session: returning.utterances || stored('utterances-session')
      }), '评论', 'comments-frame utterances-frame');
      f.setAttribute('scrolling', 'no');
    } else if (provider === 'disqus') {
      f = makeFrame(ORIGINS.disqus + '/embed/comments/?' + query({
        base: 'default', f: attr(box, 'shortname'), t_i: term, t_u: pageUrl(), t_d: document.title, t_t: document.title, s_o: 'default'
      }), '评论', 'comments-frame disqus-frame');
    } else {
      return null;
    }
    listenForHeight(f, ORIGINS[provider]);
    return f;
  }

  /* Each widget reports its height by postMessage; only messages from its own origin and frame count. */
  function listenForHeight(frame, origin) {
    window.addEventListener('message', function (event) {
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      var d = event.data;
      if (typeof d === 'string') { try { d = JSON.parse(d); } catch (e) { return; } }
      if (!d || typeof d !== 'object') return;
      var h = (d.giscus && d.giscus.resizeHeight) || (d.type === 'resize' && d.height) || (d.name === 'resize' && d.data && d.data.height);
      if (typeof h === 'number' && h > 0 && h < 100000) frame.style.height = Math.ceil(h) + 'px';
    });
  }

  function activate(box, build) {
    var frame = build(box);
    if (!frame) return;
    var holder = document.createElement('div');
    holder.className = box.className.replace(/\\bfacade\\b/, 'facade-loaded');
    holder.appendChild(frame);
    box.parentNode.replaceChild(holder, box);
    frame.focus();
  }

  function wire(selector, build, autoload) {
    var boxes = document.querySelectorAll(selector);
    for (var i = 0; i < boxes.length; i++) {
      (function (box) {
        var button = box.querySelector('button');
        if (!button) return;
        button.addEventListener('click', function () { activate(box, build); });
        if (autoload) activate(box, build);
      })(boxes[i]);
    }
  }

  function start() {
    wire('.video-facade', videoFrame, false);
    wire('.comments-facade', commentFrame, !!(returning.giscus || returning.utterances));
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
