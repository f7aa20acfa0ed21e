package io.broadsheet.clients;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientAddressesTest {

    private final ClientAddresses behindProxy = new ClientAddresses(new ClientSettings("10.0.0.0/8, 192.0.2.7, ::1/128"));
    private final ClientAddresses direct = new ClientAddresses(new ClientSettings(""));

    @Test
    void withoutTrustedProxiesTheForwardedFieldIsIgnored() {
        assertEquals("203.0.113.5", direct.address("198.51.100.1", "203.0.113.5"));
        assertEquals("10.1.2.3", direct.address("198.51.100.1", "10.1.2.3"));
    }

    @Test
    void fromAnUntrustedPeerTheForwardedFieldIsIgnored() {
        assertEquals("203.0.113.5", behindProxy.address("198.51.100.1", "203.0.113.5"));
    }

    @Test
    void fromATrustedProxyTheNearestUntrustedHopIsTheClient() {
        assertEquals("198.51.100.1", behindProxy.address("198.51.100.1", "10.1.2.3"));
        assertEquals("198.51.100.1", behindProxy.address("6.6.6.6, 198.51.100.1, 10.9.9.9", "10.1.2.3"));
        assertEquals("2001:db8:0:0:0:0:0:1", behindProxy.address("2001:db8::1", "::1"));
    }

    @Test
    void aForwardedValueThatIsNoAddressLeavesTheProxyAsTheClient() {
        assertEquals("10.1.2.3", behindProxy.address("evil\" 200 0\nforged line", "10.1.2.3"));
        assertEquals("10.1.2.3", behindProxy.address("localhost", "10.1.2.3"));
        assertEquals("10.1.2.3", behindProxy.address("1.2.3.999", "10.1.2.3"));
    }

    @Test
    void aLongForwardedListIsReadOnlyForItsLastHops() {
        String many = "198.51.100.1," + "10.0.0.1,".repeat(3_000) + "10.0.0.2";
        assertEquals("10.1.2.3", behindProxy.address(many, "10.1.2.3"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "::1", "2001:db8::8a2e:370:7334",
            "::ffff:192.0.2.1", "fe80::1"})
    void addressLiteralsParse(String text) {
        assertNotNull(IpAddresses.parse(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4",
            "1.2.3.4 ", "::g", "1:2:3:4:5:6:7:8:9", "١.٢.٣.٤", "999999999999999999999999999999999999999999999999"})
    void otherTextIsNoAddress(String text) {
        if (text.equals("1.2.3.4 ")) {
            assertNotNull(IpAddresses.parse(text), "surrounding white space is stripped");
            return;
        }
        assertNull(IpAddresses.parse(text), text);
    }

    @Test
    void cidrBlocksMatchTheirMembersOnly() {
        assertTrue(behindProxy.isTrustedProxy("10.255.0.1"));
        assertTrue(behindProxy.isTrustedProxy("192.0.2.7"));
        assertFalse(behindProxy.isTrustedProxy("192.0.2.8"));
        assertFalse(behindProxy.isTrustedProxy("11.0.0.1"));
        assertTrue(new ClientAddresses(new ClientSettings("172.16.0.0/12")).isTrustedProxy("172.31.255.255"));
        assertFalse(new ClientAddresses(new ClientSettings("172.16.0.0/12")).isTrustedProxy("172.32.0.0"));
    }

    @Test
    void aMalformedTrustedProxyListIsRefusedAtStart() {
        var e = assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(new ClientSettings("10.0.0.0/33")));
        assertTrue(e.getMessage().contains("broadsheet.trusted-proxies"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClientAddresses(new ClientSettings("proxy.example.com")));
    }
}
