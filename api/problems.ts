import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { z } from 'zod';

/**
 * Errors as RFC 9457 problem details (`application/problem+json`). `type` is a stable URI
 * reference per kind of problem; clients switch on it, people read `title` and `detail`.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Each bad field of a request, and why. */
  errors?: Array<{ field: string; message: string }>;
  requestId?: string;
  [extension: string]: unknown;
}

export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
}

export const problemTypes = {
  invalidRequest: '/problems/invalid-request',
  malformedJson: '/problems/malformed-json',
  unsupportedMediaType: '/problems/unsupported-media-type',
  payloadTooLarge: '/problems/payload-too-large',
  notFound: '/problems/not-found',
  methodNotAllowed: '/problems/method-not-allowed',
  unauthorized: '/problems/unauthorized',
  idempotencyConflict: '/problems/idempotency-conflict',
  sagaConflict: '/problems/saga-conflict',
  unavailable: '/problems/temporal-unavailable',
  internal: '/problems/internal-error',
} as const;

export function sendProblem(res: Response, problem: Problem): void {
  const requestId = res.getHeader('X-Request-Id');
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({ ...problem, ...(typeof requestId === 'string' ? { requestId } : {}) });
}

/** A 400 that names every bad field of a zod validation. */
export function invalidRequest(error: z.ZodError, where: 'body' | 'query' | 'path' = 'body'): ProblemError {
  return new ProblemError({
    type: problemTypes.invalidRequest,
    title: 'The request is not valid',
    status: 400,
    detail: `The ${where} has ${error.issues.length} problem(s)`,
    errors: error.issues.map((issue) => ({
      field: issue.path.length === 0 ? `(${where})` : issue.path.join('.'),
      message: issue.message,
    })),
  });
}

/** A 400 about one field that is not in the body (a header, a page token). */
export function invalidField(field: string, message: string): ProblemError {
  return new ProblemError({
    type: problemTypes.invalidRequest,
    title: 'The request is not valid',
    status: 400,
    detail: `${field} is not valid`,
    errors: [{ field, message }],
  });
}

export function notFound(detail: string): ProblemError {
  return new ProblemError({ type: problemTypes.notFound, title: 'Not found', status: 404, detail });
}

/** The last handler of a route: any other method is a 405 that lists the allowed ones. */
export function methodNotAllowed(...allowed: string[]): RequestHandler {
  return (req, res) => {
    res.setHeader('Allow', allowed.join(', '));
    throw new ProblemError({
      type: problemTypes.methodNotAllowed,
      title: 'Method not allowed',
      status: 405,
      detail: `${req.path} accepts ${allowed.join(', ')}, not ${req.method}`,
    });
  };
}

/** What body-parser's failures mean to a client. */
const bodyParserProblems: Record<string, Problem> = {
  'entity.parse.failed': {
    type: problemTypes.malformedJson,
    title: 'The body is not valid JSON',
    status: 400,
    detail: 'The request body could not be parsed as JSON',
  },
  'entity.too.large': {
    type: problemTypes.payloadTooLarge,
    title: 'The body is too large',
    status: 413,
    detail: 'The request body is larger than the API accepts',
  },
};

/**
 * The last handler: known problems go out as they are, body-parser failures become clear 4xx, and
 * anything else is a 500 that shows the client only a request ID, never the error itself.
 */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  void _next;
  if (error instanceof ProblemError) return sendProblem(res, error.problem);
  const parserProblem = bodyParserProblems[(error as { type?: string }).type ?? ''];
  if (parserProblem !== undefined) return sendProblem(res, parserProblem);
  req.log.error({ err: error }, 'unexpected error');
  return sendProblem(res, {
    type: problemTypes.internal,
    title: 'Internal error',
    status: 500,
    detail: 'Something went wrong on our side; quote the request ID when you report it',
  });
};
