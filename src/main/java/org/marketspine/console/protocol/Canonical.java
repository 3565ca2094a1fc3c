package org.marketspine.console.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON of RFC 8785 (JCS) for the values events carry: object keys sorted by UTF-16
 * code units, no insignificant whitespace, strings with only the escapes JSON requires (non-ASCII
 * as itself), numbers as ECMAScript prints them. The feed's hash chain is over these bytes, so two
 * parties that parse the same event write the same canonical text, whatever spacing or key order
 * it travelled in.
 */
public final class Canonical {
    private static final long EXACT_INTEGER = 1L << 53;

    private Canonical() {}

    /** The canonical form of a JSON text (one value). */
    public static String of(String json) throws DecodeException {
        try {
            return of(Codec.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new DecodeException("bad_message", Codec.reason(e));
        }
    }

    /** The canonical form of a parsed value. */
    public static String of(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        write(node, out);
        return out.toString();
    }

    /** The canonical form of an event as this codec writes it (what a journal chains over). */
    public static String of(Event event) {
        return of(Codec.toTree(event));
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.size());
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) fields.add(it.next());
                fields.sort(Map.Entry.comparingByKey()); // String order is UTF-16 code-unit order, as RFC 8785 asks
                out.append('{');
                for (int i = 0; i < fields.size(); i++) {
                    if (i > 0) out.append(',');
                    string(fields.get(i).getKey(), out);
                    out.append(':');
                    write(fields.get(i).getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) out.append(',');
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> number(node, out);
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)))) {
                        if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1))) {
                            out.append(c);
                        } else {
                            // A lone surrogate has no UTF-8 form: escaped, as ECMAScript's well-formed JSON.stringify does.
                            out.append("\\u").append(String.format("%04x", (int) c));
                        }
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void number(JsonNode node, StringBuilder out) {
        if (node.canConvertToExactIntegral() && node.isIntegralNumber() && node.canConvertToLong()
                && Math.abs(node.longValue()) <= EXACT_INTEGER) {
            out.append(node.longValue());
            return;
        }
        out.append(ecmaScript(node.doubleValue()));
    }

    /** ECMAScript's Number.prototype.toString for a finite double (the form RFC 8785 prescribes). */
    static String ecmaScript(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw new IllegalArgumentException("JSON has no " + d);
        if (d == 0) return "0";
        if (d < 0) return "-" + ecmaScript(-d);
        // Double.toString gives the shortest digits that round-trip (JDK 19+), as ECMAScript requires.
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        if (exact.precision() == 2) {
            // Java prints at least two digits; ECMAScript the fewest that round-trip (4.9E-324 is 5e-324 there).
            BigDecimal one = exact.round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(one.toString()) == d) exact = one.stripTrailingZeros();
        }
        String digits = exact.unscaledValue().toString();
        int k = digits.length();
        int n = k - exact.scale(); // value = 0.digits × 10^n
        if (k <= n && n <= 21) return digits + "0".repeat(n - k);
        if (0 < n && n <= 21) return digits.substring(0, n) + "." + digits.substring(n);
        if (-6 < n && n <= 0) return "0." + "0".repeat(-n) + digits;
        String exp = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
        return k == 1 ? digits + "e" + exp : digits.charAt(0) + "." + digits.substring(1) + "e" + exp;
    }
}
