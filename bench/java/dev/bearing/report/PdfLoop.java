package dev.bearing.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Renders an XHTML file (as PdfBenchmark writes it) again and again in a plain JVM, for
 * profiling: {@code java -XX:+FlightRecorder -XX:StartFlightRecording=filename=pdf.jfr -cp ...
 * dev.bearing.report.PdfLoop report-demo.xhtml 200}. Prints the median of the last half.
 */
public final class PdfLoop {

    private PdfLoop() {
    }

    /**
     * @param args XHTML file, renders, optional output PDF
     * @throws Exception when the file cannot be read or the PDF written
     */
    public static void main(String[] args) throws Exception {
        String xhtml = Files.readString(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        ReportRenderer renderer = new ReportRenderer();
        double[] ms = new double[n];
        double[] cpu = new double[n];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        byte[] pdf = null;
        for (int i = 0; i < n; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            pdf = renderer.pdf(xhtml);
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        }
        if (args.length > 2) {
            Files.write(Path.of(args[2]), pdf);
        }
        double[] last = Arrays.copyOfRange(ms, n / 2, n);
        Arrays.sort(last);
        double[] lastCpu = Arrays.copyOfRange(cpu, n / 2, n);
        Arrays.sort(lastCpu);
        System.out.printf("renders %d, median of the last %d: %.1f ms (CPU %.1f ms), min %.1f ms (CPU %.1f ms), %d bytes%n",
                n, last.length, last[last.length / 2], lastCpu[lastCpu.length / 2], last[0], lastCpu[0], pdf.length);
    }
}
