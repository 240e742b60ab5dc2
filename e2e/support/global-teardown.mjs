export default async function globalTeardown() {
  await globalThis.mtpE2eTestServer?.stop();
}
