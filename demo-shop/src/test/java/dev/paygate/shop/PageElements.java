package dev.paygate.shop;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads attributes of elements found by id in a rendered page. HTML5 output is not XML, so XPath does not
 * apply; the shop's templates write each start tag with double-quoted attributes, which is all this needs.
 */
public final class PageElements {

    private PageElements() {
    }

    /** The start tag of the element with this id, if the page has one. */
    public static Optional<String> startTag(String html, String id) {
        Matcher tag = Pattern.compile("<[a-zA-Z][^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        return tag.find() ? Optional.of(tag.group()) : Optional.empty();
    }

    public static boolean hasElement(String html, String id) {
        return startTag(html, id).isPresent();
    }

    /** The attribute's value (HTML-escaped as written), failing when the element or attribute is missing. */
    public static String attribute(String html, String id, String attribute) {
        String tag = startTag(html, id).orElseThrow(() -> new AssertionError("no element with id " + id));
        Matcher value = Pattern.compile("\\s" + Pattern.quote(attribute) + "=\"([^\"]*)\"").matcher(tag);
        if (!value.find()) {
            throw new AssertionError("element " + id + " has no attribute " + attribute + ": " + tag);
        }
        return value.group(1);
    }

    /** The text right after the element's start tag, up to the next tag. */
    public static String text(String html, String id) {
        String tag = startTag(html, id).orElseThrow(() -> new AssertionError("no element with id " + id));
        int start = html.indexOf(tag) + tag.length();
        return html.substring(start, html.indexOf('<', start)).strip();
    }
}
