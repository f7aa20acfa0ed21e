package io.broadsheet.fediverse.signature;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes structured-field items and inner lists in their canonical form (RFC 8941 section 4.1): how RFC 9421 writes
 * component identifiers and the {@code @signature-params} line of a signature base.
 */
final class StructuredFieldWriter {

    private StructuredFieldWriter() {
    }

    /** The canonical text of an item or inner list with its parameters (RFC 8941 section 4.1). */
    static String serialize(StructuredFields.Member member) {
        StringBuilder out = new StringBuilder();
        if (member.value() instanceof List<?> items) {
            out.append('(');
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                out.append(serialize((StructuredFields.Member) items.get(i)));
            }
            out.append(')');
        } else {
            out.append(serializeBare(member.value()));
        }
        for (Map.Entry<String, Object> param : member.params().entrySet()) {
            out.append(';').append(param.getKey());
            if (!Boolean.TRUE.equals(param.getValue())) {
                out.append('=').append(serializeBare(param.getValue()));
            }
        }
        return out.toString();
    }

    private static String serializeBare(Object value) {
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        if (value instanceof StructuredFields.Token t) {
            return t.text();
        }
        if (value instanceof byte[] bytes) {
            return ':' + Base64.getEncoder().encodeToString(bytes) + ':';
        }
        if (value instanceof Boolean b) {
            return b ? "?1" : "?0";
        }
        if (value instanceof BigDecimal d) {
            String plain = d.stripTrailingZeros().toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        return String.valueOf(value);
    }
}
