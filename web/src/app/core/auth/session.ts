/** Who is signed in to the portal, as far as the browser knows. */
export interface Session {
  readonly email: string;
  readonly displayName: string | null;
}

/** The body of `POST /api/v1/auth/login`. */
export interface SignInRequest {
  readonly email: string;
  readonly password: string;
}
