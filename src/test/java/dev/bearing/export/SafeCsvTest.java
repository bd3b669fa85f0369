package dev.bearing.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV writer: formula-proof cells and headers, plain numbers kept, RFC 4180 round trip. */
class SafeCsvTest {

    @Test
    void cellsThatWouldStartAFormulaAreNeutralisedAndPlainNumbersStayNumbers() {
        assertEquals("'=HYPERLINK(\"http://x.invalid\",\"y\")", SafeCsv.neutralise("=HYPERLINK(\"http://x.invalid\",\"y\")"));
        assertEquals("'@SUM(A1)", SafeCsv.neutralise("@SUM(A1)"));
        assertEquals("'+1", SafeCsv.neutralise("+1"));
        assertEquals("-5", SafeCsv.neutralise("-5"));
        assertEquals("-0.25", SafeCsv.neutralise("-0.25"));
        assertEquals("'-5+cmd|' /C calc'!A0", SafeCsv.neutralise("-5+cmd|' /C calc'!A0"));
        assertEquals("'-1e3", SafeCsv.neutralise("-1e3"));
        assertEquals("'-", SafeCsv.neutralise("-"));
        assertEquals("'\t=1", SafeCsv.neutralise("\t=1"));
        assertEquals("'\r=1", SafeCsv.neutralise("\r=1"));
        assertEquals("Zoë, \"Søn\"\nLtd", SafeCsv.neutralise("Zoë, \"Søn\"\nLtd"));
        assertEquals("a=b", SafeCsv.neutralise("a=b"));
    }

    @Test
    void headersAreNeutralisedTooAndEveryCellRoundTripsThroughAnRfc4180Parser() throws Exception {
        List<String> header = List.of("=cmd", "name", "value");
        List<List<Object>> rows = List.of(
                Arrays.asList("=HYPERLINK(\"http://x.invalid\",\"y\")", "Zoë, \"Søn\"\nLtd", -5),
                Arrays.asList("@SUM(A1)", "+1", -2.5),
                Arrays.asList(null, "-5", 62.50));
        byte[] bytes = SafeCsv.write(header, rows, false);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals("'=cmd,name,value\r\n", text.substring(0, text.indexOf('\n') + 1));
        List<CSVRecord> parsed = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertEquals(4, parsed.size());
        assertEquals(List.of("'=cmd", "name", "value"), parsed.get(0).toList());
        assertEquals(List.of("'=HYPERLINK(\"http://x.invalid\",\"y\")", "Zoë, \"Søn\"\nLtd", "-5"), parsed.get(1).toList());
        assertEquals(List.of("'@SUM(A1)", "'+1", "-2.5"), parsed.get(2).toList());
        assertEquals(List.of("", "-5", "62.5"), parsed.get(3).toList());

        byte[] withBom = SafeCsv.write(header, rows, true);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(withBom, 3));
        assertArrayEquals(bytes, Arrays.copyOfRange(withBom, 3, withBom.length));
    }
}
