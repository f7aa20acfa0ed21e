package io.broadsheet.fediverse;

import java.io.IOException;

/** A remote URL the service refuses to reach: its scheme, its user-info, or an address on a private network. */
public class BlockedAddressException extends IOException {

    public BlockedAddressException(String host, String what) {
        super("refused to reach " + host + ": " + what);
    }
}
