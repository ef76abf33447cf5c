import { sanitizeFilename, sniffContentType } from './content-sniffing';

describe(sniffContentType.name, () => {
  it('recognises the allowed types by their bytes, whatever the name says', () => {
    expect(sniffContentType(Buffer.from('%PDF-1.7\n...'), 'a.txt')).toBe('application/pdf');
    expect(sniffContentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'x')).toBe(
      'image/png',
    );
    expect(sniffContentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'x.pdf')).toBe('image/jpeg');
    expect(sniffContentType(Buffer.from('答复：予以公开。\r\n'), 'reply.txt')).toBe(
      'text/plain; charset=utf-8',
    );
  });

  it('accepts an OOXML zip only under a docx/xlsx name and refuses other binaries', () => {
    const zip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('..[Content_Types].xml..'),
    ]);
    expect(sniffContentType(zip, 'r.docx')).toMatch(/wordprocessingml/);
    expect(sniffContentType(zip, 'r.xlsx')).toMatch(/spreadsheetml/);
    expect(sniffContentType(zip, 'r.zip')).toBeNull();
    expect(sniffContentType(Buffer.from([0x4d, 0x5a, 0x90, 0x00]), 'setup.exe')).toBeNull();
    expect(sniffContentType(Buffer.alloc(0), 'empty.txt')).toBeNull();
  });
});

describe(sanitizeFilename.name, () => {
  it('drops directories and control characters', () => {
    expect(sanitizeFilename('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFilename('C:\\x\\答复书.pdf')).toBe('答复书.pdf');
    expect(sanitizeFilename('a\u0000b"c.pdf')).toBe('a_b_c.pdf');
    expect(sanitizeFilename('...')).toBe('document');
    expect(sanitizeFilename(undefined)).toBe('document');
  });
});
