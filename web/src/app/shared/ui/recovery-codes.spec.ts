import { Clipboard } from '@angular/cdk/clipboard';
import { type ComponentFixture, TestBed } from '@angular/core/testing';

import { provideAppIcons } from '../../core/icons/app-icons';
import { FileSaver } from '../files/file-saver';
import { RecoveryCodes, recoveryCodesText } from './recovery-codes';

const CODES = ['AAAAA-BBBBB', 'CCCCC-DDDDD'];

describe('RecoveryCodes', () => {
  let fixture: ComponentFixture<RecoveryCodes>;
  const saveText = jest.fn();
  const copy = jest.fn(() => true);

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideAppIcons(), { provide: FileSaver, useValue: { saveText } }, { provide: Clipboard, useValue: { copy } }],
    });
    fixture = TestBed.createComponent(RecoveryCodes);
    fixture.componentRef.setInput('codes', CODES);
    fixture.componentRef.setInput('account', 'ada@partner.example');
    await fixture.whenStable();
  });

  const element = () => fixture.nativeElement as HTMLElement;
  const buttonNamed = (name: string) =>
    Array.from(element().querySelectorAll('button')).find((button) => button.textContent?.trim() === name)!;

  it('shows each code in the grid', () => {
    expect(Array.from(element().querySelectorAll('li'), (item) => item.textContent)).toEqual(CODES);
  });

  it('copies the same text as the file and says so', async () => {
    buttonNamed('Copy').click();
    await fixture.whenStable();

    expect(copy).toHaveBeenCalledWith(expect.stringContaining('AAAAA-BBBBB\nCCCCC-DDDDD\n'));
    expect(element().querySelector('[role="status"]')?.textContent).toBe('Copied to the clipboard.');
  });

  it('downloads the file', () => {
    buttonNamed('Download').click();

    expect(saveText).toHaveBeenCalledWith('mtp-recovery-codes.txt', expect.stringContaining('Account: ada@partner.example'));
  });
});

describe('recoveryCodesText', () => {
  it('says what the codes are for, then lists them one per line', () => {
    const text = recoveryCodesText(CODES, 'ada@partner.example', new Date('2026-11-28T10:00:00Z'));

    expect(text).toBe(
      [
        'MTP · Multi-Tenant Portal: recovery codes',
        'Account: ada@partner.example',
        'Created: 2026-11-28T10:00:00.000Z',
        '',
        'Each code signs you in once when you cannot use your authenticator app.',
        'Keep this file somewhere safe; new codes replace all of these.',
        '',
        'AAAAA-BBBBB',
        'CCCCC-DDDDD',
        '',
      ].join('\n'),
    );
  });
});
