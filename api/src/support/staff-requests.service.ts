import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError, NotFoundError } from '../common/domain-error.js';
import { AppConfig } from '../config/app-config.provider.js';
import { MailService } from '../mail/mail.service.js';
import { supportRequestUpdatedEmail } from '../mail/templates/support-request.js';
import { OrgDirectoryService } from '../orgs/organizations/org-directory.service.js';
import { AssociationsService } from '../partners/associations/associations.service.js';
import type { PartnerActor } from '../partners/partner-actor.js';
import { PartnersService } from '../partners/partners.service.js';
import { AdministratorsService } from '../identity/administrators/administrators.service.js';
import { StaffService } from '../identity/staff.service.js';
import { DetachmentService } from './detachment.service.js';
import { checkedComment, RequestChanges, statusWords } from './request-changes.js';
import { requestDetailsDto } from './request-view.js';
import type { DetachDetails, RequestStatus, SupportRequest } from './support-request.entity.js';
import type { StaffListRequestsQueryDto, StaffSupportRequestDto, StaffSupportRequestPageDto } from './support-requests.dto.js';
import { SupportRequestsRepository } from './support-requests.repository.js';

const DAY_MS = 86_400_000;

/**
 * Platform staff's side of support requests, for the staff API and the back-office alike: take,
 * comment, resolve, reject with a comment, approve a detachment, or detach an org directly.
 */
