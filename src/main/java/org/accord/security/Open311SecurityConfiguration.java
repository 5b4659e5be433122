package org.accord.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

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
                .addFilterBefore(new ParameterKeyFilter(keys), AnonymousAuthenticationFilter.class);
        return http.build();
    }

    /** Turns a valid {@code api_key} parameter into an authenticated API client with its scopes. */
    static final class ParameterKeyFilter extends OncePerRequestFilter {

        private final ApiKeys keys;

        ParameterKeyFilter(ApiKeys keys) {
            this.keys = keys;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String presented = request.getParameter(API_KEY_PARAMETER);
            if (presented != null && !presented.isBlank()) {
                // An invalid key leaves the request anonymous; the endpoint answers 403 where a key is needed.
                keys.authenticate(presented).ifPresent(client -> {
                    List<GrantedAuthority> authorities = new ArrayList<>();
                    authorities.add(new SimpleGrantedAuthority("ROLE_API_CLIENT"));
                    client.scopeList().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
                    SecurityContextHolder.getContext()
                            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                    "api:" + client.name(), null, authorities));
                });
            }
            chain.doFilter(request, response);
        }
    }
}
