package io.broadsheet.web;

import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.PostponedRequestArgumentBinder;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.security.Principal;
import java.util.Optional;

/**
 * Gives a route's {@link Principal} argument the caller {@link HealthDetailsFilter} authenticated (the health
 * endpoint's, which decides on it whether to show details); bound after the filters have run, null for anyone else.
 */
@Singleton
public class AdminPrincipalBinder implements TypedRequestArgumentBinder<Principal>,
        PostponedRequestArgumentBinder<Principal> {

    @Override
    public Argument<Principal> argumentType() {
        return Argument.of(Principal.class);
    }

    /** Before the filters: not yet known. */
    @Override
    public BindingResult<Principal> bind(ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
        return ArgumentBinder.BindingResult.unsatisfied();
    }

    @Override
    public BindingResult<Principal> bindPostponed(ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
        Optional<Principal> principal = source.getUserPrincipal();
        return principal.isPresent() ? () -> principal : ArgumentBinder.BindingResult.empty();
    }
}
