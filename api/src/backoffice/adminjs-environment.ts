import { tmpdir } from 'node:os';
import { join } from 'node:path';

// AdminJS reads these once, when it is first imported: this module must be imported before it.
// Its bundle folder must not sit under a dot-folder (Express 5 refuses to serve from one), so it
// lives in the system's temporary folder rather than in the data folder.
process.env.ADMIN_JS_TMP_DIR ??= join(tmpdir(), 'mtp-adminjs');
