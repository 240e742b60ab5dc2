import type { Action, ActionContext, ActionRequest, ActionResponse, BaseRecord, CurrentAdmin, RecordActionResponse } from 'adminjs';
import type { Request } from 'express';
import { DomainError } from '../../common/domain-error.js';
import { requestContextOf } from '../../common/http/request-context.js';
import type { PartnerActor } from '../../partners/partner-actor.js';
import { FormFields } from './form-fields.js';

export type ActionOptions = Partial<Action<ActionResponse>>;

/** What staff are told after an action; `redirectUrl` takes them to what it created. */
export interface Outcome {
  message: string;
  redirectUrl?: string;
}

/** AdminJS's own create, edit and delete write rows directly, past validation, audit and email. */
export const RAW_EDITS_OFF: Record<'new' | 'edit' | 'delete' | 'bulkDelete', ActionOptions> = {
  new: { isAccessible: false },
  edit: { isAccessible: false },
  delete: { isAccessible: false },
  bulkDelete: { isAccessible: false },
};

/** An action on one record, through a service; hidden by `isVisible` where it makes no sense. */
export function serviceRecordAction(spec: {
  icon: string;
  guard?: string;
  isVisible?: (record: BaseRecord) => boolean;
  run: (record: BaseRecord, actor: PartnerActor, context: ActionContext) => Promise<Outcome>;
}): ActionOptions {
  return {
    actionType: 'record',
    component: false,
    icon: spec.icon,
    guard: spec.guard,
    isVisible: ({ record }) => !record || (spec.isVisible?.(record) ?? true),
    handler: async (request, response, context) => {
      const { record, resource, currentAdmin } = context;
      if (!record) throw new Error('AdminJS calls a record action with its record');
      if (!isDeliberate(request, response)) {
        return { record: record.toJSON(currentAdmin), notice: { message: 'Start this action with its button in the back-office', type: 'error' } };
      }
      try {
        const outcome = await spec.run(record, staffActorOf(context, response), context);
        const fresh = (await resource.findOne(String(record.id()), context)) ?? record;
        return { record: fresh.toJSON(currentAdmin), notice: { message: outcome.message, type: 'success' }, ...redirect(outcome) };
      } catch (error) {
        return failure(error, record, currentAdmin);
      }
    },
  };
}

/**
 * A record action that takes staff to a form (another resource's `new`) filled in for this record,
 * for a step that needs text typed: AdminJS's form-less record actions take no input. AdminJS's
 * form reads its initial values from the query string. It changes nothing itself.
 */
export function formLinkAction(spec: { icon: string; isVisible: (record: BaseRecord) => boolean; form: { resourceId: string; values: (record: BaseRecord) => Record<string, string> } }): ActionOptions {
  return {
    actionType: 'record',
    component: false,
    icon: spec.icon,
    isVisible: ({ record }) => !record || spec.isVisible(record),
    handler: (_request, _response, { record, currentAdmin, h }) => {
      if (!record) throw new Error('AdminJS calls a record action with its record');
      const search = `?${new URLSearchParams(spec.form.values(record)).toString()}`;
      return Promise.resolve({ record: record.toJSON(currentAdmin), redirectUrl: h.resourceActionUrl({ resourceId: spec.form.resourceId, actionName: 'new', search }) });
    },
  };
}

/**
 * A resource's `new`, overridden to create through a service: GET gives the empty form's record,
 * POST reads the form and shows the created record.
 */
export function serviceNewAction(create: (form: FormFields, actor: PartnerActor, context: ActionContext) => Promise<Outcome & { recordId: string }>): ActionOptions {
  return {
    isAccessible: true,
    handler: async (request, response, context) => {
      const { resource, currentAdmin, h } = context;
      const draft = resource.build(request.payload ?? {});
      if (request.method !== 'post') return { record: draft.toJSON(currentAdmin) };
      try {
        const outcome = await create(new FormFields(request.payload), staffActorOf(context, response), context);
        const created = (await resource.findOne(outcome.recordId, context)) ?? draft;
        const show = h.recordActionUrl({ resourceId: resource.decorate().id(), recordId: outcome.recordId, actionName: 'show' });
        return { record: created.toJSON(currentAdmin), notice: { message: outcome.message, type: 'success' }, redirectUrl: outcome.redirectUrl ?? show };
      } catch (error) {
        return failure(error, draft, currentAdmin);
      }
    },
  };
}

/** The signed-in staff member, as the services record them in the audit trail. */
export function staffActorOf(context: ActionContext, response: unknown): PartnerActor {
  const admin = context.currentAdmin;
  if (typeof admin?.id !== 'string') throw new DomainError('backoffice.signed_out', 401, 'Your back-office session ended; sign in again');
  const request = expressRequestOf(response);
  return { type: 'staff', id: admin.id, label: admin.email, context: request ? requestContextOf(request) : { ip: null, userAgent: null, requestId: null } };
}

/** A refusal by a service becomes a notice, with field problems beside their fields; anything else is a bug and stays one. */
function failure(error: unknown, record: BaseRecord, currentAdmin: CurrentAdmin | undefined): RecordActionResponse {
  if (!(error instanceof DomainError)) throw error;
  const problems = error.extra.errors ?? [];
  record.errors = Object.fromEntries(problems.map((problem) => [problem.field, { type: 'invalid', message: problem.messages.join(' ') }]));
  const message = problems.length > 0 ? problems.flatMap((problem) => problem.messages).join('; ') : error.message;
  return { record: record.toJSON(currentAdmin), notice: { message, type: 'error' } };
}

/**
 * AdminJS's buttons run form-less actions with a GET from its own scripts. A link from another site
 * is a GET too, and the lax session cookie goes with it: a GET counts only when the browser says a
 * script on the back-office itself sent it.
 */
function isDeliberate(request: ActionRequest, response: unknown): boolean {
  if (request.method === 'post') return true;
  const headers = expressRequestOf(response)?.headers ?? {};
  return headers['sec-fetch-site'] === 'same-origin' && headers['sec-fetch-mode'] !== 'navigate';
}

/** AdminJS passes handlers a copy of the request without Express's getters (ip, headers); the response still holds the original. */
function expressRequestOf(response: unknown): Request | undefined {
  return (response as { req?: Request } | undefined)?.req;
}

function redirect(outcome: Outcome): { redirectUrl?: string } {
  return outcome.redirectUrl ? { redirectUrl: outcome.redirectUrl } : {};
}
