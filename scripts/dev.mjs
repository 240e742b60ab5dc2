// `npm run dev`: the API with reload on http://localhost:3000 and the portal with live reload on
// http://localhost:4200 (which forwards /api and /admin to the API).
import concurrently from 'concurrently';
import { ensureBuilt, root } from './lib/workspace.mjs';

ensureBuilt('libs');
const { result } = concurrently(
  [
    { name: 'api', command: 'npx nest start --watch', env: { NODE_ENV: 'development' }, prefixColor: 'blue' },
    { name: 'web', command: 'npx ng serve web --port 4200', prefixColor: 'magenta' },
  ],
  { cwd: root, killOthersOn: ['failure', 'success'], prefix: 'name' },
);
await result.catch(() => process.exit(1));
