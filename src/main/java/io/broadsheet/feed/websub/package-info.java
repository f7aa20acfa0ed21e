/**
 * WebSub publishing: {@link io.broadsheet.feed.websub.WebSubPublisher}, and {@link io.broadsheet.feed.websub.HubPingLog},
 * the latest outcomes it keeps for the newsroom. Spec: https://www.w3.org/TR/websub/
 */
package io.broadsheet.feed.websub;
