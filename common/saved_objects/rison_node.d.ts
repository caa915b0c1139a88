/** rison-node ships no types; the two functions we call. */
declare module 'rison-node' {
  export function encode(value: unknown): string;
  export function decode(text: string): unknown;
}
