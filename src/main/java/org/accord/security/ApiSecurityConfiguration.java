package org.accord.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API follows the same roles as the pages. Other systems authenticate with a key
 * ({@code Authorization: Bearer acc_…} or {@code X-Api-Key}); people's browsers with their session.
 * Refusals are {@code application/problem+json} with a Chinese detail.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String API_KEY_HEADER = "X-Api-Key";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiKeys keys, MessageSource messages, JsonMapper json) throws Exception {
        http.securityMatcher("/api/**")
                // A role, not mere authentication: a session still waiting for its second factor or a
                // new password holds only a SIGNIN_* authority and must not reach the API.
                .authorizeHttpRequests(requests -> requests.anyRequest()
                        .hasAnyRole("LEADER", "STAFF", "LIAISON", "SYSADMIN", "SECADMIN", "AUDITOR", "API_CLIENT"))
                .addFilterBefore(new ApiKeyFilter(keys), AnonymousAuthenticationFilter.class)
                // A request that carries a key cannot have been forged by another site's page: browsers
                // do not add such headers across origins. Session-authenticated calls keep CSRF.
                .csrf(csrf -> csrf.ignoringRequestMatchers(ApiSecurityConfiguration::presentsKey))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problem(
                                response, HttpStatus.UNAUTHORIZED, "security.api.unauthenticated", messages, json))
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, HttpStatus.FORBIDDEN, "security.api.forbidden", messages, json)));
        return http.build();
    }

    static boolean presentsKey(HttpServletRequest request) {
        return key(request) != null;
    }

    static @Nullable String key(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7);
        }
        return request.getHeader(API_KEY_HEADER);
    }

    private static void problem(
            HttpServletResponse response, HttpStatus status, String messageKey, MessageSource messages, JsonMapper json)
            throws IOException {
        // The fields of RFC 9457, written directly: this runs in the filter chain, before Spring MVC.
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage(messageKey + ".title", null, Locale.SIMPLIFIED_CHINESE));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage(messageKey, null, Locale.SIMPLIFIED_CHINESE));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Turns a valid key into an authenticated API client with its role and scopes. */
    static final class ApiKeyFilter extends OncePerRequestFilter {

        private final ApiKeys keys;
        private final Function<HttpServletRequest, @Nullable String> presentedKey;

        ApiKeyFilter(ApiKeys keys) {
            this(keys, ApiSecurityConfiguration::key);
        }

        /** A filter that reads the key elsewhere, e.g. Open311's {@code api_key} parameter. */
        ApiKeyFilter(ApiKeys keys, Function<HttpServletRequest, @Nullable String> presentedKey) {
            this.keys = keys;
            this.presentedKey = presentedKey;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String presented = presentedKey.apply(request);
            if (presented != null && !presented.isBlank()) {
                // An invalid key leaves the request anonymous: the chain then refuses it (401, or 403 in Open311).
                keys.authenticate(presented).ifPresent(client -> {
                    List<GrantedAuthority> authorities = new ArrayList<>();
                    authorities.add(new SimpleGrantedAuthority("ROLE_API_CLIENT"));
                    client.scopeList().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
                    var authentication = UsernamePasswordAuthenticationToken.authenticated(
                            "api:" + client.name(), null, authorities);
                    SecurityContextHolder.getContext().setAuthentication(authentication);
                });
            }
            chain.doFilter(request, response);
        }
    }
}
