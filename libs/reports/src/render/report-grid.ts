/**
 * A table as the official format prints it: rows of cells, each cell placed HTML-style (a cell spanning
 * rows is written once, in its first row). HTML, DOCX and XLSX are all rendered from the same grid, so the
 * three formats cannot disagree about the layout.
 */
export interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Header cells are bold and centred. */
  header?: boolean;
  /** Numbers are right-aligned (and stored as numbers in XLSX). */
  numeric?: boolean;
}

export interface Grid {
  /** Number of columns of the table. */
  columns: number;
  rows: GridCell[][];
  /** How many leading rows are header rows. */
  headerRows: number;
}

export interface PlacedCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  cell: GridCell;
}

/** Absolute positions of every cell (what XLSX merges and DOCX vertical merges need). */
export function placeCells(grid: Grid): PlacedCell[] {
  const taken = grid.rows.map(() => new Array<boolean>(grid.columns).fill(false));
  const placed: PlacedCell[] = [];
  grid.rows.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (col < grid.columns && taken[row][col]) col++;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let r = row; r < row + rowSpan && r < grid.rows.length; r++) {
        for (let c = col; c < col + colSpan && c < grid.columns; c++) taken[r][c] = true;
      }
      placed.push({ row, col, rowSpan, colSpan, cell });
      col += colSpan;
    }
  });
  return placed;
}

/** A number cell. */
export const num = (n: number | null | undefined): GridCell => ({
  text: n === null || n === undefined ? '' : String(n),
  numeric: true,
});
/** A header cell. */
export const head = (text: string, colSpan = 1, rowSpan = 1): GridCell => ({
  text,
  colSpan,
  rowSpan,
  header: true,
});
