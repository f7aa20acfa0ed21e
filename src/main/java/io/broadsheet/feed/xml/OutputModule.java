package io.broadsheet.feed.xml;

import com.rometools.rome.feed.CopyFrom;
import com.rometools.rome.feed.module.Module;

/**
 * A ROME module that Broadsheet only writes: its generator, registered in {@code rome.properties}, turns it into
 * elements while ROME writes the document. Nothing reads or copies it back.
 */
public abstract class OutputModule implements Module {

    private final String uri;

    protected OutputModule(String uri) {
        this.uri = uri;
    }

    @Override
    public String getUri() {
        return uri;
    }

    @Override
    public Class<? extends CopyFrom> getInterface() {
        return getClass();
    }

    @Override
    public void copyFrom(CopyFrom obj) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " is written, never copied");
    }

    @Override
    public Object clone() throws CloneNotSupportedException {
        return super.clone();
    }
}
