package cn.yinling.warehouse.read;

/**
 * One row as read. {@code rowNumber} is what the user sees: the Excel row, or the 1-based CSV line (a quoted cell
 * spanning lines counts its first line). Cells are as typed, not yet trimmed or normalised; XLSX date cells arrive as
 * {@code 2024-01-05} or {@code 2024-01-05 10:30:00}, numeric cells as plain decimals ({@code 12}, {@code 12.5}, never
 * an exponent).
 */
public record RawRow(int rowNumber, String[] cells) {

    public String cell(int index) {
        return index < cells.length ? cells[index] : null;
    }
}
