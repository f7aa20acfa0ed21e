package io.broadsheet.input;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One problem with one field of a request, e.g. {@code images[2].url: must be an absolute http or https URL}.
 *
 * @param field JSON path of the field ({@code title}, {@code images[0].url}); empty for the whole body
 */
@Serdeable
public record FieldError(String field, String message) {
}
