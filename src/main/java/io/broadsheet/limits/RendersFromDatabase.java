package io.broadsheet.limits;

import io.micronaut.aop.Around;
import io.micronaut.aop.InterceptorBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Each call of the annotated methods (or of every method of the type) holds one of the {@link RenderSlots}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Around
@InterceptorBinding
public @interface RendersFromDatabase {
}
