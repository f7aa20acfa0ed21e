/**
 * {@code feeds-config/broadsheet.yml}: immutable records validated once at start-up, every problem reported as
 * {@code <file>: <key>: <problem>}. Read {@link io.broadsheet.config.FeedsConfigLoader} first.
 */
package io.broadsheet.config;
