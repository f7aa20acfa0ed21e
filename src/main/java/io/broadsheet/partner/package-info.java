/**
 * Partner keys for feeds marked {@code access: partner}: created, listed and revoked through
 * {@code /api/partners}, stored as digests. Read {@link io.broadsheet.partner.PartnerKeys}.
 */
package io.broadsheet.partner;
