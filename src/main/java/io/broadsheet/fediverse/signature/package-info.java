/**
 * HTTP Signatures of the fediverse: signing outgoing requests and reading incoming ones, and the keys in PEM and
 * PKCS#8 form. Pure Java: no Micronaut, nothing of the service's other packages.
 */
package io.broadsheet.fediverse.signature;
