package io.broadsheet.web;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

import static io.micronaut.http.netty.channel.ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
import static io.micronaut.http.netty.channel.ChannelPipelineCustomizer.HANDLER_MICRONAUT_INBOUND;

/**
 * What Broadsheet adds to every HTTP/1 connection's pipeline, in this order, in one place (an HTTP/2 connection has
 * no HTTP/1 codec and gets none of it):
 * <ol>
 *   <li>{@link RequestHeadDeadline} around the codec: each request's head within
 *       {@code broadsheet.request-head-timeout} ({@code BROADSHEET_REQUEST_HEAD_TIMEOUT}, 10 s);</li>
 *   <li>{@link DateFields} right after the codec, so that every answer passes it: the routes', Micronaut's error
 *       and file answers, the fast path's and the deadline's 408;</li>
 *   <li>{@link HeadAnswers} after the access log: every HEAD goes on as a GET and its answer leaves without the
 *       body, for the fast path and Micronaut alike;</li>
 *   <li>the feeds' fast path ({@link InboundShortcut}) just ahead of Micronaut's handler (after the access log, which therefore logs its
 *       answers too); {@code broadsheet.fast-path} ({@code BROADSHEET_FAST_PATH}) false leaves it out, and every
 *       request then goes through Micronaut's routing.</li>
 * </ol>
 */
@Singleton
final class ConnectionPipeline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private final Duration headTimeout;
    private final DateFields dates;
    private final BeanProvider<InboundShortcut> path;
    private final boolean fastPath;
    private final Clock clock;

    ConnectionPipeline(ServerSettings server, DateFields dates, BeanProvider<InboundShortcut> path,
                       FeedAnswerSettings answers, Clock clock) {
        this.headTimeout = server.requestHeadTimeout();
        this.dates = dates;
        this.path = path;
        this.fastPath = answers.fastPath();
        this.clock = clock;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new Customizer(null));
        return registry;
    }

    private void install(ChannelPipeline pipeline) {
        if (pipeline.get(HANDLER_HTTP_SERVER_CODEC) == null) {
            return;
        }
        if (pipeline.get(RequestHeadDeadline.BYTES) == null) {
            RequestHeadDeadline.install(pipeline, headTimeout, clock);
        }
        if (pipeline.get(DateFields.NAME) == null) {
            pipeline.addAfter(HANDLER_HTTP_SERVER_CODEC, DateFields.NAME, dates);
        }
        if (pipeline.get(HANDLER_MICRONAUT_INBOUND) != null && pipeline.get(HeadAnswers.NAME) == null) {
            pipeline.addBefore(HANDLER_MICRONAUT_INBOUND, HeadAnswers.NAME, new HeadAnswers());
        }
        if (fastPath && pipeline.get(HANDLER_MICRONAUT_INBOUND) != null
                && pipeline.get(path.get().handlerName()) == null) {
            pipeline.addBefore(HANDLER_MICRONAUT_INBOUND, path.get().handlerName(), path.get().newHandler());
        }
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
            if (connection != null) {
                install(connection.pipeline());
            }
        }
    }
}
