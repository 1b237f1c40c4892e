package dev.cemap.cli.port;

import java.util.List;

/** A one-line legend: a swatch in each item's CSS class, then its name. */
final class Legend {

    private Legend() {
    }

    /** @param items pairs of CSS class and text */
    static void draw(Svg svg, double x, double y, List<String[]> items) {
        double at = x;
        for (String[] item : items) {
            svg.rect(at, y - 10, 14, 12, item[0], "");
            svg.text(at + 19, y, item[1], "legend", "start");
            at += 34 + 7.0 * item[1].length();
        }
    }
}
