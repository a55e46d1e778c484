/** VS Code's chart colours (`--vscode-charts-<name>`), in the order new series take them. */
export const PALETTE = ['blue', 'red', 'green', 'orange', 'purple', 'yellow'] as const;
