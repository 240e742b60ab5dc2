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

  it('saves a file the API sent as it is, byte-order mark included', async () => {
    let saved: Blob | undefined;
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved = blob;
      return 'blob:mtp/2';
    });
    URL.revokeObjectURL = jest.fn();
    const downloads: string[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const csv = new Blob(['\ufeffOrgID,Name\n'], { type: 'text/csv' });

    TestBed.inject(FileSaver).saveBlob('orgs-2026-11-20.csv', csv);

    expect(downloads).toEqual(['orgs-2026-11-20.csv']);
    expect(saved).toBe(csv);
    expect(Array.from(new Uint8Array(await saved!.arrayBuffer()).slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });
});
