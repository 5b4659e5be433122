package org.accord.shell;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links are written as the templates give them. Spring Boot would otherwise pass every link of every page through
 * {@link ResourceUrlEncodingFilter}, which looks each one up as a static file; inside the packaged jar those look-ups
 * take one lock, so a list page with many links made concurrent requests queue behind each other (seen in thread
 * dumps under the page benchmark). The WebJars' version-free paths ({@code /webjars/htmx.org/dist/htmx.min.js}) still
 * work: the resource chain resolves them when the browser asks for them.
 */
@Configuration(proxyBeanMethods = false)
class StaticLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
