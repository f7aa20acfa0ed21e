package io.broadsheet.http;

import io.broadsheet.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one grammar of {@code ?page=}: digits from 1 to the route's maximum, given once, one spelling per page. */
class PageParameterTest {

    private static final int MAX = 20;

    @Test
    void noPageParameterIsPageOne() {
        assertEquals(1, PageParameter.of(List.of(), MAX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "9", "10", "19", "20"})
    void aWholeNumberUpToTheMaximumIsThatPage(String value) {
        assertEquals(Integer.parseInt(value), PageParameter.of(List.of(value), MAX), "?page=" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "00", "-1", "+1", "01", "007", "1.5", "1e1", " 1", "1 ", "two", "21",
            "2147483647", "2147483648", "99999999999", "١"})
    void anyOtherValueIs400NamingThePageField(String value) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PageParameter.of(List.of(value), MAX),
                "?page=" + value);
        assertEquals("page", e.errors().get(0).field(), e.getMessage());
    }

    @Test
    void aPageGivenTwiceIs400EvenWhenBothAgree() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PageParameter.of(List.of("1", "1"), MAX));
        assertEquals("page", e.errors().get(0).field(), e.getMessage());
    }

    @Test
    void theLargestIntIsAPageWhenTheMaximumAllowsIt() {
        assertEquals(Integer.MAX_VALUE, PageParameter.of(List.of("2147483647"), Integer.MAX_VALUE));
        assertEquals(0, PageParameter.number("2147483648", 0, 10, Integer.MAX_VALUE), "one past the largest int");
    }

    @Test
    void aLongValueIsEchoedCut() {
        String value = "1".repeat(300);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PageParameter.of(List.of(value), MAX));
        String message = e.errors().get(0).message();
        assertEquals(true, message.length() < 200, "a bounded message, got " + message.length() + " characters");
    }

    @Test
    void theFastPathReadsTheValueInPlace() {
        String uri = "/feeds/world.rss?page=12";
        assertEquals(12, PageParameter.number(uri, uri.indexOf('=') + 1, uri.length(), MAX));
        assertEquals(0, PageParameter.number(uri, uri.indexOf('=') + 1, uri.length(), 11), "above the maximum");
    }
}
