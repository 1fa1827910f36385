// The embeddable widget: one script tag on a portal page puts a chat launcher in its corner, with an
// unread badge, that opens ConsultChat in a panel. The panel is a frame of ConsultChat's own pages,
// so the portal's scripts cannot read the chat and the chat's session stays ConsultChat's; the
// launcher lives in a shadow root, so the portal's styles do not reach it. The words come from the
// frame (embedded.js), in the person's language, once it has loaded.
//
//   <script src="https://chat.example.org/consultchat/js/widget.js" defer></script>
//   <consultchat-widget base="https://chat.example.org/consultchat/"></consultchat-widget>
//
// Without the element, the script adds one to the page itself (data-auto="false" stops that).
(() => {
  if (window.customElements.get('consultchat-widget')) {
    return;
  }
  const script = document.currentScript;
  const scriptBase = script ? new URL('..', script.src).href : null;
  const HELLO = 'consultchat:hello';
  const STATE = 'consultchat:state';

  const STYLE = `
    :host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483000;
      font-family: system-ui, -apple-system, Roboto, sans-serif; }
    .launcher { position: relative; width: 56px; height: 56px; border: 0; border-radius: 50%;
      background: #1865c8; color: #fff; cursor: pointer; display: grid; place-items: center;
      box-shadow: 0 4px 14px rgba(0, 0, 0, .28); padding: 0; }
    .launcher:focus-visible, .bar button:focus-visible, .bar a:focus-visible {
      outline: 3px solid #f4b400; outline-offset: 2px; }
    .launcher svg { width: 28px; height: 28px; fill: currentColor; }
    .badge { position: absolute; top: -4px; right: -4px; min-width: 22px; height: 22px;
      padding: 0 6px; box-sizing: border-box; border-radius: 11px; background: #c62828;
      color: #fff; font: 700 12px/22px system-ui, sans-serif; text-align: center; }
    [hidden] { display: none !important; }
    .panel { position: fixed; right: 16px; bottom: 84px; width: 380px;
      height: min(640px, calc(100vh - 100px)); display: flex; flex-direction: column;
      background: #fff; border-radius: 12px; overflow: hidden;
      box-shadow: 0 10px 36px rgba(0, 0, 0, .3); }
    .bar { display: flex; align-items: center; gap: 8px; padding: 8px 8px 8px 14px;
      background: #1865c8; color: #fff; font: 600 15px/1.3 system-ui, sans-serif; }
    .bar .title { flex: 1; }
    .bar a, .bar button { color: #fff; background: transparent; border: 0; cursor: pointer;
      width: 36px; height: 36px; display: grid; place-items: center; border-radius: 6px;
      font: 400 22px/1 system-ui, sans-serif; text-decoration: none; padding: 0; }
    .bar a:hover, .bar button:hover { background: rgba(255, 255, 255, .18); }
    iframe { flex: 1; width: 100%; border: 0; background: #f5f7fa; }
    @media (max-width: 480px) {
      .panel { inset: 0; width: auto; height: auto; border-radius: 0; }
      /* The panel is the whole screen: its close button takes the launcher's place. */
      :host([open]) .launcher { display: none; }
    }`;

  const ICON =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z"/></svg>';

  class ConsultChatWidget extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) {
        return;
      }
      const base = new URL(this.getAttribute('base') || scriptBase, document.baseURI);
      this.origin = base.origin;
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = `<style>${STYLE}</style>
        <div class="panel" part="panel" role="dialog" hidden>
          <div class="bar"><span class="title"></span>
            <a class="full" target="_blank" rel="noopener">&#x2197;</a>
            <button type="button" class="close">&#x2715;</button></div>
          <iframe allow="camera; microphone"></iframe>
        </div>
        <button type="button" class="launcher" part="launcher" aria-expanded="false">${ICON}<span class="badge" hidden></span></button>`;
      this.panel = root.querySelector('.panel');
      this.launcher = root.querySelector('.launcher');
      this.badge = root.querySelector('.badge');
      this.frame = root.querySelector('iframe');
      root.querySelector('.full').href = new URL('index.xhtml', base).href;
      this.frame.src = new URL('index.xhtml', base).href;
      this.launcher.addEventListener('click', () => this.toggle());
      root.querySelector('.close').addEventListener('click', () => this.toggle(false));
      this.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && !this.panel.hidden) {
          this.toggle(false);
        }
      });
      // Each page the frame loads says hello back with its state: the hello tells it where we are.
      this.frame.addEventListener('load', () => this.hello());
      this.onState = (event) => this.state(event);
      window.addEventListener('message', this.onState);
      if (this.hasAttribute('open')) {
        this.toggle(true);
      }
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.onState);
    }

    hello() {
      this.frame.contentWindow?.postMessage({ type: HELLO }, this.origin);
    }

    toggle(open = this.panel.hidden) {
      this.panel.hidden = !open;
      this.toggleAttribute('open', open);
      this.launcher.setAttribute('aria-expanded', String(open));
      if (open) {
        this.frame.focus();
        this.hello();
      } else {
        this.launcher.focus();
      }
    }

    /** The frame's state, from ConsultChat's own origin and this widget's frame only. */
    state(event) {
      if (event.origin !== this.origin || event.source !== this.frame.contentWindow) {
        return;
      }
      const state = event.data;
      if (state?.type !== STATE) {
        return;
      }
      const words = state.words || {};
      const unread = state.signedIn ? Math.max(0, Number(state.unread) || 0) : 0;
      this.badge.hidden = unread === 0;
      this.badge.textContent = unread > 99 ? '99+' : String(unread);
      const label = unread > 0 ? `${words.open} (${words.unread})` : words.open;
      this.launcher.setAttribute('aria-label', label || '');
      this.launcher.title = label || '';
      this.panel.setAttribute('aria-label', words.title || '');
      this.frame.title = words.title || '';
      this.shadowRoot.querySelector('.title').textContent = words.title || '';
      this.shadowRoot.querySelector('.close').setAttribute('aria-label', words.close || '');
      this.shadowRoot.querySelector('.full').setAttribute('aria-label', words.full || '');
      this.shadowRoot.querySelector('.full').title = words.full || '';
      this.dispatchEvent(new CustomEvent('consultchat-unread', { detail: { unread } }));
    }
  }

  window.customElements.define('consultchat-widget', ConsultChatWidget);

  const automatic = script && script.dataset.auto !== 'false';
  const place = () => {
    if (!document.querySelector('consultchat-widget')) {
      document.body.append(document.createElement('consultchat-widget'));
    }
  };
  if (automatic) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', place);
    } else {
      place();
    }
  }
})();
