package dev.bearing.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV that spreadsheet programs open safely: RFC 4180 through Apache Commons CSV (comma,
 * double quotes doubled, CRLF line ends, fields with commas, quotes or line breaks quoted), UTF-8,
 * optionally with a byte-order mark so Excel reads it as UTF-8.
 *
 * <p>No cell can become a formula: a cell (headers too) that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return gets a leading single quote ({@code '=1+1}),
 * which spreadsheets show as text. The one exception is a plain number, which stays a number:
 * an optional minus, digits, and optionally a point and more digits ({@code -5}, {@code -0.25});
 * that pattern cannot carry a formula. {@code +1} is not a plain number here: Bearing never writes
 * a leading plus, so such a cell came from typed text and is neutralised.
 */
public final class SafeCsv {

    /** UTF-8 byte-order mark. */
    public static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private SafeCsv() {
    }

    /**
     * @param cell a cell's text, may be null
     * @return the text as written: with a leading {@code '} when it would start a formula, else unchanged
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
        return risky && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
    }

    /**
     * @param header column names
     * @param rows rows of cells: null (empty), numbers (written plainly, no exponent), anything
     *     else by its {@code toString()}
     * @param bom whether to start with a UTF-8 byte-order mark
     * @return the CSV as UTF-8 bytes
     */
    public static byte[] write(List<String> header, List<List<Object>> rows, boolean bom) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
            p.printRecord(header.stream().map(SafeCsv::neutralise).toList());
            for (List<Object> row : rows) {
                p.printRecord(row.stream().map(SafeCsv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        if (!bom) {
            return text;
        }
        byte[] withBom = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, withBom, 0, BOM.length);
        System.arraycopy(text, 0, withBom, BOM.length, text.length);
        return withBom;
    }

    private static String cell(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (o instanceof Number n) {
            return n.toString();
        }
        return neutralise(o.toString());
    }
}
