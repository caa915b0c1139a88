import { describe, expect, it } from '@jest/globals';
import { InvalidInputError } from '../../../common/validation';
import { MAX_CSV_ROWS, parseNamesCsv } from './names_csv';

const A = '0123456789abcdef0123456789abcdef';
const B = 'fedcba9876543210fedcba9876543210';

function refusal(text: unknown): string {
  try {
    parseNamesCsv(text);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('parseNamesCsv', () => {
  it('reads quoted fields, doubled quotes, a BOM, CRLF and a line break inside quotes', () => {
    const text = `\uFEFFid,name\r\n${A},"Spring sale, ""A/B"""\r\n\r\n${B},"two\nlines are refused"\r\n`;
    expect(refusal(text)).toMatch(/line 5: the name contains a line break/);
    const ok = parseNamesCsv(
      `\uFEFFid,name\r\n${A},"Spring sale, ""A/B"""\r\n${B.toUpperCase()}, Welcome \n`
    );
    expect(ok).toEqual([
      { id: A, name: 'Spring sale, "A/B"', line: 2 },
      { id: B, name: 'Welcome', line: 3 },
    ]);
  });

  it('takes the columns in any order and ignores others (the campaigns list export imports back)', () => {
    const rows = parseNamesCsv(`kind,name,id,sent\ncampaign,Promo,${A},10\r`);
    expect(rows).toEqual([{ id: A, name: 'Promo', line: 2 }]);
  });

  it('mixed line ends each end a record', () => {
    expect(parseNamesCsv(`id,name\r\n${A},x\n${B},y\r`).map((r) => r.line)).toEqual([2, 3]);
  });

  it('refuses a bad row naming its line and the reason', () => {
    expect(refusal(`id,name\n${A},ok\nnot-an-id,Foo\n`)).toBe(
      'CSV line 3: "not-an-id" is not a campaign or journey id (32 hexadecimal characters)'
    );
    expect(refusal(`id,name\n${A},\n`)).toMatch(/line 2: the name is empty/);
    expect(refusal(`id,name\n${A},a,b\n`)).toMatch(
      /line 2: 3 fields where the header has 2; quote/
    );
    expect(refusal(`id,name\n${A}\n`)).toMatch(/line 2: 1 field\(s\), expected id,name/);
    expect(refusal(`id,name\n${A},"open\n`)).toMatch(/line 2: a quoted field is never closed/);
    expect(refusal(`id,name\n${A},"a"b\n`)).toMatch(/line 2: text after a closing quote/);
    expect(refusal(`id,name\n${A},${'x'.repeat(257)}\n`)).toMatch(/257 characters; at most 256/);
    expect(refusal(`id,name\n${A},one\n${A},two\n`)).toMatch(
      /line 3: .* already named "one" on line 2/
    );
  });

  it('needs the header, a row, text, and stays within the limits', () => {
    expect(refusal(`${A},Promo\n`)).toMatch(/first line must be the header id,name/);
    expect(refusal('campaign,title\nx,y\n')).toMatch(/header must name the columns id and name/);
    expect(refusal('')).toMatch(/empty/);
    expect(refusal('id,name\r\n')).toMatch(/no rows/);
    expect(refusal(42)).toMatch(/must be text/);
    const many = `id,name\n${Array.from({ length: MAX_CSV_ROWS + 1 }, () => `${A},x`).join('\n')}`;
    expect(refusal(many)).toMatch(/at most 50000 per import/);
  });

  it('a repeated identical row counts once', () => {
    expect(parseNamesCsv(`id,name\n${A},x\n${A},x\n`)).toHaveLength(1);
  });
});
