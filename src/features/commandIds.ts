/** Every command id, in one place; they match `contributes.commands` in package.json exactly. */
export const CommandId = {
  openPlayground: 'formulaPlayground.openPlayground',
  plotSelection: 'formulaPlayground.plotSelection',
  gradientCheck: 'formulaPlayground.gradientCheck',
  gradientCheckAll: 'formulaPlayground.gradientCheckAll',
  signalPropagation: 'formulaPlayground.signalPropagation',
  lintShowWhy: 'formulaPlayground.lintShowWhy',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** The webview panel's view type, used by the serializer and the onWebviewPanel activation event. */
export const PLAYGROUND_VIEW_TYPE = 'formulaPlayground.playground';

/** The gradient-check results view's type, likewise. */
export const GRADCHECK_VIEW_TYPE = 'formulaPlayground.gradcheckResults';

/** The Signal Propagation view's type, likewise. */
export const SIGNAL_VIEW_TYPE = 'formulaPlayground.signalPropagation';
