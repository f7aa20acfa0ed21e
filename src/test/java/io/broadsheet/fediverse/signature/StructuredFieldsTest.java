package io.broadsheet.fediverse.signature;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RFC 8941 reader and writer: every item type, parameters, inner lists, canonical output, and strict refusals. */
class StructuredFieldsTest {

    private static Map<String, StructuredFields.Member> parse(String text) throws SignatureException {
        return StructuredFields.parseDictionary(text, "Test");
    }

    @Test
    void aDictionaryKeepsItsMembersInOrderWithEveryItemType() throws Exception {
        Map<String, StructuredFields.Member> d = parse("i=-42, d=1.50, s=\"a \\\"q\\\" \\\\\", t=foo/bar:1, b=:aGk=:, y=?1, n=?0, flag;p=2");
        assertEquals(List.of("i", "d", "s", "t", "b", "y", "n", "flag"), List.copyOf(d.keySet()));
        assertEquals(-42L, d.get("i").value());
        assertEquals(new BigDecimal("1.50"), d.get("d").value());
        assertEquals("a \"q\" \\", d.get("s").value());
        assertEquals(new StructuredFields.Token("foo/bar:1"), d.get("t").value());
        assertArrayEquals("hi".getBytes(StandardCharsets.US_ASCII), (byte[]) d.get("b").value());
        assertEquals(Boolean.TRUE, d.get("y").value());
        assertEquals(Boolean.FALSE, d.get("n").value());
        assertEquals(Boolean.TRUE, d.get("flag").value());
        assertEquals(2L, d.get("flag").params().get("p"));
    }

    @Test
    void anInnerListWithParametersIsReadAndWrittenCanonically() throws Exception {
        StructuredFields.Member m = parse("sig1=(  \"@method\"   \"@query-param\";name=\"Pet\" );created=1618884473;keyid=\"k\";x;d=2.500").get("sig1");
        assertEquals(2, ((List<?>) m.value()).size());
        assertEquals("(\"@method\" \"@query-param\";name=\"Pet\");created=1618884473;keyid=\"k\";x;d=2.5", StructuredFieldWriter.serialize(m));
    }

    @Test
    void anEmptyInnerListIsAllowed() throws Exception {
        assertEquals("();created=1", StructuredFieldWriter.serialize(parse("s=();created=1").get("s")));
    }

    @Test
    void writtenItemsAreReadBackTheSame() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("s", "quote \" and \\ back");
        params.put("b", new byte[] {0, 1, (byte) 0xff});
        params.put("i", 999_999_999_999_999L);
        StructuredFields.Member written = new StructuredFields.Member(List.of(), params);
        StructuredFields.Member read = parse("k=" + StructuredFieldWriter.serialize(written)).get("k");
        assertEquals(StructuredFieldWriter.serialize(written), StructuredFieldWriter.serialize(read));
        assertEquals("quote \" and \\ back", read.params().get("s"));
    }

    @Test
    void malformedDictionariesAreRefusedNamingTheProblemAndThePlace() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "is empty");
        cases.put("a=1,", "ends with a comma");
        cases.put("a=1, a=2", "repeats the key a");
        cases.put("a=1;p;p", "repeats the parameter p");
        cases.put("A=1", "where a key belongs");
        cases.put("a=\"open", "without its closing quote");
        cases.put("a=\"bad \\n escape\"", "escape");
        cases.put("a=\"tab\there\"", "U+0009");
        cases.put("a=\"caf\u00e9\"", "U+00E9");
        cases.put("a=1234567890123456", "longer than RFC 8941 allows");
        cases.put("a=1.2345", "longer than RFC 8941 allows");
        cases.put("a=1.", "malformed number");
        cases.put("a=-", "malformed number");
        cases.put("a=:not base64!:", "byte sequence with");
        cases.put("a=:AAAA", "without its closing ':'");
        cases.put("a=?2", "neither ?0 nor ?1");
        cases.put("a=(1 2", "where a space or ')' belongs");
        cases.put("a=(1,2)", "where a space or ')' belongs");
        cases.put("a=1 b=2", "where ',' belongs");
        cases.put("a=@", "where an item belongs");
        cases.forEach((text, expected) -> {
            SignatureException e = assertThrows(SignatureException.class, () -> parse(text), "expected [" + text + "] refused");
            assertTrue(e.getMessage().startsWith("the Test field ") && e.getMessage().contains(expected),
                    "expected [" + text + "] refused naming \"" + expected + "\", got: " + e.getMessage());
        });
    }

    @Test
    void aFieldOverEightKibibytesIsRefusedBeforeParsing() {
        SignatureException e = assertThrows(SignatureException.class, () -> parse("a=\"" + "x".repeat(8200) + "\""));
        assertTrue(e.getMessage().contains("longer than 8192"), "got: " + e.getMessage());
    }
}
