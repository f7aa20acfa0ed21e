/**
 * XML output shared by the RSS and Atom renderers: raw serialisation of what a ROME generator writes
 * ({@link io.broadsheet.feed.xml.XmlBytes}), Atom links, and the lifecycle elements as ROME modules with their
 * generators (read {@link io.broadsheet.lifecycle.Lifecycle} first), registered in {@code rome.properties}: nothing
 * edits a document after ROME has written it.
 */
package io.broadsheet.feed.xml;
