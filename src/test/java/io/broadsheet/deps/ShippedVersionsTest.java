package io.broadsheet.deps;

import io.netty.util.Version;
import org.junit.jupiter.api.Test;
import org.postgresql.util.DriverInfo;
import org.thymeleaf.Thymeleaf;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The libraries the jar ships are at or past the releases that fixed their known advisories (see the pom). */
class ShippedVersionsTest {

    @Test
    void everyNettyModuleIsAtLeast4_2_18() {
        Version.identify().forEach((module, version) -> assertAtLeast("Netty " + module,
                version.artifactVersion(), "4.2.18"));
    }

    @Test
    void thymeleafIsAtLeast3_1_5() {
        assertAtLeast("Thymeleaf", Thymeleaf.getVersion(), "3.1.5");
    }

    @Test
    void pgjdbcIsAtLeast42_7_11() {
        assertAtLeast("pgjdbc", DriverInfo.DRIVER_VERSION, "42.7.11");
    }

    private static void assertAtLeast(String what, String version, String minimum) {
        assertTrue(compare(version, minimum) >= 0, what + " is " + version + ", expected at least " + minimum);
    }

    /** Compares the leading numeric parts ("4.2.21.Final" against "4.2.18"). */
    static int compare(String a, String b) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Integer.compare(i < x.length ? x[i] : 0, i < y.length ? y[i] : 0);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("[.-]")).takeWhile(p -> p.matches("\\d+")).mapToInt(Integer::parseInt)
                .toArray();
    }
}
