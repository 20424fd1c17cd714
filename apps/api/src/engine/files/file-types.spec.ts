import { checkUpload, FILE_MESSAGES, MAX_FILE_BYTES } from './file-types';

const PDF = Buffer.from('%PDF-1.4\n%…');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

describe('checkUpload', () => {
  it.each([
    ['证明.pdf', PDF, 'application/pdf'],
    ['scan.PNG', PNG, 'image/png'],
    ['photo.jpeg', Buffer.from('ffd8ffe000104a464946', 'hex'), 'image/jpeg'],
    ['名单.xlsx', Buffer.from('504b030414000600', 'hex'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('accepts %s', (name, data, contentType) => {
    expect(checkUpload(name, data)).toEqual({ contentType });
  });

  it.each([
    ['a script', 'run.exe', Buffer.from('MZ\x90\x00'), FILE_MESSAGES.badType],
    ['no extension', 'evidence', PDF, FILE_MESSAGES.badType],
    ['a renamed file', 'fake.pdf', Buffer.from('MZ\x90\x00'), FILE_MESSAGES.badContent],
    ['a PNG called .jpg', 'photo.jpg', PNG, FILE_MESSAGES.badContent],
    ['an empty file', 'empty.pdf', Buffer.alloc(0), FILE_MESSAGES.empty],
    ['an oversized file', 'big.pdf', Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES)]), FILE_MESSAGES.tooLarge],
  ])('refuses %s', (_, name, data, error) => {
    expect(checkUpload(name, data)).toEqual({ error });
  });
});
