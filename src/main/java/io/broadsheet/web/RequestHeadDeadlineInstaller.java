package io.broadsheet.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Puts a {@link RequestHeadDeadline} around the codec of every HTTP/1 connection:
 * {@code broadsheet.request-head-timeout} ({@code BROADSHEET_REQUEST_HEAD_TIMEOUT}, 10 s) for each request's head.
 */
@Singleton
final class RequestHeadDeadlineInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final Duration timeout;

    RequestHeadDeadlineInstaller(@Value("${broadsheet.request-head-timeout}") Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("broadsheet.request-head-timeout must be a positive duration"
                    + " (for example 10s), got " + timeout);
        }
        this.timeout = timeout;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new Customizer(null));
        return registry;
    }

    private final class Customizer implements NettyServerCustomizer {

        private final Channel connection;

        private Customizer(Channel connection) {
            this.connection = connection;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (connection == null) {
                return;
            }
            ChannelPipeline pipeline = connection.pipeline();
            // HTTP/1 only: an HTTP/2 connection has no HTTP/1 codec
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && pipeline.get(RequestHeadDeadline.BYTES) == null) {
                RequestHeadDeadline.install(pipeline, timeout);
            }
        }
    }
}
