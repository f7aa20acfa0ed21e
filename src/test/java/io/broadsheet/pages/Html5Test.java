package io.broadsheet.pages;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** The HTML5 check itself: a conforming page passes, and each kind of flaw fails it. */
class Html5Test {

    private static final String GOOD = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>t</title>"
            + "</head><body><main><h1>One</h1><img src=\"a.jpg\" alt=\"\"></main></body></html>";

    @Test
    void aConformingPagePasses() {
        Html5.assertConforms(GOOD, "a good page");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<html lang=\"en\"><head><title>t</title></head><body><h1>One</h1></body></html>",
            "<!doctype html><html><head><title>t</title></head><body><h1>One</h1></body></html>",
            "<!doctype html><html lang=\"en\"><head><title>t</title></head><body><h1>One</h1><h1>Two</h1></body></html>",
            "<!doctype html><html lang=\"en\"><head><title>t</title></head><body><p>no heading</p></body></html>",
            "<!doctype html><html lang=\"en\"><head><title>t</title></head><body><h1>One</h1><img src=\"a.jpg\"></body></html>",
            "<!doctype html><html lang=\"en\"><head><title>t</title></head><body><h1>One</h1></div></body></html>",
            "<!doctype html><html lang=\"en\"><head><title>t</title></head><body><h1>One</h1><p>a<p>b</li></body></html>",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">"
                    + "<html lang=\"en\"><head><title>t</title></head><body><h1>One</h1></body></html>"})
    void eachFlawFailsTheCheck(String page) {
        assertThrows(AssertionError.class, () -> Html5.assertConforms(page, "a flawed page"));
    }
}
