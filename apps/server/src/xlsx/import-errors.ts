// The two ways an import can fail, both already AppErrors so that a route can simply let them
// through (the error handler turns them into the one JSON error shape, DESIGN.md §4):
// - the upload is not a usable xlsx at all (not a zip, another format renamed, a zip bomb,
//   encrypted, corrupt): 400 INVALID_FILE, one message, nothing about cells;
// - the workbook is readable but its content is refused (formulas, merged cells, error values,
//   and whatever the importer itself finds): 422 IMPORT_REJECTED with details
//   [{sheet, row, column, message}].
import type { ImportProblem } from '@zhiyuan/core';
import { AppError } from '../errors';

/** The upload limit for every import (the route answers 413 above it). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type XlsxFileReason =
  | 'NOT_XLSX' // not a zip, or a zip that is not a workbook (PDF, CSV, .xls, .docx… renamed .xlsx)
  | 'CORRUPT' // truncated, inconsistent sizes or CRC, broken XML
  | 'TOO_LARGE' // file, or total uncompressed size, over the limit
  | 'TOO_MANY_ENTRIES'
  | 'ZIP_BOMB' // absurd compression ratio, or more data than declared
  | 'ENCRYPTED'
  | 'UNSUPPORTED'; // ZIP64, an unknown compression method

/** 400 INVALID_FILE: the file cannot be read as a workbook. `reason` is for logs and tests. */
export class XlsxFileError extends AppError {
  constructor(
    readonly reason: XlsxFileReason,
    message: string,
  ) {
    super('INVALID_FILE', message);
    this.name = 'XlsxFileError';
  }
}

/**
 * One refused cell: `row` is the 1-based sheet row, `column` its letter. A problem with the sheet
 * as a whole (missing, unreadable) has row 0 and column ''.
 */
export type { ImportProblem };

/** 422 IMPORT_REJECTED: `details` holds the first problems, `total` how many there were. */
export class ImportRejectedError extends AppError {
  constructor(
    problems: readonly ImportProblem[],
    readonly total: number = problems.length,
  ) {
    const first = problems[0];
    const where = first ? `${first.sheet ? `工作表“${first.sheet}”` : ''}${first.row ? `第 ${first.row} 行` : ''}${first.column ? ` ${first.column} 列` : ''}` : '';
    const more = total > problems.length ? `（仅列出前 ${problems.length} 处）` : '';
    super('IMPORT_REJECTED', `导入文件有 ${total} 处问题，未导入任何数据${more}${first ? `。第一处：${where ? `${where}：` : ''}${first.message}` : ''}`, [...problems]);
    this.name = 'ImportRejectedError';
  }
}

/**
 * Collects the problems of one import (the reader's and the importer's own), keeping the first
 * `max` and counting the rest, so a file with 30,000 bad rows yields a short answer.
 */
export class ImportProblems {
  readonly list: ImportProblem[] = [];
  total = 0;
  constructor(readonly max = 200) {}

  add(problem: ImportProblem): void {
    this.total++;
    if (this.list.length < this.max) this.list.push(problem);
  }

  /** Counts problems that are not listed (beyond what the caller could enumerate). */
  addUnlisted(count: number): void {
    this.total += count;
  }

  get isEmpty(): boolean {
    return this.total === 0;
  }

  toError(): ImportRejectedError {
    return new ImportRejectedError(this.list, this.total);
  }

  /** Call before writing anything: all or nothing. */
  throwIfAny(): void {
    if (this.total > 0) throw this.toError();
  }
}

/**
 * For code that catches around an import: the AppError to answer with. XlsxFileError and
 * ImportRejectedError pass through (400 INVALID_FILE, 422 IMPORT_REJECTED); anything else
 * thrown while reading a workbook means it could not be read — 400, never a 500 with a stack.
 */
export function importAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new XlsxFileError('CORRUPT', '无法读取该工作簿，文件可能已损坏；请在 Excel 中重新保存为 .xlsx 后再上传');
}
