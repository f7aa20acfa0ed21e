package io.broadsheet.lifecycle;

import io.broadsheet.feed.xml.OutputModule;

/**
 * The lifecycle of one RSS item or Atom entry: its date of change ({@code dcterms:modified}, RSS only) and its usage
 * window ({@code dcterms:valid}); either may be null. Written by {@link ItemLifecycleGenerator}.
 * Spec: https://www.dublincore.org/specifications/dublin-core/dcmi-terms/
 */
public final class ItemLifecycle extends OutputModule {

    private final String modified;
    private final String valid;

    /**
     * @param modified W3C-DTF date of change, or null
     * @param valid    DCMI period of the usage window, or null
     */
    public ItemLifecycle(String modified, String valid) {
        super(Lifecycle.DCTERMS.getURI());
        this.modified = modified;
        this.valid = valid;
    }

    public String modified() {
        return modified;
    }

    public String valid() {
        return valid;
    }
}
