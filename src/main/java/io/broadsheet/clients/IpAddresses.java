package io.broadsheet.clients;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP address literals checked by their syntax alone, so that no text a client sends can start a DNS lookup. */
public final class IpAddresses {

    /** Longer than any IPv6 literal with an embedded IPv4 part (45 characters) is not an address. */
    private static final int MAX_LENGTH = 45;

    private IpAddresses() {
    }

    /** The address {@code text} spells (IPv4 dotted quad or IPv6), or null when it spells none. */
    public static InetAddress parse(CharSequence text) {
        if (text == null) {
            return null;
        }
        String s = text.toString().strip();
        if (s.isEmpty() || s.length() > MAX_LENGTH || !(isIpv4(s, 0, s.length()) || isIpv6(s))) {
            return null;
        }
        try {
            return InetAddress.getByName(s); // a checked literal: parsed, never resolved
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static boolean isIpv4(String s, int from, int to) {
        int parts = 0;
        int i = from;
        while (i <= to) {
            int start = i;
            int value = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
                value = value * 10 + s.charAt(i) - '0';
                i++;
            }
            if (i == start || value > 255 || i - start > 1 && s.charAt(start) == '0') {
                return false;
            }
            parts++;
            if (i == to) {
                return parts == 4;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                return false;
            }
            i++;
        }
        return false;
    }

    /**
     * Only hex digits, ':' and '.', with a ':': the JDK then parses it as an IPv6 literal and, if that fails, says so
     * without a lookup (InetAddress.getAllByName); an IPv4 part in it is checked by that parser too.
     */
    static boolean isIpv6(String s) {
        if (s.indexOf(':') < 0 || s.charAt(0) == '.') {
            return false; // the JDK parses a literal only when it starts with a hex digit or ':'
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == ':' || c == '.' || c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
