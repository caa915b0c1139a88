/** The exact command lines a remedy points to (the same fix the setup page's buttons make). */
const CLI = 'pinpoint-dashboards';

export const commands = {
  setupTemplate: (prefix: string, overwrite = false): string =>
    `${CLI} setup --prefix ${prefix}${overwrite ? ' --overwrite' : ''}`,
  setupIndexPattern: (prefix: string, makeDefault = false): string =>
    `${CLI} setup --prefix ${prefix} --dashboards <dashboards-url>${makeDefault ? ' --make-default' : ''}`,
  repair: (indices: readonly string[]): string => `${CLI} repair ${indices.join(' ')}`,
  check: (prefix: string): string => `${CLI} check --prefix ${prefix}`,
};
