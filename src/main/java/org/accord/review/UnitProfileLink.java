package org.accord.review;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.accord.security.DataScopes;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Offers the directory's unit page a link to the unit's profile, only to viewers whose scope covers the unit. The
 * directory cannot ask the security module (that would be a cycle), so the link's address is decided here and the
 * directory's template merely shows it when present.
 */
@ControllerAdvice(basePackages = "org.accord.directory")
class UnitProfileLink {

    private final DataScopes scopes;

    UnitProfileLink(DataScopes scopes) {
        this.scopes = scopes;
    }

    @ModelAttribute("unitProfileLink")
    @Nullable
    String link(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/directory/units/")) {
            return null;
        }
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map)
                || !(map.get("id") instanceof String id)
                || !id.matches("\\d{1,18}")) {
            return null;
        }
        long unitId = Long.parseLong(id);
        return scopes.current().coversUnit(unitId) ? "/review/units/" + unitId + "/profile" : null;
    }
}
