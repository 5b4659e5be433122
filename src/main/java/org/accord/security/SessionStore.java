package org.accord.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Sessions in the database ({@code security_session}), so that a signed-in browser, its half-done sign-in
 * steps and its CSRF token are known to every instance behind the load balancer. Thirty minutes idle, as
 * before. {@code accord.sessions.store=memory} keeps them in the container instead: the MockMvc tests use it,
 * because {@code MockHttpSession} never passes through Spring Session's cookie. See docs/faults.md.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "accord.sessions.store", havingValue = "jdbc", matchIfMissing = true)
@EnableJdbcHttpSession(tableName = "SECURITY_SESSION", maxInactiveIntervalInSeconds = 1800)
class SessionStore {}
