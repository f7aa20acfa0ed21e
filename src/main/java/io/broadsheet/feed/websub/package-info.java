/** WebSub publishing: {@link io.broadsheet.feed.websub.WebSubPublisher}. Spec: https://www.w3.org/TR/websub/ */
package io.broadsheet.feed.websub;
