(() => {
  // The public slideshow (?mode=public&slides=1&every=20), installed once per tab. Its settings
  // are read from the page's `.ogp-slides-config` element, written by the server on each run
  // (this text never changes, so a Content-Security-Policy can allow it by its hash), and looked
  // at every second: a new page is noticed even when Streamlit keeps this script's element.
  // One timer, one heartbeat, one key listener and one status line, whatever the number of
  // slides shown: hours of slides add nothing to the page.
  if (window.ogpSlides) return;
  const state = { timer: null, retry: null, paused: false, page: null, part: 0, target: null, since: 0 };

  const settings = () => {
    const element = document.querySelector('.ogp-slides-config');
    try {
      return element ? JSON.parse(element.dataset.config) : null;
    } catch (error) {
      return null;
    }
  };
  const main = () => document.querySelector('[data-testid="stMain"]');
  const rendered = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app && app.getAttribute('data-test-script-state') === 'notRunning';
  };

  // Where each part of the page starts: its top, then each section (h2) that a screen does not
  // already show from the previous part.
  const parts = () => {
    const area = main();
    if (!area) return [0];
    const origin = area.getBoundingClientRect().top - area.scrollTop;
    // Room for the navigation bar drawn over the top of the page.
    const header = document.querySelector('[data-testid="stHeader"]');
    const above = (header ? header.getBoundingClientRect().height : 0) + 16;
    const tops = [0];
    for (const heading of area.querySelectorAll('h2')) {
      const top = Math.max(0, heading.getBoundingClientRect().top - origin - above);
      if (top > tops[tops.length - 1] + area.clientHeight * 0.5) tops.push(top);
    }
    return tops;
  };

  const status = () => {
    let line = document.querySelector('.ogp-slides-status');
    if (!line) {
      line = document.createElement('div');
      line.className = 'ogp-slides-status';
      line.setAttribute('role', 'status');
      line.setAttribute('aria-live', 'polite');
      document.body.appendChild(line);
    }
    return line;
  };

  const show = () => {
    const config = settings();
    if (!config) return;
    const words = config.words;
    const positions = parts();
    const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, name) => values[name] ?? all);
    const text = fill(words.status, {
      page: config.current + 1, pages: config.pages.length, title: config.pages[config.current].title,
      part: Math.min(state.part, positions.length - 1) + 1, parts: positions.length,
    });
    const line = status();
    const shown = (state.paused ? words.paused + ' · ' : '') + text + ' · ' + words.keys;
    if (line.textContent !== shown) line.textContent = shown;
    line.dataset.page = String(config.current + 1);
    line.dataset.part = String(state.part + 1);
    line.dataset.paused = String(state.paused);
  };

  const schedule = (seconds) => {
    clearTimeout(state.timer);
    state.timer = null;
    const config = settings();
    if (state.paused || !config) return;
    state.timer = setTimeout(() => step(1), 1000 * (seconds || config.every));
  };

  const navigate = (config, delta) => {
    const index = (config.current + delta + config.pages.length) % config.pages.length;
    // A link's page is the last segment of its address; the default page's (the site's root,
    // maybe under a base path) is none of the other pages' addresses.
    const segment = (link) => new URL(link.href).pathname.replace(/\/+$/, '').split('/').pop();
    const target = config.pages[index].path;
    const link = [...document.querySelectorAll('[data-testid="stTopNavLink"], [data-testid="stSidebarNavLink"]')]
      .find((candidate) => (target ? segment(candidate) === target
                                   : !config.addresses.includes(segment(candidate))));
    state.part = delta < 0 ? -1 : 0; // going back opens the previous page at its last part
    state.page = null;
    if (link) {
      // Until the server draws that page, the old one's settings are still on screen: a key
      // pressed meanwhile must not step (or turn) from them.
      state.target = index;
      state.since = Date.now();
      link.click();
    }
    // If the next page never reports back (a lost connection), try again later.
    schedule(2 * config.every);
  };
  // Waiting for the page asked for; after half a minute, what is on screen is taken as it is.
  const arriving = (config) => state.target !== null && config.current !== state.target
    && Date.now() - state.since < 30000;

  const step = (delta) => {
    const config = settings();
    if (!config) return;
    if (!rendered() || arriving(config)) { // still drawing: try again shortly (paused or not)
      clearTimeout(state.retry);
      state.retry = setTimeout(() => step(delta), 500);
      return;
    }
    const positions = parts();
    const next = state.part + delta;
    if (next >= positions.length) return navigate(config, 1);
    if (next < 0) return navigate(config, -1);
    state.part = next;
    main().scrollTo({ top: positions[next], behavior: 'smooth' });
    show();
    schedule();
  };

  const refresh = () => {
    const config = settings();
    if (!config) { // slideshow off: stop, and take the status line away
      clearTimeout(state.timer);
      state.timer = null;
      const line = document.querySelector('.ogp-slides-status');
      if (line) line.remove();
      return;
    }
    if (arriving(config)) return;
    state.target = null;
    if (state.page !== config.current) { // a new page: from its top (or its last part, going back)
      const area = main();
      // Its last part is known once it is drawn (a page still drawing has fewer parts).
      if (state.part < 0 && area && !rendered()) return;
      state.page = config.current;
      if (state.part < 0 && area) {
        const positions = parts();
        state.part = positions.length - 1;
        area.scrollTo({ top: positions[state.part] });
      } else {
        state.part = 0;
        if (area) area.scrollTo({ top: 0 });
      }
      schedule();
    }
    show();
  };

  document.addEventListener('keydown', (event) => {
    if (!settings() || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === ' ' || event.key === 'k') {
      state.paused = !state.paused;
      schedule();
      show();
    } else if (event.key === 'ArrowRight' || event.key === 'PageDown') {
      step(1);
    } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
      step(-1);
    } else {
      return;
    }
    event.preventDefault();
  });

  window.ogpSlides = { refresh, heartbeat: setInterval(refresh, 1000) };
  refresh();
})();
