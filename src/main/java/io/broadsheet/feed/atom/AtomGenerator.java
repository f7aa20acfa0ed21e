package io.broadsheet.feed.atom;

import com.rometools.rome.io.impl.Atom10Generator;

/**
 * ROME's Atom 1.0 generator under Broadsheet's own feed type, {@value #TYPE}: it calls the module generators that
 * {@code rome.properties} registers for that type (the feed language, tombstones, Media RSS in article order, usage
 * windows), whatever other libraries register for {@code atom_1.0}.
 * Spec: https://www.rfc-editor.org/rfc/rfc4287
 */
public final class AtomGenerator extends Atom10Generator {

    /** The feed type whose module generators {@code rome.properties} lists. */
    public static final String TYPE = "broadsheet_atom_1.0";

    public AtomGenerator() {
        super(TYPE, "1.0");
    }
}
