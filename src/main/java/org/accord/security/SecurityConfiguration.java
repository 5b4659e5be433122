package org.accord.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The pages' security: form sign-in in steps (password, then the second factor, a forced password change
 * or an enrolment, see {@link SignInStage}), who may open which area, CSRF on every form, and the security
 * headers. The API has a chain of its own ({@code ApiSecurityConfiguration}, ordered first); this one takes
 * every other request.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    static final String[] EVERY_ROLE = {"LEADER", "STAFF", "LIAISON", "SYSADMIN", "SECADMIN", "AUDITOR"};
    /** The auditor reads the audit trail and nothing else. */
    static final String[] ALL_BUT_AUDITOR = {"LEADER", "STAFF", "LIAISON", "SYSADMIN", "SECADMIN"};

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, PasswordSignIn passwordSignIn, SignInSteps steps) throws Exception {
        String[] passwordPage = new String[EVERY_ROLE.length + 1];
        for (int i = 0; i < EVERY_ROLE.length; i++) {
            passwordPage[i] = "ROLE_" + EVERY_ROLE[i];
        }
        passwordPage[EVERY_ROLE.length] = SignInStage.PASSWORD_CHANGE_REQUIRED.authority();
        // The chain's own manager, without a parent, so that a refused password is counted exactly once.
        http.authenticationManager(new ProviderManager(passwordSignIn))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/signin", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error")
                        .permitAll()
                        // The citizens' hotline form and status page (module cases), with their own abuse limits.
                        .requestMatchers("/public/**")
                        .permitAll()
                        .requestMatchers("/signin/totp")
                        .hasAuthority(SignInStage.FACTOR_PENDING.authority())
                        .requestMatchers("/signin/totp/enrol")
                        .hasAuthority(SignInStage.TOTP_ENROLMENT_REQUIRED.authority())
                        .requestMatchers("/account/password")
                        .hasAnyAuthority(passwordPage)
                        .requestMatchers("/audit", "/audit/**")
                        .hasRole("AUDITOR")
                        .requestMatchers("/admin/accounts", "/admin/accounts/**")
                        .hasRole("SYSADMIN")
                        .requestMatchers("/admin/roles", "/admin/roles/**")
                        .hasRole("SECADMIN")
                        .requestMatchers("/", "/account", "/account/**")
                        .hasAnyRole(EVERY_ROLE)
                        .anyRequest()
                        .hasAnyRole(ALL_BUT_AUDITOR))
                .formLogin(form -> form.loginPage("/signin")
                        .loginProcessingUrl("/signin")
                        .successHandler(steps.afterPassword())
                        .failureHandler(steps.afterRefusal())
                        .permitAll())
                .exceptionHandling(errors -> errors.accessDeniedHandler(steps.whenDenied()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/signin?signedout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * The accounts as Spring Security's user store, with their roles: for tests that act as an account without
     * signing in, and for any code that loads a principal by name. Signing in goes through
     * {@link PasswordSignIn}.
     */
    @Bean
    UserDetailsService accountDetails(Accounts accounts) {
        return username -> accounts.findByUsername(username)
                .filter(account -> account.role() != null)
                .map(Account::principal)
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
