/**
 * The newsroom at {@code /newsroom}: a dashboard for the desk, signed in with the admin token. Read
 * {@link io.broadsheet.newsroom.NewsroomController} first, then {@link io.broadsheet.newsroom.NewsroomSessions}
 * (stateless signed sessions) and {@link io.broadsheet.newsroom.NewsroomGuard} (headers and cross-site checks);
 * {@link io.broadsheet.newsroom.NewsroomDashboard} gathers what the page shows, the templates are under
 * {@code views/newsroom/}, the script and styles are {@code /assets/newsroom.js} and {@code /assets/newsroom.css}.
 */
package io.broadsheet.newsroom;
