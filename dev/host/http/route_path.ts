/**
 * Route paths with hapi's syntax, the one OSD's router hands to hapi: literal segments, `{name}` (one
 * segment), `{name?}` (optional last segment) and `{name*}` (the rest of the path). hapi picks the most
 * specific route when several match (literal before parameter before wildcard), so `/_import` wins over
 * `/{type}` whatever the registration order; paths match strictly (a trailing slash is a different path).
 */

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string; optional: boolean }
  | { kind: 'wildcard'; name: string };

export interface CompiledPath {
  readonly path: string;
  readonly segments: readonly Segment[];
  /** Lower sorts first: one rank per segment, literal 0, param 1, optional 2, wildcard 3. */
  readonly specificity: readonly number[];
}

const PARAM = /^\{([A-Za-z_][A-Za-z0-9_]*)(\?|\*)?\}$/;

export function compilePath(path: string): CompiledPath {
  if (!path.startsWith('/')) throw new Error(`Route path must start with "/": ${path}`);
  const raw = path === '/' ? [''] : path.slice(1).split('/');
  const segments: Segment[] = raw.map((part, index) => {
    const match = PARAM.exec(part);
    if (!match) {
      if (part.includes('{') || part.includes('}')) {
        throw new Error(
          `Unsupported path segment "${part}" in ${path} (only whole-segment params)`
        );
      }
      return { kind: 'literal', value: part };
    }
    const [, name, modifier] = match;
    if (modifier && index !== raw.length - 1) {
      throw new Error(`"{${name}${modifier}}" must be the last segment of ${path}`);
    }
    if (modifier === '*') return { kind: 'wildcard', name };
    return { kind: 'param', name, optional: modifier === '?' };
  });
  const specificity = segments.map((s) =>
    s.kind === 'literal' ? 0 : s.kind === 'param' ? (s.optional ? 2 : 1) : 3
  );
  return { path, segments, specificity };
}

/** The params of `pathname` if it matches, else undefined. Throws URIError on a malformed escape. */
export function matchPath(
  compiled: CompiledPath,
  pathname: string
): Record<string, string> | undefined {
  const parts = pathname === '/' ? [''] : pathname.slice(1).split('/');
  const params: Record<string, string> = {};
  const { segments } = compiled;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const part = parts[i];
    if (segment.kind === 'wildcard') {
      const rest = parts.slice(i).join('/');
      if (rest !== '') params[segment.name] = decodeURIComponent(rest);
      return params;
    }
    if (part === undefined) {
      return segment.kind === 'param' && segment.optional && i === parts.length
        ? params
        : undefined;
    }
    if (segment.kind === 'literal') {
      if (segment.value !== part) return undefined;
    } else {
      if (part === '') return undefined;
      params[segment.name] = decodeURIComponent(part);
    }
  }
  return parts.length === segments.length ? params : undefined;
}

export function compareSpecificity(a: CompiledPath, b: CompiledPath): number {
  const n = Math.max(a.specificity.length, b.specificity.length);
  for (let i = 0; i < n; i++) {
    const diff = (a.specificity[i] ?? -1) - (b.specificity[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}
