package org.accord.audit;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signing in as a demo account in the audit tests. */
final class SignIn {

    static final String PASSWORD = "Demo@2026";

    private SignIn() {}

    /**
     * Signed in for real with the demo password. Should the account be asked for a second factor (the
     * administrators may be), the test stands in with the same username and role instead.
     */
    static RequestPostProcessor as(MockMvc mvc, String username, String role) throws Exception {
        MvcResult result = mvc.perform(post("/signin")
                        .param("username", username)
                        .param("password", PASSWORD)
                        .with(csrf()))
                .andReturn();
        if ("/".equals(result.getResponse().getRedirectedUrl())) {
            MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
            return request -> {
                request.setSession(session);
                return request;
            };
        }
        return user(username).roles(role);
    }
}
