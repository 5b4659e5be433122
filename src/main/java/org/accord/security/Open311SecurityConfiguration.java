package org.accord.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Open311 GeoReport v2 ({@code /open311/**}): reads are public, as the specification has them; a client that
 * reports passes its API key as the {@code api_key} form or query parameter rather than a header. A valid key
 * makes the request an API client with its scopes; the endpoint itself decides what a scope allows and answers
 * in the specification's error format. No session, no cookies, so no CSRF token either.
 */
@Configuration(proxyBeanMethods = false)
class Open311SecurityConfiguration {

    static final String API_KEY_PARAMETER = "api_key";

    @Bean
    @Order(0)
    SecurityFilterChain open311(HttpSecurity http, ApiKeys keys) throws Exception {
        http.securityMatcher("/open311/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(
                        new ApiSecurityConfiguration.ApiKeyFilter(
                                keys, request -> request.getParameter(API_KEY_PARAMETER)),
                        AnonymousAuthenticationFilter.class);
        return http.build();
    }
}
