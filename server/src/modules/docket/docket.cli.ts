import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { computeDocket } from '#core/docket/compute-docket';
import { DocketCaseInput, type Deadline } from '#core/docket/docket-case';
import { DomainError } from '../../platform/errors.ts';

/** What the command touches, so tests can run it without a process. */
export interface DocketCliIo {
  readFile(path: string): Promise<string>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** The command's line in `valo help`, in the layout of the CLI's usage text. */
export const DOCKET_USAGE = `  docket compute --input CASE.json
                             print the deadlines of a case as one JSON document {"deadlines":[…]}`;

/** The process's own files and streams. */
export const processDocketIo: DocketCliIo = {
  readFile: (path) => readFile(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/**
 * `valo docket compute --input CASE.json`: reads a case, prints `{"deadlines":[…]}` as one JSON
 * document. `argv` is what follows `docket` (a leading `compute` is expected). A fixed interface other
 * tools call: each deadline keeps `kind`, `due`, `graceEnd`, `year` and `basis`; the other keys are extras.
 * Returns the exit code: 0 done, 2 bad input (the message names the field).
 */
export async function runDocketCompute(argv: string[], io: DocketCliIo): Promise<number> {
  const bad = (message: string): number => {
    io.stderr(`${message}\n`);
    return 2;
  };
  const args = argv[0] === 'compute' ? argv.slice(1) : argv;
  let inputPath: string | undefined;
  try {
    inputPath = parseArgs({ args, options: { input: { type: 'string' } }, strict: true }).values.input;
  } catch (error) {
    return bad(`${messageOf(error)}\nusage: valo docket compute --input CASE.json`);
  }
  if (!inputPath) return bad('input: --input CASE.json is required\nusage: valo docket compute --input CASE.json');

  let text: string;
  try {
    text = await io.readFile(inputPath);
  } catch (error) {
    return bad(`input: cannot read ${inputPath}: ${messageOf(error)}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return bad(`input: ${inputPath} is not valid JSON: ${messageOf(error)}`);
  }
  const parsed = DocketCaseInput.safeParse(document);
  if (!parsed.success) return bad(DomainError.fromZod(parsed.error).message);

  const deadlines = computeDocket(parsed.data).map(presentDeadline);
  io.stdout(`${JSON.stringify({ deadlines })}\n`);
  return 0;
}

/** The CLI's deadline: the five fixed keys first, then what helps a person check the date. */
function presentDeadline(deadline: Deadline) {
  return {
    kind: deadline.kind,
    due: deadline.due,
    graceEnd: deadline.graceEnd,
    year: deadline.year,
    basis: deadline.basis,
    ruleId: deadline.ruleId,
    windowOpens: deadline.windowOpens,
    dueUnextended: deadline.dueUnextended,
    graceEndUnextended: deadline.graceEndUnextended,
    inferredClosingDays: deadline.inferredClosingDays,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
