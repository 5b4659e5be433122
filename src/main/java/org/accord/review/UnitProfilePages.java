package org.accord.review;

import org.accord.directory.Directory;
import org.accord.directory.UnitSummary;
import org.accord.security.DataScope;
import org.accord.security.DataScopes;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** A unit's profile page: a liaison sees their own unit's, a leader his units', the office every unit's. */
@Controller
class UnitProfilePages {

    private final UnitProfiles profiles;
    private final Directory directory;
    private final DataScopes scopes;

    UnitProfilePages(UnitProfiles profiles, Directory directory, DataScopes scopes) {
        this.profiles = profiles;
        this.directory = directory;
        this.scopes = scopes;
    }

    @GetMapping("/review/units/{id}/profile")
    String profile(@PathVariable long id, Model model) {
        DataScope scope = scopes.current();
        if (scope.kind() == DataScope.Kind.NONE) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        UnitSummary unit = directory
                .unit(id)
                .filter(found -> scope.coversUnit(found.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("profile", profiles.profile(unit));
        model.addAttribute("activeNav", "review");
        return "review/unit-profile";
    }
}
