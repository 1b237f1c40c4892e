package dev.cemap.cli.port;

import java.util.Locale;

/**
 * A small SVG writer: the elements the report's pictures use, with text escaped and numbers
 * written the same way on every machine (so the page is byte-identical between runs).
 */
final class Svg {

    private final StringBuilder out = new StringBuilder();

    Svg(String id, double width, double height, String label) {
        // No width/height attributes: the picture scales to the page (CSS width: 100%) keeping its proportions.
        out.append("<svg id=\"").append(id).append("\" class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" ")
                .append("viewBox=\"0 0 ").append(n(width))
                .append(' ').append(n(height)).append("\" role=\"img\" aria-label=\"").append(escape(label)).append("\">\n");
    }

    Svg rect(double x, double y, double width, double height, String cssClass, String tooltip) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" class=\"").append(cssClass).append('"');
        if (tooltip == null || tooltip.isEmpty()) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(escape(tooltip)).append("</title></rect>\n");
        }
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" class=\"").append(cssClass).append("\"/>\n");
        return this;
    }

    /** @param anchor start, middle or end */
    Svg text(double x, double y, String text, String cssClass, String anchor) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" class=\"").append(cssClass)
                .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(text)).append("</text>\n");
        return this;
    }

    Svg path(String d, String cssClass) {
        out.append("<path d=\"").append(d).append("\" class=\"").append(cssClass).append("\"/>\n");
        return this;
    }

    String close() {
        return out.append("</svg>\n").toString();
    }

    static String n(double value) {
        return Math.rint(value) == value ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
