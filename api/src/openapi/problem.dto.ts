import type { ApiProblem, FieldProblem } from '@mtp/contract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ example: 'email' })
  field: string;

  @ApiProperty({ type: [String], example: ['email must be an email'] })
  messages: string[];
}

/** RFC 9457 problem details, as every error of the API is answered. */
export class ProblemDto implements ApiProblem {
  @ApiProperty({ example: 'urn:mtp:problem:request.validation_failed' })
  type: string;

  @ApiProperty({ example: 'Bad Request' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'The request has invalid or unexpected fields' })
  detail: string;

  @ApiProperty({ description: 'Stable, machine-readable error code', example: 'request.validation_failed' })
  code: string;

  @ApiProperty({ description: 'The request id, also in the x-request-id header and the logs' })
  correlationId: string;

  @ApiPropertyOptional({ type: [FieldProblemDto] })
  errors?: FieldProblemDto[];
}
