import { DynamicModule, Logger, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built portal, from `npm run build`: web/dist/browser beside the api folder. */
export const DEFAULT_WEB_DIST_DIR = fileURLToPath(new URL('../../web/dist/browser', import.meta.url));

/** Serves the Angular portal at `/`, with every unknown path answered by its index (client-side routes). */
@Module({})
export class WebAppModule {
  static forRoot(webDistDir = DEFAULT_WEB_DIST_DIR, warnWhenMissing = true): DynamicModule {
    if (!existsSync(join(webDistDir, 'index.html'))) {
      if (warnWhenMissing) new Logger(WebAppModule.name).warn(`The portal is not built (no ${webDistDir}/index.html): run npm run build`);
      return { module: WebAppModule };
    }
    return {
      module: WebAppModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath: webDistDir,
          exclude: ['/api', '/api/{*path}', '/admin', '/admin/{*path}'],
          serveStaticOptions: { index: 'index.html', maxAge: '1h', fallthrough: true },
        }),
      ],
    };
  }
}
