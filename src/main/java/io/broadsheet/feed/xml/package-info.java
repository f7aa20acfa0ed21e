/**
 * XML output shared by the RSS and Atom renderers: raw serialisation of ROME's wire feeds
 * ({@link io.broadsheet.feed.xml.XmlBytes}) and Atom links.
 */
package io.broadsheet.feed.xml;
