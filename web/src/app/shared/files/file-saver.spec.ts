import { TestBed } from '@angular/core/testing';

import { FileSaver } from './file-saver';

describe('FileSaver', () => {
  afterEach(() => jest.restoreAllMocks());

  it('saves the text through a Blob link with the file name to download, and leaves no link behind', async () => {
    // jsdom has no object URLs: stand in for them and keep the Blob to read it back.
    let saved: Blob | undefined;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved = blob;
      return 'blob:mtp/1';
    });
    URL.revokeObjectURL = jest.fn();
    const clicks: { download: string; href: string }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ download: this.download, href: this.href });
    });

    TestBed.inject(FileSaver).saveText('mtp-recovery-codes.txt', 'AAAAA-BBBBB\nCCCCC-DDDDD\n');

    expect(clicks).toEqual([{ download: 'mtp-recovery-codes.txt', href: 'blob:mtp/1' }]);
    expect(saved?.type).toBe('text/plain;charset=utf-8');
    expect(await saved?.text()).toBe('AAAAA-BBBBB\nCCCCC-DDDDD\n');
    expect(document.querySelector('a[download]')).toBeNull();
  });
});
