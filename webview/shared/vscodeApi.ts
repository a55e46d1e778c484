/** The webview side of VS Code's API, typed by the messages a view may post. */
export interface VsCodeApi<Message> {
  postMessage(message: Message): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi<unknown>;

/** VS Code's API for this page (acquireVsCodeApi may be called once per page: call this once, at the top). */
export function vscodeApi<Message>(): VsCodeApi<Message> {
  return acquireVsCodeApi() as VsCodeApi<Message>;
}
