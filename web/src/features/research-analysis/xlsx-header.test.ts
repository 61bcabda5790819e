import { describe, expect, it } from 'vitest';
import { decodeXml, firstRowOf, sharedStringsOf, xlsxHeader } from './xlsx-header.ts';

async function deflateRaw(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A minimal ZIP (deflated entries) with a central directory, as spreadsheet programs write. */
async function zip(files: Record<string, string>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const nameBytes = encoder.encode(name);
    const raw = encoder.encode(content);
    const data = await deflateRaw(raw);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, raw.length, true);
    local.setUint16(26, nameBytes.length, true);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(10, 8, true);
    central.setUint32(20, data.length, true);
    central.setUint32(24, raw.length, true);
    central.setUint16(28, nameBytes.length, true);
    central.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), nameBytes, data);
    centrals.push(new Uint8Array(central.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const cdLength = centrals.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, Object.keys(files).length, true);
  end.setUint16(10, Object.keys(files).length, true);
  end.setUint32(12, cdLength, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...centrals, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const sheet = (row: string) =>
  `<?xml version="1.0"?><worksheet><sheetData><row r="1">${row}</row><row r="2"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`;

describe('xlsx header', () => {
  it('reads shared, inline and numeric header cells, keeping gaps', async () => {
    const bytes = await zip({
      '[Content_Types].xml': '<Types/>',
      'xl/sharedStrings.xml':
        '<sst><si><t>pseudoniem</t></si><si><r><t>Q1 </t></r><r><t xml:space="preserve">&amp; buurt</t></r></si></sst>',
      'xl/worksheets/sheet2.xml': sheet('<c r="A1" t="s"><v>1</v></c>'),
      'xl/worksheets/sheet1.xml': sheet(
        '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="D1" t="inlineStr"><is><t>leeftijd</t></is></c><c r="E1"><v>2011</v></c>',
      ),
    });
    expect(await xlsxHeader(bytes)).toEqual(['pseudoniem', 'Q1 & buurt', '', 'leeftijd', '2011']);
  });

  it('refuses what is not a zip archive', async () => {
    await expect(xlsxHeader(new TextEncoder().encode('pseudoniem;q1\n'))).rejects.toThrow();
  });

  it('decodes XML entities and shared strings', () => {
    expect(decodeXml('a &lt;b&gt; &#233;&#x20AC;')).toBe('a <b> é€');
    expect(sharedStringsOf('<sst><si><t/></si><si><t>x</t></si></sst>')).toEqual(['', 'x']);
    expect(firstRowOf('<row r="1"><c r="B1"><v>5</v></c></row>', [])).toEqual(['', '5']);
  });
});
