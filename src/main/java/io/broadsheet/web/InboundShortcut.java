package io.broadsheet.web;

import io.netty.channel.ChannelHandler;

/**
 * A handler that {@link ConnectionPipeline} places just ahead of Micronaut's on each HTTP/1 connection, to answer
 * some requests itself (the feeds' fast path); the route that owns it implements this, so that the pipeline does
 * not depend on the route.
 */
public interface InboundShortcut {

    /** The handler's name in the pipeline. */
    String handlerName();

    /** A new handler for one connection. */
    ChannelHandler newHandler();
}
