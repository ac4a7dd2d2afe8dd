/**
 * The report's document: landscape pages with a heading, a footer (project title, page n of N)
 * on every page but the cover, bookmarks, and a flow of text in columns that continues on new
 * pages. Written to bytes synchronously (pdfkit writes as it goes; nothing waits on a stream).
 */
import PDFDocument from 'pdfkit';
import { wrapText } from '../../shared/domain/layout';
import type { ReportPaper } from '../../shared/api/schemas';
import { defaultFont, Type, type Doc, type TextStyle, type Weight } from './fonts';
import { PAGE, PAPER, THEME } from './style';

export interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface DocInfo {
  title: string;
  author: string;
  subject: string;
  madeOn: Date;
}

export class ReportDoc {
  readonly doc: Doc;
  readonly type: Type;
  readonly width: number;
  readonly height: number;
  /** Pages (0-based) that carry no footer: the cover. */
  private readonly bare = new Set<number>();
  private pageCount = 0;

  constructor(
    readonly paper: ReportPaper,
    readonly info: DocInfo,
  ) {
    const size = PAPER[paper];
    this.width = size.width;
    this.height = size.height;
    this.doc = new PDFDocument({
      size: [size.width, size.height],
      margin: 0,
      autoFirstPage: false,
      bufferPages: true,
      pdfVersion: '1.7',
      displayTitle: true,
      // The default font, never drawn with: Inter, so pdfkit never loads a standard (unembedded) font.
      font: defaultFont() as unknown as string,
      info: {
        Title: info.title,
        Author: info.author,
        Subject: info.subject,
        Creator: 'Journeywall',
        Producer: 'Journeywall (PDFKit)',
        CreationDate: info.madeOn,
      },
    });
    this.type = new Type(this.doc);
    // pdfkit turns every drawing operator into its own little byte array as it is added (most
    // of a big report's time went to making and collecting them): gather the operators of a
    // page as text and hand them over at once, before the page changes and at the end.
    const doc = this.doc as unknown as { addContent(data: string): unknown };
    doc.addContent = (data: string) => {
      this.pending.push(data);
      return this.doc;
    };
  }

  private pending: string[] = [];

  private flush(): void {
    if (this.pending.length === 0) return;
    (this.doc as unknown as { page: { write(data: string): void } }).page.write(this.pending.join('\n'));
    this.pending = [];
  }

  /** The area between the heading and the footer. */
  get content(): Frame {
    return { x: PAGE.marginX, y: PAGE.contentTop, w: this.width - PAGE.marginX * 2, h: this.height - PAGE.contentTop - PAGE.contentBottom };
  }

  /** A new page; with a heading (and a quieter note on the right) unless it is the cover. */
  addPage(heading: string | null, aside = ''): Frame {
    this.flush();
    this.doc.addPage({ size: [this.width, this.height], margin: 0 });
    this.pageCount++;
    if (heading === null) {
      this.bare.add(this.pageCount - 1);
      return { x: PAGE.marginX, y: PAGE.marginTop, w: this.width - PAGE.marginX * 2, h: this.height - PAGE.marginTop - PAGE.contentBottom };
    }
    const t = this.type;
    const base = PAGE.marginTop + PAGE.headingSize;
    const asideWidth = aside ? Math.min(t.width(aside, 400, 8.5), this.content.w * 0.45) : 0;
    t.draw(t.ellipsize(heading, this.content.w - asideWidth - 24, 700, PAGE.headingSize), PAGE.marginX, base, { weight: 700, size: PAGE.headingSize, color: THEME.header });
    if (aside) {
      const text = t.ellipsize(aside, asideWidth, 400, 8.5);
      t.draw(text, this.width - PAGE.marginX - t.width(text, 400, 8.5), base, { size: 8.5, color: THEME.muted });
    }
    this.doc
      .lineWidth(0.75)
      .strokeColor(THEME.rule, 1)
      .moveTo(PAGE.marginX, base + 7)
      .lineTo(this.width - PAGE.marginX, base + 7)
      .stroke();
    return this.content;
  }

  get pages(): number {
    return this.pageCount;
  }

  /** A bookmark to the current page (and a line in the cover's contents). */
  bookmark(title: string): void {
    this.doc.outline.addItem(title);
    if (!this.marks.has(title)) this.marks.set(title, this.pageCount - 1);
  }

  /** The first page (from 1) of each bookmark. */
  pageOf(title: string): number | null {
    const i = this.marks.get(title);
    return i === undefined ? null : i + 1;
  }

  /** Drawing that needs the finished page numbers: done on page `page` (from 0) when the report is finished. */
  later(page: number, draw: () => void): void {
    this.deferred.push({ page, draw });
  }

  private readonly marks = new Map<string, number>();
  private readonly deferred: { page: number; draw: () => void }[] = [];

