/** One account of the demo data, as the portal prints it and writes it to DATA_DIR/demo-accounts.json. */
export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  /** Base32 TOTP secret for an authenticator app; absent when the account enrolls at first sign-in. */
  totpSecret?: string;
  /** Where this account signs in. */
  signInAt: string;
}

export interface DemoAccountsFile {
  createdAt: string;
  accounts: DemoAccount[];
}

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';
