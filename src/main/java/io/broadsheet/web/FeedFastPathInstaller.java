package io.broadsheet.web;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/**
 * Puts {@link FeedFastPathHandler} into every HTTP/1 connection's pipeline, just ahead of Micronaut's handler (after
 * the codec and the access log, which therefore log its answers too). {@code broadsheet.fast-path}
 * ({@code BROADSHEET_FAST_PATH}) false leaves it out: every request then goes through Micronaut's routing.
 */
@Singleton
final class FeedFastPathInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final BeanProvider<FeedFastPath> path;
    private final boolean enabled;

    FeedFastPathInstaller(BeanProvider<FeedFastPath> path, @Value("${broadsheet.fast-path:true}") boolean enabled) {
        this.path = path;
        this.enabled = enabled;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        if (enabled) {
            registry.register(new Customizer(null));
        }
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
                    && pipeline.get(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND) != null
                    && pipeline.get(FeedFastPathHandler.NAME) == null) {
                pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND, FeedFastPathHandler.NAME,
                        new FeedFastPathHandler(path.get()));
            }
        }
    }
}
