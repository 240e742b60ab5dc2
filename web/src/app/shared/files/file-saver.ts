import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

// Long enough for the browser to have started reading the file, short enough not to hold memory.
const REVOKE_AFTER_MS = 10_000;

/** Saves what the page holds (text it made, or a file the API sent) as a download. */
@Injectable({ providedIn: 'root' })
export class FileSaver {
  private readonly document = inject(DOCUMENT);

  saveText(fileName: string, text: string): void {
    this.saveBlob(fileName, new Blob([text], { type: 'text/plain;charset=utf-8' }));
  }

  /** Saves the bytes as they are: a CSV keeps its byte-order mark, which spreadsheets read. */
  saveBlob(fileName: string, blob: Blob): void {
    const view = this.document.defaultView;
    if (!view) {
      return;
    }
    const url = view.URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
