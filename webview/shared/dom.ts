/** Small DOM helpers: elements from attributes and children (text is always text, never HTML). */

export function el(tag: string, attributes: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** `source` with [start, end) marked, for an error that points at part of a formula. */
export function highlightSpan(source: string, start: number, end: number): HTMLElement {
  const s = Math.max(0, Math.min(start, source.length));
  const e = Math.max(s, Math.min(end, source.length));
  // An empty span (an error at the end of the text) still needs something visible to mark.
  const marked = e > s ? source.slice(s, e) : ' ';
  return el('code', { class: 'formula-source' }, [source.slice(0, s), el('mark', { class: 'error-span' }, [marked]), source.slice(e)]);
}

/** Calls `done` from a task queued in the current animation frame: it runs once the frame is rendered. */
export function afterThisFrame(done: (at: number) => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    done(performance.now());
  };
  channel.port2.postMessage(null);
}

/**
 * Runs the script at `src` after the page's own, with the nonce of the page's boot script (the CSP allows
 * nothing else): for the bundles a page loads after its first paint.
 */
export function appendScript(src: string, bootScript: HTMLScriptElement | null): void {
  const script = document.createElement('script');
  script.nonce = bootScript?.nonce ?? '';
  script.src = src;
  script.async = true;
  document.body.append(script);
}
