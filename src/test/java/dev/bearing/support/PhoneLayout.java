package dev.bearing.support;

import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Measurements of a consultant page at a phone's width, where each table row is a card and each
 * cell a line labelled with its column's heading ({@code table.cards} in consultant.css): words
 * split across lines, labels that are not their column's heading, sideways scrolling.
 */
public final class PhoneLayout {

    /** A phone's window: 390 px wide (an iPhone 12 to 15), 844 px high. */
    public static final Dimension PHONE = new Dimension(390, 844);

    /**
     * Words inside table cells (outside {@code code}, where a link may wrap anywhere) that the
     * browser split over two lines; hyphens, dashes and slashes are break points of their own. A
     * word wider than the page's column ({@code main}: a 64-character hash, a pasted URL) must break
     * and is not counted; the column, not the cell, as a cell squeezed by its table's other columns
     * is the fault being measured.
     */
    private static final String BROKEN_WORDS = """
            const broken = [];
            const main = document.querySelector('main');
            const column = main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft)
                - parseFloat(getComputedStyle(main).paddingRight);
            for (const cell of document.querySelectorAll('main table td')) {
              const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode())) {
                if (node.parentElement.closest('code')) continue;
                const word = /[^\\s\\-\\u2010-\\u2014\\/]+/g;
                let m;
                while ((m = word.exec(node.data))) {
                  const range = document.createRange();
                  range.setStart(node, m.index);
                  range.setEnd(node, m.index + m[0].length);
                  const rects = [...range.getClientRects()].filter(r => r.width > 0);
                  const lines = new Set(rects.map(r => Math.round(r.bottom)));
                  const width = rects.reduce((sum, r) => sum + r.width, 0);
                  if (lines.size > 1 && width <= column) broken.push(m[0]);
                }
              }
            }
            return broken;""";

    /** Cells whose label (shown before the value on a phone) is not their column's heading: "heading ≠ label". */
    private static final String WRONG_LABELS = """
            const wrong = [];
            for (const table of document.querySelectorAll('main table')) {
              const headings = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
              for (const row of table.querySelectorAll('tbody tr')) {
                [...row.children].forEach((td, i) => {
                  if (td.colSpan > 1) return; // "No respondents yet" and the like: a sentence, no label
                  const label = getComputedStyle(td, '::before').content.replace(/^"|"$/g, '');
                  if (label !== headings[i]) wrong.push((headings[i] || '(none)') + ' ≠ ' + label);
                });
              }
            }
            return wrong;""";

    private PhoneLayout() {
    }

    /** @return the words of the page's table cells that are split over two lines, e.g. ["Development"] */
    @SuppressWarnings("unchecked")
    public static List<String> brokenWords(ChromeDriver driver) {
        return (List<String>) driver.executeScript(BROKEN_WORDS);
    }

    /** @return the cells of the page's tables not labelled with their column's heading, as "heading ≠ label" */
    @SuppressWarnings("unchecked")
    public static List<String> wrongLabels(ChromeDriver driver) {
        return (List<String>) driver.executeScript(WRONG_LABELS);
    }

    /** @return how many pixels the page scrolls sideways (0 or less: it does not) */
    public static int overflow(ChromeDriver driver) {
        return ((Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")).intValue();
    }

    /**
     * @return the elements inside {@code main} that scroll sideways themselves (a table in a
     *     scrolling box: the page does not scroll, but its table does), as "tag#id width>box"
     */
    @SuppressWarnings("unchecked")
    public static List<String> scrollingBoxes(ChromeDriver driver) {
        return (List<String>) driver.executeScript("""
                const out = [];
                for (const el of document.querySelectorAll('main *')) {
                  const style = getComputedStyle(el);
                  if (el.scrollWidth > el.clientWidth + 1 && /(auto|scroll)/.test(style.overflowX)) {
                    out.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : '')
                        + ' ' + el.scrollWidth + '>' + el.clientWidth);
                  }
                }
                return out;""");
    }

    /** @return the number of rows in the page's tables */
    public static int rows(ChromeDriver driver) {
        return ((Number) driver.executeScript("return document.querySelectorAll('main table tbody tr').length;")).intValue();
    }
}
