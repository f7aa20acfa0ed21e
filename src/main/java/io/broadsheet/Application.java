package io.broadsheet;

import io.broadsheet.fediverse.FediverseHttp;
import io.broadsheet.storage.Durability;
import io.micronaut.runtime.Micronaut;

/** Starts the Broadsheet service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        FediverseHttp.keepDnsAnswers(); // before the JDK's first lookup of a name, which reads the setting once
        // start-up's own commits (migrations, the configuration's fingerprint) answer no client: they reach the
        // file with the first checkpoint after it, instead of waiting while H2 compacts the file it just opened
        // no banner: standard output carries log lines only, one per event (one JSON object each in JSON format)
        Durability.startingUp(() -> Micronaut.build(args).mainClass(Application.class).banner(false).start());
    }
}
