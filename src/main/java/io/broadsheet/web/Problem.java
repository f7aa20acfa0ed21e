package io.broadsheet.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.broadsheet.input.FieldError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error answer.
 * Spec: https://www.rfc-editor.org/rfc/rfc9457
 *
 * @param errors for validation problems: each field and what is wrong with it
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(HttpStatus status, String detail) {
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, null);
    }

    /** The answer carrying this problem, with its status and media type. */
    public MutableHttpResponse<Problem> toResponse() {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(status)).contentType(MEDIA_TYPE).body(this);
    }
}