@Injectable()
export class StaffRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: SupportRequestsRepository,
    private readonly changes: RequestChanges,
    private readonly detachment: DetachmentService,
    private readonly associations: AssociationsService,
    private readonly partners: PartnersService,
    private readonly orgs: OrgDirectoryService,
    private readonly administrators: AdministratorsService,
    private readonly staff: StaffService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(query: StaffListRequestsQueryDto): Promise<StaffSupportRequestPageDto> {
    const { rows, nextCursor } = await this.requests.page({
      partnerId: query.partnerId,
      kind: query.kind,
      status: query.status,
      createdBefore: query.olderThanDays !== undefined ? new Date(this.clock.now().getTime() - query.olderThanDays * DAY_MS) : undefined,
      limit: query.limit ?? 25,
      cursor: query.cursor,
    });
    const names = await this.partnerNames(rows.map((row) => row.partnerId));
    const orgs = await this.orgs.describe(rows.flatMap((row) => (row.orgId ? [row.orgId] : [])));
    const assignees = await this.staffEmails(rows.flatMap((row) => (row.assigneeId ? [row.assigneeId] : [])));
    return {
      items: rows.map((row) => ({
        ...requestDetailsDto(row, row.orgId ? orgs.get(row.orgId) : undefined, [], 'staff', true),
        partnerId: row.partnerId,
        partnerName: names.get(row.partnerId) ?? '',
        assignee: row.assigneeId ? (assignees.get(row.assigneeId) ?? null) : null,
      })),
      nextCursor,
    };
  }

  async get(id: string): Promise<StaffSupportRequestDto> {
    const request = await this.found(id);
    const org = request.orgId ? (await this.orgs.describe([request.orgId])).get(request.orgId) : undefined;
    const partner = await this.partners.get(request.partnerId);
    const assignee = request.assigneeId ? await this.staff.findById(request.assigneeId) : null;
    const timeline = await this.requests.timeline(request.id);
    return { ...requestDetailsDto(request, org, timeline, 'staff', true), partnerId: partner.id, partnerName: partner.name, assignee: assignee?.email ?? null };
  }

  async take(id: string, actor: PartnerActor): Promise<StaffSupportRequestDto> {
    return this.change(id, actor, (manager, request) => this.changes.setStatus(manager, request, 'in_progress', actor, null, { assigneeId: actor.id }));
  }

  async comment(id: string, comment: string, actor: PartnerActor): Promise<StaffSupportRequestDto> {
    return this.change(id, actor, async (manager, request) => {
      await this.changes.comment(manager, request, actor, comment);
      await this.tellRequester(manager, request, 'a new comment', comment);
    });
  }

  async resolve(id: string, comment: string | null, actor: PartnerActor): Promise<StaffSupportRequestDto> {
    return this.change(id, actor, async (manager, request) => {
      if (request.kind === 'detach') throw new DomainError('support.detach_needs_decision', 409, 'A detach request is approved (which detaches the organization) or rejected with a comment');
      await this.close(manager, request, 'resolved', actor, comment);
    });
  }

  async reject(id: string, comment: string, actor: PartnerActor): Promise<StaffSupportRequestDto> {
    const why = checkedComment(comment, true);
    return this.change(id, actor, (manager, request) => this.close(manager, request, 'rejected', actor, why));
  }

  /**
   * Detaches the org the request is about and resolves it, in one transaction. Approving a request
   * already approved changes nothing, so two staff approving at once detach once.
   */
  async approveDetachment(id: string, actor: PartnerActor): Promise<StaffSupportRequestDto> {
    return this.change(id, actor, async (manager, request) => {
      if (request.kind !== 'detach') throw new DomainError('support.not_detach', 409, `Request ${request.number} is not a detach request`);
      if (request.status === 'resolved') return;
      const { reason, effectiveDate } = request.details as unknown as DetachDetails;
      const today = this.clock.now().toISOString().slice(0, 10);
      if (effectiveDate && effectiveDate > today) {
        throw new DomainError('support.not_yet_effective', 409, `The partner asked for the detachment from ${effectiveDate}; approve it on or after that day`);
      }
      const detached = request.orgId ? await this.detachment.detach(manager, { orgId: request.orgId, partnerId: request.partnerId, reason, actor }) : false;
      await this.close(manager, request, 'resolved', actor, detached ? 'The organization was detached.' : 'The organization was no longer managed by this partner.');
    });
  }

  /**
   * Staff detach an org from its partner without a request (the back-office's "Detach"), with a
   * reason; an open detach request for that org is resolved with it.
   */
  async detachDirectly(orgId: string, reason: string, actor: PartnerActor): Promise<{ detached: boolean; partnerId: string | null }> {
    const trimmed = reason.trim();
    if (trimmed.length === 0 || trimmed.length > 2000) throw new DomainError('support.reason_required', 400, 'Give the reason for the detachment (up to 2,000 characters)');
    return this.dataSource.transaction(async (manager) => {
      const partnerId = await this.associations.activePartnerOf(orgId);
      if (!partnerId) return { detached: false, partnerId: null };
      const detached = await this.detachment.detach(manager, { orgId, partnerId, reason: trimmed, actor });
      const open = await this.requests.openDetachOf(orgId, manager);
      if (open) await this.close(manager, open, 'resolved', actor, `Detached directly by platform staff: ${trimmed}`);
      return { detached, partnerId };
    });
  }

  private async close(manager: EntityManager, request: SupportRequest, status: RequestStatus, actor: PartnerActor, comment: string | null): Promise<void> {
    await this.changes.setStatus(manager, request, status, actor, comment);
    await this.tellRequester(manager, request, statusWords(status), comment);
  }

  private async change(id: string, actor: PartnerActor, apply: (manager: EntityManager, request: SupportRequest) => Promise<void>): Promise<StaffSupportRequestDto> {
    if (actor.type !== 'staff') throw new Error('Only staff act on requests here');
    await this.dataSource.transaction(async (manager) => {
      const request = isUUID(id) ? await this.requests.lock(manager, id) : null;
      if (!request) throw notFound();
      await apply(manager, request);
    });
    return this.get(id);
  }

  /** The partner admin who filed it hears of each step staff take. */
  private async tellRequester(manager: EntityManager, request: SupportRequest, change: string, comment: string | null): Promise<void> {
    if (!request.createdById) return;
    const requester = (await this.administrators.describe([request.createdById])).get(request.createdById);
    if (!requester) return;
    const partner = await this.partners.get(request.partnerId, manager);
    await this.mail.enqueue(manager, {
      to: requester.email,
      template: supportRequestUpdatedEmail({
        number: Number(request.number),
        subject: request.subject,
        partnerName: partner.name,
        change,
        comment,
        portalUrl: `${this.config.publicUrl}/partner/requests/${request.id}`,
      }),
    });
  }

  private async found(id: string): Promise<SupportRequest> {
    const request = isUUID(id) ? await this.requests.find(id) : null;
    if (!request) throw notFound();
    return request;
  }

  private async partnerNames(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    return new Map(await Promise.all(unique.map(async (id) => [id, (await this.partners.get(id)).name] as const)));
  }

  private async staffEmails(ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.staff.findById(id)));
    return new Map(found.flatMap((account) => (account ? [[account.id, account.email] as const] : [])));
  }
}

function notFound(): NotFoundError {
  return new NotFoundError('support.not_found', 'There is no such support request');
}
