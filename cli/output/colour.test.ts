import { describe, expect, it } from '@jest/globals';
import { colourEnabled, colours, statusMark } from './colour';

describe('colour', () => {
  const tty = { isTTY: true, hasColors: () => true };
  it('is on for a colour terminal, off for a pipe, NO_COLOR and TERM=dumb; FORCE_COLOR forces it', () => {
    expect(colourEnabled(tty, {})).toBe(true);
    expect(colourEnabled({ isTTY: false }, {})).toBe(false);
    expect(colourEnabled(tty, { NO_COLOR: '1' })).toBe(false);
    expect(colourEnabled(tty, { TERM: 'dumb' })).toBe(false);
    expect(colourEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(colourEnabled(tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });
  it('marks carry escape codes only when enabled', () => {
    expect(statusMark(colours(false), 'fail')).toBe('FAIL');
    expect(statusMark(colours(true), 'fail')).toContain(String.fromCharCode(27));
  });
});
