package org.accord.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final ObjectProvider<DemoAccounts> demoAccounts;
    private final Clock clock;
    private final ZoneId zone;

    SignInController(
            ObjectProvider<DemoAccounts> demoAccounts,
            ObjectProvider<Clock> clock,
            @Value("${accord.calendar.zone:Asia/Shanghai}") String zone) {
        this.demoAccounts = demoAccounts;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/signin")
    String signIn(HttpServletRequest request, Model model) {
        DemoAccounts demo = demoAccounts.getIfAvailable();
        model.addAttribute("demoAccounts", demo == null ? List.of() : demo.listed());
        model.addAttribute("demoTotpSecret", demo == null ? null : DemoAccounts.TOTP_SECRET);
        HttpSession session = request.getSession(false);
        Instant until = SignInSteps.lockedUntil(session);
        if (request.getParameter("locked") != null && until != null) {
            long minutes = Math.max(
                    1, Duration.between(clock.instant(), until).plusSeconds(59).toMinutes());
            model.addAttribute("lockedUntil", TIME.format(until.atZone(zone)));
            model.addAttribute("lockedMinutes", minutes);
        }
        return "security/signin";
    }
}
