/**
 * True when an FDW option holds a secret (`password`, `passwd`, `secret`, `token`, `api_key`…): its value is
 * shown as `***` in printed plans, never stored in `idw.sources`, and must come from `${ENV}` in a config file.
 * `password_required` (a boolean) is not a secret.
 */
export function isSecretOption(name: string): boolean {
  return /(^|_)(password|passwd|secret|token|key)$/i.test(name)
}

/** `options` without its secret entries. */
export function withoutSecrets(options: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(options).filter(([k]) => !isSecretOption(k)))
}
