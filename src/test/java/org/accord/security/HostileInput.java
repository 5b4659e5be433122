package org.accord.security;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The hostile-input corpus, and the test of whether a page rendered any of it live. Every script-bearing payload
 * carries {@link #MARK}, so that a page which shows it as text passes and a page which turns it into markup fails.
 */
final class HostileInput {

    static final String MARK = "acc-xss";

    record Payload(String name, String value, boolean script) {}

    static final Payload SCRIPT = new Payload("script-tag", "<script>alert('" + MARK + "')</script>", true);
    static final Payload IMG = new Payload("img-onerror", "\"><img src=x onerror=alert('" + MARK + "')>", true);
    static final Payload ATTRIBUTE =
            new Payload("attribute-break", "' autofocus onfocus='alert(`" + MARK + "`)' x='", true);
    static final Payload JAVASCRIPT_URL = new Payload("javascript-url", "javascript:alert('" + MARK + "')", true);

    /** 100,000 characters, far beyond every column and every sensible text. */
    static final Payload LONG = new Payload("over-long", "长".repeat(50_000) + "x".repeat(50_000), false);

    /** NUL, a bell, an escape sequence, and a right-to-left override that hides a file's real extension. */
    static final Payload CONTROL =
            new Payload("control-characters", "控制\u0000字符\u0007\u001b[31m红\u202Egpj.exe\u200F尾", false);

    /** 中文投诉 in GBK, read as if it were UTF-8: what a wrongly configured sender delivers. */
    static final Payload GBK_AS_UTF8 = new Payload(
            "gbk-as-utf8", new String("中文投诉".getBytes(Charset.forName("GBK")), StandardCharsets.UTF_8), false);

    /** The same bytes read as Latin-1: mojibake rather than replacement characters. */
    static final Payload GBK_AS_LATIN1 = new Payload(
            "gbk-as-latin1", new String("中文投诉".getBytes(Charset.forName("GBK")), StandardCharsets.ISO_8859_1), false);

    static final Payload SQL = new Payload("sql", "1' OR '1'='1'; DROP TABLE cases_case; --", false);

    static final Payload TEMPLATE =
            new Payload("template-expression", "[[${T(java.lang.System).getenv()}]] ${7*7} #{7*7} {{7*7}}", false);

    static final List<Payload> MARKUP = List.of(SCRIPT, IMG, ATTRIBUTE, JAVASCRIPT_URL);

    static final List<Payload> OTHER = List.of(LONG, CONTROL, GBK_AS_UTF8, GBK_AS_LATIN1, SQL, TEMPLATE);

    static final List<Payload> ALL;

    static {
        List<Payload> all = new ArrayList<>(MARKUP);
        all.addAll(OTHER);
        ALL = List.copyOf(all);
    }

    private HostileInput() {}

    /**
     * The payloads one form or operation gets: one markup payload and one other, chosen by its position so that
     * the run is the same every time and every payload is used across the forms.
     */
    static List<Payload> sample(int index) {
        return List.of(MARKUP.get(index % MARKUP.size()), OTHER.get(index % OTHER.size()));
    }

    /**
     * Where the marked payloads turned into live markup on an HTML page: a script element or an event-handler
     * attribute carrying the mark, or a link to a javascript: address. Empty when the page shows them as text.
     */
    static List<String> liveMarkup(String html) {
        List<String> found = new ArrayList<>();
        Document page = Jsoup.parse(html);
        for (Element script : page.select("script")) {
            if (script.data().contains(MARK)) {
                found.add("<script> " + abbreviate(script.data()));
            }
        }
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(java.util.Locale.ROOT);
                String value = attribute.getValue();
                boolean handler = key.startsWith("on") && value.contains(MARK);
                boolean url = (key.equals("href") || key.equals("src") || key.equals("action"))
                        && value.strip().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:");
                boolean strayAttribute = key.contains(MARK) || (key.equals("autofocus") && value.contains(MARK));
                if (handler || url || strayAttribute) {
                    found.add("<" + element.tagName() + " " + key + "=" + abbreviate(value) + ">");
                }
            }
        }
        return found;
    }

    static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…(" + text.length() + ")";
    }
}
