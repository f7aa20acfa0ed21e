package io.broadsheet.limits;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import jakarta.inject.Singleton;

/** Runs a {@link RendersFromDatabase} method holding a render slot, on the thread that called it. */
@Singleton
@InterceptorBean(RendersFromDatabase.class)
class RenderSlotInterceptor implements MethodInterceptor<Object, Object> {

    private final RenderSlots slots;

    RenderSlotInterceptor(RenderSlots slots) {
        this.slots = slots;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        return slots.call(context::proceed);
    }
}
