package io.broadsheet.http;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HTTP dates are written as IMF-fixdates and read in each form RFC 9110 5.6.7 names. */
class HttpDatesTest {

    private static final Instant SEVENTH = Instant.parse("2026-12-07T11:24:35Z");

    @Test
    void aDayBeforeTheTenthIsWrittenWithTwoDigits() {
        assertEquals("Mon, 07 Dec 2026 11:24:35 GMT", HttpDates.format(SEVENTH));
        assertEquals("Tue, 01 Dec 2026 00:00:00 GMT", HttpDates.format(Instant.parse("2026-12-01T00:00:00.999Z")));
        assertTrue(HttpDates.isFixdate(HttpDates.format(SEVENTH)));
    }

    @Test
    void everyFormRfc9110NamesAndTheOneDigitDayAreRead() {
        for (String form : List.of("Mon, 07 Dec 2026 11:24:35 GMT", "Monday, 07-Dec-26 11:24:35 GMT",
                "Mon Dec  7 11:24:35 2026", "Mon, 7 Dec 2026 11:24:35 GMT", " Mon, 07 Dec 2026 11:24:35 GMT ")) {
            assertEquals(Optional.of(SEVENTH), HttpDates.parse(form), "'" + form + "'");
        }
    }

    @Test
    void aTwoDigitYearMoreThanFiftyYearsAheadIsInThePast() {
        assertEquals(Optional.of(Instant.parse("1994-11-06T08:49:37Z")),
                HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT"));
    }

    @Test
    void whatIsNoHttpDateIsIgnored() {
        for (String bad : List.of("", "yesterday", "Tue, 07 Dec 2026 11:24:35 GMT", "Mon, 07 Dec 2026 11:24:35 +0000",
                "Mon, 07 Dec 2026 25:24:35 GMT", "Mon, 07 Dec 2026 11:24:35 GMT" + " ".repeat(100) + "x")) {
            assertEquals(Optional.empty(), HttpDates.parse(bad), "'" + bad + "'");
        }
        assertEquals(Optional.empty(), HttpDates.parse(null));
        assertFalse(HttpDates.isFixdate("Mon, 7 Dec 2026 11:24:35 GMT"));
    }
}
