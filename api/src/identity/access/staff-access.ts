import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { StaffPrincipal } from './principal.js';

export interface StaffAccessResolver {
  /** The active staff member signed in to the back-office on this request, or null. */
  resolve(request: Request, response: Response): Promise<StaffPrincipal | null>;
}

/**
 * Staff sign in through the back-office (password and MFA); the back-office module registers here
 * how to read that sign-in from a request. Without it, every staff route is refused.
 */
@Injectable()
export class StaffAccessDirectory {
  private resolver?: StaffAccessResolver;

  register(resolver: StaffAccessResolver): void {
    this.resolver = resolver;
  }

  resolve(request: Request, response: Response): Promise<StaffPrincipal | null> {
    return this.resolver ? this.resolver.resolve(request, response) : Promise.resolve(null);
  }
}
