package dev.bearing.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rendered PDFs kept in memory, keyed by a SHA-256 of everything the report shows: the whole
 * {@link ReportData} as JSON (organisation, evaluation result with the review applied, answers,
 * milestones, benchmark, the approved version's number, approver and date). Any change to what
 * the PDF shows (a new evaluation, a review edit, an approval, a reopened or changed answer, a
 * renamed organisation) changes the key, so a stale PDF is never served; an unchanged report is
 * one hash and a lookup. Bounded by bytes: the least recently used PDFs go first, and a PDF
 * larger than a quarter of the budget is not kept. Thread-safe.
 */
final class ReportCache {

    private final com.fasterxml.jackson.databind.ObjectWriter writer;
    private final long maxBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;
    private long hits;
    private long misses;

    /**
     * @param json the application's mapper (records, java.time); copied with map keys sorted
     * @param maxBytes most bytes of PDF kept; 0 keeps none
     */
    ReportCache(ObjectMapper json, long maxBytes) {
        this.writer = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false).writer();
        this.maxBytes = Math.max(0, maxBytes);
    }

    /**
     * @param data what a report shows
     * @return the cache key: SHA-256 (hex) of the data as JSON
     */
    String key(ReportData data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // streamed into the digest: no JSON string or byte array is built
            writer.writeValue(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha), data);
            return HexFormat.of().formatHex(sha.digest());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The report data cannot be written as JSON for its cache key", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** @return the PDF for the key, or null */
    synchronized byte[] get(String key) {
        byte[] pdf = entries.get(key);
        if (pdf == null) {
            misses++;
        } else {
            hits++;
        }
        return pdf;
    }

    /** Keeps a PDF, dropping the least recently used ones beyond the budget. */
    synchronized void put(String key, byte[] pdf) {
        if (pdf.length > maxBytes / 4) {
            return;
        }
        byte[] old = entries.put(key, pdf);
        bytes += pdf.length - (old == null ? 0 : old.length);
        for (Iterator<Map.Entry<String, byte[]>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext();) {
            bytes -= it.next().getValue().length;
            it.remove();
        }
    }

    /** @return bytes of PDF held now */
    synchronized long bytes() {
        return bytes;
    }

    /** @return PDFs held now */
    synchronized int size() {
        return entries.size();
    }

    /** @return lookups that found a PDF */
    synchronized long hits() {
        return hits;
    }

    /** @return lookups that found none */
    synchronized long misses() {
        return misses;
    }
}