  /** Footers on every page but the cover, then the bytes. */
  finish(): { bytes: Buffer; pages: number } {
    const { doc, type: t } = this;
    const range = doc.bufferedPageRange();
    for (const { page, draw } of this.deferred) {
      this.flush();
      doc.switchToPage(page);
      draw();
    }
    for (let i = range.start; i < range.start + range.count; i++) {
      if (this.bare.has(i)) continue;
      this.flush();
      doc.switchToPage(i);
      const y = this.height - PAGE.footerBaseline;
      const right = `Page ${i + 1} of ${range.count}`;
      const rightWidth = t.width(right, 400, PAGE.footerSize);
      const left = t.ellipsize(`${this.info.title} · Customer journey map`, this.content.w - rightWidth - 30, 400, PAGE.footerSize);
      doc
        .lineWidth(0.5)
        .strokeColor(THEME.rule, 1)
        .moveTo(PAGE.marginX, y - 11)
        .lineTo(this.width - PAGE.marginX, y - 11)
        .stroke();
      t.draw(left, PAGE.marginX, y, { size: PAGE.footerSize, color: THEME.muted });
      t.draw(right, this.width - PAGE.marginX - rightWidth, y, { size: PAGE.footerSize, color: THEME.muted });
    }
    this.flush();
    doc.end();
    // pdfkit pushes every byte into its stream buffer during end(): read them all, now.
    const chunks: Buffer[] = [];
    for (let chunk = doc.read() as Buffer | null; chunk !== null; chunk = doc.read() as Buffer | null) chunks.push(chunk);
    const bytes = Buffer.concat(chunks);
    if (!bytes.subarray(-8).toString('latin1').includes('%%EOF')) throw new Error('pdfkit did not finish the PDF synchronously.');
    return { bytes, pages: range.count };
  }
}

export interface FlowOptions {
  columns: number;
  gap?: number;
  /** Heading of the pages the flow adds. */
  heading: string;
  /** Where the flow starts on the current page (default: the content's top). */
  top?: number;
  /** Called at the top of every column after the first (to say what continues there). */
  onColumn?: (flow: Flow) => void;
  /** Only measuring: nothing is drawn and no page is added (`page` still counts them). */
  dry?: boolean;
}

/**
 * Blocks and paragraphs in columns, top to bottom, column after column, page after page.
 * `y` is where the next thing goes in the current column.
 */
export class Flow {
  x = 0;
  y = 0;
  readonly colW: number;
  private column = 0;
  /** Where columns start on this page, and where the current one's content starts. */
  private pageTop: number;
  private colTop: number;
  private readonly gap: number;
  private inColumnStart = false;
  /** Pages the flow has moved on to, from 0 (the page it started on). */
  page = 0;

  constructor(
    readonly r: ReportDoc,
    private readonly options: FlowOptions,
  ) {
    this.gap = options.gap ?? 26;
    const c = r.content;
    this.colW = (c.w - this.gap * (options.columns - 1)) / options.columns;
    this.pageTop = options.top ?? c.y;
    this.colTop = this.pageTop;
    this.x = c.x;
    this.y = this.pageTop;
  }

  get bottom(): number {
    const c = this.r.content;
    return c.y + c.h;
  }

  /** Room left in this column. */
  get room(): number {
    return this.bottom - this.y;
  }

  /** True while nothing has been put in the current column yet. */
  get atColumnTop(): boolean {
    return this.y <= this.colTop + 0.01;
  }

  nextColumn(): void {
    const c = this.r.content;
    if (this.column + 1 < this.options.columns) {
      this.column++;
    } else {
      if (!this.dry) this.r.addPage(this.options.heading);
      this.page++;
      this.column = 0;
      this.pageTop = c.y;
    }
    this.x = c.x + this.column * (this.colW + this.gap);
    this.y = this.colTop = this.pageTop;
    if (this.options.onColumn && !this.inColumnStart) {
      this.inColumnStart = true;
      this.options.onColumn(this);
      this.inColumnStart = false;
      this.colTop = this.y;
    }
  }

  get dry(): boolean {
    return this.options.dry === true;
  }

  /** Goes on at the top of the next page's first column. */
  newPage(): void {
    this.column = this.options.columns - 1;
    this.nextColumn();
  }

  /** Makes room for `h` points (moving on if the column has less), unless already at a column's top. */
  need(h: number): void {
    if (this.y + h > this.bottom && !this.atColumnTop) this.nextColumn();
  }

  space(h: number): void {
    this.y += h;
  }

  get columnIndex(): number {
    return this.column;
  }

  /** Text wrapped to the column's width less `indent` (as the canvas wraps: wrapText). */
  wrap(text: string, style: TextStyle, indent = 0): string[] {
    const weight: Weight = style.weight ?? 400;
    return wrapText(text, this.colW - indent, this.r.type.measurer(weight, style.size), Number.POSITIVE_INFINITY).lines;
  }

  /**
   * Lines of text, `indent` from the column's left (right-aligned, `indentRight` from its right, when style.direction is 'rtl'); they break across columns and pages, keeping
   * at least `keepLines` together at the start. Returns where the first line went (and on which of the flow's pages).
   */
  lines(lines: readonly string[], style: TextStyle & { lineHeight: number }, indent = 0, keepLines = 2, indentRight = 0): { x: number; y: number; page: number } {
    const t = this.r.type;
    this.need(style.lineHeight * Math.min(keepLines, Math.max(1, lines.length)));
    const start = { x: this.x, y: this.y, page: this.page };
    for (const line of lines) {
      this.need(style.lineHeight);
      // A right-to-left paragraph's lines end at the column's right edge.
      const x = style.direction === 'rtl' ? this.x + this.colW - indentRight - t.width(line, style.weight ?? 400, style.size) : this.x + indent;
      if (line && !this.dry) t.draw(line, x, this.y + (style.lineHeight - style.size) / 2 + t.ascent(style.size), style);
      this.y += style.lineHeight;
    }
    return start;
  }

  paragraph(text: string, style: TextStyle & { lineHeight: number }, indent = 0): { x: number; y: number } {
    return this.lines(this.wrap(text, style, indent), style, indent);
  }
}
