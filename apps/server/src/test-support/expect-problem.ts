import type { ErrorCode } from '@idr/contracts';
import { ProblemSchema } from '@idr/contracts';
import type { Response } from 'supertest';
import { expect } from 'vitest';

/** Asserts a problem+json response with the given status and code; returns the parsed problem. */
export function expectProblem(response: Response, status: number, code: ErrorCode) {
  expect(response.status, response.text).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = ProblemSchema.parse(JSON.parse(response.text));
  expect(problem.code).toBe(code);
  expect(problem.status).toBe(status);
  expect(problem.requestId).toBe(response.headers['x-request-id']);
  expect(response.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  return problem;
}

/** The `issues` paths of a validation problem. */
export function issuePaths(response: Response): string[] {
  return (JSON.parse(response.text).issues ?? []).map((issue: { path: string }) => issue.path);
}
