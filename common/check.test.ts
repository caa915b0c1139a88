import { describe, expect, it } from '@jest/globals';
import { isCheck, summarizeChecks, worstStatus, type Check, type ChecksOf } from './check';

describe('worstStatus', () => {
  it('orders skipped < pass < unknown < warn < fail', () => {
    expect(worstStatus([])).toBe('skipped');
    expect(worstStatus(['skipped', 'pass'])).toBe('pass');
    expect(worstStatus(['pass', 'unknown'])).toBe('unknown');
    expect(worstStatus(['unknown', 'warn', 'pass'])).toBe('warn');
    expect(worstStatus(['warn', 'fail', 'skipped'])).toBe('fail');
  });
});

describe('summarizeChecks', () => {
  const words = { pass: 'Wired', warn: 'Wired, with things to look at', unknown: 'Could not tell' };
  const of = (...statuses: Check['status'][]) => statuses.map((status) => ({ status }));

  it('a report whose checks are all unknown is unknown, not wired', () => {
    const s = summarizeChecks(of('unknown', 'unknown', 'unknown'), words);
    expect(s.status).toBe('unknown');
    expect(s.headline).toBe('Could not tell: 3 unknown');
  });

  it('warnings with nothing confirmed next to unknowns are unknown', () => {
    expect(summarizeChecks(of('warn', 'unknown', 'skipped'), words).status).toBe('unknown');
    expect(summarizeChecks(of('warn', 'unknown', 'pass'), words).status).toBe('warn');
  });

  it('counts with plurals, worst first, zero counts left out', () => {
    expect(summarizeChecks(of('fail', 'warn', 'warn', 'pass')).headline).toBe(
      'Needs fixing: 1 failure, 2 warnings, 1 passed'
    );
    expect(summarizeChecks([]).headline).toBe('Nothing was checked: no checks');
  });
});

describe('ChecksOf', () => {
  type Map = { 'a.count': { n: number }; 'a.names': { names: string[] } };
  it('narrows evidence by id without casts', () => {
    const checks: ChecksOf<Map>[] = [
      { id: 'a.count', title: 'Count', status: 'pass', message: 'ok', evidence: { n: 2 } },
      { id: 'a.names', title: 'Names', status: 'warn', message: 'x', evidence: { names: ['x'] } },
    ];
    const total = checks.reduce((sum, c) => sum + (isCheck(c, 'a.count') ? c.evidence.n : 0), 0);
    const names = checks.flatMap((c) => (c.id === 'a.names' ? c.evidence.names : []));
    expect(total).toBe(2);
    expect(names).toEqual(['x']);
  });
});
