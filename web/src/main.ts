import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';

// A failed bootstrap leaves a blank page: the browser console is the only place left to say why.
// eslint-disable-next-line no-console
bootstrapApplication(App, appConfig).catch((error: unknown) => console.error(error));
